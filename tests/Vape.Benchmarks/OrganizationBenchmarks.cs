using System.Globalization;
using System.Text;
using System.Text.Json;
using Alba;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Perfolizer.Mathematics.OutlierDetection;
using Vape.Organization.People;
using Vape.Organization.Scale;
using Vape.Organization.Tree;

namespace Vape.Benchmarks;

/// <summary>
/// The Organization module at national scale: the in-memory host on the database that
/// `Vape__Database=vape_national dotnet run --project src/Host/Vape.Host -- seed --scale national` fills
/// (34 provinces, ~3,300 communes, ~35,000 lower units, a million members).
/// </summary>
/// In the smoke mode (<see cref="Smoke"/>) the same benchmarks run on the seeder's small tree instead
/// (`seed --scale small`: 2 provinces × 10 communes, 5,000 members) in a database of its own, seeded here on first use.
internal static class NationalDatabase
{
    public const string Name = "vape_national";

    public const string SmokeName = "vape_bench_small";

    public const string HowToCreate = "Vape__Database=vape_national dotnet run --project src/Host/Vape.Host -- seed --scale national";

    public static async Task<IAlbaHost> StartAsync()
    {
        var host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting(WebHostDefaults.ContentRootKey, BenchHost.ContentRoot());
            web.UseSetting("Vape:Database", Smoke.On ? SmokeName : Name);
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Vape:RateLimits:AnonymousGraphQLPerMinute", "100000000");
            web.UseSetting("Vape:GraphQL:AnonymousCostPerMinute", "100000000000");
            web.UseSetting("Vape:GraphQL:SignedInCostPerMinute", "100000000000");
            // A 10,000-line CSV is about 1 MB once in base64.
            web.UseSetting("Vape:GraphQL:MaxBodyBytes", "8388608");
        });
        var database = host.Services.GetRequiredService<NpgsqlDataSource>();
        var (communes, people) = await SizeAsync(database);
        if (Smoke.On && communes == 0)
        {
            await new ScaleSeed(database, TimeProvider.System, TextWriter.Null).RunAsync(ScaleShape.Small, force: false, CancellationToken.None);
            using (var scope = host.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(new Vape.Organization.Contracts.TreeBulkLoaded(DateTimeOffset.UtcNow), CancellationToken.None, TimeSpan.FromHours(1));
            (communes, people) = await SizeAsync(database);
        }
        if (Smoke.On ? communes >= 20 && people >= 4_900 : communes >= 3_000 && people >= 900_000) return host;
        await BenchHost.StopAsync(host);
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"Database {Name} does not hold the national-scale data ({communes:N0} scale communes, {people:N0} people). Create it once (about a minute) with: {HowToCreate}"));
    }

    private static async Task<(long Communes, long People)> SizeAsync(NpgsqlDataSource database)
    {
        await using var cmd = database.CreateCommand("""
            select (select count(*) from organization.units where kind = 'Commune' and code ~ '^N[0-9]{2}-[0-9]{3}$'),
                   (select count(*) from organization.people)
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }


    public static async Task<Guid> UnitIdAsync(NpgsqlDataSource database, string code)
    {
        await using var cmd = database.CreateCommand("select id from organization.units where code = @code");
        cmd.Parameters.AddWithValue("code", code);
        return (Guid)(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no unit {code}"));
    }

    /// <summary>A refused or failed request is fast and would look like a win: stop the run instead.</summary>
    public static async Task<int> Checked(HttpResponseMessage response, string mustContain)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal) || !body.Contains(mustContain, StringComparison.Ordinal))
            throw new InvalidOperationException($"unexpected answer {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        return body.Length;
    }
}

/// <summary>
/// Subtree statistics of a province (Hà Nội: ~97 communes, ~1,000 lower units, ~30,000 members) through
/// `POST /graphql` (`unit(id) { statistics { members units unitsByKind { kind count } } }`, anonymous) against
/// the baseline: the two statements of <see cref="TreeStatistics"/> (`UnitsByKindSql`, `MembersSql`) sent as one
/// Npgsql batch on the host's own data source, nothing else. Both must give the same member count. Two more
/// rows split the difference: the service call alone (one more statement: does the unit exist then?), and the
/// GraphQL request without the statistics (HTTP, GraphQL and loading the unit).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(20)]
public class OrganizationStatisticsBenchmark
{
    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private NpgsqlDataSource _database = null!;
    private Guid _province;
    private string _graphQLBody = null!;
    private string _expected = null!;
    private long _members;
    private string _unitOnly = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await NationalDatabase.StartAsync();
        _client = _host.Server.CreateClient();
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        _province = await NationalDatabase.UnitIdAsync(_database, "T01");
        _graphQLBody = JsonSerializer.Serialize(new
        {
            query = "query($id: ID!) { unit(id: $id) { statistics { members units unitsByKind { kind count } } } }",
            variables = new { id = _province },
        });
        _members = await RawSql();
        _expected = $"\"members\":{_members}";
        _unitOnly = JsonSerializer.Serialize(new { query = "query($id: ID!) { unit(id: $id) { id } }", variables = new { id = _province } });
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Baseline = true, Description = "raw SQL: UnitsByKindSql + MembersSql, one batch")]
    public async Task<long> RawSql()
    {
        var day = TreeRules.Today(TimeProvider.System);
        await using var batch = _database.CreateBatch();
        foreach (var sql in new[] { TreeStatistics.UnitsByKindSql, TreeStatistics.MembersSql })
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new("unit", _province), new("day", day) } });
        await using var reader = await batch.ExecuteReaderAsync();
        long units = 0;
        while (await reader.ReadAsync()) units += reader.GetInt64(1);
        await reader.NextResultAsync();
        await reader.ReadAsync();
        var members = reader.GetInt64(0);
        if (units == 0 || members == 0) throw new InvalidOperationException("the province has no units or members");
        return members;
    }

    [Benchmark(Description = "TreeStatistics.ForAsync (no HTTP, no GraphQL)")]
    public async Task<long> Service()
    {
        var members = (await _host.Services.GetRequiredService<TreeStatistics>().ForAsync(_province, TreeRules.Today(TimeProvider.System), CancellationToken.None))!.Members;
        return members == _members ? members : throw new InvalidOperationException($"TreeStatistics found {members} members, raw SQL {_members}");
    }

    [Benchmark(Description = "POST /graphql unit { id } (no statistics)")]
    public async Task<int> GraphQLUnitOnly()
    {
        using var content = new StringContent(_unitOnly, Encoding.UTF8, "application/json");
        return await NationalDatabase.Checked(await _client.PostAsync("/graphql", content), "\"id\":");
    }

    [Benchmark(Description = "POST /graphql unit { statistics }")]
    public async Task<int> GraphQL()
    {
        using var content = new StringContent(_graphQLBody, Encoding.UTF8, "application/json");
        return await NationalDatabase.Checked(await _client.PostAsync("/graphql", content), _expected);
    }
}

/// <summary>
/// Importing 10,000 members into a national-scale database: the `importMembers` mutation (a 10,000-line CSV,
/// base64, POSTed to /graphql by the chair of commune N02-001 into a member chapter made for the benchmark:
/// parsing and checking every line, hashing the citizen ids and looking for them in the database, one binary
/// COPY into `organization.people` with its constraints, foreign key, generated folded name and indexes, the
/// members' periods by `insert ... select`, the import's event, commit through Wolverine) against the baseline: a
/// raw binary COPY of the same rows, already parsed and hashed, into `organization.people` itself (same
/// constraints and indexes, rolled back). For scale, also into a temporary table with the same eight columns
/// and nothing else (not WAL-logged), and into an ordinary table likewise (WAL-logged). Another row is
/// <see cref="MemberCopy"/> alone (the scale seed's path: same COPY without citizen ids, and the periods). The
/// raw COPYs and MemberCopy run in a transaction that is rolled back; each import commits. After each call, not
/// measured, the tables are put back as seeded (members deleted, dead rows vacuumed, copy tables emptied), so
/// every call writes into the same million-member tables. One call per iteration; rows/s = 10,000 / mean.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(15)]
[InvocationCount(1)]
public class OrganizationMemberImportBenchmark
{
    public static int Rows => Smoke.Size(10_000, 100);
    private const string Columns = "id, full_name, birth_year, gender, home_unit_id, household_id, citizen_id_hash, joined_on";
    private const string PlainTable = "public.bench_people_copy";
    private const string ChapterCode = "BENCH-IMPORT";

    private sealed record ImportRow(MemberRow Member, string CitizenId, byte[] CitizenHash, string? Household);

    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private NpgsqlConnection _conn = null!;
    private Guid _chapter;
    private ImportRow[] _rows = null!;
    private string _importBody = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await NationalDatabase.StartAsync();
        var database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        _conn = await database.OpenConnectionAsync();
        _chapter = await ChapterAsync();
        await DeleteImportedAsync();
        await using (var create = new NpgsqlCommand($"""
            create temp table bench_people_copy (id uuid, full_name text, birth_year int, gender text, home_unit_id uuid, household_id uuid, citizen_id_hash bytea, joined_on date);
            create table if not exists {PlainTable} (id uuid, full_name text, birth_year int, gender text, home_unit_id uuid, household_id uuid, citizen_id_hash bytea, joined_on date);
            """, _conn))
            await create.ExecuteNonQueryAsync();

        var citizenIds = _host.Services.GetRequiredService<CitizenIds>();
        var random = new Random(7);
        var today = TreeRules.Today(TimeProvider.System);
        var households = new Dictionary<string, Guid>();
        _rows = Enumerable.Range(0, Rows).Select(i =>
        {
            var gender = i % 2 == 0 ? Gender.Female : Gender.Male;
            var household = i % 3 == 0 ? null : $"HO{i / 3}";
            Guid? householdId = household is null ? null : households.TryGetValue(household, out var h) ? h : households[household] = Guid.CreateVersion7();
            var citizenId = (790_000_000_000L + i).ToString("D12", CultureInfo.InvariantCulture);
            var member = new MemberRow(Guid.CreateVersion7(), VietnameseNames.Full(random, VietnameseNames.Family(random), gender),
                1940 + random.Next(71), gender, _chapter, householdId, today);
            return new ImportRow(member, citizenId, citizenIds.Hash(citizenId)!, household);
        }).ToArray();

        var csv = new StringBuilder(ImportMembersHandler.Header).Append('\n');
        foreach (var row in _rows)
            csv.Append(CultureInfo.InvariantCulture, $"{row.Member.FullName},{row.Member.BirthYear},{(row.Member.Gender == Gender.Female ? "Nữ" : "Nam")},,{row.CitizenId},{row.Household}\n");
        _importBody = JsonSerializer.Serialize(new
        {
            query = "mutation($input: ImportMembersInput!) { importMembers(input: $input) { ok imported problems { line message } } }",
            variables = new { input = new { unitId = _chapter, csvBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ToString())) } },
        });

        _client = _host.Server.CreateClient();
        var token = await _client.PostAsync("/dev/token", new StringContent("""{"login":"n02-001"}""", Encoding.UTF8, "application/json"));
        var accessToken = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
    }

    /// <summary>A member chapter of commune N02-001 that holds nothing but the imported members (kept between runs).</summary>
    private async Task<Guid> ChapterAsync()
    {
        var id = Guid.CreateVersion7();
        await using (var create = new NpgsqlCommand($"""
            insert into organization.units (id, code, name, kind, parent_id, path, effective_from, version)
            select @id, '{ChapterCode}', 'Chi hội khuyến học Trường THCS Đo Tốc Độ', 'MemberChapter', c.id, c.path || @label::ltree, c.effective_from, 1
              from organization.units c where c.code = 'N02-001'
            on conflict (code) do nothing
            """, _conn))
        {
            create.Parameters.AddWithValue("id", id);
            create.Parameters.AddWithValue("label", Unit.Label(id));
            if (await create.ExecuteNonQueryAsync() == 1)
            {
                await using var period = new NpgsqlCommand("select organization.restart_period(id, effective_from) from organization.units where id = @id", _conn);
                period.Parameters.AddWithValue("id", id);
                await period.ExecuteNonQueryAsync();
                return id;
            }
        }
        await using var existing = new NpgsqlCommand($"select id from organization.units where code = '{ChapterCode}'", _conn);
        return (Guid)(await existing.ExecuteScalarAsync())!;
    }

    /// <summary>Temporary tables are never vacuumed automatically: empty them, or each call would write into a bigger file.</summary>
    [IterationCleanup(Targets = [nameof(RawCopyTemp), nameof(RawCopyPlain)])]
    public void AfterRawCopy() => ExecuteAsync($"truncate pg_temp.bench_people_copy, {PlainTable}").GetAwaiter().GetResult();

    /// <summary>Every call starts from the seeded tables: the members gone, their dead rows and index entries vacuumed.</summary>
    [IterationCleanup(Targets = [nameof(ImportMembers), nameof(MemberCopyPath), nameof(RawCopyPeople)])]
    public void AfterWrite() => DeleteImportedAsync().GetAwaiter().GetResult();

    private async Task DeleteImportedAsync()
    {
        await ExecuteAsync($"""
            delete from organization.member_periods where unit_id = '{_chapter}';
            delete from organization.people where home_unit_id = '{_chapter}';
            """);
        await ExecuteAsync("vacuum organization.people, organization.member_periods");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, _conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await ExecuteAsync($"drop table if exists {PlainTable}");
        await ExecuteAsync("vacuum analyze organization.people, organization.member_periods");
        await _conn.DisposeAsync();
        await BenchHost.StopAsync(_host);
    }

    /// <summary>The same rows into the same table (its generated search column, indexes and keys), rolled back: what the database alone costs.</summary>
    [Benchmark(Baseline = true, Description = "raw binary COPY into organization.people")]
    public Task<int> RawCopyPeople() => RawCopy("organization.people");

    [Benchmark(Description = "raw binary COPY, temp table")]
    public Task<int> RawCopyTemp() => RawCopy("pg_temp.bench_people_copy");

    [Benchmark(Description = "raw binary COPY, plain logged table")]
    public Task<int> RawCopyPlain() => RawCopy(PlainTable);

    [Benchmark(Description = "MemberCopy: people + member_periods")]
    public async Task<int> MemberCopyPath()
    {
        await using var tx = await _conn.BeginTransactionAsync();
        var written = await MemberCopy.WriteAsync(_conn, _rows.Select(r => r.Member), CancellationToken.None);
        await tx.RollbackAsync();
        return written;
    }

    [Benchmark(Description = "POST /graphql importMembers (CSV)")]
    public async Task<int> ImportMembers()
    {
        using var content = new StringContent(_importBody, Encoding.UTF8, "application/json");
        return await NationalDatabase.Checked(await _client.PostAsync("/graphql", content), $"\"imported\":{Rows}");
    }

    private async Task<int> RawCopy(string table)
    {
        await using var tx = await _conn.BeginTransactionAsync();
        await using (var copy = await _conn.BeginBinaryImportAsync($"copy {table} ({Columns}) from stdin (format binary)"))
        {
            foreach (var (m, _, hash, _) in _rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(m.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(m.FullName, NpgsqlDbType.Text);
                await copy.WriteAsync(m.BirthYear!.Value, NpgsqlDbType.Integer);
                await copy.WriteAsync(m.Gender!.Value.ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(m.HomeUnitId, NpgsqlDbType.Uuid);
                if (m.HouseholdId is Guid household) await copy.WriteAsync(household, NpgsqlDbType.Uuid);
                else await copy.WriteNullAsync();
                await copy.WriteAsync(hash, NpgsqlDbType.Bytea);
                await copy.WriteAsync(m.JoinedOn, NpgsqlDbType.Date);
            }
            await copy.CompleteAsync();
        }
        await tx.RollbackAsync();
        return _rows.Length;
    }
}

/// <summary>
/// `searchUnits(text)` through `POST /graphql` (anonymous, first 20) over the ~38,000 units, one request per
/// measurement (InvocationCount 1, outliers kept), so that P50/P95/P99 are percentiles of single requests. `Mix`
/// cycles through the five texts. Folded, diacritic-free texts and exact ones, a rare and a very common word.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[Config(typeof(LatencyConfig))]
[WarmupCount(10)]
[IterationCount(200)]
[InvocationCount(1)]
[Outliers(OutlierMode.DontRemove)] // the slow tail is what P99 is about: keep it
public class OrganizationSearchBenchmark
{
    private static readonly string[] Texts = ["da nang", "Đà Nẵng", "xa tan phu", "Thôn", "dòng họ nguyễn"];

    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private string[] _bodies = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await NationalDatabase.StartAsync();
        _client = _host.Server.CreateClient();
        _bodies = Texts.Select(t => JsonSerializer.Serialize(new
        {
            query = "query($t: String!) { searchUnits(text: $t, first: 20) { nodes { id code name kind } } }",
            variables = new { t },
        })).ToArray();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Description = "\"da nang\"")]
    public Task<int> DaNang() => Search(0);

    [Benchmark(Description = "\"Đà Nẵng\"")]
    public Task<int> DaNangExact() => Search(1);

    [Benchmark(Description = "\"xa tan phu\"")]
    public Task<int> XaTanPhu() => Search(2);

    [Benchmark(Description = "\"Thôn\"")]
    public Task<int> Thon() => Search(3);

    [Benchmark(Description = "\"dòng họ nguyễn\"")]
    public Task<int> DongHoNguyen() => Search(4);

    [Benchmark(Description = "mix of the five")]
    public Task<int> Mix() => Search(_next++ % Texts.Length);

    private async Task<int> Search(int text)
    {
        using var content = new StringContent(_bodies[text], Encoding.UTF8, "application/json");
        return await NationalDatabase.Checked(await _client.PostAsync("/graphql", content), "\"code\":");
    }
}

/// <summary>P50, P95 and P99 of single requests (InvocationCount 1, outliers kept).</summary>
internal sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99));
    }
}

/// <summary>BenchmarkDotNet's statistic columns stop at P95.</summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => ColumnName;
    public string ColumnName => $"P{percentile}";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => percentile;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => $"Percentile {percentile}: {percentile}% of the measurements are at most this";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null ? "NA" : (statistics.Percentiles.Percentile(percentile) / 1_000_000).ToString("N2", CultureInfo.InvariantCulture) + " ms";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
