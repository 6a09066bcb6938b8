import { useEffect, useState } from "preact/hooks";
import { formatDate, t } from "../../app/i18n";
import { useTitle } from "../../app/ui";

/** What `GET /histories/{id}` answers (docs/adr/0238). */
interface HistoryVerification {
  valid: boolean;
  code: string;
  message: string;
  issuerName: string | null;
  holderName: string | null;
  validFrom: string | null;
  totalHours: number | null;
  entries: { kind: string; title: string; date: string; hours: number; verifiedBy: string }[] | null;
}

/** The page a certified history's QR code opens: the stored history checked again, to compare with the paper. */
export function HistoryCheck({ id }: { id: string }) {
  useTitle(t("verify.history.title"));
  const [result, setResult] = useState<HistoryVerification | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) {
      setFailed(true);
      return;
    }
    void fetch(`/histories/${id}`)
      .then(async (r) => (r.ok ? setResult((await r.json()) as HistoryVerification) : setFailed(true)))
      .catch(() => setFailed(true));
  }, [id]);

  return (
    <section>
      <h1>{t("verify.history.title")}</h1>
      <p class="muted">{t("verify.history.intro")}</p>
      {failed && (
        <p class="error" role="alert">
          {t("verify.history.notFound")}
        </p>
      )}
      {result && (
        <div data-testid="verify-result" role="status" class={result.valid ? "ok" : "error"}>
          <h2>{result.valid ? t("verify.history.valid") : t("verify.history.invalid")}</h2>
          <p>{result.message}</p>
          {result.valid && (
            <>
              <dl>
                <dt>{t("verify.history.holder")}</dt>
                <dd>{result.holderName}</dd>
                <dt>{t("verify.issuer")}</dt>
                <dd>{result.issuerName}</dd>
                {result.validFrom && (
                  <>
                    <dt>{t("verify.issuedOn")}</dt>
                    <dd>{formatDate(result.validFrom)}</dd>
                  </>
                )}
                <dt>{t("verify.history.hours")}</dt>
                <dd>{result.totalHours}</dd>
              </dl>
              <ul>
                {(result.entries ?? []).map((e) => (
                  <li key={`${e.date}-${e.title}`}>
                    {formatDate(e.date)} · {e.title} · {e.kind}
                    {e.hours > 0 ? ` · ${e.hours} ${t("verify.history.hoursUnit")}` : ""} · {e.verifiedBy}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
