import { formatDate, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { MorePages, useMorePages } from "../../app/paging";
import { Show, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import { MyResourcesQuery } from "./documents";
import { formatLabel } from "./labels";
import { ResourceState } from "./ResourceState";

const PAGE = 20;

/**
 * The resources I submitted, newest first, each with its state: waiting for review, approved, rejected or withdrawn
 * with the official's reason (`myResources`: the signed-in person's own only); 20 a page, then "more".
 */
export default function MyResourcesPage(_: RouteProps) {
  useTitle(t("library.mine"));
  const loaded = useLoad(() => request(MyResourcesQuery, { first: PAGE }), []);
  const pages = useMorePages(loaded.data?.myResources, async (after) => (await request(MyResourcesQuery, { first: PAGE, after })).myResources, []);

  return (
    <section>
      <h1>{t("library.mine")}</h1>
      <Show loaded={loaded}>
        {(data) => {
          const items = pages.items(data.myResources);
          return (
            <>
              {items.length === 0 ? (
                <p class="muted">{t("library.mineNone")}</p>
              ) : (
                <ul class="cards" data-testid="my-resources">
                  {items.map((r) => (
                    <li key={r.id} class="card" data-testid="my-resource">
                      <h2 class="card-title">
                        <a href={`/library/${r.id}`}>{r.title}</a>
                      </h2>
                      <p class="muted">
                        {t("library.submitted", { date: formatDate(r.submittedAt), unit: r.reviewUnit?.name ?? "—" })}{" "}
                        <span class="tag">{formatLabel(r.format)}</span>
                      </p>
                      <ResourceState r={r} />
                    </li>
                  ))}
                </ul>
              )}
              <MorePages pages={pages} hasMore={pages.hasMore(data.myResources)} label={t("library.mineMore")} />
            </>
          );
        }}
      </Show>
    </section>
  );
}
