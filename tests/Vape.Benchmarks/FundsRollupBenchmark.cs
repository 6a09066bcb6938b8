using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alba;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Vape.Benchmarks;

/// <summary>
/// Funds for the national-scale database (<see cref="NationalDatabase"/>: 34 provinces, 3,298 communes, 35,000
/// lower units): a fund for every unit (about 38,000), 3–6 ledger lines each (cash and goods donated in 2025 and
/// 2026), a scholarship round per province, and two awards per commune fund (one paid, with its line). Written once,
/// set-based (a marker table says so), through the real tables and their triggers, so the running totals (ADR 0188)
/// are the ones the triggers keep. Rows only, like the other scale seeds: the lines' hashes are not a chain (the
/// benchmark reads the totals, never verifies these ledgers), and no balance rows.
/// </summary>
internal static class FundsScaleData
{
    private const string Marker = "public.bench_funds_scale";
    private const string FundName = "Quỹ khuyến học (đo hiệu năng)";

    public static async Task EnsureAsync(NpgsqlDataSource database)
    {
        await using var conn = await database.OpenConnectionAsync();
        await using (var check = new NpgsqlCommand(
            $"create table if not exists {Marker} (funds bigint not null, lines bigint not null, written_at timestamptz not null); " +
            "select exists (select 1 from funds.funds where name = @name)", conn))
        {
            check.Parameters.AddWithValue("name", FundName);
            if ((bool)(await check.ExecuteScalarAsync())!) return;
        }
        var clock = Stopwatch.StartNew();
        Console.WriteLine("// Funds: a fund, ledger lines and awards for every unit (once)…");
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using var write = new NpgsqlCommand($"""
                insert into funds.funds (id, unit_id, unit_path, name, purpose, created_by, created_at)
                select gen_random_uuid(), u.id, u.path, @name, 'Học bổng cho học sinh nghèo vượt khó', u.id, now() from organization.units u;

                insert into funds.entries (unit_id, seq, id, fund_id, recorded_at, on_date, kind, debit, credit, amount, reference, memo, recorded_by, prev_hash, hash)
                select f.unit_id, l.i, l.id, f.id, now(), date '2025-01-01' + (l.h % 690),
                       case when l.i % 3 = 0 then 'DONATION_IN_KIND' else 'DONATION' end, case when l.i % 3 = 0 then 'GOODS' else 'CASH' end, case when l.i % 3 = 0 then 'DONATIONS_IN_KIND' else 'DONATIONS' end,
                       100000 * (1 + l.h % 500), 'BL ' || lpad(l.i::text, 5, '0'), 'Tiền ủng hộ', f.unit_id,
                       sha256(convert_to(l.id::text || ':prev', 'UTF8')), sha256(convert_to(l.id::text, 'UTF8'))
                  from funds.funds f
                  cross join lateral (select i, gen_random_uuid() as id, hashtext(f.unit_id::text || ':' || i) & 2147483647 as h
                                        from generate_series(1, 3 + (hashtext(f.unit_id::text) & 2147483647) % 4) i) l
                 where f.name = @name;

                insert into funds.programmes (id, unit_id, unit_path, name, kind, criteria, opens_on, closes_on, budget, created_by, created_at)
                select gen_random_uuid(), u.id, u.path, 'Học bổng Vượt khó học giỏi', 'Scholarship', 'Học sinh nghèo vượt khó',
                       date '2026-01-01', date '2026-12-31', 1000000000000, u.id, now()
                  from organization.units u where u.depth = 1;

                insert into funds.nominations (id, programme_id, unit_id, person_id, reason, public_name, nominated_by, nominated_at, status)
                select gen_random_uuid(), p.id, f.unit_id, gen_random_uuid(), 'Đạt tiêu chí', false, f.unit_id, now(), 'Awarded'
                  from funds.funds f join organization.units u on u.id = f.unit_id and u.kind = 'Commune'
                  join funds.programmes p on p.unit_path = subpath(f.unit_path, 0, 2)
                  cross join generate_series(1, 2) i
                 where f.name = @name;

                insert into funds.awards (id, programme_id, nomination_id, person_id, unit_id, fund_id, amount, decided_on, public_name, status, method, paid_on, entry_id)
                select gen_random_uuid(), n.programme_id, n.id, n.person_id, n.unit_id, f.id, 1000000, date '2026-06-01', false,
                       case when row_number() over (partition by f.id order by n.id) = 1 then 'DISBURSED' else 'AWARDED' end, null, null, null
                  from funds.nominations n join funds.funds f on f.unit_id = n.unit_id and f.name = @name;

                insert into funds.entries (unit_id, seq, id, fund_id, recorded_at, on_date, kind, debit, credit, amount, reference, memo, programme_id,
                                           recorded_by, prev_hash, hash)
                select a.unit_id, 100, a.id, a.fund_id, now(), date '2026-06-02', 'DISBURSEMENT', 'AWARDS_PAID', 'CASH', a.amount, 'Lễ trao học bổng',
                       'Chi học bổng', a.programme_id, a.unit_id, sha256(convert_to(a.id::text || ':prev', 'UTF8')), sha256(convert_to(a.id::text, 'UTF8'))
                  from funds.awards a join funds.funds f on f.id = a.fund_id and f.name = @name where a.status = 'DISBURSED';

                update funds.programmes p set awarded = (select coalesce(sum(a.amount), 0) from funds.awards a where a.programme_id = p.id)
                 where p.unit_path in (select subpath(unit_path, 0, 2) from funds.funds where name = @name);

                truncate {Marker};
                insert into {Marker} select (select count(*) from funds.funds where name = @name), (select count(*) from funds.entries), now();
                """, conn, tx) { CommandTimeout = 0 };
            write.Parameters.AddWithValue("name", FundName);
            await write.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        await using (var analyze = new NpgsqlCommand("analyze funds.funds; analyze funds.year_totals; analyze funds.programme_totals", conn) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync();
        await using var count = new NpgsqlCommand($"select funds, lines from {Marker}", conn);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Funds: {reader.GetInt64(0):N0} funds, {reader.GetInt64(1):N0} ledger lines written in {clock.Elapsed.TotalSeconds:F0} s"));
    }
}

/// <summary>
/// The public roll-up of a unit's funds (`fundsTotals(unitId) { totals { received awarded disbursed held } }`,
/// anonymous, `POST /graphql`) at national scale (<see cref="FundsScaleData"/>: ~38,000 funds) for the centre, a
/// province (Hà Nội, T01) and a commune of it, each query timed on its own for the p50 and p99 (goal: p99 under
/// 200 ms), against the baseline: the same four totals by one plain SQL statement over the same tables (the
/// subtree's funds and their running totals, ADR 0188), nothing else. The set-up checks that the GraphQL answer,
/// the baseline and a sum over every ledger line and award of the subtree (how the totals were read before
/// ADR 0188) give the same figures at each level, and prints how long that sum over the lines took.
/// </summary>
[Config(typeof(Columns))]
[WarmupCount(2)]
[IterationCount(15)]
public class FundsRollupBenchmark
{
    /// <summary>Rounds per call (each round: the centre, the province, the commune, each timed on its own).</summary>
    public static int PerCall => Smoke.Size(10, 1);

    private static readonly string[] Levels = ["centre", "province", "commune"];
    /// <summary>Every timed query of this process, by method and level (BenchmarkDotNet runs each method's set-up apart: never cleared).</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentBag<double>> Timed = new();
    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private NpgsqlDataSource _database = null!;
    private Guid[] _units = [];
    private string[] _bodies = [];
    private Figures[] _expected = [];

    private readonly record struct Figures(long Received, long Awarded, long Disbursed, long Held);

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await NationalDatabase.StartAsync();
        _client = _host.Server.CreateClient();
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await FundsScaleData.EnsureAsync(_database);
        var province = await NationalDatabase.UnitIdAsync(_database, "T01");
        await using (var cmd = _database.CreateCommand("""
            select (select r.id from organization.units r where r.path = subpath((select path from organization.units where id = @p), 0, 1)),
                   (select u.id from organization.units u join funds.awards a on a.unit_id = u.id
                     where u.kind = 'Commune' and u.path <@ (select path from organization.units where id = @p) order by u.code limit 1)
            """))
        {
            cmd.Parameters.AddWithValue("p", province);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            _units = [reader.GetGuid(0), province, reader.GetGuid(1)];
        }
        _bodies = _units.Select(u => JsonSerializer.Serialize(new
        {
            query = "query($id: ID!) { fundsTotals(unitId: $id) { totals { received awarded disbursed held } } }",
            variables = new { id = u },
        })).ToArray();
        _expected = new Figures[_units.Length];
        for (var i = 0; i < _units.Length; i++)
        {
            _expected[i] = await RawAsync(_units[i]);
            var clock = Stopwatch.StartNew();
            var lines = await FromLinesAsync(_units[i]);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (lines != _expected[i]) throw new InvalidOperationException($"{Levels[i]}: the running totals say {_expected[i]}, the lines and awards {lines}");
            if (await GraphQLAsync(i) != _expected[i]) throw new InvalidOperationException($"{Levels[i]}: GraphQL disagrees with {_expected[i]}");
            if (_expected[i].Received <= 0 || _expected[i].Awarded <= 0) throw new InvalidOperationException($"{Levels[i]}: no funds data {_expected[i]}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// Funds roll-up, {Levels[i]}: {_expected[i]}; summing every line and award instead took {elapsed:F1} ms"));
        }
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Baseline = true, Description = "raw SQL: the four totals of the subtree, one statement over the running totals")]
    public async Task<long> RawSql()
    {
        long sum = 0;
        for (var round = 0; round < PerCall; round++)
            for (var i = 0; i < _units.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                var figures = await RawAsync(_units[i]);
                Timed.GetOrAdd($"{nameof(RawSql)} {Levels[i]}", _ => []).Add(clock.Elapsed.TotalMilliseconds);
                if (figures != _expected[i]) throw new InvalidOperationException($"{Levels[i]}: {figures}, expected {_expected[i]}");
                sum += figures.Received;
            }
        return sum;
    }

    [Benchmark(Description = "POST /graphql fundsTotals(unitId) { totals }, anonymous")]
    public async Task<long> GraphQL()
    {
        long sum = 0;
        for (var round = 0; round < PerCall; round++)
            for (var i = 0; i < _units.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                var figures = await GraphQLAsync(i);
                Timed.GetOrAdd($"{nameof(GraphQL)} {Levels[i]}", _ => []).Add(clock.Elapsed.TotalMilliseconds);
                if (figures != _expected[i]) throw new InvalidOperationException($"{Levels[i]}: {figures}, expected {_expected[i]}");
                sum += figures.Received;
            }
        return sum;
    }

    private async Task<Figures> GraphQLAsync(int level)
    {
        using var content = new StringContent(_bodies[level], System.Text.Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/graphql", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"unexpected answer {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        var totals = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("fundsTotals").GetProperty("totals");
        return new Figures(totals.GetProperty("received").GetInt64(), totals.GetProperty("awarded").GetInt64(), totals.GetProperty("disbursed").GetInt64(),
            totals.GetProperty("held").GetInt64());
    }

    private async Task<Figures> RawAsync(Guid unit)
    {
        // One pass over each table, joined to the subtree's funds (a hash join at the centre; an index probe per fund
        // and table, three times over, took seconds there).
        await using var cmd = _database.CreateCommand("""
            with subtree as (select f.id from funds.funds f where f.unit_path <@ (select path from organization.units where id = @unit)),
                 years as (select coalesce(sum(t.received), 0)::bigint received, coalesce(sum(t.disbursed), 0)::bigint disbursed,
                                  coalesce(sum(t.held), 0)::bigint held
                             from funds.year_totals t join subtree s on s.id = t.fund_id)
            select y.received, (select coalesce(sum(p.awarded), 0)::bigint from funds.programme_totals p join subtree s on s.id = p.fund_id),
                   y.disbursed, y.held
              from years y
            """);
        cmd.Parameters.AddWithValue("unit", unit);
        return await ReadAsync(cmd);
    }

    /// <summary>The same figures summed over every line and award of the subtree: how the roll-up was read before ADR 0188.</summary>
    private async Task<Figures> FromLinesAsync(Guid unit)
    {
        await using var cmd = _database.CreateCommand("""
            with subtree as (select f.id from funds.funds f where f.unit_path <@ (select path from organization.units where id = @unit))
            select coalesce(sum(case when e.credit = 'DONATIONS' then e.amount when e.debit = 'DONATIONS' then -e.amount end), 0)::bigint,
                   (select coalesce(sum(a.amount), 0)::bigint from funds.awards a where a.fund_id in (select id from subtree)),
                   coalesce(sum(case when e.debit = 'AWARDS_PAID' then e.amount when e.credit = 'AWARDS_PAID' then -e.amount end), 0)::bigint,
                   coalesce(sum(case when e.debit = 'CASH' then e.amount when e.credit = 'CASH' then -e.amount end), 0)::bigint
              from funds.entries e where e.fund_id in (select id from subtree)
            """);
        cmd.Parameters.AddWithValue("unit", unit);
        return await ReadAsync(cmd);
    }

    private static async Task<Figures> ReadAsync(NpgsqlCommand cmd)
    {
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Figures(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The p50 and p99 of one query at each level, from every query of the method timed in this process.</summary>
    private sealed class PercentilesColumn() : TimedColumn("p50 / p99 of one query", "50th and 99th percentile of one query (ms) at the centre, a province and a commune")
    {
        protected override string? Value(string method)
        {
            var cells = Levels.Select(level => Timed.TryGetValue($"{method} {level}", out var bag) && !bag.IsEmpty
                ? FormattableString.Invariant($"{level} {Percentile(bag, 0.50):F1} / {Percentile(bag, 0.99):F1} ms")
                : null).Where(c => c is not null).ToList();
            return cells.Count > 0 ? string.Join(", ", cells) : null;
        }
    }

    private sealed class Columns : ManualConfig
    {
        // In this process, with room for a slow machine: the default in-process limit (5 minutes a benchmark) stopped
        // a national run under load (each call is thirty queries).
        public Columns()
        {
            AddColumn(new PercentilesColumn());
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
        }
    }
}
