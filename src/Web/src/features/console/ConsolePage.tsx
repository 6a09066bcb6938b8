import { formatDate } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { Show, useLoad, useTitle } from "../../app/ui";
import { ct, type ConsoleKey } from "./i18n";
import { loadMyRoles } from "./officials";
import { rt } from "./records/i18n";
import { unitsGranting } from "./permissions";

/** The console's start: the roles I hold now, each opening its unit (the tree from there down). */
export default function ConsolePage(_: RouteProps) {
  useTitle(ct("console.title"));
  const loaded = useLoad(() => loadMyRoles(true), []);
  return (
    <section class="console">
      <h1>{ct("console.title")}</h1>
      <nav aria-label={ct("console.title")} class="actions">
        <a class="button secondary" href="/console/directives">{ct("console.directives")}</a>
        <a class="button secondary" href="/console/channels">{ct("console.channels")}</a>
        <a class="button secondary" href="/console/dashboards">{ct("console.dashboards")}</a>
        {loaded.data && unitsGranting(loaded.data, "RUN_CLASSES").length > 0 && (
          <a class="button secondary" href="/console/classes">{ct("console.classes")}</a>
        )}
        <a class="button secondary" href="/console/records/verify">{ct("console.verify")}</a>
        <a class="button secondary" href="/console/records/titles">{rt("proposals.title")}</a>
        <a class="button secondary" href="/console/records/statistics">{rt("stats.title")}</a>
        {loaded.data && unitsGranting(loaded.data, "PUBLISH_CONTENT").length > 0 && (
          <>
            <a class="button secondary" href="/console/content/news">{ct("console.news")}</a>
            <a class="button secondary" href="/console/content/review">{ct("console.review")}</a>
            <a class="button secondary" href="/console/content/library">{ct("console.published")}</a>
          </>
        )}
      </nav>
      <Show loaded={loaded}>
        {(roles) =>
          roles.length === 0 ? (
            <p class="notice" data-testid="not-official">{ct("console.notOfficial")}</p>
          ) : (
            <>
              <h2>{ct("console.myRoles")}</h2>
              <ul class="cards" data-testid="my-roles">
                {roles.map((r) => (
                  <li key={r.id} class="card">
                    <h3 class="card-title">
                      {r.unit ? <a href={`/console/units/${r.unit.id}`}>{r.unit.name}</a> : "—"}
                    </h3>
                    <p>
                      <span class="tag">{ct(("role." + r.role) as ConsoleKey)}</span>
                      {r.unit && <span class="tag">{ct(("kind." + r.unit.kind) as ConsoleKey)}</span>}
                    </p>
                    <p class="muted">
                      {r.to ? ct("console.termTo", { from: formatDate(r.from), to: formatDate(r.to) }) : ct("console.term", { from: formatDate(r.from) })}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Show>
    </section>
  );
}
