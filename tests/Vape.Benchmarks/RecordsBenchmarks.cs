using System.Diagnostics;
using System.Globalization;
using Alba;
using BenchmarkDotNet.Attributes;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Vape.Records.Contracts;
using Vape.Records.Record;
using Wolverine;

namespace Vape.Benchmarks;

/// <summary>An in-memory host on a database of its own (demo data), quiet logs.</summary>
internal static class RecordsBenchHost
{
    public static async Task<IAlbaHost> StartAsync(string database)
    {
        await BenchHost.FreshDatabaseAsync(database);
        var host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting(WebHostDefaults.ContentRootKey, BenchHost.ContentRoot());
            web.UseSetting("Vape:Database", database);
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        await using var cmd = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            truncate records.entries, records.learners, records.person_keys, records.titles;
            delete from events.mt_events where type in ('activity_recorded', 'credential_recorded', 'entry_verified', 'entry_rejected', 'title_awarded', 'consent_changed', 'record_erased');
            delete from events.mt_streams s where not exists (select 1 from events.mt_events e where e.stream_id = s.id);
            """);
        await cmd.ExecuteNonQueryAsync();
        return host;
    }


    /// <summary>Who declares: 50 people, each on their own days, so no day reaches 24 hours.</summary>
    public static readonly Guid[] People = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToArray();

    public static DeclareActivity Declaration(int i) => new(People[i % People.Length], $"Buổi học số {i}: kỹ năng số cho người cao tuổi",
        (LearningDomain)(i % 5), new DateOnly(2020, 1, 1).AddDays(i / People.Length % 1800), 1.5m, "Trung tâm học tập cộng đồng", null, null, null);
}

/// <summary>
/// Appending activities to people's records, 100 per call, one command (one transaction) each: through Vape
/// (`DeclareActivity` as `declareActivity` sends it, <see cref="RecordWriter"/>: checks, the record's row lock and
/// version, the day's hours, the person's key, sealing, the Marten event at its version, the projection row, commit) against the
/// baseline: raw Npgsql, one transaction per activity inserting the same two rows (an event row, jsonb, into a
/// table shaped like Marten's `mt_events`, and the projection row into a copy of `records.entries`), nothing else.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(10)]
[InvocationCount(1)]
public class RecordsAppendBenchmark
{
    public const int PerCall = 100;
    private IAlbaHost _host = null!;
    private NpgsqlDataSource _database = null!;
    private int _next;

    /// <summary>The benchmark's database (for <see cref="RecordsAppendSplit"/>).</summary>
    internal NpgsqlDataSource Database => _database;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await RecordsBenchHost.StartAsync("vape_bench_records_append");
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = _database.CreateCommand("""
            drop table if exists public.bench_events, public.bench_entries;
            create table public.bench_events (seq_id bigserial primary key, id uuid not null, stream_id uuid not null, version bigint not null,
              data jsonb not null, type varchar not null, timestamp timestamptz not null default now(), unique (stream_id, version));
            create table public.bench_entries (like records.entries including all);
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Baseline = true, Description = "raw Npgsql: event row + projection row, one transaction each")]
    public async Task RawNpgsql()
    {
        await using var conn = await _database.OpenConnectionAsync();
        for (var n = 0; n < PerCall; n++)
        {
            var d = RecordsBenchHost.Declaration(_next++);
            var entry = Guid.CreateVersion7();
            await using var tx = await conn.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(conn, tx)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("insert into public.bench_events (id, stream_id, version, data, type) values ($1, $2, $3, $4, 'activity_recorded')")
                    {
                        Parameters = { new() { Value = entry }, new() { Value = d.ActorId }, new() { Value = (long)_next },
                            new() { Value = $$"""{"entryId":"{{entry}}","title":"{{d.Title}}","hours":1.5}""", NpgsqlDbType = NpgsqlDbType.Jsonb } },
                    },
                    new NpgsqlBatchCommand("""
                        insert into public.bench_entries (id, person_id, kind, domain, on_date, year, minutes, provenance, status, details, recorded_at)
                        values ($1, $2, 'Activity', $3, $4, $5, 90, 'SelfDeclared', 'Pending', $6, now())
                        """)
                    {
                        Parameters = { new() { Value = entry }, new() { Value = d.ActorId }, new() { Value = d.Domain.ToString() }, new() { Value = d.Date },
                            new() { Value = d.Date.Year }, new() { Value = System.Text.Encoding.UTF8.GetBytes(d.Title) } },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
    }

    [Benchmark(Description = "Vape: DeclareActivity as declareActivity sends it (sealed, versioned, projected)")]
    public async Task Vape()
    {
        var writer = _host.Services.GetRequiredService<RecordWriter>();
        for (var n = 0; n < PerCall; n++)
            await writer.DeclareAsync(RecordsBenchHost.Declaration(_next++), CancellationToken.None);
    }

    /// <summary>The same declaration sent through Wolverine's `InvokeAsync` (a sender on the bus): what Wolverine adds is the difference to <see cref="Vape"/>.</summary>
    [Benchmark(Description = "Vape: the same through Wolverine InvokeAsync")]
    public async Task ThroughWolverine()
    {
        for (var n = 0; n < PerCall; n++)
        {
            using var scope = _host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<EntryChange>(RecordsBenchHost.Declaration(_next++));
        }
    }
}

/// <summary>
/// Where an append's cost goes, beside the benchmark (`dotnet run -c Release --project tests/Vape.Benchmarks -- --split
/// records-append [seconds]`): for each way of <see cref="RecordsAppendBenchmark"/>, per activity, the wall time, the
/// CPU of this process, the CPU of the database's server processes (read from /proc) and the bytes allocated, and the
/// time spent in each PL/pgSQL function (`track_functions`). A diagnosis, not a figure for the docs' ratio: the server's
/// CPU and the allocations hardly depend on the machine's load, the wall times do.
/// </summary>
public static class RecordsAppendSplit
{
    public static async Task RunAsync(int seconds, TextWriter output)
    {
        var bench = new RecordsAppendBenchmark();
        await bench.Setup();
        try
        {
            var database = bench.Database;
            await using (var track = database.CreateCommand("alter database vape_bench_records_append set track_functions = 'pl'"))
                await track.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
            var ways = new (string Name, Func<Task> Run)[]
            {
                ("raw Npgsql", bench.RawNpgsql), ("Vape", bench.Vape), ("via Wolverine", bench.ThroughWolverine),
            };
            foreach (var round in Enumerable.Range(1, 2))
                foreach (var (name, run) in ways)
                {
                    for (var i = 0; i < 3; i++) await run();
                    var (cpu0, server0, alloc0, functions0) = (Environment.CpuUsage.TotalTime, await ServerCpuAsync(database), GC.GetTotalAllocatedBytes(true),
                        await FunctionsAsync(database));
                    var clock = Stopwatch.StartNew();
                    var calls = 0;
                    while (clock.Elapsed < TimeSpan.FromSeconds(seconds)) { await run(); calls++; }
                    var activities = calls * (double)RecordsAppendBenchmark.PerCall;
                    var wall = clock.Elapsed.TotalMilliseconds;
                    var cpu = (Environment.CpuUsage.TotalTime - cpu0).TotalMilliseconds;
                    var server = await ServerCpuAsync(database) - server0;
                    var allocated = GC.GetTotalAllocatedBytes(true) - alloc0;
                    await Task.Delay(600); // the statistics of functions reach pg_stat_user_functions within 500 ms
                    var functions = await FunctionsAsync(database);
                    output.WriteLine(FormattableString.Invariant(
                        $"{name,-14} round {round}: wall {wall / activities:F3} ms, client CPU {cpu / activities:F3} ms, server CPU {server / activities:F3} ms, allocated {allocated / activities / 1024:F1} KB per activity"));
                    foreach (var (function, ms) in functions)
                        if (ms - functions0.GetValueOrDefault(function) is > 0 and var spent)
                            output.WriteLine(FormattableString.Invariant($"{"",-14}   {function}: {spent / activities:F3} ms per activity"));
                }
        }
        finally
        {
            await using (var reset = bench.Database.CreateCommand("alter database vape_bench_records_append reset track_functions"))
                await reset.ExecuteNonQueryAsync();
            await bench.Cleanup();
        }
    }

    /// <summary>CPU milliseconds used so far by the server processes of this database's connections (Linux /proc, 100 ticks a second).</summary>
    private static async Task<double> ServerCpuAsync(NpgsqlDataSource database)
    {
        var pids = new List<int>();
        await using (var cmd = database.CreateCommand("select pid from pg_stat_activity where datname = current_database()"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        double total = 0;
        foreach (var pid in pids)
        {
            string stat;
            try { stat = await File.ReadAllTextAsync($"/proc/{pid}/stat"); }
            catch (IOException) { continue; } // the connection closed meanwhile
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0; // utime, stime
        }
        return total;
    }

    private static async Task<Dictionary<string, double>> FunctionsAsync(NpgsqlDataSource database)
    {
        var spent = new Dictionary<string, double>();
        await using var cmd = database.CreateCommand("select schemaname || '.' || funcname, self_time from pg_stat_user_functions");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) spent[reader.GetString(0)] = reader.GetDouble(1);
        return spent;
    }
}

/// <summary>
/// Projection catch-up against appending: <see cref="RecordProjection.RebuildAsync"/> replays every event of
/// the records (<see cref="Events"/> activities of 50 people, appended once in the set-up) into `records.entries`
/// from nothing, opening each sealed event with its person's key. Its rate (events / mean) is set against the
/// append rate of <see cref="RecordsAppendBenchmark"/>'s Vape row (100 / mean), measured in the same run.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(1)]
[IterationCount(8)]
[InvocationCount(1)]
public class RecordsCatchUpBenchmark
{
    /// <summary>2,000; 100 in the smoke mode (<see cref="Smoke"/>).</summary>
    public static int Events => Smoke.Size(2_000, 100);
    private IAlbaHost _host = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await RecordsBenchHost.StartAsync("vape_bench_records_catchup");
        var tasks = Enumerable.Range(0, 2).Select(async lane =>
        {
            for (var i = lane; i < Events; i += 2)
            {
                using var scope = _host.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<EntryChange>(RecordsBenchHost.Declaration(i));
            }
        });
        await Task.WhenAll(tasks);
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Baseline = true, Description = "catch-up: rebuild records.entries from the event store (2,000 events)")]
    public async Task<long> CatchUp()
    {
        var applied = await RecordProjection.RebuildAsync(_host.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
        return applied >= Events ? applied : throw new InvalidOperationException($"only {applied} events applied");
    }
}
