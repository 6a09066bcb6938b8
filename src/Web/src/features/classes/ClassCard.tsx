import { formatDateTime, t, type MessageKey } from "../../app/i18n";
import type { ClassCardFieldsFragment } from "../../gql/graphql";

/** The next session that has not ended, or null. */
export function nextSession(c: Pick<ClassCardFieldsFragment, "sessions">) {
  return c.sessions.find((s) => s.status === "LIVE") ?? c.sessions.find((s) => s.status === "SCHEDULED") ?? null;
}

export function ClassCard({ c }: { c: ClassCardFieldsFragment }) {
  const next = nextSession(c);
  const free = Math.max(0, c.capacity - c.enrolledCount);
  return (
    <li class="card">
      <h3>
        <a href={`/classes/${c.id}`}>{c.title}</a>
      </h3>
      <p>
        <span class="tag">{t(("topic." + c.topic) as MessageKey)}</span>
        <span class="tag">{c.mediaUrl ? t("classes.online") : t("classes.atCentre")}</span>
        {next?.status === "LIVE" && <span class="tag">{t("class.status.LIVE")}</span>}
      </p>
      {c.unit && <p class="muted">{c.unit.name}</p>}
      {next && <p>{t("classes.next", { date: formatDateTime(next.startsAt) })}</p>}
      <p class="muted">
        {free > 0 ? t("classes.seats", { free, capacity: c.capacity }) : t("classes.full", { waiting: c.waitingCount })}
        {c.enrolment && " · " + (c.enrolment.status === "ENROLLED" ? t("class.enrolled") : t("class.waiting", { position: c.enrolment.position ?? "?" }))}
      </p>
    </li>
  );
}
