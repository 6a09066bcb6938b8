import { useState } from "preact/hooks";
import { request } from "../../api/client";
import { AppError } from "../../api/errors";
import { t } from "../../app/i18n";
import { navigate } from "../../app/router";
import { signedIn } from "../../app/session";
import { ErrorMessage, useAction, useTitle } from "../../app/ui";
import { RecoveredMemberQuery } from "./documents";
import { recover, sendRecoveryCode } from "./localSignIn";

/** The server's limit: after five wrong codes the code is used up (docs/adr/0186), and only a new one works. */
const maxWrongCodes = 5;

/**
 * A member who lost their device: a code to the phone or e-mail on file links this address's account to them. The
 * page says the same whether or not anyone has the address (the server answers alike), and after five wrong codes
 * asks for a new code, as the server does.
 */
export default function RecoverPage() {
  useTitle(t("recover.title"));
  const [address, setAddress] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState(false);
  const [wrong, setWrong] = useState(0);
  const action = useAction();

  async function send(e: Event) {
    e.preventDefault();
    if (await action.run(() => sendRecoveryCode(address))) {
      setSent(true);
      setWrong(0);
      setCode("");
    }
  }

  async function verify(e: Event) {
    e.preventDefault();
    const ok = await action.run(async () => {
      let token: string;
      try {
        token = await recover(address, code);
      } catch (error) {
        if (error instanceof AppError && error.code === "CODE_INVALID") setWrong((n) => n + 1);
        throw error;
      }
      signedIn({ token, personId: "", name: "" });
      const { me } = await request(RecoveredMemberQuery);
      signedIn({ token, personId: me.personId, name: me.name });
    });
    if (ok) navigate("/record", true);
  }

  function again() {
    action.clear();
    setSent(false);
    setWrong(0);
    setCode("");
  }

  const locked = wrong >= maxWrongCodes;
  return (
    <section>
      <h1>{t("recover.title")}</h1>
      <p>{t("recover.intro")}</p>
      {!sent ? (
        <form onSubmit={send}>
          <label for="recover-address">{t("recover.address")}</label>
          <input id="recover-address" name="address" autocomplete="username" required value={address}
            onInput={(e) => setAddress((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={action.busy}>{t("recover.send")}</button>
        </form>
      ) : locked ? (
        <div>
          <p class="error" role="alert">{t("recover.locked")}</p>
          <button type="button" onClick={again}>{t("recover.again")}</button>
        </div>
      ) : (
        <form onSubmit={verify}>
          <p class="notice" role="status">{t("recover.sent")}</p>
          <label for="recover-code">{t("recover.code")}</label>
          <input id="recover-code" name="code" inputMode="numeric" autocomplete="one-time-code" maxLength={6} required value={code}
            onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={action.busy}>{t("recover.verify")}</button>
          <button type="button" class="secondary" onClick={again}>{t("recover.again")}</button>
        </form>
      )}
      {!locked && action.error !== undefined && <ErrorMessage error={action.error} />}
    </section>
  );
}
