using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Coordination.Messages;

namespace Vape.Coordination.Realtime;

/// <summary>
/// Makes sure every committed change of a channel is pushed, even when its host died between the commit and the push
/// (docs/adr/0052). Each host writes down the marks <see cref="ChannelPushes"/> noted (the last version it pushed of
/// each channel) once every <see cref="CoordinationSettings.PushMarkInterval"/>. One host at a time then looks for
/// channels whose next change after the mark is older than <see cref="CoordinationSettings.PushGrace"/>, pushes what
/// follows the mark, in order, and moves the mark.
/// </summary>
internal sealed class PushRecovery(NpgsqlDataSource database, ChannelPushes pushes, CoordinationSettings settings,
    ILogger<PushRecovery> log) : BackgroundService
{
    private const long SweepLock = 0x5641_5045_5055_5348; // "VAPEPUSH"
    private const int ChannelsPerSweep = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PushMarkInterval);
        var sweepEvery = Math.Max(1, (int)(settings.PushGrace / settings.PushMarkInterval / 2));
        for (var tick = 1; await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            try
            {
                await WriteMarksAsync(stoppingToken);
                if (tick % sweepEvery == 0) await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Coordination: recording or recovering pushes failed");
            }
        }
    }

    /// <summary>Writes down the marks noted since the last time; they stay for the next time when that fails.</summary>
    internal async Task WriteMarksAsync(CancellationToken ct)
    {
        // In one order on every host, so that two hosts writing marks never wait on each other in a circle.
        var marks = pushes.Marks().OrderBy(m => m.Key).ToArray();
        if (marks.Length == 0) return;
        await database.ExecuteAsync("""
            update coordination.channels c set pushed_version = m.version
              from unnest(@ids, @versions) m(id, version)
             where c.id = m.id and c.pushed_version < m.version
            """, ct, ("ids", marks.Select(m => m.Key).ToArray()), ("versions", marks.Select(m => m.Value).ToArray()));
        pushes.Written(marks);
    }

    /// <summary>Pushes the changes that no host pushed; returns how many. One host at a time (an advisory lock).</summary>
    internal async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_xact_lock({SweepLock})", connection))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) return 0;

        var late = new List<(Guid Channel, long Mark)>();
        await using (var find = new NpgsqlCommand("""
            select c.id, c.pushed_version from coordination.channels c
             where c.version > c.pushed_version
               and (select e.at from coordination.channel_events e where e.channel_id = c.id and e.version = c.pushed_version + 1) < now() - @grace
             limit @n
            """, connection))
        {
            find.Parameters.Add(Sql.Parameter("grace", settings.PushGrace));
            find.Parameters.Add(Sql.Parameter("n", ChannelsPerSweep));
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) late.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        var pushed = 0;
        foreach (var (channel, mark) in late)
        {
            // On this transaction's connection: a read on another one could queue behind a lock that waits for this
            // transaction (a truncate, a migration), a circle PostgreSQL cannot see.
            var missed = new List<ChannelEvent>();
            await using (var read = new NpgsqlCommand(MessageStore.EventsAfterSql, connection))
            {
                read.Parameters.Add(Sql.Parameter("c", channel));
                read.Parameters.Add(Sql.Parameter("v", mark));
                read.Parameters.Add(Sql.Parameter("n", settings.MaxCatchUp));
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) missed.Add(MessageStore.ReadEvent(reader));
            }
            if (missed.Count == 0) continue;
            // Pushed before the mark moves: if this transaction fails, the next sweep pushes them again (harmless).
            foreach (var change in missed) await pushes.PushAsync(change, ct);
            pushed += missed.Count;
            log.LogWarning("Coordination: pushed {Count} changes of channel {ChannelId} that their host had not pushed", missed.Count, channel);
            await using var move = new NpgsqlCommand("update coordination.channels set pushed_version = greatest(pushed_version, @v) where id = @c", connection);
            move.Parameters.Add(Sql.Parameter("v", missed[^1].Version));
            move.Parameters.Add(Sql.Parameter("c", channel));
            await move.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return pushed;
    }
}
