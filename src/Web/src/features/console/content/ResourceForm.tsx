import { useState } from "preact/hooks";
import { t, type MessageKey } from "../../../app/i18n";
import { useAction } from "../../../app/ui";
import { toAppError } from "../../../api/errors";
import type { ConsoleEditResourceMutation, LearningDomain, ResourceLicence } from "../../../gql/console/graphql";
import { AUDIENCES, LANGUAGE_GROUPS, audienceLabel, languageName, licenceLabel, named } from "../../library/labels";
import { request } from "../api";
import { DOMAINS } from "../dashboards/domains";
import { ContentError } from "./ContentError";
import { EditResourceMutation } from "./documents";
import { cnt, type ContentKey } from "./i18n";
import type { Published } from "./PublishedPage";

const LICENCES: ResourceLicence[] = ["CC_BY", "CC_BY_SA", "CC_BY_ND", "CC_BY_NC", "CC_BY_NC_SA", "CC_BY_NC_ND", "CC_0", "PUBLIC_DOMAIN", "OTHER"];

type Text = "title" | "description" | "externalUrl" | "author" | "source" | "educationalLevel" | "subjects";

/** What the form edits: a published resource, or one waiting in the review queue. */
export type Editable = Pick<Published, Text | "language" | "id" | "domain" | "audience" | "licence" | "format" | "resourceType" | "collections" | "version"> & {
  file?: { id: string } | null;
  cover?: { id: string } | null;
};

export type Edited = ConsoleEditResourceMutation["editResource"];

/**
 * A resource's description edited by an official of the reviewing unit (the decision is kept, ADR 0074), on the
 * published list and in the review queue, with the version read; on VERSION_CONFLICT the typed text stays and
 * "reload" takes the new version to save again. The format, file, cover, type and collections are sent as they are.
 * The language is chosen from a list by name (ADR 0315); a code outside it that the resource already has stays offered.
 */
export function ResourceForm({ item, finished, reload, cancel }: {
  item: Editable;
  finished: (message: string, edited: Edited) => void;
  reload: () => void;
  cancel: () => void;
}) {
  const [text, setText] = useState<Record<Text, string>>({
    title: item.title, description: item.description, externalUrl: item.externalUrl ?? "", author: item.author ?? "", source: item.source ?? "",
    educationalLevel: item.educationalLevel ?? "", subjects: item.subjects.join(", "),
  });
  const [language, setLanguage] = useState(item.language);
  const [domain, setDomain] = useState(item.domain);
  const [audience, setAudience] = useState(item.audience);
  const [licence, setLicence] = useState(item.licence);
  const [conflict, setConflict] = useState(false);
  const action = useAction();
  const id = `resource-${item.id}`;
  const optional = (v: string) => v.trim() || null;

  function submit(e: Event) {
    e.preventDefault();
    setConflict(false);
    void action.run(async () => {
      try {
        const r = await request(EditResourceMutation, {
          input: {
            resourceId: item.id, expectedVersion: item.version, title: text.title, description: text.description, externalUrl: optional(text.externalUrl),
            author: optional(text.author), source: optional(text.source), language, educationalLevel: optional(text.educationalLevel),
            subjects: text.subjects.split(",").map((s) => s.trim()).filter(Boolean), domain, audience, licence,
            format: item.format, resourceType: item.resourceType, collections: item.collections, fileId: item.file?.id ?? null, coverFileId: item.cover?.id ?? null,
          },
        });
        finished(cnt("review.saved", { title: r.editResource.title, version: r.editResource.version }), r.editResource);
      } catch (error) {
        if (toAppError(error).code !== "VERSION_CONFLICT") throw error;
        setConflict(true);
      }
    });
  }

  const field = (name: Text, label: ContentKey, props: Record<string, unknown> = {}) => (
    <>
      <label for={`${id}-${name}`}>{cnt(label)}</label>
      {name === "description" ? (
        <textarea id={`${id}-${name}`} rows={4} value={text[name]} onInput={(e) => setText({ ...text, [name]: (e.target as HTMLTextAreaElement).value })} />
      ) : (
        <input id={`${id}-${name}`} {...props} value={text[name]} onInput={(e) => setText({ ...text, [name]: (e.target as HTMLInputElement).value })} />
      )}
    </>
  );
  const choice = <T extends string>(name: string, label: ContentKey, value: T, set: (v: T) => void, options: readonly T[], text: (v: T) => string) => (
    <>
      <label for={`${id}-${name}`}>{cnt(label)}</label>
      <select id={`${id}-${name}`} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>{text(o)}</option>
        ))}
      </select>
    </>
  );

  return (
    <form onSubmit={submit} data-testid="published-edit">
      {conflict && (
        <div class="error" role="alert" data-testid="published-conflict">
          <p>{cnt("published.conflict")}</p>
          <p>{cnt("news.conflictHint")}</p>
          <button type="button" class="secondary" onClick={() => (setConflict(false), reload())}>{cnt("news.reload")}</button>
        </div>
      )}
      {action.error !== undefined && <ContentError error={action.error} />}
      {field("title", "review.titleField", { required: true, maxLength: 300 })}
      {field("description", "review.description")}
      {field("externalUrl", "review.url", { type: "url", maxLength: 2000 })}
      {choice("domain", "published.domain", domain, setDomain, DOMAINS as readonly LearningDomain[], (d) => t(("topic." + d) as MessageKey))}
      {choice("audience", "review.audience", audience, setAudience, AUDIENCES, audienceLabel)}
      {choice("licence", "review.licence", licence, setLicence, LICENCES, licenceLabel)}
      <label for={`${id}-language`}>{cnt("review.language")}</label>
      <select id={`${id}-language`} value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}>
        {!LANGUAGE_GROUPS.some((g) => g.languages.some(([code]) => code === language)) && <option value={language}>{languageName(language)}</option>}
        {LANGUAGE_GROUPS.map((g) => {
          const options = g.languages.map(([code]) => <option key={code} value={code}>{languageName(code)}</option>);
          return g.name ? <optgroup key={g.name[0]} label={named(g.name)}>{options}</optgroup> : options;
        })}
      </select>
      {field("author", "review.author", { maxLength: 300 })}
      {field("source", "review.source", { maxLength: 500 })}
      {field("subjects", "published.subjects")}
      {field("educationalLevel", "review.level", { maxLength: 100 })}
      <div class="actions">
        <button type="submit" disabled={action.busy}>{cnt("review.save")}</button>
        <button type="button" class="secondary" onClick={cancel}>{cnt("review.cancel")}</button>
      </div>
    </form>
  );
}
