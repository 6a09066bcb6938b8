import { useRef } from "preact/hooks";
import { formatDate, formatDateTime, formatNumber } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Show, useLoad, useTitle } from "../../app/ui";
import { request } from "./api";
import { AppError } from "../../api/errors";
import { DirectiveRollupQuery } from "./documents";
import { DirectiveDocuments } from "./DirectiveDocuments";
import { ct, type ConsoleKey } from "./i18n";
import { OverdueUnits } from "./OverdueUnits";
import { useDirectiveProgress } from "./notifications";

interface Counts {
  units: number;
  received: number;
  read: number;
  implemented: number;
  overdue: number;
}
const columns = ["units", "received", "read", "implemented", "overdue"] as const;

/**
 * A directive's roll-up: totals, by level, by branch (each branch opens its own roll-up), and the overdue units.
 * It follows the units' steps live: each `directiveProgressed` push for this directive reads the roll-up again
 * (pushes close together are read once); after a reconnect it reads it again too, so nothing missed stays missed.
 */
export default function RollupPage({ params, query }: RouteProps) {
  const id = params.id!;
  const root = query.get("unit");
  const loaded = useLoad(() => request(DirectiveRollupQuery, { id, root }), [id, root]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const reloadSoon = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(loaded.reload, 250);
  };
  const live = useDirectiveProgress((p) => p.directiveId === id && reloadSoon(), reloadSoon);
  useTitle(loaded.data?.directive?.title ?? ct("dir.rollup"));

  return (
    <section class="console">
      <Show loaded={loaded}>
        {({ directive: d }) => {
          if (!d) return <ErrorMessage error={new AppError("NOT_FOUND")} />;
          const r = d.rollup;
          const here = `/console/directives/${d.id}`;
          return (
            <>
              <h1>{d.title}</h1>
              <p class="muted">
                {ct("dir.from", { number: d.number, issuer: d.issuer?.name ?? "—" })} · {formatDate(d.issuedOn)}
              </p>
              <p>
                {ct("dir.deadlines", { ack: formatDate(d.acknowledgeBy) })}
                {d.reportBy ? ", " + ct("dir.reportBy", { date: formatDate(d.reportBy) }) : ""}
              </p>
              <DirectiveDocuments documents={d.documents} />
              <p class={live ? "notice" : "banner"} role="status" data-testid="live">
                {live ? ct("dir.live") : ct("dir.offline")}{" "}
                {!live && (
                  <button type="button" class="secondary" onClick={loaded.reload}>
                    {ct("dir.refresh")}
                  </button>
                )}
              </p>
              {r && (
                <>
                  <h2>{r.unit ? ct("dir.rollupOf", { unit: r.unit.name }) : ct("dir.rollup")}</h2>
                  {root && (
                    <p>
                      <a href={here}>{ct("dir.backToRoot")}</a>
                    </p>
                  )}
                  <CountsTable caption={ct("dir.total")} testId="rollup-total" rows={[{ key: "total", label: ct("dir.total"), counts: r.total }]} />
                  <CountsTable
                    caption={ct("dir.byLevel")}
                    testId="rollup-levels"
                    rows={r.levels.map((l) => ({ key: String(l.level), label: ct("dir.level", { level: l.level }), counts: l.counts }))}
                  />
                  <CountsTable
                    caption={ct("dir.bySubtree")}
                    testId="rollup-subtrees"
                    rows={r.subtrees.map((s) => ({
                      key: s.unit?.id ?? "",
                      label: s.unit?.name ?? "—",
                      href: s.unit ? `${here}?unit=${s.unit.id}` : undefined,
                      hrefLabel: s.unit ? ct("dir.drill", { name: s.unit.name }) : undefined,
                      counts: s.counts,
                    }))}
                  />
                </>
              )}
              <h2>{ct("dir.overdueUnits")}</h2>
              <OverdueUnits id={d.id} root={root} first={d.units} />
              <Reports reports={d.reports?.nodes ?? []} />
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** The latest units to report implemented (20), each with its report and files to download. */
function Reports({ reports }: { reports: { implementedAt?: string | null; report?: string | null; unit?: { id: string; name: string } | null; reportFiles: { id: string; name: string; length: number; url: string }[] }[] }) {
  if (reports.length === 0) return null;
  return (
    <>
      <h2>{ct("dir.reports")}</h2>
      <ul class="list long" data-testid="reports">
        {reports.map((r) => (
          <li key={r.unit?.id} data-testid="report">
            <strong>{r.unit?.name ?? "—"}</strong> {r.implementedAt && <span class="muted">{formatDateTime(r.implementedAt)}</span>}
            {r.report && <p>{r.report}</p>}
            <DirectiveDocuments documents={r.reportFiles} caption={ct("dir.reportFilesOf", { unit: r.unit?.name ?? "—" })} testId="report-files" />
          </li>
        ))}
      </ul>
    </>
  );
}

function CountsTable({ caption, rows, testId }: { caption: string; testId: string; rows: { key: string; label: string; href?: string; hrefLabel?: string; counts: Counts }[] }) {
  if (rows.length === 0) return null;
  return (
    <div class="scroll">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ct("dir.col.scope")}</th>
            {columns.map((c) => (
              <th key={c} scope="col">{ct(("dir.col." + c) as ConsoleKey)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.href ? <a href={row.href} aria-label={row.hrefLabel}>{row.label}</a> : row.label}</th>
              {columns.map((c) => (
                <td key={c} data-col={c}>{formatNumber(row.counts[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
