import { useEffect, useState } from "preact/hooks";
import { t, type MessageKey } from "../../app/i18n";
import { ErrorMessage, Loading, useAction, useTitle } from "../../app/ui";
import { request } from "../../api/client";
import { toAppError } from "../../api/errors";
import type { MyNotificationSettingsQuery as SettingsResult } from "../../gql/graphql";
import { MyNotificationSettingsQuery, SetNotificationPreferenceMutation, SetQuietHoursMutation } from "./documents";
import { currentSubscription, disablePush, enablePush, PushUnavailable } from "./push";
import "./settings.css";

type Settings = SettingsResult["myNotificationSettings"];

const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

/**
 * My notification settings (issue #22, ADRs 0123, 0182): push on or off per kind (the inbox keeps everything),
 * quiet hours, and Web Push for this device. Every change is sent with the version read, so a change made on another
 * device in between is refused (VERSION_CONFLICT) and the screen asks to reload.
 */
export default function NotificationSettingsPage() {
  useTitle(t("settings.title"));
  const [settings, setSettings] = useState<Settings | null>(null);
  const loading = useAction();
  const saving = useAction();
  const [conflict, setConflict] = useState(false);
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [saved, setSaved] = useState<string | null>(null);

  const show = (s: Settings) => {
    setSettings(s);
    setStart(s.quietHours?.start ?? "");
    setEnd(s.quietHours?.end ?? "");
  };
  const load = () =>
    loading.run(async () => {
      setConflict(false);
      saving.clear();
      show((await request(MyNotificationSettingsQuery)).myNotificationSettings);
    });
  useEffect(() => void load(), []);

  const save = (change: (version: number) => Promise<Settings>, done: string) =>
    settings &&
    saving.run(async () => {
      setSaved(null);
      try {
        show(await change(settings.version));
        setSaved(done);
      } catch (e) {
        if (toAppError(e).code === "VERSION_CONFLICT") setConflict(true);
        else throw e;
      }
    });

  const setPush = (kind: Settings["preferences"][number]["kind"], push: boolean) =>
    save(
      async (expectedVersion) => (await request(SetNotificationPreferenceMutation, { input: { kind, push, expectedVersion } })).setNotificationPreference,
      t("settings.saved"),
    );
  const setQuiet = (on: boolean) =>
    save(
      async (expectedVersion) =>
        (
          await request(SetQuietHoursMutation, {
            input: on
              ? { start, end, timeZone: settings?.quietHours?.timeZone ?? browserZone(), expectedVersion }
              : { expectedVersion },
          })
        ).setQuietHours,
      on ? t("settings.quietSaved") : t("settings.quietOff"),
    );

  return (
    <section class="settings">
      <h1>{t("settings.title")}</h1>
      <p>
        <a href="/notifications">{t("settings.toInbox")}</a>
      </p>
      {settings === null ? (
        loading.error !== undefined ? <ErrorMessage error={loading.error} retry={() => void load()} /> : <Loading />
      ) : (
        <>
          {conflict && (
            <div class="error" role="alert" data-testid="conflict">
              <p>{t("settings.conflict")}</p>
              <button type="button" onClick={() => void load()}>
                {t("settings.reload")}
              </button>
            </div>
          )}
          {saving.error !== undefined && <ErrorMessage error={saving.error} />}
          <p class="muted" role="status">
            {saved ?? ""}
          </p>
          <DevicePush />
          <fieldset>
            <legend>{t("settings.kinds")}</legend>
            <p class="muted">{t("settings.inboxKeepsAll")}</p>
            <ul class="switches">
              {settings.preferences.map((p) => (
                <li key={p.kind}>
                  <label class="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={p.push}
                      disabled={saving.busy || conflict}
                      onChange={(e) => void setPush(p.kind, (e.currentTarget as HTMLInputElement).checked)}
                    />
                    <span>{t(("settings.kind." + p.kind) as MessageKey)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>{t("settings.quietHours")}</legend>
            <p class="muted">{t("settings.quietHelp")}</p>
            <p data-testid="quiet-state">
              {settings.quietHours
                ? t("settings.quietOn", { start: settings.quietHours.start, end: settings.quietHours.end, zone: settings.quietHours.timeZone })
                : t("settings.quietNone")}
            </p>
            <div class="quiet-times">
              <div>
                <label for="quiet-start">{t("settings.quietStart")}</label>
                <input id="quiet-start" type="time" value={start} onInput={(e) => setStart((e.currentTarget as HTMLInputElement).value)} />
              </div>
              <div>
                <label for="quiet-end">{t("settings.quietEnd")}</label>
                <input id="quiet-end" type="time" value={end} onInput={(e) => setEnd((e.currentTarget as HTMLInputElement).value)} />
              </div>
            </div>
            <p class="muted">{t("settings.zone", { zone: settings.quietHours?.timeZone ?? browserZone() })}</p>
            <p class="actions">
              <button type="button" disabled={saving.busy || conflict || !start || !end} onClick={() => void setQuiet(true)}>
                {t("settings.quietSave")}
              </button>
              {settings.quietHours && (
                <button type="button" class="secondary" disabled={saving.busy || conflict} onClick={() => void setQuiet(false)}>
                  {t("settings.quietTurnOff")}
                </button>
              )}
            </p>
          </fieldset>
        </>
      )}
    </section>
  );
}

/**
 * The person's time zone as the browser knows it (Asia/Ho_Chi_Minh when it cannot say). ICU still calls Viet Nam's
 * zone by its old name, Asia/Saigon (a link to the same zone): the screen and the server get the IANA name.
 */
function browserZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_ZONE;
    return zone === "Asia/Saigon" ? DEFAULT_ZONE : zone;
  } catch {
    return DEFAULT_ZONE;
  }
}

/** Web Push on this device: on (permission, subscribe, tell the server) or off; says so when the browser cannot. */
function DevicePush() {
  const [on, setOn] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const action = useAction();
  useEffect(() => {
    currentSubscription().then(
      (s) => setOn(!!s),
      () => setOn(false),
    );
  }, []);
  const turn = (enable: boolean) =>
    action.run(async () => {
      setProblem(null);
      try {
        await (enable ? enablePush() : disablePush());
        setOn(enable);
      } catch (e) {
        if (e instanceof PushUnavailable) setProblem(("settings.push." + e.reason) as MessageKey);
        else throw e;
      }
    });
  return (
    <fieldset>
      <legend>{t("settings.device")}</legend>
      <p class="muted" data-testid="device-push">
        {on ? t("settings.deviceOn") : t("settings.deviceOff")}
      </p>
      {problem && (
        <p class="error" role="alert" data-testid="push-problem">
          {t(problem)}
        </p>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {on !== null && (
        <button type="button" class={on ? "secondary" : undefined} disabled={action.busy} onClick={() => void turn(!on)}>
          {on ? t("settings.deviceTurnOff") : t("settings.deviceTurnOn")}
        </button>
      )}
    </fieldset>
  );
}
