import { useState } from "preact/hooks";
import { t, type MessageKey } from "../../app/i18n";
import { navigate, type RouteProps } from "../../app/router";
import { devSignIn } from "../../app/session";
import { ErrorMessage, useTitle } from "../../app/ui";
import { AppError } from "../../api/errors";

/** The demo logins of Development (README "Sign in"); Entra ID through MSAL comes later (docs/adr/0082). */
export const demoLogins = ["learner", "learner2", "learner-hp", "commune", "province", "central"] as const;

export default function SignInPage({ query }: RouteProps) {
  useTitle(t("signin.title"));
  const [error, setError] = useState<unknown>(undefined);
  const [unavailable, setUnavailable] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = query.get("next");
  const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";

  async function choose(login: string) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await devSignIn(login);
      if (result === "unavailable") setUnavailable(true);
      else navigate(target, true);
    } catch {
      setError(new AppError("OFFLINE"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t("signin.title")}</h1>
      {next && <p class="notice">{t("signin.needed")}</p>}
      <p>{t("signin.demo")}</p>
      <p><a href="/sign-up">{t("signin.signup")}</a></p>
      {unavailable && <p class="error">{t("signin.entraMissing")}</p>}
      {error !== undefined && <ErrorMessage error={error} />}
      <ul class="cards">
        {demoLogins.map((login) => (
          <li key={login}>
            <button type="button" class="secondary" style="width:100%;text-align:left" disabled={busy} data-login={login} onClick={() => choose(login)}>
              {t(("signin.who." + login) as MessageKey)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
