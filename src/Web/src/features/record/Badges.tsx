import { formatDate, t, type MessageKey } from "../../app/i18n";
import { ErrorMessage, Show, useAction, useLoad } from "../../app/ui";
import { request } from "../../api/client";
import type { BadgeSource } from "../../gql/graphql";
import { IssueBadgeMutation, MyBadgesQuery } from "./documents";

/** An achievement of the record a credential can be made from: an accepted activity or a title. */
export interface Achievement {
  source: BadgeSource;
  id: string;
  label: string;
}

/** Saves the credential as a JSON file (the VC-JWT and where to check it): what the verification page takes back. */
function save(name: string, credential: string, verifyUrl: string) {
  const blob = new Blob([JSON.stringify({ credential, verifyUrl }, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `chung-nhan-${name.normalize("NFD").replace(/[^\w]+/g, "-").toLowerCase().slice(0, 40)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** My Open Badges credentials (download, QR code to the verification page), and the achievements that can become one. */
export function Badges({ achievements }: { achievements: Achievement[] }) {
  const loaded = useLoad(() => request(MyBadgesQuery), []);
  const action = useAction();
  return (
    <Show loaded={loaded}>
      {({ myBadges }) => {
        const made = new Set(myBadges.map((b) => b.sourceId));
        const open = achievements.filter((a) => !made.has(a.id));
        return (
          <>
            <h2>{t("record.badges")}</h2>
            {action.error !== undefined && <ErrorMessage error={action.error} />}
            {myBadges.length ? (
              <ul class="list" data-testid="badges">
                {myBadges.map((b) => (
                  <li key={b.id}>
                    <b>{b.name}</b>
                    <br />
                    <span class="muted">
                      {t("record.badgeIssued", { issuer: b.issuerName, date: formatDate(b.issuedAt) })}
                      {b.revokedAt && ` · ${t("record.badgeRevoked")}`}
                    </span>
                    <div class="actions">
                      <button type="button" class="secondary" onClick={() => save(b.name, b.credential, b.verifyUrl)}>
                        {t("record.badgeDownload")}
                      </button>
                      <a href={new URL(b.verifyUrl).pathname + new URL(b.verifyUrl).search}>{t("record.badgeVerify")}</a>
                    </div>
                    <img src={"data:image/svg+xml;charset=utf-8," + encodeURIComponent(b.qrCodeSvg)} width="128" height="128" alt={t("record.badgeQr", { name: b.name })} />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t("record.noBadges")}</p>
            )}
            {open.length > 0 && (
              <ul class="list" data-testid="badge-candidates">
                {open.map((a) => (
                  <li key={a.id}>
                    {a.label}{" "}
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => action.run(() => request(IssueBadgeMutation, { input: { source: a.source, sourceId: a.id } })).then((ok) => ok && loaded.reload())}
                    >
                      {t("record.badgeIssue")}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </Show>
  );
}

export const titleLabel = (kind: string, year: number) => `${t(("record.title." + kind) as MessageKey)} · ${year}`;
