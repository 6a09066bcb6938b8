import { useState } from "preact/hooks";
import { request } from "../../api/client";
import { formatDateTime } from "../../app/i18n";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { ct } from "./messages";
import { CalendarFeedQuery, CreateCalendarFeedMutation, RevokeCalendarFeedMutation } from "./documents";

/**
 * My classes in the phone's own calendar: a secret iCalendar address (docs/adr/0158). The server shows the address once,
 * when it is made; making a new one stops the old, revoking stops it. Making one asks the person to agree that anyone
 * holding the address sees their classes.
 */
export default function CalendarPage() {
  useTitle(ct("calendar.title"));
  const loaded = useLoad(() => request(CalendarFeedQuery), []);
  const [agreed, setAgreed] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const action = useAction();

  const create = () =>
    action.run(async () => {
      const url = (await request(CreateCalendarFeedMutation)).createCalendarFeed.url;
      setMade(url ? new URL(url, location.origin).href : null);
      setCopied(false);
      setAgreed(false);
      loaded.reload();
    });
  const revoke = () =>
    action.run(async () => {
      if (!confirm(ct("calendar.revokeConfirm"))) return;
      await request(RevokeCalendarFeedMutation);
      setMade(null);
      loaded.reload();
    });
  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made);
      setCopied(true);
    } catch {
      (document.getElementById("calendar-url") as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section>
      <h1>{ct("calendar.title")}</h1>
      <p>{ct("calendar.intro")}</p>
      {made && (
        <div class="card" data-testid="calendar-made">
          <label for="calendar-url">{ct("calendar.url")}</label>
          <input id="calendar-url" readOnly value={made} onFocus={(e) => (e.target as HTMLInputElement).select()} />
          <p class="row">
            <button type="button" onClick={copy}>{ct("calendar.copy")}</button>
            <a class="button secondary" href={made.replace(/^https?:/, "webcal:")}>{ct("calendar.open")}</a>
          </p>
          <p role="status">{copied ? ct("calendar.copied") : ct("calendar.once")}</p>
        </div>
      )}
      <Show loaded={loaded}>
        {({ calendarFeed }) => (
          <>
            {calendarFeed ? (
              <p data-testid="calendar-state">{ct("calendar.since", { at: formatDateTime(calendarFeed.createdAt) })}</p>
            ) : (
              <p data-testid="calendar-state">{ct("calendar.none")}</p>
            )}
            <form onSubmit={(e) => (e.preventDefault(), create())}>
              <label class="check">
                <input type="checkbox" checked={agreed} onChange={(e) => setAgreed((e.target as HTMLInputElement).checked)} />{" "}
                {ct("calendar.agree")}
              </label>
              <p class="row">
                <button type="submit" disabled={!agreed || action.busy}>
                  {calendarFeed ? ct("calendar.replace") : ct("calendar.create")}
                </button>
                {calendarFeed && (
                  <button type="button" class="secondary" onClick={revoke} disabled={action.busy}>
                    {ct("calendar.revoke")}
                  </button>
                )}
              </p>
              {calendarFeed && <p class="muted">{ct("calendar.replaceHint")}</p>}
            </form>
          </>
        )}
      </Show>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
    </section>
  );
}
