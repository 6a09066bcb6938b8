import { useEffect } from "preact/hooks";
import { formatNumber, t, type MessageKey } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Loading, useLoad, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import type { ResourceQuery as ResourceData } from "../../gql/graphql";
import { ResourceQuery } from "./documents";
import { audienceLabel, domainLabel, formatLabel, languageName, licenceLabel } from "./labels";
import { ResourceState } from "./ResourceState";
import { keepResource, recentResources } from "./recent";

type Shown = NonNullable<ResourceData["resource"]>;

/**
 * What the resource is for, as an open library lists it under the title: subject area, audience, level, language (by
 * its name), format and licence. A copy kept offline before these were fetched lacks some: those are left out.
 */
function Facts({ r }: { r: Partial<Shown> }) {
  const facts: [MessageKey, string | null | undefined][] = [
    ["library.facts.domain", r.domain && domainLabel(r.domain)],
    ["library.facts.audience", r.audience && audienceLabel(r.audience)],
    ["library.facts.level", r.educationalLevel],
    ["library.facts.language", r.language && languageName(r.language)],
    ["library.facts.format", r.format && formatLabel(r.format)],
    ["library.facts.licence", r.licence && licenceLabel(r.licence)],
  ];
  return (
    <dl class="facts" data-testid="resource-facts">
      {facts.filter(([, v]) => v).map(([k, v]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One resource; when the network is away, the copy kept from the last time it was opened. */
export default function ResourcePage({ params }: RouteProps) {
  const loaded = useLoad(() => request(ResourceQuery, { id: params.id! }), [params.id]);
  const kept = recentResources().find((r) => r.id === params.id);
  const r = loaded.data?.resource ?? (loaded.error !== undefined ? kept : undefined);
  useTitle(r?.title ?? t("library.title"));
  useEffect(() => {
    if (loaded.data?.resource?.status === "APPROVED") keepResource(loaded.data.resource);
  }, [loaded.data]);
  if (!r) return loaded.error !== undefined ? <ErrorMessage error={loaded.error} retry={loaded.reload} /> : loaded.loading ? <Loading /> : <p class="error">{t("library.none")}</p>;
  return (
    <article>
      <h1>{r.title}</h1>
      {!loaded.data && <p class="notice">{t("library.offlineKept")}</p>}
      {(r.author || r.source) && <p class="muted">{[r.author, r.source].filter(Boolean).join(" · ")}</p>}
      <Facts r={r} />
      {r.status && r.status !== "APPROVED" && <ResourceState r={r} />}
      <p>{r.description}</p>
      {r.subjects.length > 0 && <p class="muted">{r.subjects.join(", ")}</p>}
      <div class="actions">
        {r.file && (
          <a class="button" href={r.file.url} download={r.file.name}>
            {t("library.open")} ({formatNumber(r.file.length / 1024)} KB)
          </a>
        )}
        {r.externalUrl && (
          <a class="button secondary" href={r.externalUrl} rel="noopener noreferrer" target="_blank">
            {t("library.open")}
          </a>
        )}
      </div>
    </article>
  );
}
