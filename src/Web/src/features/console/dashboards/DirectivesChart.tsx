import { formatDate, formatNumber } from "../../../app/i18n";
import { useLoad } from "../../../app/ui";
import { request } from "../api";
import { BarChart } from "./BarChart";
import { DirectiveCompletionQuery } from "./documents";
import { dt } from "./i18n";
import { ownTask } from "./ownTask";

/**
 * Directive completion by level: the directives issued in the subtree up to the as-of date, each level's targets
 * received / read / implemented / overdue as at the end of that day (units, not people: nothing to hide). The chart
 * draws the implemented units against all the level's units; the table under it has every figure. Its number of
 * levels is known only with the answer, so it is the last section: its height moves nothing under it.
 */
export function DirectivesChart({ unit, asOf }: { unit: { id: string; name: string }; asOf: string }) {
  const loaded = useLoad(() => ownTask().then(() => request(DirectiveCompletionQuery, { unitId: unit.id, asOf })).then((r) => r.directiveCompletion), [unit.id, asOf]);
  const caption = (count: string) => dt("dash.directives.caption", { unit: unit.name, count, date: formatDate(asOf) });
  return (
    <BarChart
      id="dash-directives"
      title={dt("dash.directives.title")}
      caption={caption("…")}
      columns={[dt("dash.level"), dt("dash.targets"), dt("dash.received"), dt("dash.read"), dt("dash.implemented"), dt("dash.overdue")]}
      loaded={loaded}
      expect={{ bars: 2, rows: 3 }}
      hiddenText=""
      draw={(d) => ({
        caption: caption(formatNumber(d.directives)),
        note: d.levels.length === 0 && <p>{dt("dash.noDirectives")}</p>,
        bars: d.levels.map((l) => ({ label: dt("dash.levelN", { level: l.level }), value: l.counts.implemented, of: l.counts.units })),
        rows: [
          ...d.levels.map((l) => ({ key: String(l.level), head: dt("dash.levelN", { level: l.level }), counts: l.counts })),
          { key: "total", head: dt("dash.total"), counts: d.total },
        ].map(({ key, head, counts: c }) => ({
          key,
          head,
          cells: [c.units, c.received, c.read, c.implemented, c.overdue].map((n) => formatNumber(n)),
        })),
      })}
    />
  );
}
