using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

/// <summary>A live session's VideoRoom on one Janus node (id = the session's id). The secret and pin never leave Vape, the pin only to admitted people.</summary>
public sealed class MediaRoom
{
    public Guid Id { get; set; }
    public string Node { get; set; } = "";
    public int Room { get; set; }
    public string Secret { get; set; } = "";
    public string Pin { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Janus records the room (the class is recorded): its files go to the node's recording folder (docs/adr/0235).</summary>
    public bool Recording { get; set; }
    /// <summary>The class ended while the room's node did not answer: the sweep destroys the room once it answers.</summary>
    public bool DestroyPending { get; set; }
    /// <summary>A cascade's relay room: the parent session whose hosts and screen are relayed into it (docs/adr/0230).</summary>
    public Guid? RelayOf { get; set; }
    /// <summary>
    /// Where this room was before it moved off a node that did not answer: destroyed there, with the session's tokens on
    /// that node, once the node answers again (a node back from a network split still holds them; docs/adr/0319).
    /// </summary>
    public List<MediaRoomLeft> Left { get; set; } = [];
}

/// <summary>A room number a session's room had on a node it moved away from.</summary>
public sealed class MediaRoomLeft
{
    public string Node { get; set; } = "";
    public int Room { get; set; }
}

/// <summary>One token Vape added to Janus for one person in one room (id = the token).</summary>
public sealed class MediaGrant
{
    public string Id { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid PersonId { get; set; }
    public string Node { get; set; } = "";
    public bool Host { get; set; }
    /// <summary>The feed id the holder publishes under (0: may not publish).</summary>
    public int Feed { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal static class MediaErrors
{
    public const string Off = "MEDIA_OFF";
    public const string Unavailable = "MEDIA_UNAVAILABLE";

    public static VapeException MediaOff() =>
        new(Off, "Lớp học chỉ có trò chuyện và trang trình chiếu: máy chủ âm thanh và hình ảnh chưa được cấu hình.");
}

/// <summary>
/// Rooms and tokens on Janus, kept in PostgreSQL (Marten documents) so that any host can moderate, revoke or end
/// what another host created. Each change is made on Janus first and recorded after; what fails half way is healed
/// by the sweep (<see cref="MediaModeration"/>).
/// </summary>
internal sealed partial class MediaRooms(IDocumentStore store, NpgsqlDataSource database, JanusAdmin janus, IOptions<MediaOptions> options, ClassroomBroadcaster broadcaster,
    ClassesClock clock, ILogger<MediaRooms> log)
{
    public MediaOptions Options => options.Value;

    public JanusNode Node(string name) =>
        Options.Janus.Nodes.FirstOrDefault(n => n.Name == name) ?? throw JanusAdmin.Unreachable();

    /// <summary>The session's room, created on the least loaded node when it has none (two hosts at once: one room wins, the other is destroyed).</summary>
    public async Task<MediaRoom> EnsureRoomAsync(Guid sessionId, string description, Guid? relayOf, bool recording, CancellationToken ct)
    {
        MediaRoom? moving = null;
        await using (var query = store.QuerySession())
            if (await query.LoadAsync<MediaRoom>(sessionId, ct) is { EndedAt: null } existing)
            {
                if (!await DeadToAJoinAsync(query, existing.Node, ct)) return existing;
                moving = existing;
            }
        if (moving is not null) return await MoveAsync(moving.Id, moving.Node, ct);
        var node = await LeastLoadedAsync(ct);
        var room = new MediaRoom
        {
            Id = sessionId, Node = node.Name, Secret = Secret(24), Pin = Secret(12), CreatedAt = clock.Now, RelayOf = relayOf,
            Recording = recording && Options.RecordingEnabled,
        };
        for (var attempt = 0; ; attempt++)
        {
            room.Room = SmallId();
            try { await janus.CreateRoomAsync(node, room.Room, room.Secret, room.Pin, description, RecordTo(node, room), ct); break; }
            catch (JanusAdmin.JanusError e) when (e.Code == JanusAdmin.RoomExists && attempt < 3) { }
        }
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<MediaRoom>(sessionId, ct);
        if (stored is { EndedAt: null })
        {
            await janus.DestroyRoomAsync(node, room.Room, room.Secret, ct);
            return stored;
        }
        if (stored is null) session.Insert(room);
        else session.Update(room);
        try { await session.SaveChangesAsync(ct); }
        catch (Exception e) when (e is JasperFx.DocumentAlreadyExistsException or JasperFx.ConcurrencyException)
        {
            await janus.DestroyRoomAsync(node, room.Room, room.Secret, ct);
            await using var again = store.QuerySession();
            return await again.LoadAsync<MediaRoom>(sessionId, ct) ?? throw JanusAdmin.Unreachable();
        }
        log.LogInformation("Media room {Room} for session {SessionId} on node {Node}", room.Room, sessionId, node.Name);
        return room;
    }

    /// <summary>
    /// Whether a join moves the room off its node (docs/adr/0318): when the node watch has marked the node down, or the
    /// join's own ping is refused (nothing listens there: the process is gone). A ping that is only silent for two
    /// seconds (frozen, cut off, or slow on a busy machine) is left to the watch, which counts misses in PostgreSQL and
    /// moves the room and tells its pages after `NodeMisses` of them; only when the watch has not looked at the node
    /// for that long (no host is watching) does a silent ping move the room, as ADR 0142 had it.
    /// </summary>
    private async Task<bool> DeadToAJoinAsync(IQuerySession query, string nodeName, CancellationToken ct)
    {
        var verdict = await query.LoadAsync<MediaNode>(nodeName, ct);
        if (verdict is { Down: true } && Options.Janus.Nodes.Count > 1) return true;
        return await janus.PingAsync(Node(nodeName), ct) switch
        {
            JanusAdmin.PingAnswer.Answered => false,
            JanusAdmin.PingAnswer.Refused => true,
            _ => verdict is null || verdict.CheckedAt < clock.Now.AddSeconds(-Options.NodeCheckSeconds * Math.Max(1, Options.NodeMisses)),
        };
    }

    /// <summary>
    /// The node with the fewest people holding a live grant now (then the fewest live rooms) among those whose admin API
    /// answers, nodes marked down last (`except`: one known dead). Read from PostgreSQL, so every host places alike
    /// (docs/adr/0302).
    /// </summary>
    private async Task<JanusNode> LeastLoadedAsync(CancellationToken ct, string? except = null)
    {
        IReadOnlyList<JanusNode> ordered;
        await using (var query = store.QuerySession())
            ordered = await NodeLoad.InPlacementOrderAsync(query, Options.Janus.Nodes.Where(n => n.Name != except).ToList(), clock.Now, ct);
        foreach (var node in ordered)
            if (Options.Janus.Nodes.Count == 1 || await janus.AliveAsync(node, ct)) return node;
        throw JanusAdmin.Unreachable();
    }

    /// <summary>
    /// The room's node `dead` does not answer: the room is made again on a live node (same secret and pin, a new number),
    /// the document follows it, and the room's pages are told through the classroom hub (`mediaRoomMoved`), so each asks
    /// `joinClassMedia` again at once and lands there. Tokens on the dead node are marked revoked: Janus kept them in its
    /// memory only. One move of a room at a time on every host (the room's lock `media:{session}`, as MediaAccess): the
    /// join that finds the node dead and the node watch (<see cref="NodeWatch"/>) move it once.
    /// </summary>
    internal async Task<MediaRoom> MoveAsync(Guid sessionId, string dead, CancellationToken ct)
    {
        if (Options.Janus.Nodes.Count < 2) throw JanusAdmin.Unreachable();
        await using var locked = await LockRoomAsync(sessionId, ct);
        await using var session = store.LightweightSession();
        var room = await session.LoadAsync<MediaRoom>(sessionId, ct) ?? throw JanusAdmin.Unreachable();
        if (room.EndedAt is not null || room.Node != dead) return room;
        var node = await LeastLoadedAsync(ct, except: dead);
        // The number comes from the session, the node and the old number (same secret and pin): a move that still
        // meets one made elsewhere (a host that took the room's lock later) finds the room there.
        room.Left.Add(new MediaRoomLeft { Node = dead, Room = room.Room });
        room.Room = MovedRoomNumber(room.Id, node.Name, room.Room);
        try { await janus.CreateRoomAsync(node, room.Room, room.Secret, room.Pin, "", RecordTo(node, room), ct); }
        catch (JanusAdmin.JanusError e) when (e.Code == JanusAdmin.RoomExists) { }
        room.Node = node.Name;
        session.Store(room);
        foreach (var g in await session.Query<MediaGrant>().Where(g => g.SessionId == room.Id && g.Node == dead && g.RevokedAt == null).ToListAsync(ct))
        {
            g.RevokedAt = clock.Now;
            session.Store(g);
            MediaPublisher.Forget(session, [g]);
        }
        await session.SaveChangesAsync(ct);
        log.LogWarning("Media room for session {SessionId} moved from node {Dead} (not answering) to {Node} as room {Room}", room.Id, dead, node.Name, room.Room);
        await TellMovedAsync(room, ct);
        return room;
    }

    /// <summary>The room's lock (`media:{session}`, as MediaAccess) held until the returned transaction is disposed.</summary>
    private async Task<RoomLock> LockRoomAsync(Guid sessionId, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct);
        var tx = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand(SessionSql.LockSql, connection, tx))
        {
            take.Parameters.AddWithValue("key", "media:" + sessionId);
            await take.ExecuteNonQueryAsync(ct);
        }
        return new RoomLock(connection, tx);
    }

    private sealed class RoomLock(NpgsqlConnection connection, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>The room's pages join its new room now, not when janus.js gives up on the dead node (docs/adr/0302).</summary>
    private async Task TellMovedAsync(MediaRoom room, CancellationToken ct)
    {
        var committed = await ClassroomStore.WriteAsync(store, room.Id, null, w =>
        {
            if (w.Room is { Ended: false }) w.Append(new MediaRoomMoved(room.Room, clock.Now));
            return Task.CompletedTask;
        }, ct);
        _ = broadcaster.SendAsync(committed);
    }

    /// <summary>A new token for this person in this room; a publisher's is also on the room's `allowed` list, with its own feed id.</summary>
    public async Task<MediaGrant> GrantAsync(MediaRoom room, Guid person, bool host, bool publisher, CancellationToken ct)
    {
        var node = Node(room.Node);
        var grant = new MediaGrant
        {
            Id = Secret(32), SessionId = room.Id, PersonId = person, Node = room.Node, Host = host, Feed = publisher ? SmallId() : 0,
            ExpiresAt = clock.Now.AddMinutes(Options.TokenMinutes),
        };
        await janus.AddTokenAsync(node, grant.Id, ct);
        if (publisher) await janus.AllowAsync(node, room.Room, room.Secret, true, grant.Id, ct);
        await using var session = store.LightweightSession();
        session.Store(grant);
        await session.SaveChangesAsync(ct);
        return grant;
    }

    /// <summary>
    /// A removed person: their tokens leave Janus, their publishing is kicked, their Janus sessions end. Under the room's
    /// lock, as closing access (MediaAccess) does it: the sweep that repairs a removal and the removal itself do not both
    /// take the same tokens off Janus.
    /// </summary>
    public async Task RevokeAsync(Guid sessionId, Guid person, CancellationToken ct)
    {
        await using var locked = await LockRoomAsync(sessionId, ct);
        await using var session = store.LightweightSession();
        var room = await session.LoadAsync<MediaRoom>(sessionId, ct);
        var grants = await session.Query<MediaGrant>().Where(g => g.SessionId == sessionId && g.PersonId == person && g.RevokedAt == null).ToListAsync(ct);
        if (room is null || grants.Count == 0) return;
        await RevokeGrantsAsync(session, room, grants, ct);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Takes these grants off Janus (token, publishing, sessions) and marks them revoked in `session`, which the caller
    /// saves: one way for a removal (<see cref="RevokeAsync"/>) and for access closing with the classroom (MediaAccess).
    /// </summary>
    internal async Task RevokeGrantsAsync(IDocumentSession session, MediaRoom room, IReadOnlyCollection<MediaGrant> grants, CancellationToken ct)
    {
        if (grants.Count == 0) return;
        var node = Node(room.Node);
        foreach (var g in grants)
        {
            await janus.RemoveTokenAsync(node, g.Id, ct);
            if (g.Feed != 0 && room.EndedAt is null)
            {
                await janus.AllowAsync(node, room.Room, room.Secret, false, g.Id, ct);
                await janus.KickAsync(node, room.Room, room.Secret, g.Feed, ct);
            }
            g.RevokedAt = clock.Now;
            session.Store(g);
        }
        MediaPublisher.Forget(session, grants);
        await janus.EndSessionsOfAsync(node, grants.Select(g => g.Id).ToHashSet(), ct);
    }

    /// <summary>
    /// The class ended: its room is destroyed and every token it gave is removed. A node that does not answer does not
    /// keep the class's room open in Vape: the room is marked ended and its tokens revoked anyway (a restarted Janus
    /// has neither), and the sweep destroys the room on that node once it answers again (back from a network split).
    /// </summary>
    public async Task EndAsync(Guid sessionId, CancellationToken ct)
    {
        // The class's end (from the queue) and the sweep can meet while a node makes them wait: one of them ends it.
        if (!_ending.TryAdd(sessionId, 0)) return;
        try { await EndOnceAsync(sessionId, ct); }
        finally { _ending.TryRemove(sessionId, out _); }
    }

    /// <summary>Rooms this host is ending now (an in-flight guard: the document stays the truth).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _ending = new();

    private async Task EndOnceAsync(Guid sessionId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var room = await session.LoadAsync<MediaRoom>(sessionId, ct);
        if (room is not { EndedAt: null }) return;
        var answered = await UnlessUnavailable(() => janus.DestroyRoomAsync(Node(room.Node), room.Room, room.Secret, ct));
        foreach (var g in await session.Query<MediaGrant>().Where(g => g.SessionId == sessionId && g.RevokedAt == null).ToListAsync(ct))
        {
            if (answered) answered = await UnlessUnavailable(() => janus.RemoveTokenAsync(Node(room.Node), g.Id, ct));
            g.RevokedAt = clock.Now;
            session.Store(g);
            MediaPublisher.Forget(session, [g]);
        }
        room.EndedAt = clock.Now;
        room.DestroyPending = !answered;
        session.Store(room);
        // The recording's conversion is durable work in the same commit as the end (docs/adr/0235).
        if (room.Recording) ClassRecordings.Queue(session, room);
        await session.SaveChangesAsync(ct);
        if (answered) log.LogInformation("Media room {Room} for session {SessionId} destroyed", room.Room, sessionId);
        else log.LogWarning("Media room {Room} for session {SessionId} ended while node {Node} did not answer; destroyed when it answers", room.Room, sessionId, room.Node);
    }

    /// <summary>
    /// Expired tokens leave Janus; rooms of sessions that ended (a host died before ending them) are destroyed, and so
    /// are rooms whose node did not answer when their class ended, once it does. One room's failure does not stop the
    /// others.
    /// </summary>
    public async Task SweepAsync(Func<Guid, CancellationToken, Task<bool>> ended, CancellationToken ct)
    {
        var now = clock.Now;
        await using (var session = store.LightweightSession())
        {
            var expired = await session.Query<MediaGrant>().Where(g => g.RevokedAt == null && g.ExpiresAt <= now).Take(500).ToListAsync(ct);
            foreach (var g in expired)
            {
                // A node that does not answer: marked revoked anyway (Janus keeps tokens in memory, a restarted node has
                // none; one back from a network split keeps this expired token: docs/adr/0142).
                await UnlessUnavailable(() => janus.RemoveTokenAsync(Node(g.Node), g.Id, ct));
                g.RevokedAt = now;
                session.Store(g);
            }
            MediaPublisher.Forget(session, expired);
            if (expired.Count > 0) await session.SaveChangesAsync(ct);
        }
        await using (var session = store.LightweightSession())
        {
            foreach (var room in await session.Query<MediaRoom>().Where(r => r.DestroyPending).ToListAsync(ct))
            {
                if (!await UnlessUnavailable(() => janus.DestroyRoomAsync(Node(room.Node), room.Room, room.Secret, ct))) continue;
                room.DestroyPending = false;
                session.Store(room);
                await session.SaveChangesAsync(ct);
                log.LogInformation("Media room {Room} for session {SessionId} destroyed after its node answered again", room.Room, room.Id);
            }
        }
        await using var query = store.QuerySession();
        foreach (var room in await query.Query<MediaRoom>().Where(r => r.EndedAt == null).ToListAsync(ct))
        {
            try
            {
                if (await ended(room.Id, ct)) await EndAsync(room.Id, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Media: ending the room of session {SessionId} failed; tried again next sweep", room.Id);
            }
        }
    }

    /// <summary>The folder a recorded room's files go to on this node: one per session (null: not recorded).</summary>
    public static string? RecordTo(JanusNode node, MediaRoom room) =>
        room.Recording && node.RecordingDir is { Length: > 0 } dir ? Path.Combine(dir, room.Id.ToString("N")) : null;

    /// <summary>Runs a call to a node; false when the node does not answer (any other failure is thrown).</summary>
    private static async Task<bool> UnlessUnavailable(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (VapeException e) when (e.Code == MediaErrors.Unavailable)
        {
            return false;
        }
    }

    /// <summary>
    /// The feed id a host's screen is published under in the session's room: one per session (so a second host's
    /// share is refused by Janus while one is on, 436), the same on any host and after a move (docs/adr/0228).
    /// </summary>
    public static int ScreenFeed(Guid session)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{session}:screen"));
        return Math.Max(1, (int)(BitConverter.ToUInt32(hash, 0) & int.MaxValue));
    }

    private static int MovedRoomNumber(Guid session, string node, int from)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{session}:{node}:{from}"));
        return Math.Max(1, (int)(BitConverter.ToUInt32(hash, 0) & int.MaxValue));
    }

    /// <summary>Room and feed ids: positive 31-bit (a GraphQL Int, a JavaScript number).</summary>
    private static int SmallId() => RandomNumberGenerator.GetInt32(1, int.MaxValue);

    internal static string Secret(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
