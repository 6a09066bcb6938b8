import { useState } from "preact/hooks";
import { formatDateTime } from "../../app/i18n";
import { ErrorMessage, useAction } from "../../app/ui";
import { request } from "./api";
import { DirectiveOverdueQuery } from "./documents";
import { ct, type ConsoleKey } from "./i18n";

type Page = NonNullable<NonNullable<Awaited<ReturnType<typeof loadPage>>>>;
type Overdue = Page["nodes"][number];

const loadPage = async (id: string, root: string | null, after: string | null) =>
  (await request(DirectiveOverdueQuery, { id, root, after })).directive?.units;

/**
 * The overdue units under the roll-up's root, 50 a page in tree order, each with up to five officials (read for the
 * whole page at once on the server); "Xem thêm" reads the next page. The roll-up's own read gives the first page, so a
 * live reload starts again from it.
 */
export function OverdueUnits({ id, root, first }: { id: string; root: string | null; first: Page | null | undefined }) {
  const [read, setRead] = useState<{ of: typeof first; units: Overdue[]; next: string | null } | null>(null);
  const action = useAction();
  const shown = read && read.of === first ? read : { of: first, units: [], next: first?.pageInfo.hasNextPage ? (first.pageInfo.endCursor ?? null) : null };
  const units = [...(first?.nodes ?? []), ...shown.units];
  if (units.length === 0) return <p class="muted">{ct("dir.noOverdue")}</p>;
  const loadMore = () =>
    action.run(async () => {
      const page = await loadPage(id, root, shown.next);
      setRead({ of: first, units: [...shown.units, ...(page?.nodes ?? [])], next: page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null });
    });
  return (
    <>
      <p class="muted">{ct("dir.escalatedHint")}</p>
      <ul class="list long" data-testid="overdue">
        {units.map((u) => (
          <OverdueUnit key={u.unit?.id} u={u} />
        ))}
      </ul>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {shown.next && (
        <button type="button" class="secondary" data-testid="more-overdue" disabled={action.busy} onClick={loadMore}>
          {ct("dir.moreOverdue")}
        </button>
      )}
    </>
  );
}

function OverdueUnit({ u }: { u: Overdue }) {
  const officials = u.unit?.officials?.nodes ?? [];
  return (
    <li data-testid="overdue-unit">
      {u.unit ? <a href={`/console/units/${u.unit.id}`}>{u.unit.name}</a> : "—"}{" "}
      <span class="tag">{ct(("dir.status." + u.status) as ConsoleKey)}</span>
      {u.escalation && (
        <span class="tag overdue" data-testid="escalated">
          {ct("dir.escalatedTo", { unit: u.escalation.escalatedTo?.name ?? "—", at: formatDateTime(u.escalation.escalatedAt) })}
        </span>
      )}
      <br />
      <span class="muted" data-testid="officials">
        {officials.length
          ? ct("dir.officials", { names: officials.map((o) => `${o.person?.fullName ?? "—"} (${ct(("role." + o.role) as ConsoleKey)})`).join(", ") })
          : ct("dir.noOfficials")}
      </span>
    </li>
  );
}
