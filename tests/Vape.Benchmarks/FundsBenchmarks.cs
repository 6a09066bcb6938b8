using System.Globalization;
using System.Security.Cryptography;
using Alba;
using BenchmarkDotNet.Attributes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Funds.Ledger;

namespace Vape.Benchmarks;

/// <summary>
/// Ledger appends, 100 per call, one transaction each: through Vape's `LedgerWriter` (the unit's head row locked,
/// what the fund holds checked, both balances moved, the line hashed and chained, the head moved, in a Marten session
/// committed like a handler's) against the baseline: raw Npgsql inserting a line of the same shape into the same
/// table (`funds.entries`, its indexes and append-only trigger), one transaction each, nothing else. Besides
/// BenchmarkDotNet's table, the setup prints both sides measured taking turns (ADR 0055). Goal: ≥ 0.5×.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(10)]
[InvocationCount(1)]
public class FundsLedgerAppendBenchmark
{
    /// <summary>100; 10 in the smoke mode (<see cref="Smoke"/>).</summary>
    public static int PerCall => Smoke.Size(100, 10);
    private IAlbaHost _host = null!;
    private NpgsqlDataSource _database = null!;
    private IDocumentStore _store = null!;
    private readonly Guid _unit = Guid.CreateVersion7();
    private readonly Guid _rawUnit = Guid.CreateVersion7();
    private readonly Guid _fund = Guid.CreateVersion7();
    private readonly Guid _actor = Guid.CreateVersion7();
    private long _rawSeq;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await RecordsBenchHost.StartAsync("vape_bench_funds");
        _database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        _store = _host.Services.GetRequiredService<IDocumentStore>();
        await using (var cmd = _database.CreateCommand("""
            insert into funds.funds (id, unit_id, unit_path, name, purpose, created_by, created_at)
            values (@f, @u, text2ltree(replace(@u::text, '-', '')), 'Quỹ đo hiệu năng', 'Đo', @u, now())
            """))
        {
            cmd.Parameters.AddWithValue("f", _fund);
            cmd.Parameters.AddWithValue("u", _unit);
            await cmd.ExecuteNonQueryAsync();
        }
        if (Environment.GetEnvironmentVariable("VAPE_TURNS") is "0") return;
        var (bare, vape, ratio) = await TakingTurns.MeasureAsync(RawInserts, LedgerAppends, turns: Smoke.Size(10, 1), warmUp: Smoke.Size(2, 0));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"funds ledger, {PerCall} appends per turn, taking turns (10 each): raw inserts median {bare:0.0} ms, ledger appends median {vape:0.0} ms, appends per second ratio {ratio:0.00}"));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Baseline = true, Description = "raw Npgsql: one insert into funds.entries, one transaction each")]
    public async Task RawInserts()
    {
        for (var i = 0; i < PerCall; i++)
        {
            await using var conn = await _database.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using var cmd = new NpgsqlCommand("""
                insert into funds.entries (unit_id, seq, id, fund_id, recorded_at, on_date, kind, debit, credit, amount, reference, memo, recorded_by, prev_hash, hash)
                values (@u, @seq, @id, @f, now(), current_date, 'DONATION', 'CASH', 'DONATIONS', 1000, 'BL 00001/2026', 'Tiền ủng hộ', @by, @prev, @hash)
                """, conn, tx);
            cmd.Parameters.AddWithValue("u", _rawUnit);
            cmd.Parameters.AddWithValue("seq", ++_rawSeq);
            cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
            cmd.Parameters.AddWithValue("f", _fund);
            cmd.Parameters.AddWithValue("by", _actor);
            cmd.Parameters.AddWithValue("prev", RandomNumberGenerator.GetBytes(32));
            cmd.Parameters.AddWithValue("hash", RandomNumberGenerator.GetBytes(32));
            if (await cmd.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("no row");
            await tx.CommitAsync();
        }
    }

    [Benchmark(Description = "Vape: LedgerWriter.AppendAsync (lock, check, balances, hash chain), one transaction each")]
    public async Task LedgerAppends()
    {
        for (var i = 0; i < PerCall; i++)
        {
            await using var session = _store.LightweightSession();
            var line = await LedgerWriter.AppendAsync(new FundsSql(session), _unit, _actor,
                new Movement(_fund, DateOnly.FromDateTime(DateTime.UtcNow), "DONATION", Accounts.Cash, Accounts.Donations, 1000, "BL 00001/2026", "Tiền ủng hộ"),
                DateTimeOffset.UtcNow, CancellationToken.None);
            await session.SaveChangesAsync();
            if (line.Seq <= 0) throw new InvalidOperationException("no line");
        }
    }
}
