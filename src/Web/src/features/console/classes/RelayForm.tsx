import { useState } from "preact/hooks";
import { formatDateTime } from "../../../app/i18n";
import { ErrorMessage, Show, useAction, useLoad } from "../../../app/ui";
import type { ConsoleClassQuery } from "../../../gql/console/graphql";
import { request } from "../api";
import { loadMyRoles } from "../officials";
import { unitsGranting } from "../permissions";
import { ScheduleClassMutation } from "./documents";
import { clt } from "./i18n";

type Parent = NonNullable<ConsoleClassQuery["class"]>;

/**
 * A relay room of one of this class's sessions for a unit where I may run classes (`scheduleClass` with
 * `relayOfSessionId`: the relay has one session at the parent's time). The server refuses a unit outside the parent
 * class's subtree, and a relay of a relay; its sentence is shown and nothing is scheduled.
 */
export function RelayForm({ parent }: { parent: Parent }) {
  const roles = useLoad(() => loadMyRoles(), []);
  const sessions = parent.sessions.filter((s) => s.status === "SCHEDULED" && !s.relayOfSessionId);
  if (sessions.length === 0) return null;
  return (
    <Show loaded={roles}>
      {(r) => {
        const units = unitsGranting(r, "RUN_CLASSES").filter((u) => u.id !== parent.unit?.id);
        return units.length ? <Form parent={parent} sessions={sessions} units={units} /> : null;
      }}
    </Show>
  );
}

function Form({ parent, sessions, units }: { parent: Parent; sessions: Parent["sessions"]; units: { id: string; name: string }[] }) {
  const [unitId, setUnitId] = useState(units[0]!.id);
  const [sessionId, setSessionId] = useState(sessions[0]!.id);
  const [capacity, setCapacity] = useState("30");
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);
  const action = useAction();
  function submit(e: Event) {
    e.preventDefault();
    setDone(null);
    const unit = units.find((u) => u.id === unitId)!;
    void action.run(async () => {
      const r = await request(ScheduleClassMutation, {
        input: {
          unitId,
          title: clt("relay.name", { title: parent.title, unit: unit.name }),
          topic: parent.topic,
          audience: parent.audience,
          capacity: Number(capacity),
          completionPercent: parent.completionPercent,
          relayOfSessionId: sessionId,
        },
      });
      setDone({ id: r.scheduleClass.id, title: r.scheduleClass.title });
    });
  }
  return (
    <form onSubmit={submit} data-testid="relay-form">
      <h2>{clt("relay.title")}</h2>
      <p class="hint">{clt("relay.hint")}</p>
      {done && (
        <p class="notice" role="status">
          {clt("schedule.done", { title: done.title })} <a href={`/console/classes/${done.id}`}>{clt("schedule.open", { title: done.title })}</a>
        </p>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <label for="relay-unit">{clt("relay.unit")}</label>
      <select id="relay-unit" value={unitId} onChange={(e) => setUnitId((e.target as HTMLSelectElement).value)}>
        {units.map((u) => (
          <option key={u.id} value={u.id}>{u.name}</option>
        ))}
      </select>
      <label for="relay-session">{clt("relay.session")}</label>
      <select id="relay-session" value={sessionId} onChange={(e) => setSessionId((e.target as HTMLSelectElement).value)}>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>{clt("relay.sessionOption", { number: s.number, date: formatDateTime(s.startsAt) })}</option>
        ))}
      </select>
      <label for="relay-capacity">{clt("schedule.capacity")}</label>
      <input id="relay-capacity" type="number" inputMode="numeric" required min={1} max={10000} value={capacity} onInput={(e) => setCapacity((e.target as HTMLInputElement).value)} />
      <p>
        <button type="submit" disabled={action.busy}>{clt("relay.submit")}</button>
      </p>
    </form>
  );
}
