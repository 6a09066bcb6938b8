import { useState } from "preact/hooks";
import { formatDate } from "../../app/i18n";
import { ErrorMessage, Show, useAction, useLoad } from "../../app/ui";
import { request } from "./api";
import { AttachGuidanceMutation, DirectiveGuidanceQuery } from "./documents";
import { ct } from "./i18n";

/**
 * Guidance on a directive as one of my units sees it: what the units above it on the way down from the issuer (and
 * the unit itself) attached, top down; and a form to attach guidance for the unit's own subtree. The server refuses
 * guidance from a unit with no targeted unit below it, and its sentence is shown.
 */
export function Guidance({ directiveId, unitId }: { directiveId: string; unitId: string }) {
  const loaded = useLoad(() => request(DirectiveGuidanceQuery, { id: directiveId, unitId }), [directiveId, unitId]);
  const [text, setText] = useState("");
  const action = useAction();
  const fieldId = `guidance-${directiveId}-${unitId}`;

  function submit(e: Event) {
    e.preventDefault();
    void action.run(() => request(AttachGuidanceMutation, { input: { directiveId, unitId, text: text.trim() } })).then((ok) => {
      if (ok) {
        setText("");
        loaded.reload();
      }
    });
  }

  return (
    <div data-testid="guidance">
      <Show loaded={loaded}>
        {({ directive }) =>
          directive?.guidance.length ? (
            <>
              <h4>{ct("dir.guidance")}</h4>
              <ul class="list">
                {directive.guidance.map((g) => (
                  <li key={g.id} data-testid="guidance-item">
                    <span class="muted">{ct("dir.guidanceFrom", { unit: g.unit?.name ?? "—", date: formatDate(g.createdAt) })}</span>
                    <p class="prewrap">{g.text}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : null
        }
      </Show>
      <details>
        <summary>{ct("dir.guidanceAttach")}</summary>
        <form onSubmit={submit}>
          <label for={fieldId}>{ct("dir.guidanceText")}</label>
          <textarea id={fieldId} required maxLength={10000} rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          {action.error !== undefined && <ErrorMessage error={action.error} />}
          <p>
            <button type="submit" disabled={action.busy}>{ct("dir.guidanceSubmit")}</button>
          </p>
        </form>
      </details>
    </div>
  );
}
