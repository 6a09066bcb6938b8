import { useEffect, useState } from "preact/hooks";
import { formatDate, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import type { NewsListQuery } from "../../gql/graphql";
import { NewsQuery } from "./documents";

type Item = NewsListQuery["news"]["nodes"][number];
const PAGE = 10;

export const newsHref = (id: string, unit: string | null) => `/news/${id}` + (unit ? `?unit=${unit}` : "");

/** News, newest first: a unit's and its subtree's (`?unit=`), or the public board; 10 a page, then "more". */
export default function NewsPage({ query }: RouteProps) {
  const unit = query.get("unit");
  useTitle(t("news.title"));
  const loaded = useLoad(() => request(NewsQuery, { unitId: unit, first: PAGE }), [unit]);
  const [more, setMore] = useState<{ nodes: Item[]; after: string | null }>({ nodes: [], after: null });
  const paging = useAction();
  useEffect(() => setMore({ nodes: [], after: null }), [unit]);
  const next = () =>
    paging.run(async () => {
      const after = more.after ?? loaded.data?.news.pageInfo.endCursor;
      if (!after) return;
      const page = (await request(NewsQuery, { unitId: unit, first: PAGE, after })).news;
      setMore((m) => ({ nodes: [...m.nodes, ...page.nodes], after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : "" }));
    });

  return (
    <section>
      <h1>{t("news.title")}</h1>
      <Show loaded={loaded}>
        {(data) => {
          const items = [...data.news.nodes, ...more.nodes];
          const hasMore = more.after === null ? data.news.pageInfo.hasNextPage : more.after !== "";
          return (
            <>
              {items.length === 0 ? (
                <p class="muted">{t("home.noNews")}</p>
              ) : (
                <ul class="cards" data-testid="news">
                  {items.map((n) => (
                    <li key={n.id} class="card">
                      <h2 class="card-title">
                        <a href={newsHref(n.id, unit)}>{n.title}</a>
                      </h2>
                      <p class="muted">
                        {n.unit?.name ?? "—"} · {formatDate(n.publishedAt)}
                      </p>
                      <p>{excerpt(n.body)}</p>
                    </li>
                  ))}
                </ul>
              )}
              {paging.error !== undefined && <ErrorMessage error={paging.error} retry={next} />}
              {hasMore && (
                <p>
                  <button type="button" class="secondary" onClick={next} disabled={paging.busy}>
                    {t("news.more")}
                  </button>
                </p>
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}

function excerpt(body: string): string {
  const plain = body.replace(/[#*_>`]+/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 160 ? plain.slice(0, 157) + "…" : plain;
}
