import { useState } from "preact/hooks";
import { formatDate, formatNumber, t, type MessageKey } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { ErrorMessage, useAction, useTitle } from "../../../app/ui";
import { EvidenceButton } from "../../record/EvidenceButton";
import type { ConsoleEntriesToVerifyQuery } from "../../../gql/console/graphql";
import { request } from "../api";
import { ct } from "../i18n";
import { Decide } from "./Decide";
import { EntriesToVerifyQuery, RejectEntryMutation, VerifyEntryMutation } from "./documents";

type Item = ConsoleEntriesToVerifyQuery["entriesToVerify"]["nodes"][number];

/**
 * The verification queue of my subtree (#21 scenario 5): nothing is read until the official opens it for
 * verification (each person shown gets a line in their access log); each entry is verified, or rejected with a reason
 * the learner will read, and leaves the list.
 */
export default function VerifyPage(_: RouteProps) {
  useTitle(ct("verify.title"));
  const [items, setItems] = useState<Item[] | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const load = useAction();

  async function open(more = false) {
    await load.run(async () => {
      const page = await request(EntriesToVerifyQuery, { purpose: "VERIFICATION", after: more ? after : null });
      setItems((shown) => [...(more && shown ? shown : []), ...page.entriesToVerify.nodes]);
      setAfter(page.entriesToVerify.pageInfo.hasNextPage ? (page.entriesToVerify.pageInfo.endCursor ?? null) : null);
    });
  }
  const decided = (id: string) => setItems((shown) => (shown ?? []).filter((i) => i.entry.id !== id));

  return (
    <section class="console">
      <h1>{ct("verify.title")}</h1>
      {items === null ? (
        <>
          <p>{ct("verify.purpose")}</p>
          <p>
            <button type="button" disabled={load.busy} onClick={() => void open()} data-testid="open-queue">
              {ct("verify.open")}
            </button>
          </p>
        </>
      ) : items.length === 0 ? (
        <p class="muted" data-testid="queue-empty">{ct("verify.empty")}</p>
      ) : (
        <ul class="cards" data-testid="queue">
          {items.map((i) => (
            <Entry key={i.entry.id} item={i} decided={decided} />
          ))}
        </ul>
      )}
      {load.error !== undefined && <ErrorMessage error={load.error} />}
      {items !== null && after && (
        <p>
          <button type="button" class="secondary" disabled={load.busy} onClick={() => void open(true)}>
            {ct("verify.more")}
          </button>
        </p>
      )}
    </section>
  );
}

function Entry({ item, decided }: { item: Item; decided: (id: string) => void }) {
  const action = useAction();
  const e = item.entry;
  const verify = () =>
    void action.run(() => request(VerifyEntryMutation, { input: { entryId: e.id } })).then((ok) => ok && decided(e.id));
  return (
    <li class="card" data-testid="queue-item">
      <h2 class="card-title">{e.title}</h2>
      <p>{ct("verify.who", { name: item.personName ?? "—", unit: item.unit?.name ?? "—" })}</p>
      <p class="muted">
        {e.domain ? t(("topic." + e.domain) as MessageKey) + " · " : ""}
        {formatDate(e.date)} · {ct("verify.hours", { hours: formatNumber(e.hours) })}
        {e.provider ? " · " + e.provider : ""}
      </p>
      {e.evidenceUrl && (
        <p>
          <a href={e.evidenceUrl} rel="noopener noreferrer" target="_blank">{ct("verify.evidenceLink")}</a>
        </p>
      )}
      {e.evidenceFileId && (
        <p>
          <EvidenceButton entryId={e.id} run={action.run}>{ct("verify.evidenceFile")}</EvidenceButton>
        </p>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <Decide
        id={e.id}
        busy={action.busy}
        texts={{ accept: ct("verify.verify"), reject: ct("verify.reject"), reason: ct("verify.reason"), rejectSubmit: ct("verify.rejectSubmit"), cancel: ct("verify.cancel") }}
        accept={verify}
        reject={(reason) => action.run(() => request(RejectEntryMutation, { input: { entryId: e.id, reason } })).then((ok) => {
          if (ok) decided(e.id);
          return ok;
        })}
      />
    </li>
  );
}
