import { useEffect, useState } from "preact/hooks";
import { t, type MessageKey } from "../../app/i18n";
import { navigate, type RouteProps } from "../../app/router";
import { devSignIn } from "../../app/session";
import { ErrorMessage, useTitle } from "../../app/ui";
import { AppError } from "../../api/errors";
import { fetchProviders, type Provider } from "./providers";

/** The external issuers the host lists (MSAL, loaded only then; docs/adr/0204), and the demo logins of Development. */
export const demoLogins = ["learner", "learner2", "learner-hp", "commune", "province", "central"] as const;

export default function SignInPage({ query }: RouteProps) {
  useTitle(t("signin.title"));
  const [error, setError] = useState<unknown>(undefined);
  const [unavailable, setUnavailable] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = query.get("next");
  const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    void fetchProviders().then((list) => {
      setProviders(list);
      if (!list.length) return;
      // Fetched while the person reads the page; back from the provider, MSAL hands the sign-in over here.
      void import("./msal")
        .then((m) => m.completeSignIn())
        .then(
          (next) => next && navigate(next, true),
          () => setError(new AppError("SIGN_IN_FAILED")),
        );
    });
  }, []);

  async function external(provider: Provider) {
    setBusy(true);
    setError(undefined);
    try {
      await (await import("./msal")).signInWith(provider, target);
    } catch {
      setError(new AppError("SIGN_IN_FAILED"));
      setBusy(false);
    }
  }

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
      {providers.length > 0 && (
        <>
          <p>{t("signin.external")}</p>
          <div class="actions">
            {providers.map((p) => (
              <button type="button" key={p.kind} disabled={busy} data-provider={p.kind} onClick={() => external(p)}>
                {t(p.kind === "officials" ? "signin.officials" : "signin.citizens")}
              </button>
            ))}
          </div>
        </>
      )}
      <p>{t("signin.demo")}</p>
      <p><a href="/sign-up">{t("signin.signup")}</a></p>
      <p><a href="/recover">{t("signin.recover")}</a></p>
      {unavailable && !providers.length && <p class="error">{t("signin.entraMissing")}</p>}
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
