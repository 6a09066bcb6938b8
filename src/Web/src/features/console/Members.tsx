import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../../app/i18n";
import { ErrorMessage, Loading, useAction } from "../../app/ui";
import { request } from "./api";
import { SearchMembersQuery, UnitMembersQuery } from "./documents";
import { ct } from "./i18n";
import { rt } from "./records/i18n";

type RecordDialogType = ComponentType<{ personId: string; name: string; onClose: () => void }>;

interface Member {
  id: string;
  fullName: string;
  birthYear?: number | null;
  joinedOn: string;
  homeUnit?: { name: string } | null;
}

/** The unit's members, 20 a page, and a folded search over the unit's whole subtree. */
export function Members({ unitId }: { unitId: string }) {
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
      {found && (found.length ? <MemberList members={found} testId="member-results" /> : <p class="muted" role="status">{ct("members.noResults")}</p>)}
      {!found && (
        <>
          {page.error !== undefined && <ErrorMessage error={page.error} retry={() => page.run(() => load(null))} />}
          {members === null ? (
            page.error === undefined && <Loading />
          ) : members.length ? (
            <MemberList members={members} testId="members" />
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

function MemberList({ members, testId }: { members: Member[]; testId: string }) {
  const [reading, setReading] = useState<Member | null>(null);
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
          </li>
        ))}
      </ul>
      {reading && RecordDialog && <RecordDialog key={reading.id} personId={reading.id} name={reading.fullName} onClose={() => setReading(null)} />}
    </>
  );
}
