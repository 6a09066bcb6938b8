import { t, type MessageKey } from "../../app/i18n";
import { navigate, type RouteProps } from "../../app/router";
import { Show, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import type { ResourceFacetsInput } from "../../gql/graphql";
import { LibraryQuery } from "./documents";
import { audienceLabel, domainLabel, formatLabel, languageName } from "./labels";
import { recentResources } from "./recent";
import { session } from "../../app/session";
import { useStore } from "../../app/store";

// The facets the API filters by (`resources(facets:)`), each offered as buttons with its count, in the URL.
const FACETS = [
  ["format", "library.facts.format", formatLabel],
  ["domain", "library.facts.domain", domainLabel],
  ["audience", "library.facts.audience", audienceLabel],
] as const satisfies readonly (readonly [keyof ResourceFacetsInput, MessageKey, (v: string) => string])[];

type Chosen = Partial<Record<keyof ResourceFacetsInput, string>>;

/**
 * The library: folded search (server side) with the format, subject area and audience facets and their counts; each
 * result tags its format, its audience unless it is for everyone, and its language unless Vietnamese; the resources I
 * opened lately.
 */
export default function LibraryPage({ query }: RouteProps) {
  useTitle(t("library.title"));
  const text = query.get("q") ?? "";
  const chosen: Chosen = Object.fromEntries(FACETS.map(([f]) => [f, query.get(f) ?? ""]).filter(([, v]) => v));
  const key = FACETS.map(([f]) => chosen[f] ?? "").join("|");
  const loaded = useLoad(
    () => request(LibraryQuery, { first: 20, ...(text ? { search: text } : {}), ...(Object.keys(chosen).length ? { facets: chosen as ResourceFacetsInput } : {}) }),
    [text, key],
  );
  const recent = recentResources();
  const who = useStore(session);

  function go(q: string, next: Chosen) {
    const p = new URLSearchParams();
    if (q) p.set("q", q);
    for (const [f] of FACETS) if (next[f]) p.set(f, next[f]);
    navigate("/library" + (p.size ? "?" + p : ""), true);
  }

  return (
    <section>
      <h1>{t("library.title")}</h1>
      {who?.personId && (
        <p>
          <a href="/library/mine">{t("library.mine")}</a>
        </p>
      )}
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go(String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim(), chosen);
        }}
      >
        <label for="lq">{t("library.search")}</label>
        <div class="row">
          <input id="lq" name="q" type="search" defaultValue={text} />
          <button type="submit">{t("classes.submit")}</button>
        </div>
      </form>
      <Show loaded={loaded}>
        {({ resources }) => (
          <>
            {FACETS.map(([facet, label, name]) =>
              resources.facets[facet].length > 0 && (
                <div class="actions" role="group" aria-labelledby={`facet-${facet}`} key={facet}>
                  <span class="muted" id={`facet-${facet}`}>{t(label)}</span>
                  {resources.facets[facet].map((f) => {
                    const on = f.value === chosen[facet];
                    return (
                      <button type="button" key={f.value} class={on ? "" : "secondary"} aria-pressed={on} onClick={() => go(text, { ...chosen, [facet]: on ? "" : f.value })}>
                        {name(f.value)} ({f.count})
                      </button>
                    );
                  })}
                </div>
              ),
            )}
            {resources.nodes.length ? (
              <ul class="cards">
                {resources.nodes.map((r) => (
                  <li class="card" key={r.id}>
                    <h2 class="card-title">
                      <a href={`/library/${r.id}`}>{r.title}</a>
                    </h2>
                    <p class="muted">
                      {r.author ?? ""} <span class="tag">{formatLabel(r.format)}</span>
                      {r.audience !== "EVERYONE" && <span class="tag">{audienceLabel(r.audience)}</span>}
                      {r.language !== "vi" && <span class="tag">{languageName(r.language)}</span>}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("library.none")}</p>
            )}
          </>
        )}
      </Show>
      {recent.length > 0 && (
        <>
          <h2>{t("library.recent")}</h2>
          <ul class="list">
            {recent.map((r) => (
              <li key={r.id}>
                <a href={`/library/${r.id}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
