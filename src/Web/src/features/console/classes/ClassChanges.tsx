import { useState } from "preact/hooks";
import { formatDateTime } from "../../../app/i18n";
import { ErrorMessage, useAction } from "../../../app/ui";
import { request } from "../api";
import { vietnamInstant } from "./ClassesPage";
import { CancelClassMutation, RescheduleSessionMutation } from "./documents";
import { clt } from "./i18n";

/** An instant as the date-time field shows it in Viet Nam (UTC+7, no summer time): `2026-12-10T19:30`. */
const vietnamLocal = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 16);

/**
 * Moves a scheduled session (not a relay: its relays move with it) to a new start and length. The rules are the
 * server's (a future time, 10–480 minutes); a refusal shows its Vietnamese sentence and changes nothing.
 */
export function Reschedule({ session, changed }: { session: { id: string; number: number; startsAt: string; endsAt: string }; changed: () => void }) {
  const minutes = Math.round((new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()) / 60_000);
  const [startsAt, setStartsAt] = useState(vietnamLocal(session.startsAt));
  const [duration, setDuration] = useState(String(minutes));
  const [done, setDone] = useState("");
  const action = useAction();
  const id = `reschedule-${session.number}`;
  function submit(e: Event) {
    e.preventDefault();
    setDone("");
    void action.run(async () => {
      const r = await request(RescheduleSessionMutation, {
        input: { sessionId: session.id, startsAt: vietnamInstant(startsAt).toISOString(), durationMinutes: Number(duration) },
      });
      setDone(clt("reschedule.done", { number: r.rescheduleClassSession.number, date: formatDateTime(r.rescheduleClassSession.startsAt) }));
      changed();
    });
  }
  return (
    <form onSubmit={submit} data-testid={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{clt("reschedule.title", { number: session.number })}</h3>
      <p class="hint">{clt("reschedule.rules")}</p>
      {done && <p class="notice" role="status">{done}</p>}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for={`${id}-startsAt`}>{clt("reschedule.startsAt")}</label>
      <input id={`${id}-startsAt`} type="datetime-local" required value={startsAt} onInput={(e) => setStartsAt((e.target as HTMLInputElement).value)} />
      <label for={`${id}-duration`}>{clt("reschedule.duration")}</label>
      <input id={`${id}-duration`} type="number" inputMode="numeric" required min={10} max={480} value={duration} onInput={(e) => setDuration((e.target as HTMLInputElement).value)} />
      <p>
        <button type="submit" disabled={action.busy}>{clt("reschedule.submit")}</button>
      </p>
    </form>
  );
}

/** Cancels the class after a second question: its sessions not started are cancelled and it leaves the catalogue. */
export function CancelClass({ cls, changed }: { cls: { id: string; title: string }; changed: () => void }) {
  const [asking, setAsking] = useState(false);
  const action = useAction();
  const cancel = () =>
    void action.run(async () => {
      await request(CancelClassMutation, { input: { classId: cls.id } });
      setAsking(false);
      changed();
    });
  return (
    <section aria-labelledby="cancel-class-title" data-testid="cancel-class">
      <h2 id="cancel-class-title">{clt("cancel.title")}</h2>
      <p class="hint">{clt("cancel.rules")}</p>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {asking ? (
        <div class="notice" role="alertdialog" aria-label={clt("cancel.confirm", { title: cls.title })}>
          <p>{clt("cancel.confirm", { title: cls.title })}</p>
          <p class="row">
            <button type="button" disabled={action.busy} onClick={cancel}>{clt("cancel.yes")}</button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>{clt("cancel.no")}</button>
          </p>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => (action.clear(), setAsking(true))}>{clt("cancel.open")}</button>
      )}
    </section>
  );
}
