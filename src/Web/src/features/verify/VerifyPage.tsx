import { useEffect, useState } from "preact/hooks";
import { formatDate, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { useTitle } from "../../app/ui";
import { HistoryCheck } from "./HistoryCheck";

/** What `POST /badges/verify` answers (docs/adr/0193). */
interface Verification {
  valid: boolean;
  code: string;
  message: string;
  issuerId: string | null;
  issuerName: string | null;
  achievementName: string | null;
  achievementDescription: string | null;
  validFrom: string | null;
  revoked: boolean;
}

async function verify(credential: string): Promise<Verification> {
  const response = await fetch("/badges/verify", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ credential: credential.trim() }),
  });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as Verification;
}

/** The credential inside what was pasted or uploaded: a VC-JWT as is, or the JSON a download holds. */
function credentialOf(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return trimmed;
  try {
    const parsed = JSON.parse(trimmed) as { credential?: unknown };
    return typeof parsed.credential === "string" ? parsed.credential : trimmed;
  } catch {
    return trimmed;
  }
}

/** Anyone checks a certified learning history (`?history=`, its QR code) or an Open Badges credential. */
export default function VerifyPage(props: RouteProps) {
  const history = props.query.get("history");
  return history ? <HistoryCheck id={history} /> : <BadgeCheck {...props} />;
}

/** Anyone checks an Open Badges credential: pasted, uploaded, or the one a QR code names (`?badge=`). */
function BadgeCheck({ query }: RouteProps) {
  useTitle(t("verify.title"));
  const badge = query.get("badge");
  const [text, setText] = useState("");
  const [result, setResult] = useState<Verification | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const check = async (credential: string) => {
    setBusy(true);
    setFailed(false);
    try {
      setResult(await verify(credential));
    } catch {
      setResult(null);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!badge || !/^[0-9a-f-]{36}$/i.test(badge)) return;
    void fetch(`/badges/${badge}/credential`).then(async (r) => {
      if (!r.ok) {
        setFailed(true);
        return;
      }
      const credential = await r.text();
      setText(credential);
      await check(credential);
    });
  }, [badge]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const content = credentialOf(await file.text());
    setText(content);
    await check(content);
  };

  return (
    <section>
      <h1>{t("verify.title")}</h1>
      <p class="muted">{t("verify.intro")}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void check(credentialOf(text));
        }}
      >
        <label for="credential">{t("verify.paste")}</label>
        <textarea id="credential" rows={5} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <label for="credential-file">{t("verify.upload")}</label>
        <input id="credential-file" type="file" accept=".jwt,.json,.txt,application/json,text/plain" onChange={(e) => void upload((e.target as HTMLInputElement).files?.[0])} />
        <button type="submit" disabled={busy || text.trim().length === 0}>
          {t("verify.check")}
        </button>
      </form>
      {failed && (
        <p class="error" role="alert">
          {t("verify.failed")}
        </p>
      )}
      {result && (
        <div data-testid="verify-result" role="status" class={result.valid ? "ok" : "error"}>
          <h2>{result.valid ? t("verify.valid") : result.revoked ? t("verify.revoked") : t("verify.invalid")}</h2>
          <p>{result.message}</p>
          {result.issuerName && (
            <dl>
              <dt>{t("verify.issuer")}</dt>
              <dd>{result.issuerName}</dd>
              <dt>{t("verify.achievement")}</dt>
              <dd>{result.achievementName}</dd>
              {result.achievementDescription && <dd>{result.achievementDescription}</dd>}
              {result.validFrom && (
                <>
                  <dt>{t("verify.issuedOn")}</dt>
                  <dd>{formatDate(result.validFrom)}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
