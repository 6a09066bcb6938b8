import { formatDate, formatNumber } from "../../../app/i18n";
import { Show, useLoad } from "../../../app/ui";
import { request } from "../api";
import { Bars } from "./Bars";
import { DirectiveCompletionQuery } from "./documents";
import { dt } from "./i18n";

/**
 * Directive completion by level: the directives issued in the subtree up to the as-of date, each level's targets
 * received / read / implemented / overdue as at the end of that day (units, not people: nothing to hide). The chart
 * draws the implemented units against all the level's units; the table under it has every figure.
 */
export function DirectivesChart({ unit, asOf }: { unit: { id: string; name: string }; asOf: string }) {
  const loaded = useLoad(() => request(DirectiveCompletionQuery, { unitId: unit.id, asOf }).then((r) => r.directiveCompletion), [unit.id, asOf]);
  return (
    <section aria-labelledby="dash-directives-title" data-testid="dash-directives">
      <h2 id="dash-directives-title">{dt("dash.directives.title")}</h2>
      <Show loaded={loaded}>
        {(d) => {
          const rows = [
            ...d.levels.map((l) => ({ key: String(l.level), label: dt("dash.levelN", { level: l.level }), counts: l.counts })),
            { key: "total", label: dt("dash.total"), counts: d.total },
          ];
          return (
            <>
              {d.levels.length === 0 && <p>{dt("dash.noDirectives")}</p>}
              <Bars bars={d.levels.map((l) => ({ label: dt("dash.levelN", { level: l.level }), value: l.counts.implemented, of: l.counts.units }))} hiddenText="" />
              <div class="scroll">
                <table>
                  <caption>{dt("dash.directives.caption", { unit: unit.name, count: formatNumber(d.directives), date: formatDate(asOf) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{dt("dash.level")}</th>
                      <th scope="col">{dt("dash.targets")}</th>
                      <th scope="col">{dt("dash.received")}</th>
                      <th scope="col">{dt("dash.read")}</th>
                      <th scope="col">{dt("dash.implemented")}</th>
                      <th scope="col">{dt("dash.overdue")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.key}>
                        <th scope="row">{r.label}</th>
                        <td>{formatNumber(r.counts.units)}</td>
                        <td>{formatNumber(r.counts.received)}</td>
                        <td>{formatNumber(r.counts.read)}</td>
                        <td>{formatNumber(r.counts.implemented)}</td>
                        <td>{formatNumber(r.counts.overdue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}
