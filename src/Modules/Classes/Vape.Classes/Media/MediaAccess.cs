using System.Threading.Channels;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

/// <summary>
/// Media access follows the classroom (docs/adr/0286): whoever the classroom no longer has in the room (left, dropped
/// by the lease sweep, removed, or outside when the room is locked) loses their Janus tokens, their publishing and
/// their Janus sessions, and the room gets a new pin, so a pin kept with any other valid token opens nothing. Done
/// after each such committed classroom event on this host, and healed every `SweepSeconds` from PostgreSQL on every
/// host (a host that died before doing it leaves nothing open for long).
/// </summary>
internal sealed class MediaAccess(MediaAccessQueue queue, IDocumentStore store, NpgsqlDataSource database, MediaRooms rooms, JanusAdmin janus,
    ILogger<MediaAccess> log) : BackgroundService
{
    /// <summary>
    /// Revokes the grants of everyone not in the room now (present, not removed); a new pin when any was revoked, or
    /// when `person` (who just lost access) ever held a grant here. Serialised per room on every host.
    /// </summary>
    public async Task CloseAsync(Guid sessionId, Guid? person, CancellationToken ct)
    {
        // The room's lock lives in a transaction of its own that touches no table: the reads and the write below are
        // short sessions, so nothing waits on this room's Janus calls (a node that does not answer takes seconds)
        // but another closing of the same room.
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var locked = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand(SessionSql.LockSql, connection, locked))
        {
            take.Parameters.AddWithValue("key", "media:" + sessionId);
            await take.ExecuteNonQueryAsync(ct);
        }
        MediaRoom? room;
        List<MediaGrant> gone;
        bool held;
        await using (var read = store.LightweightSession())
        {
            room = await read.LoadAsync<MediaRoom>(sessionId, ct);
            if (room is not { EndedAt: null }) return;
            var inRoom = (await new ClassesSql(read).ListAsync(
                "select person_id from classes.participants where session_id = @s and present and not removed",
                r => r.GetGuid(0), ct, ("s", sessionId))).ToHashSet();
            gone = (await read.Query<MediaGrant>().Where(g => g.SessionId == sessionId && g.RevokedAt == null).ToListAsync(ct))
                .Where(g => !inRoom.Contains(g.PersonId)).ToList();
            held = person is Guid p && !inRoom.Contains(p) && await read.Query<MediaGrant>().AnyAsync(g => g.SessionId == sessionId && g.PersonId == p, ct);
        }
        if (gone.Count == 0 && !held) return;
        var node = rooms.Node(room.Node);
        await using var write = store.LightweightSession();
        await rooms.RevokeGrantsAsync(write, room, gone, ct);
        room.Pin = MediaRooms.Secret(12);
        try
        {
            await janus.ChangePinAsync(node, room.Room, room.Secret, room.Pin, ct);
            write.Store(room);
        }
        catch (JanusAdmin.JanusError e) when (e.Code == JanusAdmin.NoSuchRoom) { } // ended meanwhile: its grants are revoked all the same
        await write.SaveChangesAsync(ct);
        await locked.CommitAsync(ct);
        log.LogInformation("Media room {Room} of session {SessionId}: {Count} grants revoked, new pin", room.Room, sessionId, gone.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heal = Task.Run(() => HealLoopAsync(stoppingToken), stoppingToken);
        using var counted = JanusMetrics.For("access");
        await foreach (var (sessionId, person) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try { await CloseAsync(sessionId, person, stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Media: closing access for session {SessionId} failed; the sweep tries again", sessionId);
            }
        }
        await heal;
    }

    /// <summary>Every live room with a grant held by someone no longer in it, from PostgreSQL.</summary>
    private async Task HealLoopAsync(CancellationToken ct)
    {
        using var counted = JanusMetrics.For("sweep");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, rooms.Options.SweepSeconds)));
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            try
            {
                List<Guid> stale;
                await using (var query = store.LightweightSession())
                {
                    var sql = new ClassesSql(query);
                    var grants = store.Options.FindOrResolveDocumentType(typeof(MediaGrant)).TableName.QualifiedName;
                    stale = await sql.ListAsync($"""
                        select distinct g.data ->> 'sessionId' from {grants} g
                        where g.data ->> 'revokedAt' is null and not exists (select 1 from classes.participants p
                          where p.session_id = (g.data ->> 'sessionId')::uuid and p.person_id = (g.data ->> 'personId')::uuid and p.present and not p.removed)
                        limit 100
                        """, r => Guid.Parse(r.GetString(0)), ct);
                }
                // The read's transaction is over before Janus is called.
                foreach (var sessionId in stale) await CloseAsync(sessionId, null, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested) { log.LogWarning(e, "Media: the access sweep failed"); }
        }
    }
}

/// <summary>Rooms where someone just lost access (committed classroom events of this host); no dependency of its own, as <see cref="MediaQueue"/>.</summary>
internal sealed class MediaAccessQueue
{
    private readonly Channel<(Guid Session, Guid? Person)> _queue = Channel.CreateUnbounded<(Guid, Guid?)>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<(Guid Session, Guid? Person)> Reader => _queue.Reader;

    public IDocumentSessionListener Listener => new CommitListener(this);

    private sealed class CommitListener(MediaAccessQueue access) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            var events = commit.GetEvents().ToList();
            if (events.Count == 0) return Task.CompletedTask;
            var rooms = commit.Updated.Concat(commit.Inserted).OfType<Classroom.Classroom>().DistinctBy(r => r.Id).ToDictionary(r => Streams.Id(r.Id), r => r.Id);
            foreach (var e in events)
                if (rooms.TryGetValue(e.StreamId, out var sessionId) && Losing(e.Data) is { } person)
                    access._queue.Writer.TryWrite((sessionId, person == Guid.Empty ? null : person));
            return Task.CompletedTask;
        }

        /// <summary>Who loses access by this event (Guid.Empty: whoever is outside the locked room); null: nobody.</summary>
        private static Guid? Losing(object e) => e switch
        {
            ParticipantLeft l => l.PersonId,
            ParticipantRemoved r => r.PersonId,
            RoomLocked { Locked: true } => Guid.Empty,
            _ => null,
        };
    }
}
