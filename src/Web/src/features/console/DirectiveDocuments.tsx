import { download } from "../../api/client";
import { formatNumber } from "../../app/i18n";
import { ErrorMessage, useAction } from "../../app/ui";
import { ct } from "./i18n";

interface Document {
  id: string;
  name: string;
  length: number;
  url: string;
}

/** A directive's documents (or a unit's report files), each downloaded with the session's token (the server serves them only to who may see it). */
export function DirectiveDocuments({ documents, caption = ct("dir.documentsList"), testId = "documents" }: { documents: readonly Document[]; caption?: string; testId?: string }) {
  const action = useAction();
  if (documents.length === 0) return null;
  return (
    <div data-testid={testId}>
      <p class="muted">{caption}</p>
      <ul class="list">
        {documents.map((d) => (
          <li key={d.id}>
            <button type="button" class="link" disabled={action.busy} onClick={() => void action.run(() => download(d.url, d.name))}>
              {ct("dir.download", { name: d.name })}
            </button>{" "}
            <span class="muted">{ct("dir.size", { kb: formatNumber(Math.max(1, Math.round(d.length / 1024))) })}</span>
          </li>
        ))}
      </ul>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
    </div>
  );
}
