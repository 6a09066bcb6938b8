import { formatDate, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { MorePages, useMorePages } from "../../app/paging";
import { Show, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import { NewsQuery } from "./documents";

const PAGE = 10;

export const newsHref = (id: string, unit: string | null) => `/news/${id}` + (unit ? `?unit=${unit}` : "");

/** News, newest first: a unit's and its subtree's (`?unit=`), or the public board; 10 a page, then "more". */
export default function NewsPage({ query }: RouteProps) {
  const unit = query.get("unit");
  useTitle(t("news.title"));
  const loaded = useLoad(() => request(NewsQuery, { unitId: unit, first: PAGE }), [unit]);
  const pages = useMorePages(loaded.data?.news, async (after) => (await request(NewsQuery, { unitId: unit, first: PAGE, after })).news, [unit]);

  return (
    <section>
      <h1>{t("news.title")}</h1>
      <Show loaded={loaded}>
        {(data) => {
          const items = pages.items(data.news);
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
              <MorePages pages={pages} hasMore={pages.hasMore(data.news)} label={t("news.more")} />
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
