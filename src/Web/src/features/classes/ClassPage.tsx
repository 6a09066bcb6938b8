import { formatDateTime, t, type MessageKey } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { session } from "../../app/session";
import { useStore } from "../../app/store";
import { ErrorMessage, Show, useAction, useLoad, useTitle } from "../../app/ui";
import { download, request } from "../../api/client";
import { nextSession } from "./ClassCard";
import { ClassQuery, EnrolMutation, LeaveMutation } from "./documents";
import { Recordings } from "./Recordings";

/** A class: what, when, who teaches; enrol, join the waiting list, cancel; into the live room when it is open. */
export default function ClassPage({ params }: RouteProps) {
  const who = useStore(session);
  const loaded = useLoad(() => request(ClassQuery, { id: params.id! }), [params.id, who?.personId]);
  const action = useAction();
  useTitle(loaded.data?.class?.title ?? t("classes.title"));

  return (
    <Show loaded={loaded}>
      {({ class: c }) => {
        if (!c) return <p class="error" role="alert">{t("class.notFound")}</p>;
        const hosting = !!who && c.hosts.some((h) => h.personId === who.personId);
        const next = nextSession(c);
        const enrolment = c.enrolment;
        const full = c.enrolledCount >= c.capacity;
        const act = (f: () => Promise<unknown>) => action.run(f).then((ok) => ok && loaded.reload());
        return (
          <article>
            <h1>{c.title}</h1>
            <p>
              <span class="tag">{t(("topic." + c.topic) as MessageKey)}</span>
              <span class="tag">{c.mediaUrl ? t("classes.online") : t("classes.atCentre")}</span>
            </p>
            {c.description && <p>{c.description}</p>}
            {c.unit && (
              <p>
                {t("class.unit")}: {c.unit.name}
              </p>
            )}
            {c.hosts.length > 0 && (
              <p>
                {t("class.hosts")}: {c.hosts.map((h) => h.name ?? "—").join(", ")}
              </p>
            )}
            <div aria-live="polite">
              {c.status === "CANCELLED" ? (
                <p class="error">{t("class.cancelled")}</p>
              ) : enrolment?.status === "ENROLLED" ? (
                <p class="notice">{t("class.enrolled")}</p>
              ) : enrolment?.status === "WAITING" ? (
                <p class="notice">{t("class.waiting", { position: enrolment.position ?? "?" })}</p>
              ) : c.removal ? (
                <p class="notice" data-testid="class-removal">{t("class.removed", { reason: c.removal.reason })}</p>
              ) : (
                who && !hosting && <p>{t("class.notEnrolled")}</p>
              )}
            </div>
            {action.error !== undefined && <ErrorMessage error={action.error} />}
            <div class="actions">
              {who && !hosting && c.status !== "CANCELLED" && !enrolment && (
                <button type="button" disabled={action.busy} onClick={() => act(() => request(EnrolMutation, { input: { classId: c.id } }))}>
                  {full ? t("class.wait") : t("class.enrol")}
                </button>
              )}
              {who && enrolment && (
                <button type="button" class="secondary" disabled={action.busy} onClick={() => act(() => request(LeaveMutation, { input: { classId: c.id } }))}>
                  {enrolment.status === "WAITING" ? t("class.cancelWait") : t("class.cancel")}
                </button>
              )}
              {!who && (
                <a class="button" href={`/sign-in?next=/classes/${c.id}`}>
                  {t("class.enrol")}
                </a>
              )}
              {next && (hosting || (enrolment?.status === "ENROLLED" && next.status === "LIVE")) && (
                <a class="button" href={`/live/${next.id}?class=${c.id}`}>
                  {hosting ? t("class.teach") : t("class.join")}
                </a>
              )}
            </div>
            <p class="muted">
              {c.enrolledCount >= c.capacity
                ? t("classes.full", { waiting: c.waitingCount })
                : t("classes.seats", { free: c.capacity - c.enrolledCount, capacity: c.capacity })}
            </p>
            <h2>{t("class.sessions")}</h2>
            <ul class="list">
              {c.sessions.map((s) => (
                <li key={s.id}>
                  {t("class.session", { number: s.number, date: formatDateTime(s.startsAt) })} · {t(("class.status." + s.status) as MessageKey)}
                  {hosting && s.status === "ENDED" && (
                    <>
                      {" "}
                      <button type="button" class="link" onClick={() => action.run(() => download(`/classes/sessions/${s.id}/attendance.csv`, `diem-danh-${s.number}.csv`))}>
                        {t("class.attendance")}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <Recordings recordings={c.recordings} />
            {c.materials.length > 0 && (
              <>
                <h2>{t("class.materials")}</h2>
                <ul class="list">
                  {c.materials.map((m, i) => (
                    <li key={i}>
                      <a href={m.resourceId ? `/library/${m.resourceId}` : m.url} rel="noopener">
                        {m.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      }}
    </Show>
  );
}
