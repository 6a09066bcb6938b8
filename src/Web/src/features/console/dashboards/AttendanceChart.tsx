import { formatDate, formatNumber } from "../../../app/i18n";
import { Show, useLoad } from "../../../app/ui";
import { request } from "../api";
import { Bars } from "./Bars";
import { AttendanceByMonthQuery } from "./documents";
import { dt } from "./i18n";

/**
 * Class attendance by month: the subtree's sessions that ended in each of the six months up to the as-of date, their
 * attendances and minutes; a month of fewer than 5 learners shows its sessions only (the server hides the rest).
 */
export function AttendanceChart({ unit, asOf }: { unit: { id: string; name: string }; asOf: string }) {
  const loaded = useLoad(() => request(AttendanceByMonthQuery, { unitId: unit.id, asOf }).then((r) => r.classAttendanceByMonth.months), [unit.id, asOf]);
  const month = (d: string) => d.slice(5, 7) + "/" + d.slice(0, 4);
  const people = (n: number | null | undefined, hidden: boolean) => (hidden ? dt("dash.hidden") : formatNumber(n ?? 0));
  return (
    <section aria-labelledby="dash-attendance-title" data-testid="dash-attendance">
      <h2 id="dash-attendance-title">{dt("dash.attendance.title")}</h2>
      <Show loaded={loaded}>
        {(months) => (
          <>
            <Bars bars={months.map((m) => ({ label: month(m.month), value: m.hidden ? null : (m.attendances ?? 0) }))} hiddenText={dt("dash.hidden")} />
            <div class="scroll">
              <table>
                <caption>{dt("dash.attendance.caption", { unit: unit.name, date: formatDate(asOf) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{dt("dash.month")}</th>
                    <th scope="col">{dt("dash.sessions")}</th>
                    <th scope="col">{dt("dash.attendances")}</th>
                    <th scope="col">{dt("dash.people")}</th>
                    <th scope="col">{dt("dash.minutes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{month(m.month)}</th>
                      <td>{formatNumber(m.sessions)}</td>
                      <td>{people(m.attendances, m.hidden)}</td>
                      <td>{m.hidden ? "< 5" : formatNumber(m.people ?? 0)}</td>
                      <td>{people(m.minutes, m.hidden)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
