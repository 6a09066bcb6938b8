import { t, type MessageKey } from "../../app/i18n";
import { navigate, type RouteProps } from "../../app/router";
import { useEffect, useState } from "preact/hooks";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import type { CatalogueQuery as CatalogueResult, LearningDomain } from "../../gql/graphql";
import { ClassCard } from "./ClassCard";
import { CatalogueQuery } from "./documents";

type Card = CatalogueResult["classes"]["nodes"][number];
const PAGE = 20;

export const topics: LearningDomain[] = [
  "GENERAL_KNOWLEDGE", "SCIENCE", "LEGAL_AWARENESS", "ESSENTIAL_SKILLS", "DIGITAL_SKILLS", "HEALTH", "CULTURE_AND_ARTS", "FOREIGN_LANGUAGES", "OTHER",
];

/** The catalogue: folded search (the server folds diacritics), topic, date and where; the filters live in the URL. */
export default function CataloguePage({ query }: RouteProps) {
  useTitle(t("classes.title"));
  const text = query.get("q") ?? "";
  const topic = (query.get("topic") ?? "") as LearningDomain | "";
  const from = query.get("from") ?? "";
  const where = query.get("where") ?? "";
  const filter = {
    upcoming: true,
    ...(text ? { text } : {}),
    ...(topic ? { topic } : {}),
    ...(from ? { from: new Date(from + "T00:00:00+07:00").toISOString() } : {}),
  };
  const loaded = useLoad(() => request(CatalogueQuery, { first: PAGE, filter }), [text, topic, from]);
  // Further pages (20 each, from the last page's cursor), dropped when the filters change.
  const [more, setMore] = useState<{ nodes: Card[]; after: string | null }>({ nodes: [], after: null });
  const paging = useAction();
  useEffect(() => setMore({ nodes: [], after: null }), [text, topic, from]);
  const next = () =>
    paging.run(async () => {
      const after = more.after ?? loaded.data?.classes.pageInfo.endCursor;
      if (!after) return;
      const page = (await request(CatalogueQuery, { first: PAGE, after, filter })).classes;
      setMore((m) => ({ nodes: [...m.nodes, ...page.nodes], after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : "" }));
    });

  function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    for (const [k, v] of form) if (typeof v === "string" && v.trim()) params.set(k, v.trim());
    navigate("/classes" + (params.size ? "?" + params : ""), true);
  }

  return (
    <section>
      <h1>{t("classes.title")}</h1>
      <form role="search" onSubmit={submit}>
        <label for="q">
          {t("classes.search")} <span class="hint">({t("classes.searchHint")})</span>
        </label>
        <div class="row">
          <input id="q" name="q" type="search" defaultValue={text} autoComplete="off" />
          <button type="submit">{t("classes.submit")}</button>
        </div>
        <details open={!!(topic || from || where)}>
          <summary>
            {t("classes.topic")}, {t("classes.from").toLowerCase()}, {t("classes.where").toLowerCase()}
          </summary>
          <div class="row">
            <div>
              <label for="topic">{t("classes.topic")}</label>
              <select id="topic" name="topic" defaultValue={topic}>
                <option value="">{t("classes.anyTopic")}</option>
                {topics.map((k) => (
                  <option key={k} value={k}>
                    {t(("topic." + k) as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="from">{t("classes.from")}</label>
              <input id="from" name="from" type="date" defaultValue={from} />
            </div>
            <div>
              <label for="where">{t("classes.where")}</label>
              <select id="where" name="where" defaultValue={where}>
                <option value="">{t("classes.anyWhere")}</option>
                <option value="online">{t("classes.online")}</option>
                <option value="centre">{t("classes.atCentre")}</option>
              </select>
            </div>
          </div>
        </details>
      </form>
      <Show loaded={loaded}>
        {(data) => {
          const nodes = [...data.classes.nodes, ...more.nodes].filter((c) => !where || (where === "online") === !!c.mediaUrl);
          const hasMore = more.after === null ? data.classes.pageInfo.hasNextPage : more.after !== "";
          return (
            <>
              <p class="muted" role="status">
                {t("classes.count", { count: nodes.length })}
              </p>
              {nodes.length === 0 ? (
                <p>{t("classes.none")}</p>
              ) : (
                <ul class="cards">
                  {nodes.map((c) => (
                    <ClassCard key={c.id} c={c} level={2} />
                  ))}
                </ul>
              )}
              {paging.error !== undefined && <ErrorMessage error={paging.error} retry={next} />}
              {hasMore && (
                <p>
                  <button type="button" class="secondary" onClick={next} disabled={paging.busy}>
                    {t("classes.more")}
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
