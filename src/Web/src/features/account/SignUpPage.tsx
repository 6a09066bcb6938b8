import { useState } from "preact/hooks";
import { t } from "../../app/i18n";
import { navigate } from "../../app/router";
import { ErrorMessage, useAction, useTitle } from "../../app/ui";
import { sendCode, verifyCode } from "./localSignIn";

/** Sign up (or in) with a one-time code sent to a phone or an e-mail address; then claim the member record. */
export default function SignUpPage() {
  useTitle(t("signup.title"));
  const [address, setAddress] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState(false);
  const action = useAction();

  async function send(e: Event) {
    e.preventDefault();
    if (await action.run(() => sendCode(address))) setSent(true);
  }

  async function verify(e: Event) {
    e.preventDefault();
    if (await action.run(() => verifyCode(address, code))) navigate("/claim", true);
  }

  return (
    <section>
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      {!sent ? (
        <form onSubmit={send}>
          <label for="signup-address">{t("signup.address")}</label>
          <input id="signup-address" name="address" autocomplete="username" required value={address}
            onInput={(e) => setAddress((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={action.busy}>{t("signup.send")}</button>
        </form>
      ) : (
        <form onSubmit={verify}>
          <p class="notice" role="status">{t("signup.sent")}</p>
          <label for="signup-code">{t("signup.code")}</label>
          <input id="signup-code" name="code" inputMode="numeric" autocomplete="one-time-code" maxLength={6} required value={code}
            onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={action.busy}>{t("signup.verify")}</button>
        </form>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
    </section>
  );
}
