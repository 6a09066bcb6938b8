import { useState } from "preact/hooks";
import { ErrorMessage, useAction } from "../../../app/ui";
import { toAppError } from "../../../api/errors";
import { request } from "../api";
import { SearchForm } from "../SearchForm";
import { AdmitWaitingLearnerMutation, ClassMemberSearchQuery, EnrolLearnerMutation, RemoveLearnerMutation } from "./documents";
import { clt } from "./i18n";

type Found = { id: string; fullName: string; birthYear?: number | null; homeUnit?: { name: string } | null };

/** An official finds a member of the class's unit subtree and enrols them; a full class puts them on the waiting list. */
export function EnrolMember({ classId, unitId, changed }: { classId: string; unitId: string; changed: (notice: string) => void }) {
  const [found, setFound] = useState<Found[] | null>(null);
  const enrol = useAction();
  const find = async (text: string | null) =>
    setFound(text ? (await request(ClassMemberSearchQuery, { text, unitId })).searchPeople.nodes : null);
  const add = (p: Found) =>
    void enrol.run(async () => {
      const e = (await request(EnrolLearnerMutation, { input: { classId, personId: p.id } })).enrolLearner;
      const name = e.name ?? p.fullName;
      changed(e.status === "WAITING" ? clt("enrol.waiting", { name, position: e.position ?? 0 }) : clt("enrol.enrolled", { name }));
    });
  return (
    <section aria-labelledby="enrol-member-title" data-testid="enrol-member">
      <h2 id="enrol-member-title">{clt("enrol.title")}</h2>
      <SearchForm id="enrol-member-q" label={clt("enrol.search")} button={clt("enrol.searchButton")} find={find} />
      {enrol.error !== undefined && <ErrorMessage error={enrol.error} />}
      {found && !found.length && <p class="muted" role="status">{clt("enrol.noResults")}</p>}
      {found && found.length > 0 && (
        <ul class="list" data-testid="enrol-results">
          {found.map((p) => (
            <li key={p.id}>
              <b>{p.fullName}</b> <span class="muted">{[p.birthYear, p.homeUnit?.name].filter(Boolean).join(" · ")}</span>
              <br />
              <button type="button" class="secondary" disabled={enrol.busy} onClick={() => add(p)}>{clt("enrol.button", { name: p.fullName })}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Person = { personId: string; name?: string | null };

/** Takes an enrolled or waiting person off the class, with the reason they will read. */
export function RemoveLearner({ classId, person, changed }: { classId: string; person: Person; changed: (notice: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const action = useAction();
  const name = person.name ?? "—";
  const id = `remove-${person.personId}`;
  function submit(e: Event) {
    e.preventDefault();
    void action.run(async () => {
      await request(RemoveLearnerMutation, { input: { classId, personId: person.personId, reason } });
      changed(clt("remove.done", { name }));
    });
  }
  if (!open)
    return <button type="button" class="link" onClick={() => setOpen(true)}>{clt("remove.button", { name })}</button>;
  return (
    <form onSubmit={submit} data-testid="remove-learner">
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for={id}>{clt("remove.reason")}</label>
      <textarea id={id} required minLength={3} maxLength={500} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      <p class="row">
        <button type="submit" disabled={action.busy}>{clt("remove.submit")}</button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>{clt("remove.cancel")}</button>
      </p>
    </form>
  );
}

/** Admits a waiting person ahead of the queue; a full class asks once more before going over capacity (ADR 0288). */
export function AdmitLearner({ classId, person, changed }: { classId: string; person: Person; changed: (notice: string) => void }) {
  const [full, setFull] = useState(false);
  const action = useAction();
  const name = person.name ?? "—";
  const admit = (overCapacity: boolean) =>
    void action.run(async () => {
      try {
        await request(AdmitWaitingLearnerMutation, { input: { classId, personId: person.personId, overCapacity } });
        changed(clt("admit.done", { name }));
      } catch (error) {
        if (toAppError(error).code !== "CLASS_FULL") throw error;
        setFull(true);
      }
    });
  return (
    <>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {full ? (
        <div class="notice" role="alertdialog" aria-label={clt("admit.full", { name })}>
          <p>{clt("admit.full", { name })}</p>
          <p class="row">
            <button type="button" disabled={action.busy} onClick={() => admit(true)}>{clt("admit.over")}</button>
            <button type="button" class="secondary" onClick={() => setFull(false)}>{clt("admit.cancel")}</button>
          </p>
        </div>
      ) : (
        <button type="button" class="link" disabled={action.busy} onClick={() => admit(false)}>{clt("admit.button", { name })}</button>
      )}
    </>
  );
}
