import { useEffect, useState } from "preact/hooks";
import { formatDateTime, t, type MessageKey } from "../../../app/i18n";
import type { RouteProps } from "../../../app/router";
import { ErrorMessage, Loading, Show, useAction, useLoad, useTitle } from "../../../app/ui";
import { request } from "../api";
import { ct } from "../i18n";
import { loadMyRoles } from "../officials";
import { unitsGranting } from "../permissions";
import { ScheduleClassMutation, UnitClassesQuery } from "./documents";
import { clt } from "./i18n";

const topics = ["GENERAL_KNOWLEDGE", "SCIENCE", "LEGAL_AWARENESS", "ESSENTIAL_SKILLS", "DIGITAL_SKILLS", "HEALTH", "CULTURE_AND_ARTS", "FOREIGN_LANGUAGES", "OTHER"] as const;
type Topic = (typeof topics)[number];

/** The classes of a unit where I may run classes (RUN_CLASSES; its subtree's too), and scheduling one. */
export default function ClassesPage({ query }: RouteProps) {
  useTitle(clt("classes.title"));
  const roles = useLoad(() => loadMyRoles(), []);
  return (
    <section class="console">
      <h1>{clt("classes.title")}</h1>
      <Show loaded={roles}>{(r) => <Choose units={unitsGranting(r, "RUN_CLASSES")} first={query.get("unit")} />}</Show>
    </section>
  );
}

function Choose({ units, first }: { units: { id: string; name: string }[]; first: string | null }) {
  const [chosen, setChosen] = useState(first ?? units[0]?.id ?? "");
  const [tick, setTick] = useState(0);
  const unit = units.find((u) => u.id === chosen) ?? units[0];
  if (!unit) return <p class="notice" data-testid="not-official">{ct("console.notOfficial")}</p>;
  return (
    <>
      {units.length > 1 && (
        <p>
          <label for="classes-unit">{clt("classes.unit")}</label>
          <select id="classes-unit" value={unit.id} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </p>
      )}
      <div class="console-grid">
        <div>
          <h2>{unit.name}</h2>
          <ClassList key={`${unit.id}-${tick}`} unitId={unit.id} />
        </div>
        <Schedule key={unit.id} unitId={unit.id} scheduled={() => setTick((n) => n + 1)} />
      </div>
    </>
  );
}

type Listed = {
  id: string; title: string; topic: string; status: string; capacity: number; enrolledCount: number; waitingCount: number;
  unit?: { id: string; name: string } | null; sessions: { id: string; startsAt: string; status: string }[];
};

function ClassList({ unitId }: { unitId: string }) {
  const [list, setList] = useState<Listed[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const page = useAction();
  const load = (after: string | null) =>
    page.run(async () => {
      const r = await request(UnitClassesQuery, { unitId, after });
      setList((old) => [...(after ? (old ?? []) : []), ...r.classes.nodes]);
      setNext(r.classes.pageInfo.hasNextPage ? (r.classes.pageInfo.endCursor ?? null) : null);
    });
  useEffect(() => void load(null), [unitId]);
  if (list === null) return page.error !== undefined ? <ErrorMessage error={page.error} retry={() => load(null)} /> : <Loading />;
  return (
    <>
      {list.length ? (
        <ul class="list" data-testid="unit-classes">
          {list.map((c) => {
            const coming = c.sessions.find((s) => s.status === "SCHEDULED" || s.status === "LIVE");
            return (
              <li key={c.id}>
                <a href={`/console/classes/${c.id}`}>{c.title}</a> <span class="tag">{t(("topic." + c.topic) as MessageKey)}</span>
                <br />
                <span class="muted">
                  {clt("classes.counts", { enrolled: c.enrolledCount, capacity: c.capacity, waiting: c.waitingCount })}
                  {coming ? " · " + clt("classes.next", { date: formatDateTime(coming.startsAt) }) : " · " + t(("class.status." + c.status) as MessageKey)}
                  {c.unit && c.unit.id !== unitId ? " · " + c.unit.name : ""}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{clt("classes.none")}</p>
      )}
      {page.error !== undefined && <ErrorMessage error={page.error} />}
      {next && (
        <button type="button" class="secondary" disabled={page.busy} onClick={() => load(next)}>{clt("classes.more")}</button>
      )}
    </>
  );
}

/** A local "2026-12-10T19:30" from the date-time field, as the instant it names in Viet Nam (UTC+7, no summer time). */
export const vietnamInstant = (local: string) => new Date(`${local}:00+07:00`);

function Schedule({ unitId, scheduled }: { unitId: string; scheduled: () => void }) {
  const [form, setForm] = useState({ title: "", description: "", topic: "DIGITAL_SKILLS" as Topic, audience: "PUBLIC", capacity: "30", startsAt: "", duration: "90", weeks: "1", completion: "80" });
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);
  const action = useAction();
  const field = (name: keyof typeof form) => ({
    id: `schedule-${name}`,
    value: form[name],
    onInput: (e: Event) => setForm((f) => ({ ...f, [name]: (e.target as HTMLInputElement).value })),
  });
  function submit(e: Event) {
    e.preventDefault();
    setDone(null);
    // The lead-time rules (not in the past, 10–480 minutes, up to 52 sessions) are the server's: a refusal shows its
    // Vietnamese sentence (INVALID_INPUT) and schedules nothing.
    const starts = vietnamInstant(form.startsAt);
    void action.run(async () => {
      const weeks = Number(form.weeks);
      const r = await request(ScheduleClassMutation, {
        input: {
          unitId,
          title: form.title.trim(),
          description: form.description.trim() || null,
          topic: form.topic,
          audience: form.audience as "PUBLIC" | "MEMBERS",
          capacity: Number(form.capacity),
          startsAt: starts.toISOString(),
          durationMinutes: Number(form.duration),
          repeat: weeks > 1 ? { frequency: "WEEKLY", count: weeks } : null,
          completionPercent: Number(form.completion),
          recording,
        },
      });
      setDone({ id: r.scheduleClass.id, title: r.scheduleClass.title });
      setForm((f) => ({ ...f, title: "", description: "", startsAt: "" }));
      scheduled();
    });
  }
  return (
    <form onSubmit={submit} data-testid="schedule-class">
      <h2>{clt("schedule.title")}</h2>
      <p class="hint">{clt("schedule.rules")}</p>
      {done && (
        <p class="notice" role="status">
          {clt("schedule.done", { title: done.title })} <a href={`/console/classes/${done.id}`}>{clt("schedule.open", { title: done.title })}</a>
        </p>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for="schedule-title">{clt("schedule.name")}</label>
      <input {...field("title")} required maxLength={200} />
      <label for="schedule-description">{clt("schedule.description")} <span class="hint">{ct("dir.optional")}</span></label>
      <textarea {...field("description")} maxLength={4000} rows={3} />
      <label for="schedule-topic">{clt("schedule.topic")}</label>
      <select {...field("topic")} onChange={(e) => setForm((f) => ({ ...f, topic: (e.target as HTMLSelectElement).value as Topic }))}>
        {topics.map((x) => (
          <option key={x} value={x}>{t(("topic." + x) as MessageKey)}</option>
        ))}
      </select>
      <label for="schedule-audience">{clt("schedule.audience")}</label>
      <select {...field("audience")} onChange={(e) => setForm((f) => ({ ...f, audience: (e.target as HTMLSelectElement).value }))}>
        <option value="PUBLIC">{clt("schedule.PUBLIC")}</option>
        <option value="MEMBERS">{clt("schedule.MEMBERS")}</option>
      </select>
      <label for="schedule-capacity">{clt("schedule.capacity")}</label>
      <input {...field("capacity")} type="number" inputMode="numeric" required min={1} max={10000} />
      <label for="schedule-startsAt">{clt("schedule.startsAt")}</label>
      <input {...field("startsAt")} type="datetime-local" required />
      <label for="schedule-duration">{clt("schedule.duration")}</label>
      <input {...field("duration")} type="number" inputMode="numeric" required min={10} max={480} />
      <label for="schedule-weeks">{clt("schedule.weeks")}</label>
      <input {...field("weeks")} type="number" inputMode="numeric" required min={1} max={52} />
      <label for="schedule-completion">{clt("schedule.completion")}</label>
      <input {...field("completion")} type="number" inputMode="numeric" required min={1} max={100} />
      <label class="check">
        <input type="checkbox" id="schedule-recording" checked={recording} onChange={(e) => setRecording((e.target as HTMLInputElement).checked)} />{" "}
        {clt("schedule.recording")} <span class="hint">{clt("schedule.recordingHint")}</span>
      </label>
      <p>
        <button type="submit" disabled={action.busy}>{clt("schedule.submit")}</button>
      </p>
    </form>
  );
}
