import type { ComponentChildren } from "preact";
import { download } from "../../api/client";

/**
 * Downloads a record entry's evidence file (`/records/entries/{id}/evidence?download`): on the learner's record page
 * and in the console's verification queue; the server decides who may.
 */
export function EvidenceButton({ entryId, run, children }: {
  entryId: string;
  /** The page's `useAction().run`: a refusal shows where the page shows its errors. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  children: ComponentChildren;
}) {
  return (
    <button type="button" class="link" onClick={() => void run(() => download(`/records/entries/${entryId}/evidence?download`))}>
      {children}
    </button>
  );
}
