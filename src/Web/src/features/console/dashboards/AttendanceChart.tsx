import { formatDate, formatNumber } from "../../../app/i18n";
import { useLoad } from "../../../app/ui";
import { request } from "../api";
import { BarChart } from "./BarChart";
import { AttendanceByMonthQuery } from "./documents";
import { dt } from "./i18n";
import { monthLabel } from "./months";
import { ownTask } from "./ownTask";

/**
 * Class attendance by month: the subtree's sessions that ended in each of the six months up to the as-of date, their
 * attendances and minutes; a month of fewer than 5 learners shows its sessions only (the server hides the rest).
 */
export function AttendanceChart({ unit, asOf }: { unit: { id: string; name: string }; asOf: string }) {
  const loaded = useLoad(() => ownTask().then(() => request(AttendanceByMonthQuery, { unitId: unit.id, asOf })).then((r) => r.classAttendanceByMonth.months), [unit.id, asOf]);
  const people = (n: number | null | undefined, hidden: boolean) => (hidden ? dt("dash.hidden") : formatNumber(n ?? 0));
  return (
    <BarChart
      id="dash-attendance"
      title={dt("dash.attendance.title")}
      caption={dt("dash.attendance.caption", { unit: unit.name, date: formatDate(asOf) })}
      columns={[dt("dash.month"), dt("dash.sessions"), dt("dash.attendances"), dt("dash.people"), dt("dash.minutes")]}
      loaded={loaded}
      expect={{ bars: 6, rows: 6 }}
      hiddenText={dt("dash.hidden")}
      draw={(months) => ({
        bars: months.map((m) => ({ label: monthLabel(m.month), value: m.hidden ? null : (m.attendances ?? 0) })),
        rows: months.map((m) => ({
          key: m.month,
          head: monthLabel(m.month),
          cells: [formatNumber(m.sessions), people(m.attendances, m.hidden), m.hidden ? "< 5" : formatNumber(m.people ?? 0), people(m.minutes, m.hidden)],
        })),
      })}
    />
  );
}
