import { useState } from "preact/hooks";
import { ErrorMessage, useAction } from "../../app/ui";
import { request } from "./api";
import { linesWithProblems, toBase64, type NumberedLine } from "./csv";
import { ImportMembersMutation, ImportUnitsMutation } from "./documents";
import { ct, type ConsoleKey } from "./i18n";

type What = "members" | "units";

const HEADER: Record<What, string> = {
  members: "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho",
  units: "ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap",
};

async function send(what: What, input: { unitId: string; csvBase64: string }) {
  return what === "members"
    ? (await request(ImportMembersMutation, { input })).importMembers
    : (await request(ImportUnitsMutation, { input })).importUnits;
}

/**
 * Members or units from a CSV file: the server imports nothing unless every line is right; when some are not, the
 * file's lines are shown with each problem beside its line, to fix the file and send it again.
 */
export function ImportCsv({ what, unitId, imported }: { what: What; unitId: string; imported: () => void }) {
  const [lines, setLines] = useState<NumberedLine[] | null>(null);
  const [done, setDone] = useState("");
  const action = useAction();

  function submit(e: Event) {
    e.preventDefault();
    const file = (new FormData(e.currentTarget as HTMLFormElement).get("file") as File | null) ?? null;
    if (!file || file.size === 0) return;
    setDone("");
    setLines(null);
    void action.run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const r = await send(what, { unitId, csvBase64: toBase64(bytes) });
      if (r.ok) {
        setDone(ct(`import.${what}.done` as ConsoleKey, { count: r.imported }));
        imported();
      } else setLines(linesWithProblems(new TextDecoder().decode(bytes), r.problems));
    });
  }

  const bad = lines?.filter((l) => l.problems.length > 0).length ?? 0;
  const fileId = `import-${what}-file`;
  return (
    <form onSubmit={submit} data-testid={what === "members" ? "import" : "import-units"}>
      <h2>{ct(`import.${what}.title` as ConsoleKey)}</h2>
      <p class="muted">{ct("import.hint")}</p>
      <p>
        <code class="wrap">{HEADER[what]}</code>
      </p>
      {what === "units" && <p class="muted">{ct("import.units.hint")}</p>}
      <label for={fileId}>{ct("import.file")}</label>
      <input id={fileId} name="file" type="file" accept=".csv,text/csv" required />
      <p>
        <button type="submit" disabled={action.busy}>{ct("import.submit")}</button>
      </p>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {done && <p class="notice" role="status">{done}</p>}
      {lines && (
        <>
          <p class="error" role="alert">{ct("import.problems", { count: bad })}</p>
          <ol class="csv" data-testid="import-lines">
            {lines.map((l) => (
              <li key={l.line} class={l.problems.length ? "bad" : undefined} data-line={l.line} data-bad={l.problems.length ? "true" : undefined}>
                <span class="line-no">{ct("import.line", { line: l.line })}</span> <code>{l.text}</code>
                {l.problems.map((p) => (
                  <span key={p} class="problem">{p}</span>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </form>
  );
}
