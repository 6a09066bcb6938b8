import { useState } from "preact/hooks";
import { formatDate, t, type MessageKey } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { Show, useAction, useTitle } from "../../../app/ui";
import { download } from "../../../api/client";
import { toAppError } from "../../../api/errors";
import type { ConsoleResourcesToReviewQuery } from "../../../gql/console/graphql";
import { formatLabel } from "../../library/labels";
import { request } from "../api";
import { ContentError } from "./ContentError";
import { ApproveResourceMutation, EditResourceMutation, RejectResourceMutation, ResourcesToReviewQuery } from "./documents";
import { cnt, type ContentKey } from "./i18n";
import { MyUnits } from "./MyUnits";
import { More } from "./More";
import { usePaged } from "./paged";

type Item = ConsoleResourcesToReviewQuery["resourcesToReview"]["nodes"][number];

/**
 * The library's review queue of my units (#21 Content): resources waiting for review in the unit's subtree, oldest
 * first; each opens to its description, and is approved (it joins the library's search) or rejected with a reason
 * the submitter reads. The reason is the server's rule: a blank one is refused with its code and message.
 */
export default function ReviewPage(_: RouteProps) {
  useTitle(cnt("review.title"));
  return (
    <section class="console">
      <h1>{cnt("review.title")}</h1>
      <p>{cnt("review.intro")}</p>
      <MyUnits>{(unit) => <Queue key={unit.id} unitId={unit.id} />}</MyUnits>
    </section>
  );
}

function Queue({ unitId }: { unitId: string }) {
  const queue = usePaged((after) => request(ResourcesToReviewQuery, { unitId, after }).then((r) => r.resourcesToReview), [unitId]);
  const [decided, setDecided] = useState<{ ids: string[]; message: string }>({ ids: [], message: "" });
  const decide = (id: string, message: string) => setDecided((d) => ({ ids: [...d.ids, id], message }));

  return (
    <>
      {decided.message && <p class="notice" role="status" data-testid="review-done">{decided.message}</p>}
      <Show loaded={queue.loaded}>
        {() => {
          const items = queue.items.filter((r) => !decided.ids.includes(r.id));
          return (
            <>
              {items.length === 0 && !queue.after ? (
                <p class="muted" data-testid="review-empty">{cnt("review.none")}</p>
              ) : (
                <ul class="cards" data-testid="review-queue">
                  {items.map((r) => (
                    <Pending key={r.id} item={r} decide={decide} />
                  ))}
                </ul>
              )}
              <More list={queue} />
            </>
          );
        }}
      </Show>
    </>
  );
}

function Pending({ item: read, decide }: { item: Item; decide: (id: string, message: string) => void }) {
  // The item as last saved here (an edit returns the new text and version).
  const [item, setItem] = useState(read);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState("");
  const [open, setOpen] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const action = useAction();
  const detailsId = `resource-${item.id}`;
  const reasonId = `reason-${item.id}`;
  const approve = () =>
    void action.run(async () => {
      await request(ApproveResourceMutation, { input: { resourceId: item.id } });
      decide(item.id, cnt("review.approved", { title: item.title }));
    });
  function reject(e: Event) {
    e.preventDefault();
    void action.run(async () => {
      await request(RejectResourceMutation, { input: { resourceId: item.id, reason } });
      decide(item.id, cnt("review.rejected", { title: item.title }));
    });
  }
  const facts: [ContentKey, string | null | undefined][] = [
    ["review.author", item.author],
    ["review.source", item.source],
    ["review.format", formatLabel(item.format)],
    ["review.licence", item.licence.replace(/_/g, " ")],
    ["review.audience", cnt(("review.audience." + item.audience) as ContentKey)],
    ["review.language", item.language],
    ["review.level", item.educationalLevel],
    ["review.subjects", item.subjects.join(", ")],
  ];

  return (
    <li class="card" data-testid="review-item">
      <h2 class="card-title">{item.title}</h2>
      <p class="muted">
        {t(("topic." + item.domain) as MessageKey)} · {cnt("review.submitted", { date: formatDate(item.submittedAt), unit: item.reviewUnit?.name ?? "—" })}
      </p>
      <p>
        <button type="button" class="secondary" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
          {open ? cnt("review.close") : cnt("review.open")}
        </button>
      </p>
      {open && (
        <div id={detailsId} data-testid="review-details">
          {item.description.split(/\n\s*\n/).filter((p) => p.trim()).map((p, i) => <p key={i}>{p.trim()}</p>)}
          <dl>
            {facts.filter(([, v]) => v).map(([k, v]) => (
              <div key={k}>
                <dt>{cnt(k)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {item.externalUrl && (
            <p>
              <a href={item.externalUrl} rel="noopener noreferrer" target="_blank">{cnt("review.link")}</a>
            </p>
          )}
          {item.file && (
            <p>
              <button type="button" class="secondary" onClick={() => void action.run(() => download(item.file!.url + "?download", item.file!.name))}>
                {cnt("review.file", { name: item.file.name })}
              </button>
            </p>
          )}
        </div>
      )}
      {action.error !== undefined && <ContentError error={action.error} />}
      {rejecting ? (
        <form onSubmit={reject} noValidate>
          <label for={reasonId}>{cnt("review.reason")}</label>
          <textarea id={reasonId} aria-required="true" maxLength={2000} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <div class="actions">
            <button type="submit" disabled={action.busy}>{cnt("review.rejectSubmit")}</button>
            <button type="button" class="secondary" onClick={() => (action.clear(), setRejecting(false))}>{cnt("review.cancel")}</button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" disabled={action.busy} onClick={approve}>{cnt("review.approve")}</button>
          <button type="button" class="secondary" disabled={action.busy} onClick={() => setRejecting(true)}>{cnt("review.reject")}</button>
          <button type="button" class="secondary" disabled={action.busy} onClick={() => (setSaved(""), setEditing(true))}>{cnt("review.edit")}</button>
        </div>
      )}
      {saved && <p class="notice" role="status">{saved}</p>}
      {editing && (
        <EditDescription
          item={item}
          cancel={() => setEditing(false)}
          saved={(next) => (setItem(next), setEditing(false), setSaved(cnt("review.saved", { title: next.title, version: next.version })))}
        />
      )}
    </li>
  );
}

/**
 * A reviewer corrects a pending resource's title, description and address (the other fields sent as they are; the
 * decision is kept, ADR 0074), with the version read: on VERSION_CONFLICT the typed text stays.
 */
function EditDescription({ item, saved, cancel }: { item: Item; saved: (next: Item) => void; cancel: () => void }) {
  const [title, setTitle] = useState(item.title);
  const [description, setDescription] = useState(item.description);
  const [url, setUrl] = useState(item.externalUrl ?? "");
  const [conflict, setConflict] = useState(false);
  const action = useAction();
  const id = `edit-${item.id}`;
  function submit(e: Event) {
    e.preventDefault();
    setConflict(false);
    void action.run(async () => {
      try {
        const r = await request(EditResourceMutation, {
          input: {
            resourceId: item.id, title, description, externalUrl: url.trim() || null, expectedVersion: item.version,
            domain: item.domain, audience: item.audience, language: item.language, format: item.format, licence: item.licence,
            author: item.author, source: item.source, subjects: item.subjects, educationalLevel: item.educationalLevel,
            resourceType: item.resourceType, collections: item.collections, fileId: item.file?.id ?? null, coverFileId: item.cover?.id ?? null,
          },
        });
        saved({ ...item, ...r.editResource });
      } catch (error) {
        if (toAppError(error).code !== "VERSION_CONFLICT") throw error;
        setConflict(true);
      }
    });
  }
  return (
    <form onSubmit={submit} data-testid="resource-edit">
      {conflict && <p class="error" role="alert">{cnt("review.conflict")}</p>}
      {action.error !== undefined && <ContentError error={action.error} />}
      <label for={`${id}-title`}>{cnt("review.titleField")}</label>
      <input id={`${id}-title`} required maxLength={300} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      <label for={`${id}-description`}>{cnt("review.description")}</label>
      <textarea id={`${id}-description`} rows={4} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} />
      <label for={`${id}-url`}>{cnt("review.url")}</label>
      <input id={`${id}-url`} type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
      <div class="actions">
        <button type="submit" disabled={action.busy}>{cnt("review.save")}</button>
        <button type="button" class="secondary" onClick={cancel}>{cnt("review.cancel")}</button>
      </div>
    </form>
  );
}
