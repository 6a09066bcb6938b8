import { useState } from "preact/hooks";
import { formatDate, formatNumber, t, type MessageKey } from "../../../app/i18n";
import { navigate, type RouteProps } from "../../../app/router";
import { Show, useLoad, useTitle } from "../../../app/ui";
import { request } from "../api";
import { ct, type ConsoleKey } from "../i18n";
import { loadMyRoles } from "../officials";
import { unitsGranting } from "../permissions";
import { AttendanceChart } from "./AttendanceChart";
import { BarChart } from "./BarChart";
import { DirectivesChart } from "./DirectivesChart";
import { SearchUnitsQuery } from "../documents";
import { SearchForm } from "../SearchForm";
import { DashboardUnitQuery, HoursByDomainQuery, SubtreeFiguresQuery } from "./documents";
import { dt } from "./i18n";
import { DOMAINS, everyDomain } from "./domains";
import { monthEnds, monthLabel } from "./months";
import { ownTask } from "./ownTask";

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * Dashboards for an official: members and units of a subtree at the end of each month, learning hours by domain in
 * the as-of date's year, directive completion by level and class attendance by month, each a chart with the same
 * figures in a table under it; "as of" and the subtree (my unit, or any unit of its subtree found by folded search)
 * are filters, kept in the URL (`?unit=&within=&asOf=`). Everything is
 * aggregated by the server; cells under 5 people stay hidden.
 */
export default function DashboardPage({ query }: RouteProps) {
  useTitle(dt("dash.title"));
  const roles = useLoad(() => loadMyRoles(), []);
  return (
    <section class="console">
      <h1>{dt("dash.title")}</h1>
      <Show loaded={roles}>
        {(r) => {
          const units = unitsGranting(r, "VIEW_MEMBERS");
          return units.length ? <Filters units={units} query={query} /> : <p class="notice" data-testid="not-official">{ct("console.notOfficial")}</p>;
        }}
      </Show>
    </section>
  );
}

function Filters({ units, query }: { units: { id: string; name: string }[]; query: URLSearchParams }) {
  const unit = units.find((u) => u.id === query.get("unit")) ?? units[0]!;
  const withinId = query.get("within");
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(query.get("asOf") ?? "") ? query.get("asOf")! : today();
  const within = useLoad(() => (withinId ? request(DashboardUnitQuery, { id: withinId }).then((r) => r.unit) : Promise.resolve(null)), [withinId]);
  const chosen = withinId ? { id: withinId, name: within.data?.name ?? "…" } : unit;
  // The filters live in the URL (a link or a reload shows the same figures); replacing keeps Back for leaving the page.
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
    const q = next.toString();
    navigate("/console/dashboards" + (q ? "?" + q : ""), true);
  };
  return (
    <>
      <form class="row" onSubmit={(e) => e.preventDefault()} data-testid="dash-filters">
        {units.length > 1 && (
          <div>
            <label for="dash-unit">{dt("dash.unit")}</label>
            <select id="dash-unit" value={unit.id} onChange={(e) => go({ unit: (e.target as HTMLSelectElement).value, within: null })}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>{u.name}</option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label for="dash-as-of">{dt("dash.asOf")}</label>
          <input id="dash-as-of" type="date" value={asOf} max={today()} onChange={(e) => go({ asOf: (e.target as HTMLInputElement).value || null })} />
        </div>
      </form>
      <Within unit={unit} chosen={chosen} pick={(id) => go({ within: id === unit.id ? null : id })} />
      <div class="console-grid">
        <Members key={`${chosen.id}/${asOf}`} unit={chosen} asOf={asOf} />
        <Hours key={`${chosen.id}/${asOf.slice(0, 4)}`} unit={chosen} year={Number(asOf.slice(0, 4))} />
        <AttendanceChart key={`a/${chosen.id}/${asOf}`} unit={chosen} asOf={asOf} />
        <DirectivesChart key={`d/${chosen.id}/${asOf}`} unit={chosen} asOf={asOf} />
      </div>
    </>
  );
}

type Found = { id: string; name: string; parent?: { name: string } | null };

/** Any unit of my unit's subtree, found by the console's folded search ("ba dinh" finds "Ba Đình"), or the whole subtree again. */
function Within({ unit, chosen, pick }: { unit: { id: string; name: string }; chosen: { id: string; name: string }; pick: (id: string) => void }) {
  const [found, setFound] = useState<Found[] | null>(null);
  async function find(text: string | null) {
    setFound(text ? (await request(SearchUnitsQuery, { text, within: unit.id })).searchUnits.nodes : null);
  }
  const choose = (id: string) => (setFound(null), pick(id));
  return (
    <div data-testid="dash-within">
      <p>
        {dt("dash.showing", { unit: chosen.name })}{" "}
        {chosen.id !== unit.id && (
          <button type="button" class="secondary" onClick={() => choose(unit.id)}>{dt("dash.whole", { unit: unit.name })}</button>
        )}
      </p>
      <SearchForm id="dash-within-q" label={dt("dash.within")} button={dt("dash.find")} find={find} />
      {found &&
        (found.length ? (
          <ul class="list" data-testid="dash-found" aria-label={dt("dash.found")}>
            {found.map((u) => (
              <li key={u.id}>
                <button type="button" class="secondary" onClick={() => choose(u.id)}>{u.name}</button>
                {u.parent && <span class="muted"> · {u.parent.name}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted" role="status">{dt("dash.notFound")}</p>
        ))}
    </div>
  );
}

function Members({ unit, asOf }: { unit: { id: string; name: string }; asOf: string }) {
  const loaded = useLoad(
    async () => {
      const [d0, d1, d2, d3, d4, d5] = monthEnds(asOf) as [string, string, string, string, string, string];
      const u = (await request(SubtreeFiguresQuery, { id: unit.id, d0, d1, d2, d3, d4, d5 })).unit;
      return [u?.m0, u?.m1, u?.m2, u?.m3, u?.m4, u?.m5].map((stats, i) => ({ date: [d0, d1, d2, d3, d4, d5][i]!, stats: stats ?? null }));
    },
    [unit.id, asOf],
  );
  const count = (n: unknown) => (n === undefined ? dt("dash.none") : formatNumber(Number(n)));
  return (
    <BarChart
      id="dash-members"
      title={dt("dash.members.title")}
      caption={dt("dash.members.caption", { unit: unit.name, date: formatDate(asOf) })}
      columns={[dt("dash.month"), dt("dash.members"), dt("dash.units"), dt("dash.kinds")]}
      loaded={loaded}
      expect={{ bars: 6, rows: 6 }}
      hiddenText={dt("dash.none")}
      draw={(rows) => ({
        bars: rows.map((r) => ({ label: monthLabel(r.date), value: r.stats ? Number(r.stats.members) : null })),
        rows: rows.map((r) => ({
          key: r.date,
          head: monthLabel(r.date),
          cells: [
            count(r.stats?.members),
            count(r.stats?.units),
            r.stats?.unitsByKind.map((k) => `${ct(("kind." + k.kind) as ConsoleKey)}: ${formatNumber(k.count)}`).join("; ") ?? "",
          ],
        })),
      })}
    />
  );
}

function Hours({ unit, year }: { unit: { id: string; name: string }; year: number }) {
  const loaded = useLoad(() => ownTask().then(() => request(HoursByDomainQuery, { unitId: unit.id, year })).then((r) => r.recordStatistics), [unit.id, year]);
  const topic = (domain: string) => t(("topic." + domain) as MessageKey);
  return (
    <BarChart
      id="dash-hours"
      title={dt("dash.hours.title")}
      caption={dt("dash.hours.caption", { unit: unit.name, year })}
      columns={[dt("dash.domain"), dt("dash.people"), dt("dash.hours")]}
      loaded={loaded}
      expect={{ bars: DOMAINS.length, rows: DOMAINS.length + 1 }}
      hiddenText={dt("dash.hidden")}
      hint={dt("dash.hiddenHint")}
      draw={(s) => {
        const cells = everyDomain(s.domains);
        return {
          bars: cells.map((d) => ({ label: topic(d.domain), value: d.hidden ? null : Number(d.hours ?? 0) })),
          rows: [...cells, { ...s.total, domain: null }].map((d) => ({
            key: d.domain ?? "total",
            head: d.domain ? topic(d.domain) : dt("dash.total"),
            cells: [d.hidden ? "< 5" : formatNumber(d.people ?? 0), d.hidden ? dt("dash.hidden") : formatNumber(Number(d.hours ?? 0))],
          })),
        };
      }}
    />
  );
}
