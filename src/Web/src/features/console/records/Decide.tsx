import { useState } from "preact/hooks";

export interface DecideTexts {
  accept: string;
  reject: string;
  reason: string;
  rejectSubmit: string;
  cancel: string;
}

/**
 * Accept, or reject with a reason the person will read: the two buttons, and the reason's form once "reject" is
 * chosen. `reject` resolves true when the server took the decision (the form then closes).
 */
export function Decide({ id, busy, texts, accept, reject }: {
  id: string;
  busy: boolean;
  texts: DecideTexts;
  accept: () => void;
  reject: (reason: string) => Promise<boolean>;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const reasonId = `reason-${id}`;
  function submit(e: Event) {
    e.preventDefault();
    void reject(reason).then((ok) => ok && setRejecting(false));
  }
  return rejecting ? (
    <form onSubmit={submit}>
      <label for={reasonId}>{texts.reason}</label>
      <textarea id={reasonId} required maxLength={500} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      <div class="actions">
        <button type="submit" disabled={busy}>{texts.rejectSubmit}</button>
        <button type="button" class="secondary" onClick={() => setRejecting(false)}>{texts.cancel}</button>
      </div>
    </form>
  ) : (
    <div class="actions">
      <button type="button" disabled={busy} onClick={accept}>{texts.accept}</button>
      <button type="button" class="secondary" disabled={busy} onClick={() => setRejecting(true)}>{texts.reject}</button>
    </div>
  );
}
