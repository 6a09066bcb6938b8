import { useState } from "preact/hooks";
import { ErrorMessage, useAction } from "../../app/ui";
import { request } from "./api";
import { toAppError } from "../../api/errors";
import { ConsoleUnitQuery, RenameUnitMutation } from "./documents";
import { ct } from "./i18n";

/**
 * Rename with the version read: when someone else changed the unit first the server says VERSION_CONFLICT; the
 * form keeps what was typed, tells the name now, and reloads the unit (its new version) on request.
 */
export function Rename({ unit, reload }: { unit: { id: string; name: string; version: number }; reload: () => void }) {
  const [name, setName] = useState(unit.name);
  const [effective, setEffective] = useState("");
  const [conflict, setConflict] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const action = useAction();

  function submit(e: Event) {
    e.preventDefault();
    setDone("");
    setConflict(null);
    void action.run(async () => {
      try {
        const r = await request(RenameUnitMutation, {
          input: { unitId: unit.id, name, expectedVersion: unit.version, effectiveFrom: effective || null },
        });
        setDone(ct("rename.done", { name: r.renameUnit.name }));
        reload();
      } catch (error) {
        if (toAppError(error).code !== "VERSION_CONFLICT") throw error;
        // Reloading the unit is the person's choice (the button), so that nothing moves under their eyes.
        const now = await request(ConsoleUnitQuery, { id: unit.id, asOf: null }).catch(() => null);
        setConflict(now?.unit?.name ?? "—");
      }
    });
  }

  return (
    <form onSubmit={submit} data-testid="rename">
      <h2>{ct("rename.title")}</h2>
      {done && <p class="notice" role="status">{done}</p>}
      {conflict !== null && (
        <div class="error" role="alert" data-testid="rename-conflict">
          <p>{ct("rename.conflict", { name: conflict })}</p>
          <button type="button" class="secondary" onClick={() => (setConflict(null), reload())}>
            {ct("rename.reload")}
          </button>
        </div>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for="rename-name">{ct("rename.name")}</label>
      <input id="rename-name" name="name" required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <label for="rename-from">
        {ct("rename.effective")} <span class="hint">{ct("rename.effectiveHint")}</span>
      </label>
      <input id="rename-from" name="effectiveFrom" type="date" value={effective} onInput={(e) => setEffective((e.target as HTMLInputElement).value)} />
      <p>
        <button type="submit" disabled={action.busy}>{ct("rename.submit")}</button>
      </p>
    </form>
  );
}
