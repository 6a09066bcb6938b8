using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// Who is connected to a classroom, across hosts (docs/adr/0015):
/// - leaving: `classes.connections` rows go, and a person's last device leaving appends `participantLeft` (or
///   `learnerLeftLobby`); disconnects are queued and left by one writer in batches, one transaction per room and
///   batch, so a thousand connections dropping at once take a few transactions and never exhaust the pool;
/// - the lease: each host refreshes its row in `classes.hosts`; any host leaves, for them, the connections of a
///   host whose lease has expired (it crashed), with the same events and versions.
/// </summary>
internal sealed partial class ClassroomPresence(IDocumentStore store, ClassroomBroadcaster broadcaster, RelayNames relays, ClassesClock clock,
    IOptions<ClassroomOptions> options, ILogger<ClassroomPresence> log) : BackgroundService
{
    private const int Batch = 500;
    private readonly Channel<(Guid Session, string Connection, int Attempt)> _departures = Channel.CreateUnbounded<(Guid, string, int)>();
    private long _pending;

    /// <summary>This process; its connections' rows carry it.</summary>
    public Guid HostId { get; } = Guid.CreateVersion7();

    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>Departures queued and not yet written (a test waits for none).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>A connection went away: queued, left in the next batch.</summary>
    public void Depart(Guid sessionId, string connectionId)
    {
        Interlocked.Increment(ref _pending);
        _departures.Writer.TryWrite((sessionId, connectionId, 0));
    }

    /// <summary>
    /// These connections leave the room: their rows go; a person with no device left in the room leaves it
    /// (`participantLeft`), one with no device left in the lobby leaves the lobby (`learnerLeftLobby`). Committed, then broadcast.
    /// </summary>
    public async Task LeaveAsync(Guid sessionId, IReadOnlyCollection<string> connections, CancellationToken ct)
    {
        var now = clock.Now;
        if (await ClassroomStore.LoadAsync(store, sessionId, ct) is null)
        {
            await DeleteAsync(sessionId, connections, ct);
            return;
        }
        var committed = await ClassroomStore.WriteAsync(store, sessionId, null, async w =>
        {
            // A device that leaves with its media connected ends its stretch now (docs/adr/0229).
            await ClassroomTables.CloseMediaAsync(w.Sql, sessionId, "c.connection_id = any(@ids)", now, ct, ("ids", connections.ToArray()));
            var gone = await w.Sql.ListAsync("delete from classes.connections where session_id = @s and connection_id = any(@ids) returning person_id",
                r => r.GetGuid(0), ct, ("s", sessionId), ("ids", connections.ToArray()));
            if (gone.Count == 0 || w.RoomOrThrow.Ended) return;
            var people = await w.Sql.ListAsync("""
                select p.person_id, p.present, p.in_lobby,
                    exists (select 1 from classes.connections c where c.session_id = p.session_id and c.person_id = p.person_id and not c.in_lobby),
                    exists (select 1 from classes.connections c where c.session_id = p.session_id and c.person_id = p.person_id and c.in_lobby)
                from classes.participants p where p.session_id = @s and p.person_id = any(@p) order by p.person_id
                """, r => (Person: r.GetGuid(0), Present: r.GetBoolean(1), InLobby: r.GetBoolean(2), StillIn: r.GetBoolean(3), StillWaiting: r.GetBoolean(4)),
                ct, ("s", sessionId), ("p", gone.Distinct().ToArray()));
            foreach (var p in people)
            {
                if (p.Present && !p.StillIn) w.Append(new ParticipantLeft(p.Person, now));
                else if (p.InLobby && !p.StillWaiting && !p.StillIn) w.Append(new LearnerLeftLobby(p.Person, now));
            }
        }, ct, relays);
        await broadcaster.SendAsync(committed);
    }

    private async Task DeleteAsync(Guid sessionId, IReadOnlyCollection<string> connections, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var sql = new ClassesSql(session);
        await sql.ExecuteAsync("delete from classes.connections where session_id = @s and connection_id = any(@ids)", ct,
            ("s", sessionId), ("ids", connections.ToArray()));
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Refreshes this host's lease, then leaves the connections of every host whose lease has expired.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        var now = clock.Now;
        await using (var session = store.LightweightSession())
        {
            var sql = new ClassesSql(session);
            await sql.ExecuteAsync("insert into classes.hosts (host_id, seen_at) values (@h, @now) on conflict (host_id) do update set seen_at = @now", ct,
                ("h", HostId), ("now", now));
            await session.SaveChangesAsync(ct);
        }
        var cutoff = now - Lease;
        await using var query = store.LightweightSession();
        var q = new ClassesSql(query);
        var stale = await q.ListAsync("""
            select c.session_id, c.connection_id from classes.connections c join classes.hosts h on h.host_id = c.host_id
            where h.seen_at < @cutoff and h.host_id <> @me
            """, r => (Session: r.GetGuid(0), Connection: r.GetString(1)), ct, ("cutoff", cutoff), ("me", HostId));
        foreach (var room in stale.GroupBy(x => x.Session))
            foreach (var chunk in room.Select(x => x.Connection).Chunk(Batch))
            {
                LogSweep(log, chunk.Length, room.Key);
                await LeaveAsync(room.Key, chunk, ct);
            }
        await q.ExecuteAsync("""
            delete from classes.hosts h where h.seen_at < @cutoff and h.host_id <> @me
              and not exists (select 1 from classes.connections c where c.host_id = h.host_id)
            """, ct, ("cutoff", cutoff), ("me", HostId));
        await query.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = Lease / 3;
        var tick = Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (tick.IsCompleted)
                {
                    await SweepAsync(stoppingToken);
                    tick = Task.Delay(every, stoppingToken);
                }
                await Task.WhenAny(_departures.Reader.WaitToReadAsync(stoppingToken).AsTask(), tick);
                await DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        var batch = new List<(Guid Session, string Connection, int Attempt)>();
        while (batch.Count < Batch && _departures.Reader.TryRead(out var item)) batch.Add(item);
        foreach (var room in batch.GroupBy(x => x.Session))
        {
            var items = room.ToList();
            try
            {
                await LeaveAsync(room.Key, items.Select(x => x.Connection).ToList(), ct);
                Interlocked.Add(ref _pending, -items.Count);
            }
            catch (VapeException)
            {
                Interlocked.Add(ref _pending, -items.Count);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // A transient failure (PostgreSQL restarting, the pool busy): tried again; the lease sweep is the last resort.
                LogRetry(log, e, items.Count, room.Key);
                foreach (var x in items)
                    if (x.Attempt < 10) _departures.Writer.TryWrite((x.Session, x.Connection, x.Attempt + 1));
                    else Interlocked.Decrement(ref _pending);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Min(items[0].Attempt + 1, 10)), ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Classroom lease sweep: {Count} connections of expired hosts leave session {SessionId}")]
    private static partial void LogSweep(ILogger logger, int count, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Classroom departures: {Count} connections of session {SessionId} will be tried again")]
    private static partial void LogRetry(ILogger logger, Exception e, int count, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Classroom presence loop failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
