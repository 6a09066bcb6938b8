import { useState } from "preact/hooks";
import { formatDate, formatNumber } from "../../app/i18n";
import { navigate, type RouteProps } from "../../app/router";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { request } from "./api";
import { AppError } from "../../api/errors";
import { ConsoleUnitQuery, SearchUnitsQuery } from "./documents";
import { ct, type ConsoleKey } from "./i18n";
import { ImportCsv } from "./ImportCsv";
import { Members } from "./Members";
import { MembershipRequests } from "./MembershipRequests";
import { AddMember, Officials } from "./Officials";
import { loadMyRoles } from "./officials";
import { may, type HeldRole } from "./permissions";
import { Rename } from "./Rename";
import { UnitChanges, type UnitKind } from "./UnitChanges";
import { UnitTree } from "./UnitTree";

const isDate = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * A unit in the console: its figures and tree as of a date (today by default), a folded search of its subtree, its
 * members (paged, searchable) and its history; renaming where my roles allow it.
 */
export default function UnitPage({ params, query }: RouteProps) {
  const id = params.id!;
  const asOf = isDate(query.get("asOf")) ? query.get("asOf") : null;
  const loaded = useLoad(
    () => Promise.all([request(ConsoleUnitQuery, { id, asOf, past: asOf !== null }), loadMyRoles()]).then(([u, roles]) => ({ unit: u.unit, roles })),
    [id, asOf],
  );
  useTitle(loaded.data?.unit?.name ?? ct("console.title"));
  const [imports, setImports] = useState(0);
  const [units, setUnits] = useState(0);
  const at = (date: string | null) => navigate(`/console/units/${id}` + (date ? `?asOf=${date}` : ""), true);

  return (
    <section class="console">
      <Show loaded={loaded}>
        {({ unit, roles }) => {
          if (!unit) return <ErrorMessage error={new AppError("NOT_FOUND")} />;
          const path = [...unit.ancestors.map((a) => a.id), unit.id];
          const held: HeldRole[] = roles.flatMap((r) => (r.unit ? [{ role: r.role, unitId: r.unit.id }] : []));
          const viewMembers = may(held, "VIEW_MEMBERS", path);
          const manageMembers = may(held, "MANAGE_MEMBERS", path) && unit.status === "ACTIVE";
          const manage = may(held, "MANAGE_UNITS", path) && unit.status === "ACTIVE";
          // The highest unit on the path where I may manage units: a move's new parent is searched in its subtree.
          const scope = path.find((p) => may(held, "MANAGE_UNITS", [p])) ?? unit.id;
          const then = asOf ? unit.history.find((p) => p.from <= asOf && (!p.to || asOf < p.to)) : undefined;
          const stats = unit.statistics;
          return (
            <>
              <nav aria-label={ct("unit.parents")} class="crumbs">
                {/* As of a date: the parents it had then (a unit moved since shows its old ones), with their names then; asked only then. */}
                {(asOf && unit.ancestorsAsOf ? unit.ancestorsAsOf.map((a) => ({ id: a.unit.id, name: a.name })) : unit.ancestors).map((a) => (
                  <span key={a.id}>
                    <a href={`/console/units/${a.id}` + (asOf ? `?asOf=${asOf}` : "")}>{a.name}</a> ›{" "}
                  </span>
                ))}
              </nav>
              <h1>{then?.name ?? unit.name}</h1>
              <p>
                <span class="tag">{ct(("kind." + (then?.kind ?? unit.kind)) as ConsoleKey)}</span>
                <span class="tag">{ct("unit.code", { code: unit.code })}</span>
                <span class="tag">{ct(("status." + (then?.status ?? unit.status)) as ConsoleKey)}</span>
              </p>
              <form class="row" onSubmit={(e) => e.preventDefault()}>
                <div>
                  <label for="as-of">{ct("unit.asOf")}</label>
                  <input id="as-of" type="date" value={asOf ?? ""} onChange={(e) => at((e.target as HTMLInputElement).value || null)} />
                </div>
                <button type="button" class="secondary" onClick={() => at(null)} disabled={!asOf}>
                  {ct("unit.asOfToday")}
                </button>
              </form>
              {asOf && <p class="notice" role="status">{ct("unit.asOfShowing", { date: formatDate(asOf) })}</p>}
              <div class="console-grid">
                <div>
                  <h2>{ct("unit.figures")}</h2>
                  {stats ? (
                    <div data-testid="figures">
                      <p>{ct("unit.members", { count: formatNumber(stats.members) })}</p>
                      <p>{ct("unit.units", { count: formatNumber(stats.units) })}</p>
                      {stats.unitsByKind.length > 0 && (
                        <ul class="list" aria-label={ct("unit.byKind")}>
                          {stats.unitsByKind.map((k) => (
                            <li key={k.kind}>{ct("unit.kindCount", { kind: ct(("kind." + k.kind) as ConsoleKey), count: formatNumber(k.count) })}</li>
                          ))}
                        </ul>
                      )}
                    </div>
                  ) : (
                    <p class="muted">{ct("unit.notYet")}</p>
                  )}
                  <h2>{ct("tree.title")}</h2>
                  <UnitSearch within={unit.id} />
                  <UnitTree key={units} parentId={unit.id} asOf={asOf} />
                </div>
                {/* Below the tree on a phone: each block is laid out and painted as it nears the screen (styles.css). */}
                <div class="unit-side" data-testid="unit-side">
                  {viewMembers && !asOf && (
                    <>
                      <h2>{ct("members.title")}</h2>
                      <Members key={imports} unitId={unit.id} manage={manageMembers} />
                    </>
                  )}
                  {manageMembers && !asOf && <MembershipRequests key={unit.id} unitId={unit.id} decided={() => setImports((n) => n + 1)} />}
                  {manageMembers && !asOf && <AddMember unitId={unit.id} added={() => setImports((n) => n + 1)} />}
                  {manageMembers && !asOf && <ImportCsv what="members" unitId={unit.id} imported={() => setImports((n) => n + 1)} />}
                  {manage && !asOf && <ImportCsv what="units" unitId={unit.id} imported={() => setUnits((n) => n + 1)} />}
                  {viewMembers && !asOf && <Officials key={unit.id} unitId={unit.id} manage={may(held, "MANAGE_ROLES", path) && unit.status === "ACTIVE"} />}
                  <h2>{ct("history.title")}</h2>
                  <ul class="list" data-testid="history">
                    {unit.history.map((p) => (
                      <li key={p.from}>
                        {ct("history.period", { from: formatDate(p.from), to: p.to ? formatDate(p.to) : ct("history.now"), name: p.name })}
                        <br />
                        <span class="muted">
                          {ct(("status." + p.status) as ConsoleKey)}
                          {p.parent ? " · " + ct("history.parent", { parent: p.parent.name }) : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {unit.formedFrom.length > 0 && <p class="muted">{ct("history.formedFrom", { units: unit.formedFrom.join(", ") })}</p>}
                  {unit.successor && (
                    <p data-testid="successor">
                      {ct("history.mergedInto")} <a href={`/console/units/${unit.successor.id}`}>{unit.successor.name}</a>
                    </p>
                  )}
                  {manage && !asOf && <Rename key={unit.id} unit={unit} reload={loaded.reload} />}
                  {manage && !asOf && (
                    <UnitChanges
                      key={unit.id}
                      unit={{ ...unit, kind: unit.kind as UnitKind, parentId: unit.ancestors.at(-1)?.id ?? null }}
                      scope={scope}
                      reload={loaded.reload}
                    />
                  )}
                </div>
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** Folded search in the subtree (“ba dinh” finds “Ba Đình”). */
function UnitSearch({ within }: { within: string }) {
  const [found, setFound] = useState<{ id: string; name: string; kind: string; parent?: { name: string } | null }[] | null>(null);
  const action = useAction();
  function find(e: Event) {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    if (!text) return setFound(null);
    void action.run(async () => setFound((await request(SearchUnitsQuery, { text, within })).searchUnits.nodes));
  }
  return (
    <>
      <form role="search" class="row" onSubmit={find}>
        <div>
          <label for="unit-q">{ct("tree.search")}</label>
          <input id="unit-q" name="q" type="search" maxLength={200} />
        </div>
        <button type="submit" disabled={action.busy}>{ct("tree.searchButton")}</button>
      </form>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {found &&
        (found.length ? (
          <ul class="list" data-testid="unit-results" aria-label={ct("tree.results")}>
            {found.map((u) => (
              <li key={u.id}>
                <a href={`/console/units/${u.id}`}>{u.name}</a> <span class="tag">{ct(("kind." + u.kind) as ConsoleKey)}</span>
                {u.parent && <span class="muted">{u.parent.name}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted" role="status">{ct("tree.noResults")}</p>
        ))}
    </>
  );
}
