import { formatDate, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Show, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import { AppError } from "../../api/errors";
import type { NewsListQuery } from "../../gql/graphql";
import { NewsQuery } from "./documents";
import { Paragraphs } from "./text";

/** How far back an item is looked for (the schema has no news item by id yet: see docs/web.md). */
const PAGES = 5;

async function find(id: string, unitId: string | null) {
  let after: string | null = null;
  for (let i = 0; i < PAGES; i++) {
    const page: NewsListQuery["news"] = (await request(NewsQuery, { unitId, first: 100, after })).news;
    const hit = page.nodes.find((n) => n.id === id);
    if (hit) return hit;
    if (!page.pageInfo.hasNextPage) return null;
    after = page.pageInfo.endCursor;
  }
  return null;
}

/** One news item: its unit, date and text (paragraphs, never HTML from data). */
export default function NewsItemPage({ params, query }: RouteProps) {
  const unit = query.get("unit");
  const loaded = useLoad(() => find(params.id!, unit), [params.id, unit]);
  useTitle(loaded.data?.title ?? t("news.title"));
  return (
    <Show loaded={loaded}>
      {(n) =>
        !n ? (
          <ErrorMessage error={new AppError("NOT_FOUND")} />
        ) : (
          <article>
            <p class="crumbs">
              <a href={"/news" + (unit ? `?unit=${unit}` : "")}>{t("news.all")}</a>
            </p>
            <h1>{n.title}</h1>
            <p class="muted">
              {n.unit?.name ?? "—"} · {formatDate(n.publishedAt)}
            </p>
            <div data-testid="news-body">
              <Paragraphs text={n.body} />
            </div>
          </article>
        )
      }
    </Show>
  );
}
