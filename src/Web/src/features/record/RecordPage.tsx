import { useState } from "preact/hooks";
import { formatDate, formatDateTime, formatNumber, t, type MessageKey } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { download, request, upload } from "../../api/client";
import type { RecordConsent } from "../../gql/graphql";
import { DeclareMutation, EraseMutation, MoreActivitiesQuery, MyRecordQuery, SetConsentMutation } from "./documents";
import type { RecordActivitiesFragment } from "../../gql/graphql";
import { EvidenceButton } from "./EvidenceButton";
import { Badges, titleLabel } from "./Badges";
import { RejectedTitles } from "./RejectedTitles";

/** My record: hours by year, activities with their status, titles, who looked and why, consent, export, declare, erase. */
export default function RecordPage(_: RouteProps) {
  useTitle(t("record.title"));
  const loaded = useLoad(() => request(MyRecordQuery), []);
  const action = useAction();
  const [notice, setNotice] = useState("");
  const [erasing, setErasing] = useState(false);
  // Pages after the first, read on demand ("Xem thêm hoạt động"); a reload of the record starts again from one page.
  const [more, setMore] = useState<{ nodes: Activity[]; after: string | null }>({ nodes: [], after: null });
  const reload = () => (setMore({ nodes: [], after: null }), loaded.reload());
  async function showMore(first: RecordActivitiesFragment) {
    const after = more.after ?? first.pageInfo.endCursor;
    if (!after) return;
    const page = (await request(MoreActivitiesQuery, { after })).myRecord.activities;
    setMore((m) => ({ nodes: [...m.nodes, ...page.nodes], after: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? "") : "" }));
  }

  return (
    <Show loaded={loaded}>
      {({ me, myRecord: r, myRecordAccessLog: log }) => (
        <section>
          <h1>{t("record.title")}</h1>
          {notice && <p class="notice" role="status">{notice}</p>}
          {action.error !== undefined && <ErrorMessage error={action.error} />}
          {r.erasedAt ? (
            <p class="notice">{t("record.erased")}</p>
          ) : (
            <>
              <h2>{t("record.hours")}</h2>
              {r.years.length ? (
                <ul class="list">
                  {r.years.map((y) => (
                    <li key={y.year}>{t("record.year", { year: y.year, hours: formatNumber(y.hours), activities: y.activities })}</li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t("record.noYears")}</p>
              )}
              <h2>{t("record.activities")}</h2>
              <ul class="list" data-testid="activities">
                {[...r.activities.nodes, ...more.nodes].map((a) => (
                  <li key={a.id}>
                    <b>{a.title}</b>
                    <br />
                    <span class="muted">
                      {t("record.entry", { date: formatDate(a.date), hours: formatNumber(a.hours), status: t(("record.status." + a.status) as MessageKey) })}
                    </span>
                    {a.minutesWithMedia != null && (
                      <>
                        <br />
                        <span class="muted" data-minutes-with-media={a.minutesWithMedia}>
                          {t("record.withMedia", { minutes: a.minutesWithMedia, present: Math.round(a.hours * 60) })}
                        </span>
                      </>
                    )}
                    {a.status === "REJECTED" && a.rejectionReason && (
                      <>
                        <br />
                        <span data-testid="rejection-reason">{t("record.rejectionReason", { reason: a.rejectionReason })}</span>
                      </>
                    )}
                    {a.evidenceFileId && (
                      <>
                        <br />
                        <EvidenceButton entryId={a.id} run={action.run}>{t("record.evidence")}</EvidenceButton>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {(more.after === null ? r.activities.pageInfo.hasNextPage : more.after !== "") && (
                <button type="button" class="secondary" disabled={action.busy} onClick={() => action.run(() => showMore(r.activities))}>
                  {t("record.more")}
                </button>
              )}
              <h2>{t("record.titles")}</h2>
              {r.titles.length ? (
                <ul class="list" data-testid="record-titles">
                  {r.titles.map((x) => (
                    <li key={x.id}>
                      {t(("record.title." + x.kind) as MessageKey)} · {x.year}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t("record.noTitles")}</p>
              )}
              <RejectedTitles items={r.rejectedTitles} />
              <Badges
                achievements={[
                  ...[...r.activities.nodes, ...more.nodes].filter((a) => a.status === "ACCEPTED").map((a) => ({ source: "ENTRY" as const, id: a.id, label: a.title })),
                  ...r.titles.map((x) => ({ source: "TITLE" as const, id: x.id, label: titleLabel(x.kind, x.year) })),
                ]}
              />
            </>
          )}
          <h2>{t("record.accessLog")}</h2>
          {log.nodes.length ? (
            <ul class="list" data-testid="access-log">
              {log.nodes.map((l) => (
                <li key={l.id}>
                  {t("record.look", { official: l.officialName ?? "—", unit: l.unitName ?? "—", at: formatDateTime(l.at), purpose: t(("record.purpose." + l.purpose) as MessageKey) })}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("record.noLooks")}</p>
          )}
          {!r.erasedAt && (
            <>
              <h2>{t("record.export")}</h2>
              <div class="actions">
                <button type="button" class="secondary" onClick={() => action.run(() => download("/records/me/export.json", "ho-so-hoc-tap.json"))}>
                  {t("record.exportJson")}
                </button>
                <button type="button" class="secondary" onClick={() => action.run(() => download("/records/me/export.csv", "ho-so-hoc-tap.csv"))}>
                  {t("record.exportCsv")}
                </button>
                <button type="button" class="secondary" onClick={() => action.run(() => download("/records/me/history.pdf", "qua-trinh-hoc-tap.pdf"))}>
                  {t("record.historyPdf")}
                </button>
              </div>
              <label for="consent">{t("record.consent")}</label>
              <select
                id="consent"
                value={r.consent}
                onChange={(e) =>
                  action
                    .run(() => request(SetConsentMutation, { input: { consent: (e.target as HTMLSelectElement).value as RecordConsent, expectedVersion: r.version } }))
                    .then((ok) => ok && reload())
                }
              >
                <option value="TOTALS">{t("record.consent.TOTALS")}</option>
                <option value="DETAILS">{t("record.consent.DETAILS")}</option>
              </select>
              <Declare onDone={() => (setNotice(t("record.declared")), reload())} />
              <h2>{t("record.erase")}</h2>
              <p class="error">{t("record.eraseWarning")}</p>
              {erasing ? (
                <button type="button" onClick={() => action.run(() => request(EraseMutation, { input: { personId: me.personId } })).then((ok) => ok && reload())}>
                  {t("record.eraseConfirm")}
                </button>
              ) : (
                <button type="button" class="secondary" onClick={() => setErasing(true)}>
                  {t("record.erase")}
                </button>
              )}
            </>
          )}
        </section>
      )}
    </Show>
  );
}

type Activity = RecordActivitiesFragment["nodes"][number];

function Declare({ onDone }: { onDone: () => void }) {
  const action = useAction();
  function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get("evidence");
    void action
      .run(async () => {
        // The file first (`POST /files` checks its size and what it really is), then the declaration naming it.
        const evidence = file instanceof File && file.size > 0 ? await upload(file) : null;
        return request(DeclareMutation, {
          input: {
            title: String(data.get("title") ?? ""), date: String(data.get("date") ?? ""), hours: Number(data.get("hours") ?? 0), domain: "OTHER",
            ...(evidence ? { evidenceFileId: evidence.id } : {}),
          },
        });
      })
      .then((ok) => {
        if (ok) {
          form.reset();
          onDone();
        }
      });
  }
  return (
    <form onSubmit={submit}>
      <h2>{t("record.declare")}</h2>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for="d-title">{t("record.declareTitle")}</label>
      <input id="d-title" name="title" required maxLength={200} />
      <div class="row">
        <div>
          <label for="d-date">{t("record.declareDate")}</label>
          <input id="d-date" name="date" type="date" required />
        </div>
        <div>
          <label for="d-hours">{t("record.declareHours")}</label>
          <input id="d-hours" name="hours" type="number" min="0.5" max="1000" step="0.5" required />
        </div>
      </div>
      <label for="d-evidence">
        {t("record.declareEvidence")} <span class="hint">{t("record.declareEvidenceHint")}</span>
      </label>
      <input id="d-evidence" name="evidence" type="file" accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/*" />
      <p>
        <button type="submit" disabled={action.busy}>{t("record.declareSubmit")}</button>
      </p>
    </form>
  );
}
