import { useState } from "preact/hooks";
import { request } from "../../api/client";
import { formatTime } from "../../app/i18n";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { ConfirmContactChangeMutation, MyContactQuery, RemoveMyContactMutation, RequestContactChangeMutation } from "./documents";
import { at } from "./messages";

/** The member's own phone and e-mail (docs/accounts.md, ADR 0185): add or change with a code to the new address, remove. */
export default function ContactPage() {
  useTitle(at("contact.title"));
  const loaded = useLoad(() => request(MyContactQuery), []);
  const [address, setAddress] = useState("");
  const [code, setCode] = useState("");
  const [saved, setSaved] = useState(false);
  const action = useAction();

  const run = (work: () => Promise<unknown>) => {
    setSaved(false);
    return action.run(async () => {
      await work();
      loaded.reload();
    });
  };

  return (
    <section>
      <h1>{at("contact.title")}</h1>
      <p>{at("contact.intro")}</p>
      <Show loaded={loaded}>
        {({ myContact: c }) => (
          <>
            <div data-testid="contact">
              {!c.phone && !c.email && <p class="muted">{at("contact.none")}</p>}
              {c.phone && (
                <p>
                  {at("contact.phone", { value: c.phone })}{" "}
                  <button type="button" class="secondary" disabled={action.busy}
                    onClick={() => run(() => request(RemoveMyContactMutation, { input: { kind: "PHONE" } }))}>
                    {at("contact.removePhone")}
                  </button>
                </p>
              )}
              {c.email && (
                <p>
                  {at("contact.email", { value: c.email })}{" "}
                  <button type="button" class="secondary" disabled={action.busy}
                    onClick={() => run(() => request(RemoveMyContactMutation, { input: { kind: "EMAIL" } }))}>
                    {at("contact.removeEmail")}
                  </button>
                </p>
              )}
            </div>
            {saved && <p class="notice" role="status">{at("contact.saved")}</p>}
            <h2>{at("contact.change")}</h2>
            <form onSubmit={(e) => { e.preventDefault(); void run(() => request(RequestContactChangeMutation, { input: { address } })); }}>
              <label for="contact-address">{at("contact.address")}</label>
              <input id="contact-address" name="address" autocomplete="off" maxLength={254} required value={address}
                onInput={(e) => setAddress((e.target as HTMLInputElement).value)} />
              <button type="submit" disabled={action.busy}>{at("contact.send")}</button>
            </form>
            {c.pendingChange && (
              <form onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await request(ConfirmContactChangeMutation, { input: { address, code } });
                  setCode("");
                  setAddress("");
                  setSaved(true);
                });
              }}>
                <p class="notice" role="status">
                  {at("contact.sent", { to: c.pendingChange.sentTo, at: formatTime(c.pendingChange.expiresAt) })}
                </p>
                <label for="contact-code">{at("contact.code")}</label>
                <input id="contact-code" name="code" inputMode="numeric" autocomplete="one-time-code" maxLength={6} required value={code}
                  onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
                <button type="submit" disabled={action.busy}>{at("contact.confirm")}</button>
              </form>
            )}
            {action.error !== undefined && <ErrorMessage error={action.error} />}
          </>
        )}
      </Show>
    </section>
  );
}
