using Npgsql;
using Vape.Records.Contracts;
using Vape.Records.Membership;
using Vape.Records.Record;

namespace Vape.Records.Statistics;

/// <summary>One cell: how many people learned in the domain, how many activities, how many hours. Hidden (all null) under 5 people.</summary>
public sealed record StatisticsCell(LearningDomain? Domain, int? People, int? Activities, decimal? Hours, bool Hidden);

public sealed record RecordStatistics(Guid UnitId, int Year, StatisticsCell Total, IReadOnlyList<StatisticsCell> Domains);

/// <summary>
/// Statistics of a unit's subtree for a year, from the members' entries plus what erased people left as
/// anonymous counts. No person appears; a cell with fewer than <see cref="MinPeople"/> people is hidden.
/// </summary>
internal sealed class StatisticsStore(NpgsqlDataSource database)
{
    public const int MinPeople = 5;

    public async Task<RecordStatistics> ComputeAsync(Guid unitId, int year, CancellationToken ct)
    {
        // The subtree's members from Records' own copy (docs/adr/0167): no member id leaves PostgreSQL.
        await using var cmd = database.CreateCommand($"""
            with {MembershipSql.Subtree},
            live as (
              select domain, count(distinct person_id)::int as people, count(*)::int as activities, sum(minutes)::bigint as minutes
                from records.entries
               where person_id in (select person_id from members) and year = @year and kind = 'Activity' and status <> 'Rejected'
               group by grouping sets ((domain), ())),
            gone as (
              select nullif(domain, 'All') as domain, sum(people)::int as people, sum(activities)::int as activities, sum(minutes)::bigint as minutes
                from records.erased_totals where unit_id in (select id from subtree where active) and year = @year group by domain)
            select domain, coalesce(sum(people), 0)::int, coalesce(sum(activities), 0)::int, coalesce(sum(minutes), 0)::bigint
              from (select * from live union all select * from gone) cells
             group by domain order by domain nulls first
            """);
        cmd.Parameters.AddWithValue("unit", unitId);
        cmd.Parameters.AddWithValue("year", year);
        StatisticsCell? total = null;
        var domains = new List<StatisticsCell>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            LearningDomain? domain = reader.IsDBNull(0) ? null : Enum.Parse<LearningDomain>(reader.GetString(0));
            var cell = Cell(domain, reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3));
            if (domain is null) total = cell; else domains.Add(cell);
        }
        return new RecordStatistics(unitId, year, total ?? Cell(null, 0, 0, 0), domains);
    }

    private static StatisticsCell Cell(LearningDomain? domain, int people, int activities, long minutes) =>
        people < MinPeople
            ? new StatisticsCell(domain, null, null, null, true)
            : new StatisticsCell(domain, people, activities, RecordStore.Hours(minutes), false);
}
