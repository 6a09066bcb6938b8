import { formatDateTime, t, type MessageKey } from "../../app/i18n";
import type { ClassCardFieldsFragment } from "../../gql/graphql";

/** The next session that has not ended, or null. */
export function nextSession(c: Pick<ClassCardFieldsFragment, "sessions">) {
  return c.sessions.find((s) => s.status === "LIVE") ?? c.sessions.find((s) => s.status === "SCHEDULED") ?? null;
}

/** A class in a list; `level`: its heading level under the list's own heading (2 under a page title, 3 under a section). */
export function ClassCard({ c, level = 3 }: { c: ClassCardFieldsFragment; level?: 2 | 3 }) {
  const H = level === 2 ? "h2" : "h3";
  const next = nextSession(c);
  const free = Math.max(0, c.capacity - c.enrolledCount);
  return (
    <li class="card">
      <H class="card-title">
        <a href={`/classes/${c.id}`}>{c.title}</a>
      </H>
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
