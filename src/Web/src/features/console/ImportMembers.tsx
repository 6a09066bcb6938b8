import { useState } from "preact/hooks";
import { ErrorMessage, useAction } from "../../app/ui";
import { request } from "./api";
import { linesWithProblems, toBase64, type NumberedLine } from "./csv";
import { ImportMembersMutation } from "./documents";
import { ct } from "./i18n";

const HEADER = "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho";

/**
 * Members from a CSV file: the server imports nothing unless every line is right; when some are not, the file's lines
 * are shown with each problem beside its line, to fix the file and send it again.
 */
export function ImportMembers({ unitId, imported }: { unitId: string; imported: () => void }) {
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
      const r = (await request(ImportMembersMutation, { input: { unitId, csvBase64: toBase64(bytes) } })).importMembers;
      if (r.ok) {
        setDone(ct("import.done", { count: r.imported }));
        imported();
      } else setLines(linesWithProblems(new TextDecoder().decode(bytes), r.problems));
    });
  }

  const bad = lines?.filter((l) => l.problems.length > 0).length ?? 0;
  return (
    <form onSubmit={submit} data-testid="import">
      <h2>{ct("import.title")}</h2>
      <p class="muted">{ct("import.hint")}</p>
      <p>
        <code class="wrap">{HEADER}</code>
      </p>
      <label for="import-file">{ct("import.file")}</label>
      <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
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
