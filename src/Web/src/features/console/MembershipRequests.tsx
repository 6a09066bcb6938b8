import { useEffect, useState } from "preact/hooks";
import { formatDateTime } from "../../app/i18n";
import { ErrorMessage, Loading, useAction } from "../../app/ui";
import { request } from "./api";
import { DecideMembershipRequestMutation, MembershipRequestsQuery, SearchMembersQuery } from "./documents";
import { ct } from "./i18n";

interface Waiting {
  id: string;
  fullName: string;
  birthYear?: number | null;
  requestedAt: string;
}

/**
 * The unit's waiting requests to join, 20 a page: approve as a new member, approve as a member the unit already holds
 * (found by name), or refuse with a reason the citizen reads.
 */
export function MembershipRequests({ unitId, decided }: { unitId: string; decided: () => void }) {
  const [items, setItems] = useState<Waiting[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const page = useAction();

  async function load(after: string | null) {
    const r = (await request(MembershipRequestsQuery, { unitId, after })).membershipRequests;
    setItems((old) => [...(after ? (old ?? []) : []), ...r.nodes]);
    setNext(r.pageInfo.hasNextPage ? (r.pageInfo.endCursor ?? null) : null);
  }
  useEffect(() => {
    void page.run(() => load(null));
  }, [unitId]);

  function finished(item: Waiting, text: string) {
    setItems((old) => (old ?? []).filter((i) => i.id !== item.id));
    setDone(text);
    decided();
  }

  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{ct("requests.title")}</h2>
      {done && <p class="notice" role="status">{done}</p>}
      {page.error !== undefined && <ErrorMessage error={page.error} retry={() => page.run(() => load(null))} />}
      {items === null ? (
        page.error === undefined && <Loading />
      ) : items.length ? (
        <ul class="list" data-testid="membership-requests">
          {items.map((item) => (
            <RequestItem key={item.id} unitId={unitId} item={item} finished={finished} />
          ))}
        </ul>
      ) : (
        <p class="muted">{ct("requests.none")}</p>
      )}
      {next && (
        <button type="button" class="secondary" disabled={page.busy} onClick={() => page.run(() => load(next))}>
          {ct("requests.more")}
        </button>
      )}
    </section>
  );
}

interface Member {
  id: string;
  fullName: string;
  birthYear?: number | null;
}

function RequestItem({ unitId, item, finished }: { unitId: string; item: Waiting; finished: (item: Waiting, text: string) => void }) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const [matching, setMatching] = useState(false);
  const [text, setText] = useState(item.fullName);
  const [found, setFound] = useState<Member[] | null>(null);
  const action = useAction();
  const field = `reason-${item.id}`;
  const searchField = `match-${item.id}`;

  function decide(approve: boolean, member?: Member) {
    void action.run(async () => {
      await request(DecideMembershipRequestMutation, {
        input: { requestId: item.id, approve, personId: member?.id ?? null, reason: approve ? null : reason },
      });
      finished(item, member ? ct("requests.matched", { name: item.fullName, member: member.fullName })
        : ct(approve ? "requests.approved" : "requests.rejected", { name: item.fullName }));
    });
  }

  function search(e: Event) {
    e.preventDefault();
    void action.run(async () => setFound((await request(SearchMembersQuery, { text, unitId })).searchPeople.nodes));
  }

  return (
    <li>
      <strong>{item.fullName}</strong>
      {item.birthYear ? <span class="muted"> · {ct("requests.birthYear", { year: item.birthYear })}</span> : null}
      <br />
      <span class="muted">{ct("requests.sent", { at: formatDateTime(item.requestedAt) })}</span>
      <div class="actions">
        <button type="button" disabled={action.busy} onClick={() => decide(true)} aria-label={`${ct("requests.approve")}: ${item.fullName}`}>
          {ct("requests.approve")}
        </button>
        <button type="button" class="secondary" disabled={action.busy} aria-expanded={matching} onClick={() => setMatching(!matching)}
          aria-label={`${ct("requests.asMember")}: ${item.fullName}`}>
          {ct("requests.asMember")}
        </button>
        <button type="button" class="secondary" disabled={action.busy} aria-expanded={refusing} onClick={() => setRefusing(!refusing)}
          aria-label={`${ct("requests.reject")}: ${item.fullName}`}>
          {ct("requests.reject")}
        </button>
      </div>
      {matching && (
        <form onSubmit={search}>
          <label for={searchField}>{ct("requests.findMember")}</label>
          <input id={searchField} name="member" required value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={action.busy}>{ct("requests.search")}</button>
          {found !== null && (found.length ? (
            <ul class="list">
              {found.map((m) => (
                <li key={m.id}>
                  {m.fullName}
                  {m.birthYear ? <span class="muted"> · {ct("requests.birthYear", { year: m.birthYear })}</span> : null}{" "}
                  <button type="button" disabled={action.busy} onClick={() => decide(true, m)}
                    aria-label={`${ct("requests.choose")}: ${ct("requests.approveAs", { name: item.fullName, member: m.fullName })}`}>
                    {ct("requests.choose")}
                  </button>
                </li>
              ))}
            </ul>
          ) : <p class="muted">{ct("requests.noMember")}</p>)}
        </form>
      )}
      {refusing && (
        <form onSubmit={(e) => { e.preventDefault(); decide(false); }}>
          <label for={field}>{ct("requests.reason")}</label>
          <textarea id={field} name="reason" maxLength={500} required value={reason}
            onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" disabled={action.busy}>{ct("requests.confirmReject")}</button>
        </form>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
    </li>
  );
}
