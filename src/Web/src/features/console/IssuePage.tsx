import { useState } from "preact/hooks";
import { navigate, type RouteProps } from "../../app/router";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { upload } from "../../api/client";
import { request } from "./api";
import type { DirectiveTargetKind } from "../../gql/console/graphql";
import { IssueDirectiveMutation, SearchUnitsQuery } from "./documents";
import { ct, type ConsoleKey } from "./i18n";
import { loadMyRoles } from "./officials";
import { issuingUnits } from "./permissions";

type Target = DirectiveTargetKind | "SUBTREE_OF";
const targets: Target[] = ["SUBTREE", "LEVELS", "SUBTREE_OF", "UNITS"];

/** Today in Viet Nam (YYYY-MM-DD), the default issue date. */
export function todayInVietNam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The mutation's targets from the form's choice: “the subtree of chosen units” is SUBTREE with `targetUnitIds`. */
export function targetInput(target: Target, levels: number, chosen: string[]) {
  switch (target) {
    case "SUBTREE": return { targetKind: "SUBTREE" as const };
    case "LEVELS": return { targetKind: "LEVELS" as const, targetLevels: levels, ...(chosen.length ? { targetUnitIds: chosen } : {}) };
    case "SUBTREE_OF": return { targetKind: "SUBTREE" as const, targetUnitIds: chosen };
    case "UNITS": return { targetKind: "UNITS" as const, targetUnitIds: chosen };
  }
}

/** Issue a directive from a unit I lead: text, dates, and its targets (all below, some levels, chosen subtrees or units). */
export default function IssuePage(_: RouteProps) {
  useTitle(ct("dir.issue"));
  const roles = useLoad(() => loadMyRoles(), []);
  return (
    <section class="console">
      <h1>{ct("dir.issue")}</h1>
      <Show loaded={roles}>{(r) => <IssueForm issuers={issuingUnits(r)} />}</Show>
    </section>
  );
}

function IssueForm({ issuers }: { issuers: { id: string; name: string }[] }) {
  const [issuer, setIssuer] = useState(issuers[0]?.id ?? "");
  const [target, setTarget] = useState<Target>("SUBTREE");
  const [levels, setLevels] = useState(1);
  const [chosen, setChosen] = useState<{ id: string; name: string }[]>([]);
  const action = useAction();
  const today = todayInVietNam();

  function submit(e: Event) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const files = (f.getAll("documents") as File[]).filter((file) => file.size > 0);
    void action.run(async () => {
      // Each file uploaded first; a refused one stops here, before anything is issued.
      const documentFileIds: string[] = [];
      for (const file of files) documentFileIds.push((await upload(file)).id);
      const r = await request(IssueDirectiveMutation, {
        input: {
          issuerUnitId: issuer,
          number: text("number"),
          title: text("title"),
          summary: text("summary") || null,
          issuedOn: text("issuedOn"),
          acknowledgeBy: text("acknowledgeBy"),
          reportBy: text("reportBy") || null,
          ...(documentFileIds.length ? { documentFileIds } : {}),
          ...targetInput(target, levels, chosen.map((c) => c.id)),
        },
      });
      navigate(`/console/directives/${r.issueDirective.id}`);
    });
  }

  const picking = target === "SUBTREE_OF" || target === "UNITS" || target === "LEVELS";
  return (
    <form onSubmit={submit}>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for="d-issuer">{ct("dir.issuer")}</label>
      <select id="d-issuer" value={issuer} onChange={(e) => (setIssuer((e.target as HTMLSelectElement).value), setChosen([]))}>
        {issuers.map((u) => (
          <option key={u.id} value={u.id}>{u.name}</option>
        ))}
      </select>
      <label for="d-number">{ct("dir.number")}</label>
      <input id="d-number" name="number" required maxLength={50} />
      <label for="d-title">{ct("dir.title")}</label>
      <input id="d-title" name="title" required maxLength={300} />
      <label for="d-summary">
        {ct("dir.summary")} <span class="hint">{ct("dir.optional")}</span>
      </label>
      <textarea id="d-summary" name="summary" rows={4} maxLength={10000} />
      <label for="d-documents">
        {ct("dir.documents")} <span class="hint">{ct("dir.documentsHint")}</span>
      </label>
      <input id="d-documents" name="documents" type="file" multiple accept="application/pdf,.pdf" />
      <div class="row">
        <div>
          <label for="d-issued">{ct("dir.issuedOn")}</label>
          <input id="d-issued" name="issuedOn" type="date" required defaultValue={today} />
        </div>
        <div>
          <label for="d-ack">{ct("dir.ackBy")}</label>
          <input id="d-ack" name="acknowledgeBy" type="date" required />
        </div>
        <div>
          <label for="d-report">
            {ct("dir.reportByLabel")} <span class="hint">{ct("dir.optional")}</span>
          </label>
          <input id="d-report" name="reportBy" type="date" />
        </div>
      </div>
      <fieldset>
        <legend>{ct("dir.targets")}</legend>
        {targets.map((k) => (
          <label key={k} class="check">
            <input type="radio" name="target" value={k} checked={target === k} onChange={() => setTarget(k)} />
            {ct(("dir.target." + k) as ConsoleKey)}
          </label>
        ))}
        {target === "LEVELS" && (
          <>
            <label for="d-levels">{ct("dir.levels")}</label>
            <input id="d-levels" type="number" min={1} max={10} value={levels} onInput={(e) => setLevels(Number((e.target as HTMLInputElement).value))} />
          </>
        )}
        {picking && issuer && <Picker within={issuer} chosen={chosen} setChosen={setChosen} />}
      </fieldset>
      <p>
        <button type="submit" disabled={action.busy}>{ct("dir.submit")}</button>
      </p>
    </form>
  );
}

function Picker({ within, chosen, setChosen }: { within: string; chosen: { id: string; name: string }[]; setChosen: (c: { id: string; name: string }[]) => void }) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<{ id: string; name: string; kind: string }[] | null>(null);
  const action = useAction();
  const search = () => text.trim() && action.run(async () => setFound((await request(SearchUnitsQuery, { text: text.trim(), within })).searchUnits.nodes));
  return (
    <>
      <p class="muted">{ct("dir.chosen")}:</p>
      {chosen.length ? (
        <ul class="list" data-testid="chosen">
          {chosen.map((c) => (
            <li key={c.id}>
              {c.name}{" "}
              <button type="button" class="link" onClick={() => setChosen(chosen.filter((x) => x.id !== c.id))}>
                {ct("dir.remove", { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{ct("dir.noneChosen")}</p>
      )}
      <div class="row">
        <div>
          <label for="d-pick">{ct("dir.pick")}</label>
          <input id="d-pick" type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), void search())} />
        </div>
        <button type="button" disabled={action.busy} onClick={() => void search()}>{ct("dir.pickSearch")}</button>
      </div>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {found && (
        <ul class="list">
          {found.filter((u) => u.id !== within && !chosen.some((c) => c.id === u.id)).map((u) => (
            <li key={u.id}>
              <button type="button" class="secondary" onClick={() => setChosen([...chosen, { id: u.id, name: u.name }])}>
                {ct("dir.add", { name: u.name })}
              </button>{" "}
              <span class="tag">{ct(("kind." + u.kind) as ConsoleKey)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
