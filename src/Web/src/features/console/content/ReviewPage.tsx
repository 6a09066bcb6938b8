import { useState } from "preact/hooks";
import { formatDate, t, type MessageKey } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { Show, useAction, useTitle } from "../../../app/ui";
import { download } from "../../../api/client";
import type { ConsoleResourcesToReviewQuery } from "../../../gql/console/graphql";
import { audienceLabel, formatLabel, languageName, licenceLabel } from "../../library/labels";
import { request } from "../api";
import { ContentError } from "./ContentError";
import { ApproveResourceMutation, RejectResourceMutation, ResourcesToReviewQuery } from "./documents";
import { cnt, type ContentKey } from "./i18n";
import { MyUnits } from "./MyUnits";
import { More } from "./More";
import { ResourceForm } from "./ResourceForm";
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
                    <Pending key={r.id} item={r} decide={decide} reload={queue.reload} />
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

function Pending({ item: read, decide, reload }: { item: Item; decide: (id: string, message: string) => void; reload: () => void }) {
  // The item as last saved here (an edit returns the new text and version), or as read again when newer (a conflict's reload).
  const [kept, setItem] = useState(read);
  const item = read.version > kept.version ? read : kept;
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
    ["review.licence", licenceLabel(item.licence)],
    ["review.audience", audienceLabel(item.audience)],
    ["review.language", languageName(item.language)],
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
        <ResourceForm
          item={item}
          cancel={() => setEditing(false)}
          reload={reload}
          finished={(message, next) => (setItem({ ...item, ...next }), setEditing(false), setSaved(message))}
        />
      )}
    </li>
  );
}
