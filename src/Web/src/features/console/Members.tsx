import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../../app/i18n";
import { ErrorMessage, Loading, useAction } from "../../app/ui";
import { request } from "./api";
import { SearchMembersQuery, UnitMembersQuery } from "./documents";
import { EditMember, type EditableMember } from "./EditMember";
import { ct } from "./i18n";
import { rt } from "./records/i18n";

type RecordDialogType = ComponentType<{ personId: string; name: string; onClose: () => void }>;

type Member = EditableMember;

/**
 * The unit's members, 20 a page, and a folded search over the unit's whole subtree; where my role lets me manage
 * members, each can be edited in place (EditMember).
 */
export function Members({ unitId, manage }: { unitId: string; manage: boolean }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [found, setFound] = useState<Member[] | null>(null);
  const page = useAction();
  const search = useAction();

  async function load(after: string | null) {
    const r = await request(UnitMembersQuery, { id: unitId, after });
    const connection = r.unit?.members;
    setMembers((old) => [...(after ? (old ?? []) : []), ...(connection?.nodes ?? [])]);
    setNext(connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null);
  }
  useEffect(() => {
    void page.run(() => load(null));
  }, [unitId]);

  function find(e: Event) {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    if (!text) return setFound(null);
    void search.run(async () => setFound((await request(SearchMembersQuery, { text, unitId })).searchPeople.nodes));
  }

  return (
    <>
      <form role="search" onSubmit={find} class="row">
        <div>
          <label for="member-q">{ct("members.search")}</label>
          <input id="member-q" name="q" type="search" maxLength={200} />
        </div>
        <button type="submit" disabled={search.busy}>{ct("members.searchButton")}</button>
      </form>
      {search.error !== undefined && <ErrorMessage error={search.error} />}
      {found && (found.length ? <MemberList members={found} testId="member-results" manage={manage} /> : <p class="muted" role="status">{ct("members.noResults")}</p>)}
      {!found && (
        <>
          {page.error !== undefined && <ErrorMessage error={page.error} retry={() => page.run(() => load(null))} />}
          {members === null ? (
            page.error === undefined && <Loading />
          ) : members.length ? (
            <MemberList members={members} testId="members" manage={manage} />
          ) : (
            <p class="muted">{ct("members.none")}</p>
          )}
          {next && (
            <button type="button" class="secondary" disabled={page.busy} onClick={() => page.run(() => load(next))}>
              {ct("members.more")}
            </button>
          )}
        </>
      )}
    </>
  );
}

function MemberList({ members: read, testId, manage }: { members: Member[]; testId: string; manage: boolean }) {
  const [reading, setReading] = useState<Member | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // A saved edit shows in the list at once (the page's list is not read again).
  const [changed, setChanged] = useState<Record<string, Member>>({});
  const members = read.map((m) => changed[m.id] ?? m);
  // The record dialog (#21: a look with a purpose) loads when first opened, not with the unit page.
  const [RecordDialog, setRecordDialog] = useState<RecordDialogType | null>(null);
  const open = (m: Member) =>
    void import("./records/RecordDialog").then((d) => {
      setRecordDialog(() => d.default);
      setReading(m);
    });
  return (
    <>
      <ul class="list" data-testid={testId}>
        {members.map((m) => (
          <li key={m.id}>
            <b>{m.fullName}</b>
            <br />
            <span class="muted">
              {[m.birthYear ? ct("members.birthYear", { year: m.birthYear }) : "", ct("members.joined", { date: formatDate(m.joinedOn) }), m.homeUnit ? ct("members.at", { unit: m.homeUnit.name }) : ""]
                .filter(Boolean)
                .join(" · ")}
            </span>
            <br />
            <button type="button" class="link" onClick={() => open(m)} aria-label={`${rt("records.open")}: ${m.fullName}`}>
              {rt("records.open")}
            </button>
            {manage && editing !== m.id && (
              <>
                {" · "}
                <button type="button" class="link" onClick={() => setEditing(m.id)} aria-label={ct("editMember.openFor", { name: m.fullName })}>
                  {ct("editMember.open")}
                </button>
              </>
            )}
            {manage && editing === m.id && (
              <EditMember member={m} saved={(now) => setChanged((c) => ({ ...c, [now.id]: now }))} close={() => setEditing(null)} />
            )}
          </li>
        ))}
      </ul>
      {reading && RecordDialog && <RecordDialog key={reading.id} personId={reading.id} name={reading.fullName} onClose={() => setReading(null)} />}
    </>
  );
}
