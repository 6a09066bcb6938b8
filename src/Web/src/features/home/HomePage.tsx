import { formatDate, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { Show, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import { graphql } from "../../gql";
import { ClassCard } from "../classes/ClassCard";

const HomeQuery = graphql(`
  query Home {
    me { personId name homeUnit { id name parent { id } } }
    classes(filter: { upcoming: true }, first: 50) { nodes { ...ClassCardFields } }
  }
`);

const NearQuery = graphql(`
  query NearMe($unitId: ID!) {
    classes(filter: { upcoming: true, unitId: $unitId }, first: 10) { nodes { ...ClassCardFields } }
    news(unitId: $unitId, first: 3) { nodes { id title publishedAt unit { name } } }
  }
`);

/** Home: my unit and its news, my upcoming classes, classes open near me (the unit's parent subtree: my unit and its neighbours). */
export default function HomePage(_: RouteProps) {
  const loaded = useLoad(() => request(HomeQuery), []);
  const unit = loaded.data?.me.homeUnit;
  const near = useLoad(
    () => (unit ? request(NearQuery, { unitId: unit.parent?.id ?? unit.id }) : Promise.resolve(null)),
    [unit?.id],
  );
  const newsUnit = unit?.parent?.id ?? unit?.id ?? "";
  useTitle(t("nav.home"));
  return (
    <Show loaded={loaded}>
      {({ me, classes }) => {
        const mine = classes.nodes.filter((c) => c.enrolment);
        const nearClasses = (near.data?.classes.nodes ?? []).filter((c) => !c.enrolment);
        return (
          <section>
            <h1>{t("home.title", { name: me.name })}</h1>
            <p>{me.homeUnit ? t("home.unit", { unit: me.homeUnit.name }) : t("home.noUnit")}</p>
            <h2>{t("home.myClasses")}</h2>
            {mine.length ? (
              <ul class="cards">
                {mine.map((c) => (
                  <ClassCard key={c.id} c={c} />
                ))}
              </ul>
            ) : (
              <p class="muted">{t("home.noMyClasses")}</p>
            )}
            <p>
              <a class="button" href="/classes">
                {t("home.findClass")}
              </a>{" "}
              <a class="button secondary" href="/calendar">
                {t("home.calendar")}
              </a>{" "}
              <a class="button secondary" href="/settings/contact">
                {t("home.contact")}
              </a>
            </p>
            {me.homeUnit && (
              <Show loaded={near}>
                {(n) => (
                  <>
                    <h2>{t("home.nearClasses")}</h2>
                    {nearClasses.length ? (
                      <ul class="cards">
                        {nearClasses.map((c) => (
                          <ClassCard key={c.id} c={c} />
                        ))}
                      </ul>
                    ) : (
                      <p class="muted">{t("home.noNearClasses")}</p>
                    )}
                    <h2>{t("home.news")}</h2>
                    {n?.news.nodes.length ? (
                      <ul class="list">
                        {n.news.nodes.map((item) => (
                          <li key={item.id}>
                            <a href={`/news/${item.id}?unit=${newsUnit}`}>{item.title}</a> <span class="muted">· {formatDate(item.publishedAt)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p class="muted">{t("home.noNews")}</p>
                    )}
                    <p>
                      <a href={`/news?unit=${newsUnit}`}>{t("news.all")}</a>
                    </p>
                  </>
                )}
              </Show>
            )}
          </section>
        );
      }}
    </Show>
  );
}
