import { useEffect, useState } from "preact/hooks";
import { t } from "../../app/i18n";
import { navigate } from "../../app/router";
import { ErrorMessage, Loading, useTitle } from "../../app/ui";
import { AppError } from "../../api/errors";

/** `/signed-in`: where the provider sends the person back; MSAL's chunk finishes the sign-in (docs/adr/0204). */
export default function SignedInPage() {
  useTitle(t("signin.title"));
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    import("./msal")
      .then((m) => m.completeSignIn())
      .then(
        (next) => next && navigate(next, true),
        (e: unknown) => setError(e instanceof AppError ? e : new AppError("SIGN_IN_FAILED")),
      );
  }, []);
  return (
    <section>
      <h1>{t("signin.title")}</h1>
      {error === undefined ? <Loading /> : <ErrorMessage error={error} />}
      {error !== undefined && (
        <p>
          <a href="/sign-in">{t("signin.again")}</a>
        </p>
      )}
    </section>
  );
}
