import { useState } from "preact/hooks";
import { formatDate } from "../../app/i18n";
import { ErrorMessage, Show, useAction, useLoad } from "../../app/ui";
import { request } from "./api";
import { AddMemberMutation, AssignRoleMutation, EndRoleMutation, SearchMembersQuery, UnitOfficialsQuery } from "./documents";
import { ct, type ConsoleKey } from "./i18n";
import type { OfficialRole } from "./permissions";
import { SearchForm } from "./SearchForm";

const roles: readonly OfficialRole[] = ["CHAIR", "VICE_CHAIR", "STANDING_MEMBER", "SECRETARY", "STAFF"];

/**
 * The unit's officials with their terms; where my role allows it, a role given to a member found by folded search
 * (role, first day, last day) and a term ended (asked again first).
 */
export function Officials({ unitId, manage }: { unitId: string; manage: boolean }) {
  const loaded = useLoad(() => request(UnitOfficialsQuery, { id: unitId }), [unitId]);
  const [ending, setEnding] = useState<string | null>(null);
  const end = useAction();
  function endRole(id: string) {
    setEnding(null);
    void end.run(async () => {
      await request(EndRoleMutation, { input: { roleId: id, on: null } });
      loaded.reload();
    });
  }
  return (
    <section aria-labelledby="officials-title" data-testid="officials">
      <h2 id="officials-title">{ct("officials.title")}</h2>
      {end.error !== undefined && <ErrorMessage error={end.error} />}
      <Show loaded={loaded}>
        {(r) => {
          const list = r.unit?.officials?.nodes ?? [];
          return list.length ? (
            <ul class="list">
              {list.map((o) => (
                <li key={o.id}>
                  <b>{o.person?.fullName ?? "—"}</b> · {ct(("role." + o.role) as ConsoleKey)}
                  <br />
                  <span class="muted">
                    {o.to ? ct("console.termTo", { from: formatDate(o.from), to: formatDate(o.to) }) : ct("console.term", { from: formatDate(o.from) })}
                  </span>
                  {manage &&
                    (ending === o.id ? (
                      <div class="notice" role="alertdialog" aria-label={ct("officials.endConfirm", { name: o.person?.fullName ?? "" })}>
                        <p>{ct("officials.endConfirm", { name: o.person?.fullName ?? "" })}</p>
                        <p class="row">
                          <button type="button" onClick={() => endRole(o.id)} disabled={end.busy}>{ct("officials.endYes")}</button>
                          <button type="button" class="secondary" onClick={() => setEnding(null)}>{ct("changes.cancel")}</button>
                        </p>
                      </div>
                    ) : (
                      <p>
                        <button type="button" class="secondary" onClick={() => setEnding(o.id)} aria-label={ct("officials.endFor", { name: o.person?.fullName ?? "" })}>
                          {ct("officials.end")}
                        </button>
                      </p>
                    ))}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{ct("officials.none")}</p>
          );
        }}
      </Show>
      {manage && <Assign unitId={unitId} assigned={loaded.reload} />}
    </section>
  );
}

type Found = { id: string; fullName: string; birthYear?: number | null; homeUnit?: { name: string } | null };

function Assign({ unitId, assigned }: { unitId: string; assigned: () => void }) {
  const [found, setFound] = useState<Found[] | null>(null);
  const [person, setPerson] = useState<Found | null>(null);
  const [role, setRole] = useState<OfficialRole>("STAFF");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [done, setDone] = useState("");
  const action = useAction();
  async function find(text: string | null) {
    setFound(text ? (await request(SearchMembersQuery, { text, unitId })).searchPeople.nodes : null);
  }
  function submit(e: Event) {
    e.preventDefault();
    if (!person) return;
    setDone("");
    void action.run(async () => {
      await request(AssignRoleMutation, { input: { personId: person.id, unitId, role, from: from || null, to: to || null } });
      setDone(ct("assign.done", { name: person.fullName, role: ct(("role." + role) as ConsoleKey) }));
      assigned();
    });
  }
  return (
    <div data-testid="assign-role">
      <h3>{ct("assign.title")}</h3>
      <SearchForm id="assign-q" label={ct("assign.search")} button={ct("assign.searchButton")} find={find} />
      {found &&
        (found.length ? (
          <fieldset>
            <legend>{ct("assign.pick")}</legend>
            {found.map((p) => (
              <label key={p.id}>
                <input type="radio" name="assign-person" checked={person?.id === p.id} onChange={() => setPerson(p)} /> {p.fullName}
                {p.homeUnit && <span class="muted"> · {p.homeUnit.name}</span>}
              </label>
            ))}
          </fieldset>
        ) : (
          <p class="muted" role="status">{ct("members.noResults")}</p>
        ))}
      <form onSubmit={submit}>
        {done && <p class="notice" role="status">{done}</p>}
        {action.error !== undefined && <ErrorMessage error={action.error} />}
        <label for="assign-role">{ct("assign.role")}</label>
        <select id="assign-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as OfficialRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>{ct(("role." + r) as ConsoleKey)}</option>
          ))}
        </select>
        <label for="assign-from">
          {ct("assign.from")} <span class="hint">{ct("rename.effectiveHint")}</span>
        </label>
        <input id="assign-from" type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        <label for="assign-to">
          {ct("assign.to")} <span class="hint">{ct("assign.toHint")}</span>
        </label>
        <input id="assign-to" type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        <p>
          <button type="submit" disabled={action.busy || !person}>
            {person ? ct("assign.submit", { name: person.fullName }) : ct("assign.submitNone")}
          </button>
        </p>
      </form>
    </div>
  );
}

/** A member added by hand to this unit (the CSV import does many). */
export function AddMember({ unitId, added }: { unitId: string; added: () => void }) {
  const [name, setName] = useState("");
  const [year, setYear] = useState("");
  const [gender, setGender] = useState("");
  const [done, setDone] = useState("");
  const action = useAction();
  function submit(e: Event) {
    e.preventDefault();
    setDone("");
    void action.run(async () => {
      const r = await request(AddMemberMutation, {
        input: {
          homeUnitId: unitId,
          fullName: name.trim(),
          birthYear: year ? Number(year) : null,
          gender: gender ? (gender as "FEMALE" | "MALE" | "OTHER") : null,
        },
      });
      setDone(ct("addMember.done", { name: r.addMember.fullName }));
      setName("");
      setYear("");
      setGender("");
      added();
    });
  }
  return (
    <form onSubmit={submit} data-testid="add-member">
      <h3>{ct("addMember.title")}</h3>
      {done && <p class="notice" role="status">{done}</p>}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for="add-name">{ct("addMember.name")}</label>
      <input id="add-name" required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <label for="add-year">
        {ct("addMember.birthYear")} <span class="hint">{ct("dir.optional")}</span>
      </label>
      <input id="add-year" type="number" inputMode="numeric" min={1900} max={2100} value={year} onInput={(e) => setYear((e.target as HTMLInputElement).value)} />
      <label for="add-gender">
        {ct("addMember.gender")} <span class="hint">{ct("dir.optional")}</span>
      </label>
      <select id="add-gender" value={gender} onChange={(e) => setGender((e.target as HTMLSelectElement).value)}>
        <option value="">{ct("addMember.genderNone")}</option>
        <option value="FEMALE">{ct("addMember.FEMALE")}</option>
        <option value="MALE">{ct("addMember.MALE")}</option>
        <option value="OTHER">{ct("addMember.OTHER")}</option>
      </select>
      <p>
        <button type="submit" disabled={action.busy}>{ct("addMember.submit")}</button>
      </p>
    </form>
  );
}
