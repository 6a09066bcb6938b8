import { t } from "../../app/i18n";
import { navigate, type RouteProps } from "../../app/router";
import { Show, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import type { ResourceFormat } from "../../gql/graphql";
import { LibraryQuery } from "./documents";
import { formatLabel } from "./labels";
import { recentResources } from "./recent";
import { session } from "../../app/session";
import { useStore } from "../../app/store";

/** The library: folded search (server side) with the format facet and its counts; the resources I opened lately. */
export default function LibraryPage({ query }: RouteProps) {
  useTitle(t("library.title"));
  const text = query.get("q") ?? "";
  const format = (query.get("format") ?? "") as ResourceFormat | "";
  const loaded = useLoad(() => request(LibraryQuery, { first: 20, ...(text ? { search: text } : {}), ...(format ? { facets: { format } } : {}) }), [text, format]);
  const recent = recentResources();
  const who = useStore(session);

  function go(q: string, f: string) {
    const p = new URLSearchParams();
    if (q) p.set("q", q);
    if (f) p.set("format", f);
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
          go(String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim(), format);
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
            {resources.facets.format.length > 0 && (
              <div class="actions" role="group" aria-label="Định dạng">
                {resources.facets.format.map((f) => (
                  <button type="button" key={f.value} class={f.value === format ? "" : "secondary"} aria-pressed={f.value === format} onClick={() => go(text, f.value === format ? "" : f.value)}>
                    {formatLabel(f.value)} ({f.count})
                  </button>
                ))}
              </div>
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
