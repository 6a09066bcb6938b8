using System.Globalization;
using System.Text;
using System.Text.Json;
using Alba;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Vape.Benchmarks;

/// <summary>The national-scale database with an official on the centre (TW) to issue from; made once, kept.</summary>
internal static class ContentBench
{
    public const string Login = "bench-central";

    public static async Task<(IAlbaHost Host, HttpClient Client, Guid Centre)> StartAsync()
    {
        var host = await NationalDatabase.StartAsync();
        var database = host.Services.GetRequiredService<NpgsqlDataSource>();
        var centre = await NationalDatabase.UnitIdAsync(database, "TW");
        await using (var cmd = database.CreateCommand("""
            insert into organization.people (id, full_name, home_unit_id, login, joined_on)
            select gen_random_uuid(), 'Nguyễn Văn Đo', @tw, @login, current_date where not exists (select 1 from organization.people where login = @login);
            insert into organization.roles (id, person_id, unit_id, role, term_from)
            select gen_random_uuid(), p.id, @tw, 'Chair', current_date - 1 from organization.people p
             where p.login = @login and not exists (select 1 from organization.roles r where r.person_id = p.id and r.unit_id = @tw);
            """))
        {
            cmd.Parameters.AddWithValue("tw", centre);
            cmd.Parameters.AddWithValue("login", Login);
            await cmd.ExecuteNonQueryAsync();
        }
        var client = host.Server.CreateClient();
        var token = await client.PostAsync("/dev/token", new StringContent($$"""{"login":"{{Login}}"}""", Encoding.UTF8, "application/json"));
        var accessToken = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return (host, client, centre);
    }

    public static string IssueBody(Guid centre, string number) => JsonSerializer.Serialize(new
    {
        query = "mutation($i: IssueDirectiveInput!) { issueDirective(input: $i) { id targetCount } }",
        variables = new
        {
            i = new
            {
                issuerUnitId = centre, number, title = "Về việc đẩy mạnh học tập suốt đời", issuedOn = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                acknowledgeBy = DateTime.UtcNow.AddHours(7).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), targetKind = "SUBTREE",
            },
        },
    });

    public static async Task DeleteBenchDirectivesAsync(NpgsqlDataSource database)
    {
        await using var cmd = database.CreateCommand("""
            delete from content.directive_targets where directive_id in (select id from content.directives where number like 'BENCH-%');
            delete from content.directives where number like 'BENCH-%';
            """);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Issuing a directive from the centre to every active unit of the national tree (~38,000 rows): `issueDirective`
/// through `POST /graphql` (permission check, the subtree asked of the Organization module, paths built, one
/// `INSERT ... SELECT FROM unnest`, commit with the outbox), until it returns, i.e. every unit has its row,
/// against the baseline: one `INSERT ... SELECT` of the same rows from `organization.units` into the same table
/// (same indexes), committed. The rows are deleted after each call (not measured).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(1)]
[IterationCount(8)]
[InvocationCount(1)]
public class ContentIssueDirectiveBenchmark
{
    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private NpgsqlDataSource _database = null!;
    private Guid _centre;
    private int _n;
    private long _targets;

    [GlobalSetup]
    public async Task Setup()
    {
        (_host, _client, _centre) = await ContentBench.StartAsync();
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await ContentBench.DeleteBenchDirectivesAsync(_database);
        await using var count = _database.CreateCommand("""
            select count(*) from organization.units r join organization.units u on u.path <@ r.path where r.id = @root and u.id <> r.id and u.status = 'Active'
            """);
        count.Parameters.AddWithValue("root", _centre);
        _targets = (long)(await count.ExecuteScalarAsync())!;
        // Both sides must write a row for every active unit below the centre: the whole tree (~38,000, or the small tree's few hundred).
        if (_targets < Smoke.Size(30_000, 200)) throw new InvalidOperationException($"only {_targets} active units below the centre");
    }

    [IterationCleanup]
    public void Cleanup() => ContentBench.DeleteBenchDirectivesAsync(_database).GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task Stop() => await BenchHost.StopAsync(_host);

    [Benchmark(Baseline = true, Description = "raw SQL: one INSERT ... SELECT of the same rows")]
    public async Task<int> RawInsertSelect()
    {
        await using var conn = await _database.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var id = Guid.CreateVersion7();
        await using var cmd = new NpgsqlCommand("""
            insert into content.directives (id, issuer_unit_id, number, title, summary, issued_on, effective_on, acknowledge_by, target_kind, target_count, issued_by, issued_at)
            values (@id, @root, @number, 'Về việc đẩy mạnh học tập suốt đời', '', current_date, current_date, current_date + 30, 'Subtree', 0, @root, now());
            insert into content.directive_targets (directive_id, unit_id, path)
            select @id, u.id, u.path from organization.units r join organization.units u on u.path <@ r.path
             where r.id = @root and u.id <> r.id and u.status = 'Active';
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("root", _centre);
        cmd.Parameters.AddWithValue("number", $"BENCH-RAW-{++_n}");
        var rows = await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        // The directive's row and one per target.
        if (rows != _targets + 1) throw new InvalidOperationException($"{rows - 1} targets written, {_targets} active units below the centre");
        return rows;
    }

    [Benchmark(Description = "POST /graphql issueDirective (SUBTREE from TW)")]
    public async Task<int> GraphQL()
    {
        using var content = new StringContent(ContentBench.IssueBody(_centre, $"BENCH-GQL-{++_n}"), Encoding.UTF8, "application/json");
        return await NationalDatabase.Checked(await _client.PostAsync("/graphql", content), $"\"targetCount\":{_targets}}}");
    }
}

/// <summary>
/// The roll-up of a directive from the centre to the whole national tree (~38,000 rows, a third of them read):
/// `directive(id) { rollup { total levels subtrees { unit { code } counts } } }` through `POST /graphql` against
/// the baseline: the same rows computed by raw SQL on the host's data source in one statement: the roll-up
/// aggregate that `DirectiveStore.RollupAsync` sends (`GROUP BY GROUPING SETS`, the same filter and the same
/// overdue rule) joined to `organization.units` for the branches' codes, which the GraphQL answer also holds.
/// A second raw row is the aggregate alone as the first measurement had it (no filter on the root, no codes).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(15)]
public class ContentRollupBenchmark
{
    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private NpgsqlDataSource _database = null!;
    private Guid _directive;
    private Guid _centre;
    private string _body = null!;

    /// <summary>What the GraphQL answer holds, in one statement: the aggregate of `DirectiveStore.RollupAsync` and the branches' codes.</summary>
    private const string RawSql = """
        with t as (
          select nlevel(t.path) - 1 - index(t.path, @root::ltree) as level,
                 case when nlevel(t.path) - 1 > index(t.path, @root::ltree) then subpath(t.path, index(t.path, @root::ltree) + 1, 1)::text end as child,
                 t.received_at is not null as received, t.read_at is not null as read, t.implemented_at is not null as implemented,
                 ((t.read_at is null and @today > d.acknowledge_by) or (d.report_by is not null and t.implemented_at is null and @today > d.report_by)) as overdue
            from content.directive_targets t join content.directives d on d.id = t.directive_id
           where t.directive_id = @d and t.active and index(t.path, @root::ltree) >= 0 and t.unit_id <> @root_id),
        g as (
          select grouping(level) = 0 as by_level, grouping(child) = 0 as by_child, level, child,
                 count(*)::int as units, count(*) filter (where received)::int as received, count(*) filter (where read)::int as read,
                 count(*) filter (where implemented)::int as implemented, count(*) filter (where overdue)::int as overdue
            from t group by grouping sets ((), (level), (child)))
        select g.by_level, g.by_child, g.level, u.code, g.units, g.received, g.read, g.implemented, g.overdue
          from g left join organization.units u on g.child is not null and u.id = g.child::uuid
        """;

    /// <summary>The aggregate alone, as the first measurement (2026-11-23, before the fair baseline) had it.</summary>
    private const string AggregateOnlySql = """
        with t as (
          select nlevel(t.path) - 1 - index(t.path, @root::ltree) as level,
                 subpath(t.path, index(t.path, @root::ltree) + 1, 1)::text as child,
                 t.received_at is not null as received, t.read_at is not null as read, t.implemented_at is not null as implemented,
                 ((t.read_at is null and current_date > d.acknowledge_by) or (d.report_by is not null and t.implemented_at is null and current_date > d.report_by)) as overdue
            from content.directive_targets t join content.directives d on d.id = t.directive_id
           where t.directive_id = @d and t.active)
        select grouping(level), grouping(child), level, child, count(*)::int, count(*) filter (where received)::int, count(*) filter (where read)::int,
               count(*) filter (where implemented)::int, count(*) filter (where overdue)::int
          from t group by grouping sets ((), (level), (child))
        """;

    [GlobalSetup]
    public async Task Setup()
    {
        (_host, _client, _centre) = await ContentBench.StartAsync();
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await ContentBench.DeleteBenchDirectivesAsync(_database);
        using var content = new StringContent(ContentBench.IssueBody(_centre, "BENCH-ROLLUP"), Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/graphql", content);
        _directive = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("issueDirective").GetProperty("id").GetGuid();
        await using (var read = _database.CreateCommand("update content.directive_targets set received_at = now(), read_at = now() where directive_id = @d and random() < 0.33"))
        {
            read.Parameters.AddWithValue("d", _directive);
            await read.ExecuteNonQueryAsync();
        }
        _body = JsonSerializer.Serialize(new
        {
            query = "query($id: ID!) { directive(id: $id) { rollup { total { units received read implemented overdue } levels { level counts { units read } } subtrees { unit { code } counts { units received read implemented overdue } } } } }",
            variables = new { id = _directive },
        });
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        await ContentBench.DeleteBenchDirectivesAsync(_database);
        await BenchHost.StopAsync(_host);
    }

    [Benchmark(Baseline = true, Description = "raw SQL: the same rows (aggregate + branch codes), one statement")]
    public async Task<int> Raw()
    {
        await using var cmd = _database.CreateCommand(RawSql);
        cmd.Parameters.AddWithValue("d", _directive);
        cmd.Parameters.AddWithValue("root", _centre.ToString("N"));
        cmd.Parameters.AddWithValue("root_id", _centre);
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("today", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        await using var reader = await cmd.ExecuteReaderAsync();
        var groups = 0;
        while (await reader.ReadAsync())
            if (reader.GetBoolean(1) && reader.IsDBNull(3)) throw new InvalidOperationException("a branch without its code");
            else groups++;
        if (groups < 30) throw new InvalidOperationException("too few groups");
        return groups;
    }

    [Benchmark(Description = "raw SQL: the aggregate alone (first measurement's baseline)")]
    public async Task<int> RawAggregateOnly()
    {
        await using var cmd = _database.CreateCommand(AggregateOnlySql);
        cmd.Parameters.AddWithValue("d", _directive);
        cmd.Parameters.AddWithValue("root", _centre.ToString("N"));
        await using var reader = await cmd.ExecuteReaderAsync();
        var groups = 0;
        while (await reader.ReadAsync()) groups++;
        if (groups < 30) throw new InvalidOperationException("too few groups");
        return groups;
    }

    [Benchmark(Description = "POST /graphql directive { rollup }")]
    public async Task<int> GraphQL()
    {
        using var content = new StringContent(_body, Encoding.UTF8, "application/json");
        return await NationalDatabase.Checked(await _client.PostAsync("/graphql", content), "\"subtrees\":");
    }
}
