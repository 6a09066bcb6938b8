import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { ErrorMessage, useAction } from "../../app/ui";
import { toAppError } from "../../api/errors";
import { request } from "./api";
import {
  ChildUnitsQuery,
  CreateUnitMutation,
  DissolveUnitMutation,
  MergeUnitMutation,
  MoveUnitMutation,
  SearchUnitsQuery,
} from "./documents";
import { ct, type ConsoleKey } from "./i18n";
import { SearchForm } from "./SearchForm";

export type UnitKind =
  | "CENTRAL" | "PROVINCE" | "COMMUNE" | "VILLAGE" | "LEARNING_CLAN" | "PROMOTION_BOARD" | "COMMUNITY_LEARNING_CENTRE"
  | "MEMBER_CHAPTER";

/** Which kind may stand under which: the server's UnitKinds (Vape.Organization), which checks again. */
const allowedParents: Record<UnitKind, readonly UnitKind[]> = {
  CENTRAL: [],
  PROVINCE: ["CENTRAL"],
  COMMUNE: ["PROVINCE"],
  VILLAGE: ["COMMUNE"],
  LEARNING_CLAN: ["COMMUNE", "VILLAGE"],
  PROMOTION_BOARD: ["COMMUNE", "VILLAGE"],
  COMMUNITY_LEARNING_CENTRE: ["COMMUNE"],
  MEMBER_CHAPTER: ["CENTRAL", "PROVINCE", "COMMUNE"],
};

/** The kinds a child of a `parent` unit may have. */
export function childKinds(parent: UnitKind): UnitKind[] {
  return (Object.keys(allowedParents) as UnitKind[]).filter((k) => allowedParents[k].includes(parent));
}

interface ChangedUnit {
  id: string;
  name: string;
  kind: UnitKind;
  version: number;
  parentId: string | null;
}

/**
 * The organisation's changes on a unit's page, where my role may make them: a child unit, a move (the new parent
 * found by a folded search within `scope`), a merge into a sibling of its kind, a dissolution; each with its
 * effective date, the destructive two asked again. A VERSION_CONFLICT (someone changed the unit since it was read)
 * says so and offers to reload, keeping what was typed.
 */
export function UnitChanges({ unit, scope, reload }: { unit: ChangedUnit; scope: string; reload: () => void }) {
  const kinds = childKinds(unit.kind);
  return (
    <section data-testid="unit-changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{ct("changes.title")}</h2>
      {kinds.length > 0 && <CreateChild unit={unit} kinds={kinds} reload={reload} />}
      {unit.parentId && <Move unit={unit} scope={scope} reload={reload} />}
      {unit.parentId && <Merge unit={unit} reload={reload} />}
      {unit.parentId && <Dissolve unit={unit} reload={reload} />}
    </section>
  );
}

/** The effective date, one per form (empty: today, as the server takes it). */
function Effective({ id, value, set }: { id: string; value: string; set: (v: string) => void }) {
  return (
    <>
      <label for={id}>
        {ct("rename.effective")} <span class="hint">{ct("rename.effectiveHint")}</span>
      </label>
      <input id={id} type="date" value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </>
  );
}

/** A change's action with the version conflict told apart from other errors. */
function useChange(reload: () => void) {
  const action = useAction();
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState("");
  return {
    busy: action.busy,
    done,
    run(change: () => Promise<string>) {
      setDone("");
      setConflict(false);
      void action.run(async () => {
        try {
          setDone(await change());
          reload();
        } catch (error) {
          if (toAppError(error).code !== "VERSION_CONFLICT") throw error;
          setConflict(true);
        }
      });
    },
    feedback: (testId: string): ComponentChildren => (
      <>
        {done && <p class="notice" role="status">{done}</p>}
        {conflict && (
          <div class="error" role="alert" data-testid={testId + "-conflict"}>
            <p>{ct("changes.conflict")}</p>
            <button type="button" class="secondary" onClick={() => (setConflict(false), reload())}>
              {ct("changes.reload")}
            </button>
          </div>
        )}
        {action.error !== undefined && <ErrorMessage error={action.error} />}
      </>
    ),
  };
}

function CreateChild({ unit, kinds, reload }: { unit: ChangedUnit; kinds: UnitKind[]; reload: () => void }) {
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<UnitKind>(kinds[0]!);
  const [effective, setEffective] = useState("");
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const change = useChange(reload);
  function submit(e: Event) {
    e.preventDefault();
    setCreated(null);
    change.run(async () => {
      const r = await request(CreateUnitMutation, {
        input: { parentId: unit.id, code: code.trim().toUpperCase(), name: name.trim(), kind, effectiveFrom: effective || null },
      });
      setCreated(r.createUnit);
      setCode("");
      setName("");
      return ct("create.done", { name: r.createUnit.name });
    });
  }
  return (
    <form onSubmit={submit} data-testid="create-unit">
      <h3>{ct("create.title")}</h3>
      {change.feedback("create")}
      {created && (
        <p>
          <a href={`/console/units/${created.id}`}>{ct("create.open", { name: created.name })}</a>
        </p>
      )}
      <label for="create-name">{ct("create.name")}</label>
      <input id="create-name" required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <label for="create-code">
        {ct("create.code")} <span class="hint">{ct("create.codeHint")}</span>
      </label>
      <input id="create-code" required maxLength={32} pattern="[A-Za-z0-9][A-Za-z0-9\-]*" value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
      <label for="create-kind">{ct("create.kind")}</label>
      <select id="create-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as UnitKind)}>
        {kinds.map((k) => (
          <option key={k} value={k}>{ct(("kind." + k) as ConsoleKey)}</option>
        ))}
      </select>
      <Effective id="create-from" value={effective} set={setEffective} />
      <p>
        <button type="submit" disabled={change.busy}>{ct("create.submit")}</button>
      </p>
    </form>
  );
}

type Found = { id: string; name: string; kind: string; parent?: { name: string } | null };

function Move({ unit, scope, reload }: { unit: ChangedUnit; scope: string; reload: () => void }) {
  const [found, setFound] = useState<Found[] | null>(null);
  const [target, setTarget] = useState<Found | null>(null);
  const [effective, setEffective] = useState("");
  const change = useChange(reload);
  const fits = allowedParents[unit.kind];

  async function find(text: string | null) {
    if (!text) return setFound(null);
    const nodes = (await request(SearchUnitsQuery, { text, within: scope })).searchUnits.nodes;
    setFound(nodes.filter((u) => u.id !== unit.id && u.id !== unit.parentId && fits.includes(u.kind as UnitKind)));
  }
  function move() {
    if (!target) return;
    change.run(async () => {
      await request(MoveUnitMutation, {
        input: { unitId: unit.id, newParentId: target.id, expectedVersion: unit.version, effectiveFrom: effective || null },
      });
      return ct("move.done", { parent: target.name });
    });
  }
  return (
    <div data-testid="move-unit">
      <h3>{ct("move.title")}</h3>
      {change.feedback("move")}
      <SearchForm id="move-q" label={ct("move.search")} button={ct("move.searchButton")} find={find} />
      {found &&
        (found.length ? (
          <fieldset>
            <legend>{ct("move.pick")}</legend>
            {found.map((u) => (
              <label key={u.id} class="choice">
                <input type="radio" name="move-target" checked={target?.id === u.id} onChange={() => setTarget(u)} /> {u.name}
                {u.parent && <span class="muted"> · {u.parent.name}</span>}
              </label>
            ))}
          </fieldset>
        ) : (
          <p class="muted" role="status">{ct("move.none")}</p>
        ))}
      <form onSubmit={(e) => (e.preventDefault(), move())}>
        <Effective id="move-from" value={effective} set={setEffective} />
        <p>
          <button type="submit" disabled={change.busy || !target}>
            {target ? ct("move.submit", { parent: target.name }) : ct("move.submitNone")}
          </button>
        </p>
      </form>
    </div>
  );
}

function Merge({ unit, reload }: { unit: ChangedUnit; reload: () => void }) {
  const [siblings, setSiblings] = useState<{ id: string; name: string }[] | null>(null);
  const [successor, setSuccessor] = useState("");
  const [effective, setEffective] = useState("");
  const [confirming, setConfirming] = useState(false);
  const load = useAction();
  const change = useChange(reload);

  function open() {
    void load.run(async () => {
      const r = await request(ChildUnitsQuery, { parentId: unit.parentId!, after: null });
      const same = r.units.nodes.filter((u) => u.id !== unit.id && u.kind === unit.kind);
      setSiblings(same);
      setSuccessor(same[0]?.id ?? "");
    });
  }
  const chosen = siblings?.find((s) => s.id === successor);
  function merge() {
    if (!chosen) return;
    setConfirming(false);
    change.run(async () => {
      await request(MergeUnitMutation, {
        input: { unitId: unit.id, successorId: chosen.id, expectedVersion: unit.version, effectiveFrom: effective || null },
      });
      return ct("merge.done", { successor: chosen.name });
    });
  }
  return (
    <div data-testid="merge-unit">
      <h3>{ct("merge.title")}</h3>
      {change.feedback("merge")}
      {load.error !== undefined && <ErrorMessage error={load.error} />}
      {siblings === null ? (
        <button type="button" class="secondary" onClick={open} disabled={load.busy}>{ct("merge.open")}</button>
      ) : siblings.length === 0 ? (
        <p class="muted">{ct("merge.noSiblings")}</p>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), setConfirming(true))}>
          <label for="merge-into">{ct("merge.into")}</label>
          <select id="merge-into" value={successor} onChange={(e) => (setSuccessor((e.target as HTMLSelectElement).value), setConfirming(false))}>
            {siblings.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
          <Effective id="merge-from" value={effective} set={setEffective} />
          {confirming && chosen ? (
            <Confirm text={ct("merge.confirm", { name: unit.name, successor: chosen.name })} yes={ct("merge.yes")} onYes={merge} onNo={() => setConfirming(false)} />
          ) : (
            <p>
              <button type="submit" disabled={change.busy}>{ct("merge.submit")}</button>
            </p>
          )}
        </form>
      )}
    </div>
  );
}

function Dissolve({ unit, reload }: { unit: ChangedUnit; reload: () => void }) {
  const [effective, setEffective] = useState("");
  const [confirming, setConfirming] = useState(false);
  const change = useChange(reload);
  function dissolve() {
    setConfirming(false);
    change.run(async () => {
      await request(DissolveUnitMutation, { input: { unitId: unit.id, expectedVersion: unit.version, effectiveFrom: effective || null } });
      return ct("dissolve.done", { name: unit.name });
    });
  }
  return (
    <form data-testid="dissolve-unit" onSubmit={(e) => (e.preventDefault(), setConfirming(true))}>
      <h3>{ct("dissolve.title")}</h3>
      <p class="muted">{ct("dissolve.hint")}</p>
      {change.feedback("dissolve")}
      <Effective id="dissolve-from" value={effective} set={setEffective} />
      {confirming ? (
        <Confirm text={ct("dissolve.confirm", { name: unit.name })} yes={ct("dissolve.yes")} onYes={dissolve} onNo={() => setConfirming(false)} />
      ) : (
        <p>
          <button type="submit" disabled={change.busy}>{ct("dissolve.submit")}</button>
        </p>
      )}
    </form>
  );
}

/** The second question before a change that cannot be undone from the console. */
function Confirm({ text, yes, onYes, onNo }: { text: string; yes: string; onYes: () => void; onNo: () => void }) {
  return (
    <div class="notice" role="alertdialog" aria-label={text}>
      <p>{text}</p>
      <p class="row">
        <button type="button" onClick={onYes}>{yes}</button>
        <button type="button" class="secondary" onClick={onNo}>{ct("changes.cancel")}</button>
      </p>
    </div>
  );
}
