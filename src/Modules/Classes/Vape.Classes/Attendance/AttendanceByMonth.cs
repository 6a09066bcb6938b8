using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Classes.Attendance;

/// <summary>One month: sessions ended, learners' attendances and their minutes; the people figures hidden (null) under 5 people.</summary>
public sealed record AttendanceMonth(DateOnly Month, int Sessions, int? Attendances, int? People, int? Minutes, bool Hidden);

internal sealed record AttendanceByMonth(Guid UnitId, DateOnly AsOf, IReadOnlyList<AttendanceMonth> Months);

/// <summary>
/// The dashboard of class attendance (issue #21): the sessions of the subtree's classes (relay rooms included) that
/// ended in each of the six months up to a day, by the month they opened in (Vietnam), with their learners'
/// attendance. A month with 1 to 4 learners shows its sessions only.
/// </summary>
internal sealed class AttendanceByMonthStore(ClassesReader db, IOrganizationQueries organization, ClassesClock clock)
{
    public const int MinPeople = 5;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public async Task<AttendanceByMonth> ComputeAsync(Guid root, DateOnly? asOf, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.Now.ToOffset(Vietnam).DateTime);
        var day = asOf ?? today;
        if (day > today) throw VapeException.InvalidInput("Ngày tính đến (`asOf`) không được sau hôm nay.");
        var last = new DateOnly(day.Year, day.Month, 1);
        var first = last.AddMonths(-5);
        var units = (await organization.SubtreeAsync(root, null, ct)).Select(u => u.Id).ToArray();
        var rows = await db.ListAsync("""
            with months as (select (@first::date + make_interval(months => i))::date as month from generate_series(0, 5) i),
            s as (
              select s.id, date_trunc('month', s.opened_at at time zone 'UTC' + interval '7 hours')::date as month
                from classes.sessions s join classes.classes c on c.id = s.class_id
               where c.unit_id = any(@units) and s.status = 'ENDED' and s.ended_at < @end and s.opened_at >= @from)
            select m.month, count(distinct s.id)::int, count(a.person_id)::int, count(distinct a.person_id)::int,
                   coalesce(sum(a.seconds_present), 0)::bigint / 60
              from months m left join s on s.month = m.month
              left join classes.attendance a on a.session_id = s.id and a.role = 'LEARNER'
             group by m.month order by m.month
            """, r => Month(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), (int)r.GetInt64(4)), ct,
            ("first", first), ("units", units),
            ("from", new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), Vietnam).ToUniversalTime()),
            ("end", new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Vietnam).ToUniversalTime()));
        return new AttendanceByMonth(root, day, rows);
    }

    private static AttendanceMonth Month(DateOnly month, int sessions, int attendances, int people, int minutes) =>
        people is > 0 and < MinPeople
            ? new AttendanceMonth(month, sessions, null, null, null, true)
            : new AttendanceMonth(month, sessions, attendances, people, minutes, false);
}
