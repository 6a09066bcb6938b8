using System.Diagnostics;
using System.Globalization;
using Alba;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Organization.Contracts;
using Vape.Records.Membership;
using Vape.Records.Record;
using Vape.Records.Statistics;
using Vape.Records.Titles;

namespace Vape.Benchmarks;

/// <summary>
/// Learning records for the national-scale database (<see cref="NationalDatabase"/>: a million members): written
/// once, set-based, by one `insert … select` over `organization.people`, and kept (a marker table says so). Three
/// in ten households (people alone: three in ten people) are active learners with 5–9 activities from 2024-01-01
/// to today, the others 0–2; 1 to 12 hours each, nine domains, provenance and status mixed (a tenth rejected, a
/// tenth pending). About 2.8 million rows in `records.entries`. Rows only, like the Organization scale seed: no
/// event streams, and `details` holds a placeholder, not a sealed text (the benchmarks read the plain columns
/// only). Deterministic: the same people get the same activities (hashes of their ids), only the entry ids differ.
/// </summary>
internal static class RecordsScaleData
{
    public const int Year = 2025;

    private const string Marker = "public.bench_records_scale";

    /// <summary>The year's rules for the benchmark (a configured year, as an official of the centre would set them).</summary>
    public static readonly TitleRules Rules = new(Year, 12m, 2, 0.5m, 0.3m, 3, true);

    public static async Task EnsureAsync(NpgsqlDataSource database)
    {
        await using var conn = await database.OpenConnectionAsync();
        // The marker first: a statement naming a table that does not exist fails as a whole, however its `and` would go.
        await using (var marker = new NpgsqlCommand($"create table if not exists {Marker} (rows bigint not null, written_at timestamptz not null)", conn))
            await marker.ExecuteNonQueryAsync();
        await using (var check = new NpgsqlCommand($"select exists (select 1 from {Marker})", conn))
        {
            if ((bool)(await check.ExecuteScalarAsync())!)
            {
                await WriteRulesAsync(conn);
                return;
            }
        }
        var elapsed = Stopwatch.StartNew();
        Console.WriteLine(Smoke.On ? "// Records: writing learning activities for the small tree's members (once)…"
            : "// Records: writing learning activities for the national-scale members (once; about 4 minutes)…");
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using var write = new NpgsqlCommand($"""
                create table if not exists {Marker} (rows bigint not null, written_at timestamptz not null);
                truncate {Marker};
                truncate records.entries;
                insert into records.entries (id, person_id, kind, domain, on_date, year, minutes, provenance, status, details, recorded_at)
                select gen_random_uuid(), a.person_id, 'Activity',
                       (array['GeneralKnowledge','Science','LegalAwareness','EssentialSkills','DigitalSkills','Health','CultureAndArts','ForeignLanguages','Other'])[1 + a.h % 9],
                       a.on_date, extract(year from a.on_date)::int, 30 * (2 + (a.h / 9) % 23),
                       case when (a.h / 207) % 10 < 4 then 'System' when (a.h / 207) % 10 < 8 then 'Verified' else 'SelfDeclared' end,
                       case when (a.h / 207) % 10 < 8 then 'Accepted' when (a.h / 207) % 10 = 8 then 'Pending' else 'Rejected' end,
                       '\x00'::bytea, now()
                  from (select p.id as person_id,
                               hashtext(p.id::text || ':' || i) & 2147483647 as h,
                               date '2024-01-01' + (hashtext(p.id::text || ':day:' || i) & 2147483647) % (current_date - date '2024-01-01' + 1) as on_date
                          from organization.people p
                          cross join lateral generate_series(1,
                            case when (hashtext(coalesce(p.household_id, p.id)::text) & 2147483647) % 10 < 3
                                 then 5 + (hashtext(p.id::text) & 2147483647) % 5
                                 else (hashtext(p.id::text) & 2147483647) % 3 end) i
                         where p.left_on is null) a;
                insert into {Marker} select count(*), now() from records.entries;
                """, conn, tx) { CommandTimeout = 0 };
            await write.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        await using (var analyze = new NpgsqlCommand("analyze records.entries", conn) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync();
        await WriteRulesAsync(conn);
        await using var count = new NpgsqlCommand($"select rows from {Marker}", conn);
        var rows = (long)(await count.ExecuteScalarAsync())!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Records: {rows:N0} activities written in {elapsed.Elapsed.TotalSeconds:F0} s"));
    }

    private static async Task WriteRulesAsync(NpgsqlConnection conn)
    {
        await using var rules = new NpgsqlCommand("""
            insert into records.title_rules (year, min_hours, min_domains, family_share, group_share, min_group_members, set_by, set_at)
            values (@y, @h, @d, @f, @g, @m, '00000000-0000-0000-0000-000000000000', now())
            on conflict (year) do update set min_hours = excluded.min_hours, min_domains = excluded.min_domains, family_share = excluded.family_share,
              group_share = excluded.group_share, min_group_members = excluded.min_group_members
            """, conn);
        rules.Parameters.AddWithValue("y", Rules.Year);
        rules.Parameters.AddWithValue("h", Rules.MinHours);
        rules.Parameters.AddWithValue("d", Rules.MinDomains);
        rules.Parameters.AddWithValue("f", Rules.FamilyShare);
        rules.Parameters.AddWithValue("g", Rules.GroupShare);
        rules.Parameters.AddWithValue("m", Rules.MinGroupMembers);
        await rules.ExecuteNonQueryAsync();
    }

    /// <summary>Members today of a unit's subtree (home unit or other membership), as <c>IOrganizationQueries.MembersAsync</c> defines them.</summary>
    public const string MembersCte = """
        subtree as (
          select u.id, u.kind, u.status from organization.units a join organization.units u on u.path <@ a.path where a.id = @unit),
        members as (
          select p.id as person_id, p.home_unit_id as unit_id, p.household_id from organization.people p
           where p.home_unit_id in (select id from subtree) and p.left_on is null
          union
          select p.id, m.unit_id, p.household_id from organization.memberships m join organization.people p on p.id = m.person_id
           where m.unit_id in (select id from subtree) and p.left_on is null)
        """;
}

/// <summary>
/// Title evaluation for a province of the national-scale data (Hà Nội, T01: ~97 communes, ~1,000 lower units,
/// ~30,000 members with ~85,000 activities of which ~26,000 in 2025): <see cref="TitleEvaluator.ProposalsAsync"/>
/// (rules, the members from Records' copy of the memberships (ADR 0167), their hours and domains of the year from `records.entries`, Learning
/// Citizens, households, clans, communities and units, earlier decisions) against the baseline: one raw SQL
/// statement doing the same aggregate inside PostgreSQL (the members straight from Organization's tables, which
/// only a benchmark may join) and returning the three counts. Only accepted hours count (verified or from the
/// system; pending self-declared ones no longer do since #25). Both must find the same numbers of Learning
/// Citizens, Learning Families and group titles, or the run stops.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(10)]
public class RecordsTitlesBenchmark
{
    private IAlbaHost _host = null!;
    private NpgsqlDataSource _database = null!;
    private Guid _province;
    private (long Citizens, long Families, long Groups) _expected;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await NationalDatabase.StartAsync();
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await RecordsScaleData.EnsureAsync(_database);
        _province = await NationalDatabase.UnitIdAsync(_database, "T01");
        _expected = await Counts();
        var vape = await Proposals();
        Console.WriteLine($"// Records titles T01 {RecordsScaleData.Year}: raw SQL {_expected}, Vape {vape} proposals");
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    private async Task<(long, long, long)> Counts()
    {
        var r = RecordsScaleData.Rules;
        await using var cmd = _database.CreateCommand($"""
            with {RecordsScaleData.MembersCte},
            learning as (
              select e.person_id, sum(e.minutes) as minutes, count(distinct e.domain) as domains from records.entries e
               where e.person_id in (select person_id from members) and e.year = @year and e.kind = 'Activity' and e.status = 'Accepted'
               group by e.person_id),
            citizens as (select person_id from learning where minutes >= @minutes and domains >= @domains),
            families as (
              select count(distinct m.person_id) as n, count(distinct c.person_id) as q from members m left join citizens c on c.person_id = m.person_id
               where m.household_id is not null group by m.household_id),
            groups as (
              select count(distinct m.person_id) as n, count(distinct c.person_id) as q from members m
                join subtree s on s.id = m.unit_id and s.status = 'Active' and s.kind in ('LearningClan', 'Village', 'MemberChapter')
                left join citizens c on c.person_id = m.person_id
               group by m.unit_id)
            select (select count(*) from citizens),
                   (select count(*) from families where n >= {TitleRules.MinFamilyMembers} and q >= n * @family),
                   (select count(*) from groups where n >= @minGroup and q >= n * @group)
            """);
        cmd.Parameters.AddWithValue("unit", _province);
        cmd.Parameters.AddWithValue("year", RecordsScaleData.Year);
        cmd.Parameters.AddWithValue("minutes", (long)(r.MinHours * 60));
        cmd.Parameters.AddWithValue("domains", (long)r.MinDomains);
        cmd.Parameters.AddWithValue("family", r.FamilyShare);
        cmd.Parameters.AddWithValue("group", r.GroupShare);
        cmd.Parameters.AddWithValue("minGroup", (long)r.MinGroupMembers);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    [Benchmark(Baseline = true, Description = "raw SQL: the same aggregate, one statement")]
    public async Task<long> RawSql()
    {
        var counts = await Counts();
        return counts.Item1 + counts.Item2 + counts.Item3;
    }

    [Benchmark(Description = "TitleEvaluator.ProposalsAsync (no HTTP, no GraphQL)")]
    public async Task<int> Proposals()
    {
        var proposals = await _host.Services.GetRequiredService<TitleEvaluator>().ProposalsAsync(_province, RecordsScaleData.Year, CancellationToken.None);
        var citizens = proposals.Count(p => p.Kind == TitleKind.LearningCitizen);
        var families = proposals.Count(p => p.Kind == TitleKind.LearningFamily);
        var groups = proposals.Count - citizens - families;
        if (_expected != default && (citizens, families, groups) != _expected)
            throw new InvalidOperationException($"Vape found {(citizens, families, groups)}, raw SQL {_expected}");
        return proposals.Count;
    }
}

/// <summary>
/// Statistics of a province's subtree for a year (Hà Nội, T01, 2025): <see cref="StatisticsStore.ComputeAsync"/>
/// (one statement over Records' own copy of the tree and memberships, `records.entries` and `records.erased_totals`,
/// ADR 0167) against the baseline: one raw SQL statement with the members straight from Organization's tables.
/// Further rows compare the earlier ways of handing the member ids to Records' SQL: <c>MembersAsync</c> alone, and
/// the Records statement alone with the ids already in memory, passed as a `uuid[]` parameter (`= any(@people)`,
/// before ADR 24), with `in (select unnest(@people))`, and with the members from the copy (what ComputeAsync joins
/// now; the temporary table of ADR 24 is gone).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(10)]
public class RecordsStatisticsBenchmark
{
    private IAlbaHost _host = null!;
    private NpgsqlDataSource _database = null!;
    private Guid _province;
    private Guid[] _people = null!;
    private long _expected;

    private const string Aggregate = """
        select count(distinct person_id), count(*), sum(minutes) from records.entries e
         where {0} and e.year = @year and e.kind = 'Activity' and e.status <> 'Rejected'
        """;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await NationalDatabase.StartAsync();
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await RecordsScaleData.EnsureAsync(_database);
        _province = await NationalDatabase.UnitIdAsync(_database, "T01");
        _people = (await _host.Services.GetRequiredService<IOrganizationQueries>().MembersAsync(_province, true, CancellationToken.None))
            .Select(m => m.PersonId).Distinct().ToArray();
        _expected = await RawSql();
        Console.WriteLine($"// Records statistics T01 {RecordsScaleData.Year}: {_people.Length:N0} members, {_expected:N0} activities");
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    private long Check(long activities) =>
        activities == _expected || _expected == 0 ? activities : throw new InvalidOperationException($"{activities} activities, expected {_expected}");

    [Benchmark(Baseline = true, Description = "raw SQL: members from organization tables joined, one statement")]
    public async Task<long> RawSql()
    {
        await using var cmd = _database.CreateCommand($"""
            with {RecordsScaleData.MembersCte},
            live as (
              select domain, count(distinct person_id)::int as people, count(*)::int as activities, sum(minutes)::bigint as minutes
                from records.entries
               where person_id in (select person_id from members) and year = @year and kind = 'Activity' and status <> 'Rejected'
               group by grouping sets ((domain), ()))
            select domain, people, activities, minutes from live order by domain nulls first
            """);
        cmd.Parameters.AddWithValue("unit", _province);
        cmd.Parameters.AddWithValue("year", RecordsScaleData.Year);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt32(2);
    }

    [Benchmark(Description = "StatisticsStore.ComputeAsync (no HTTP, no GraphQL)")]
    public async Task<long> Vape() =>
        Check((await _host.Services.GetRequiredService<StatisticsStore>().ComputeAsync(_province, RecordsScaleData.Year, CancellationToken.None)).Total.Activities ?? 0);

    [Benchmark(Description = "IOrganizationQueries.MembersAsync alone")]
    public async Task<int> Members() =>
        (await _host.Services.GetRequiredService<IOrganizationQueries>().MembersAsync(_province, true, CancellationToken.None)).Count;

    [Benchmark(Description = "Records SQL alone: person_id = any(@people uuid[])")]
    public async Task<long> AnyArray()
    {
        await using var cmd = _database.CreateCommand(string.Format(CultureInfo.InvariantCulture, Aggregate, "e.person_id = any(@people)"));
        cmd.Parameters.AddWithValue("people", _people);
        cmd.Parameters.AddWithValue("year", RecordsScaleData.Year);
        return Check(await ReadAsync(cmd));
    }

    [Benchmark(Description = "Records SQL alone: join unnest(@people uuid[])")]
    public async Task<long> Unnest()
    {
        await using var cmd = _database.CreateCommand(string.Format(CultureInfo.InvariantCulture, Aggregate,
            "e.person_id in (select unnest(@people))"));
        cmd.Parameters.AddWithValue("people", _people);
        cmd.Parameters.AddWithValue("year", RecordsScaleData.Year);
        return Check(await ReadAsync(cmd));
    }

    [Benchmark(Description = "Records SQL alone: members from Records' copy (records.memberships), joined")]
    public async Task<long> Copy()
    {
        await using var cmd = _database.CreateCommand($"with {MembershipSql.Subtree} " +
            string.Format(CultureInfo.InvariantCulture, Aggregate, "e.person_id in (select person_id from members)"));
        cmd.Parameters.AddWithValue("unit", _province);
        cmd.Parameters.AddWithValue("year", RecordsScaleData.Year);
        return Check(await ReadAsync(cmd));
    }

    private static async Task<long> ReadAsync(NpgsqlCommand cmd)
    {
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(1);
    }
}
