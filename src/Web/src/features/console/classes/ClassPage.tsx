import { useEffect, useState } from "preact/hooks";
import { formatDate, formatDateTime, formatNumber, t, type MessageKey } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { ErrorMessage, Loading, Show, useAction, useLoad, useTitle } from "../../../app/ui";
import { download } from "../../../api/client";
import { AppError, toAppError } from "../../../api/errors";
import { request } from "../api";
import { AttendanceQuery, ChangeCapacityMutation, ConsoleClassQuery, RelaysQuery, RosterQuery } from "./documents";
import { CancelClass, Reschedule } from "./ClassChanges";
import { clt } from "./i18n";
import { RelayForm } from "./RelayForm";
import { useRelayWatch } from "./relayWatch";
import { AdmitLearner, EnrolMember, RemoveLearner } from "./RosterActions";

type Session = { id: string; number: number; startsAt: string; endsAt: string; status: string; relayOfSessionId?: string | null };

/**
 * A class for its officials: the counts, the roster and the waiting list in their order (a member enrolled, a learner
 * removed with a reason, a waiting person admitted ahead of the queue), the capacity changed with
 * the version read, each session's attendance (minutes, completion, CSV) and a live session's relay rooms; a scheduled
 * session moved to another time, and the class cancelled after a second question.
 */
export default function ClassPage({ params }: RouteProps) {
  const id = params.id!;
  const loaded = useLoad(() => request(ConsoleClassQuery, { id }), [id]);
  useTitle(loaded.data?.class?.title ?? clt("classes.title"));
  const [rosterTick, setRosterTick] = useState(0);
  const [notice, setNotice] = useState("");
  const rosterChanged = (text: string) => (setNotice(text), loaded.reload(), setRosterTick((n) => n + 1));
  return (
    <section class="console">
      <Show loaded={loaded}>
        {({ class: c }) => {
          if (!c) return <ErrorMessage error={new AppError("NOT_FOUND")} />;
          return (
            <>
              <nav class="crumbs" aria-label={clt("class.back")}>
                <a href={`/console/classes${c.unit ? `?unit=${c.unit.id}` : ""}`}>{clt("class.back")}</a>
              </nav>
              <h1>{c.title}</h1>
              <p>
                <span class="tag">{t(("topic." + c.topic) as MessageKey)}</span>
                <span class="tag">{t(("class.status." + c.status) as MessageKey)}</span>
                {c.unit && <span class="tag">{c.unit.name}</span>}
              </p>
              <p data-testid="class-counts">{clt("class.counts", { capacity: c.capacity, enrolled: c.enrolledCount, waiting: c.waitingCount })}</p>
              <p><a href={`/classes/${c.id}`}>{clt("class.publicPage")}</a></p>
              <div class="console-grid">
                <div>
                  {notice && <p class="notice" role="status" data-testid="roster-notice">{notice}</p>}
                  <Roster key={`e${rosterTick}`} classId={c.id} status="ENROLLED" changed={c.status !== "CANCELLED" ? rosterChanged : undefined} />
                  <Roster key={`w${rosterTick}`} classId={c.id} status="WAITING" changed={c.status !== "CANCELLED" ? rosterChanged : undefined} />
                  {c.status !== "CANCELLED" && c.unit && <EnrolMember classId={c.id} unitId={c.unit.id} changed={rosterChanged} />}
                  {c.status !== "CANCELLED" && (
                    <Capacity key={c.id} cls={c} changed={() => (loaded.reload(), setRosterTick((n) => n + 1))} reload={loaded.reload} />
                  )}
                </div>
                <div>
                  <h2>{clt("sessions.title")}</h2>
                  <ul class="list" data-testid="sessions">
                    {c.sessions.map((s) => (
                      <SessionRow key={s.id} session={s} percent={c.completionPercent} changed={loaded.reload} />
                    ))}
                  </ul>
                  {c.status === "CANCELLED" ? (
                    <p class="notice" data-testid="class-cancelled">{clt("cancel.cancelled")}</p>
                  ) : (
                    <>
                      <RelayForm parent={c} />
                      <CancelClass cls={c} changed={loaded.reload} />
                    </>
                  )}
                </div>
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}

type Row = { personId: string; name?: string | null; status: string; position?: number | null; since: string };

function Roster({ classId, status, changed }: { classId: string; status: "ENROLLED" | "WAITING"; changed?: (notice: string) => void }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const page = useAction();
  const load = (after: string | null) =>
    page.run(async () => {
      const r = await request(RosterQuery, { id: classId, status, after });
      const connection = r.class?.enrolments;
      setRows((old) => [...(after ? (old ?? []) : []), ...(connection?.nodes ?? [])]);
      setNext(connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null);
    });
  useEffect(() => void load(null), [classId, status]);
  const title = status === "ENROLLED" ? clt("roster.enrolled") : clt("roster.waiting");
  const testId = status === "ENROLLED" ? "roster-enrolled" : "roster-waiting";
  return (
    <section aria-labelledby={`${testId}-title`}>
      <h2 id={`${testId}-title`}>{title}</h2>
      {page.error !== undefined && toAppError(page.error).code === "NOT_ALLOWED" ? (
        <p class="notice" data-testid={`${testId}-not-yours`}>
          {clt("roster.notYours")} <a href="/console/classes">{clt("roster.myRelays")}</a>
        </p>
      ) : (
        page.error !== undefined && <ErrorMessage error={page.error} retry={() => load(null)} />
      )}
      {rows === null ? (
        page.error === undefined && <Loading />
      ) : rows.length ? (
        <ol class="list" data-testid={testId}>
          {rows.map((r) => (
            <li key={r.personId}>
              <b>{r.name ?? "—"}</b>
              <br />
              <span class="muted">
                {[r.position ? clt("roster.position", { position: r.position }) : "", clt("roster.since", { date: formatDate(r.since) })].filter(Boolean).join(" · ")}
              </span>
              {changed && (
                <>
                  <br />
                  {status === "WAITING" && <AdmitLearner classId={classId} person={r} changed={changed} />}
                  {status === "WAITING" && " · "}
                  <RemoveLearner classId={classId} person={r} changed={changed} />
                </>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted" data-testid={testId}>{clt("roster.none")}</p>
      )}
      {next && (
        <button type="button" class="secondary" disabled={page.busy} onClick={() => load(next)}>{clt("roster.more")}</button>
      )}
    </section>
  );
}

function Capacity({ cls, changed, reload }: { cls: { id: string; capacity: number; version: number }; changed: () => void; reload: () => void }) {
  const [value, setValue] = useState(String(cls.capacity));
  const [done, setDone] = useState("");
  const [conflict, setConflict] = useState(false);
  const action = useAction();
  function submit(e: Event) {
    e.preventDefault();
    setDone("");
    setConflict(false);
    void action.run(async () => {
      try {
        const r = await request(ChangeCapacityMutation, { input: { classId: cls.id, expectedVersion: cls.version, capacity: Number(value) } });
        setDone(clt("capacity.done", { capacity: r.changeClass.capacity }));
        changed();
      } catch (error) {
        if (toAppError(error).code !== "VERSION_CONFLICT") throw error;
        setConflict(true);
      }
    });
  }
  return (
    <form onSubmit={submit} data-testid="capacity">
      <h2>{clt("capacity.title")}</h2>
      {done && <p class="notice" role="status">{done}</p>}
      {conflict && (
        <div class="error" role="alert">
          <p>{clt("capacity.conflict")}</p>
          <button type="button" class="secondary" onClick={() => (setConflict(false), reload())}>{clt("capacity.reload")}</button>
        </div>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for="capacity-value">
        {clt("capacity.label")} <span class="hint">{clt("capacity.hint")}</span>
      </label>
      <input id="capacity-value" type="number" inputMode="numeric" required min={1} max={10000} value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
      <p>
        <button type="submit" disabled={action.busy}>{clt("capacity.submit")}</button>
      </p>
    </form>
  );
}

function SessionRow({ session: s, percent, changed }: { session: Session; percent: number; changed: () => void }) {
  const [open, setOpen] = useState<"attendance" | "relays" | "reschedule" | null>(null);
  return (
    <li>
      {clt("sessions.session", { number: s.number, date: formatDateTime(s.startsAt) })} · {t(("class.status." + s.status) as MessageKey)}
      {s.relayOfSessionId && <span class="tag">{clt("sessions.relay")}</span>}
      <br />
      {s.status !== "SCHEDULED" && s.status !== "CANCELLED" && (
        <button type="button" class="link" aria-expanded={open === "attendance"} onClick={() => setOpen(open === "attendance" ? null : "attendance")}>
          {clt("attendance.open", { number: s.number })}
        </button>
      )}
      {s.status === "LIVE" && (
        <>
          {" · "}
          <button type="button" class="link" aria-expanded={open === "relays"} onClick={() => setOpen(open === "relays" ? null : "relays")}>
            {clt("relays.show", { number: s.number })}
          </button>
        </>
      )}
      {s.status === "SCHEDULED" && !s.relayOfSessionId && (
        <button type="button" class="link" aria-expanded={open === "reschedule"} onClick={() => setOpen(open === "reschedule" ? null : "reschedule")}>
          {clt("sessions.reschedule", { number: s.number })}
        </button>
      )}
      {open === "reschedule" && <Reschedule session={s} changed={changed} />}
      {open === "attendance" && <Attendance session={s} percent={percent} />}
      {open === "relays" && <Relays sessionId={s.id} />}
    </li>
  );
}

function Attendance({ session, percent }: { session: Session; percent: number }) {
  const loaded = useLoad(() => request(AttendanceQuery, { sessionId: session.id }), [session.id]);
  const csv = useAction();
  return (
    <div data-testid={`attendance-${session.number}`}>
      <Show loaded={loaded}>
        {({ attendance: a }) =>
          !a ? (
            <p class="muted">{clt("attendance.none")}</p>
          ) : (
            <>
              <p>{clt("attendance.summary", { completed: a.completedCount, total: a.attendees.length, percent })}</p>
              <div>
                <table>
                  <caption>{clt("attendance.caption", { number: session.number })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{clt("attendance.name")}</th>
                      <th scope="col">{clt("attendance.minutes")}</th>
                      <th scope="col">{clt("attendance.completed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.attendees.map((r) => (
                      <tr key={r.personId}>
                        <th scope="row">{r.name}</th>
                        <td>{formatNumber(r.minutesPresent)}</td>
                        <td>{r.completed ? clt("attendance.yes") : clt("attendance.no")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {csv.error !== undefined && <ErrorMessage error={csv.error} />}
              <button type="button" class="secondary" disabled={csv.busy} onClick={() => csv.run(() => download(new URL(a.csvUrl, location.href).pathname, `diem-danh-${session.number}.csv`))}>
                {clt("attendance.csv", { number: session.number })}
              </button>
            </>
          )
        }
      </Show>
    </div>
  );
}

function Relays({ sessionId }: { sessionId: string }) {
  const loaded = useLoad(() => request(RelaysQuery, { sessionId }), [sessionId]);
  const live = useRelayWatch(sessionId, loaded.reload);
  return (
    <div data-testid="relays">
      <h3>{clt("relays.title")}</h3>
      <p class="hint" data-testid="relays-live">{live ? clt("relays.live") : clt("relays.offline")}</p>
      <Show loaded={loaded}>
        {({ classroomSnapshot: room }) =>
          !room ? (
            <p class="muted">{clt("relays.closed")}</p>
          ) : (
            <>
              <p>{clt("relays.total", { count: formatNumber(room.totalHeadcount) })}</p>
              <p>{clt("relays.here", { count: formatNumber(room.headcount) })}</p>
              {room.relays.length ? (
                <ul class="list">
                  {room.relays.map((r) => (
                    <li key={r.relaySessionId}>{clt("relays.row", { name: r.name, count: formatNumber(r.headcount) })}</li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{clt("relays.none")}</p>
              )}
            </>
          )
        }
      </Show>
    </div>
  );
}
