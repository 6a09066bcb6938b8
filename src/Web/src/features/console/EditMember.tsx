import { useState } from "preact/hooks";
import { ErrorMessage, useAction } from "../../app/ui";
import { toAppError } from "../../api/errors";
import { request } from "./api";
import { MemberQuery, UpdateMemberMutation } from "./documents";
import { ct } from "./i18n";

type Gender = "FEMALE" | "MALE" | "OTHER";

export interface EditableMember {
  id: string;
  fullName: string;
  birthYear?: number | null;
  gender?: Gender | null;
  householdId?: string | null;
  version: number;
  joinedOn: string;
  homeUnit?: { id: string; name: string } | null;
}

/**
 * A member's name, birth year and gender corrected with the version read (their household and home unit kept as
 * read). When someone saved first the server says VERSION_CONFLICT: the form keeps what was typed, says what the
 * member is now, and takes the new version only when the official asks (as renaming a unit does, ADR 0197).
 */
export function EditMember({ member, saved, close }: { member: EditableMember; saved: (m: EditableMember) => void; close: () => void }) {
  const [base, setBase] = useState(member);
  const [name, setName] = useState(member.fullName);
  const [year, setYear] = useState(member.birthYear ? String(member.birthYear) : "");
  const [gender, setGender] = useState<string>(member.gender ?? "");
  const [conflict, setConflict] = useState<EditableMember | null>(null);
  const [note, setNote] = useState("");
  const action = useAction();
  const prefix = `edit-${member.id}`;

  function submit(e: Event) {
    e.preventDefault();
    setNote("");
    setConflict(null);
    void action.run(async () => {
      try {
        const r = await request(UpdateMemberMutation, {
          input: {
            personId: base.id,
            expectedVersion: base.version,
            fullName: name.trim(),
            birthYear: year ? Number(year) : null,
            gender: gender ? (gender as Gender) : null,
            householdId: base.householdId ?? null,
            homeUnitId: base.homeUnit?.id ?? "",
          },
        });
        const now = r.updateMember as EditableMember;
        setBase(now);
        setNote(ct("editMember.done", { name: now.fullName }));
        saved(now);
      } catch (error) {
        if (toAppError(error).code !== "VERSION_CONFLICT") throw error;
        const now = await request(MemberQuery, { id: base.id }).catch(() => null);
        const fresh = now?.member as EditableMember | null | undefined;
        if (fresh) setConflict(fresh);
        else setNote(ct("editMember.gone"));
      }
    });
  }

  function reload() {
    if (!conflict) return;
    setBase(conflict);
    setConflict(null);
    setNote(ct("editMember.reloaded"));
    saved(conflict);
  }

  return (
    <form onSubmit={submit} data-testid="edit-member" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{ct("editMember.title", { name: base.fullName })}</h3>
      {note && <p class="notice" role="status">{note}</p>}
      {conflict && (
        <div class="error" role="alert" data-testid="edit-member-conflict">
          <p>
            {ct("editMember.conflict", {
              name: conflict.fullName,
              year: conflict.birthYear ? ct("editMember.conflictYear", { year: conflict.birthYear }) : "",
            })}
          </p>
          <button type="button" class="secondary" onClick={reload}>{ct("editMember.reload")}</button>
        </div>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for={`${prefix}-name`}>{ct("addMember.name")}</label>
      <input id={`${prefix}-name`} required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <label for={`${prefix}-year`}>
        {ct("addMember.birthYear")} <span class="hint">{ct("dir.optional")}</span>
      </label>
      <input id={`${prefix}-year`} type="number" inputMode="numeric" min={1900} max={2100} value={year} onInput={(e) => setYear((e.target as HTMLInputElement).value)} />
      <label for={`${prefix}-gender`}>
        {ct("addMember.gender")} <span class="hint">{ct("dir.optional")}</span>
      </label>
      <select id={`${prefix}-gender`} value={gender} onChange={(e) => setGender((e.target as HTMLSelectElement).value)}>
        <option value="">{ct("addMember.genderNone")}</option>
        <option value="FEMALE">{ct("addMember.FEMALE")}</option>
        <option value="MALE">{ct("addMember.MALE")}</option>
        <option value="OTHER">{ct("addMember.OTHER")}</option>
      </select>
      <p class="row">
        <button type="submit" disabled={action.busy}>{ct("editMember.submit")}</button>
        <button type="button" class="secondary" onClick={close}>{ct("editMember.cancel")}</button>
      </p>
    </form>
  );
}
