using Marten;
using Microsoft.Extensions.Logging;

namespace Vape.Classes.Media;

internal sealed partial class MediaRooms
{
    /// <summary>
    /// The room's node answers but no longer holds the room: it restarted between two pings, and Janus keeps rooms,
    /// tokens and `allowed` lists in memory only. The room is made again on the same node as a move there would (same
    /// secret, pin and recording folder, a number derived as a move's, so every page sees a room it is not in), every
    /// live grant's token is added again and each publisher's put back on `allowed`, and the room's pages are told
    /// (`mediaRoomMoved`) so each drops its dead Janus session and joins again at once (docs/adr/0303).
    /// </summary>
    internal async Task RestoreAsync(Guid sessionId, string nodeName, CancellationToken ct)
    {
        await using var locked = await LockRoomAsync(sessionId, ct);
        await using var session = store.LightweightSession();
        var room = await session.LoadAsync<MediaRoom>(sessionId, ct);
        if (room is not { EndedAt: null } || room.Node != nodeName) return;
        var node = Node(nodeName);
        if (await janus.RoomExistsAsync(node, room.Room, ct)) return;
        var now = clock.Now;
        var grants = await session.Query<MediaGrant>()
            .Where(g => g.SessionId == sessionId && g.Node == nodeName && g.RevokedAt == null && g.ExpiresAt > now).ToListAsync(ct);
        var lost = room.Room;
        room.Room = MovedRoomNumber(room.Id, node.Name, lost);
        try { await janus.CreateRoomAsync(node, room.Room, room.Secret, room.Pin, "", RecordTo(node, room), ct); }
        catch (JanusAdmin.JanusError e) when (e.Code == JanusAdmin.RoomExists) { }
        foreach (var g in grants)
        {
            await janus.AddTokenAsync(node, g.Id, ct);
            if (g.Feed != 0) await janus.AllowAsync(node, room.Room, room.Secret, true, g.Id, ct);
        }
        // The class may have ended meanwhile (its end does not take the room's lock): the room made here goes too.
        if (!await StillLiveAsync(sessionId, ct))
        {
            await janus.DestroyRoomAsync(node, room.Room, room.Secret, ct);
            return;
        }
        session.Store(room);
        await session.SaveChangesAsync(ct);
        log.LogWarning("Media room {Lost} for session {SessionId} made again on node {Node}, which had lost it (restarted), as room {Room} with {Grants} tokens",
            lost, room.Id, nodeName, room.Room, grants.Count);
        await TellMovedAsync(room, ct);
    }

    /// <summary>
    /// The node answers again (checked by the watch): rooms that moved away from it while it did not answer are destroyed
    /// there, and the tokens Vape revoked on it for those sessions are removed from it, so a node back from a network
    /// split keeps no room or token Vape gave up (docs/adr/0319). Under each room's lock; each room once.
    /// </summary>
    internal async Task ClearLeftAsync(JanusNode node, CancellationToken ct)
    {
        List<Guid> sessions;
        await using (var query = store.QuerySession())
            sessions = [.. (await query.Query<MediaRoom>().Where(r => r.Left.Any()).ToListAsync(ct)).Where(r => r.Left.Any(l => l.Node == node.Name)).Select(r => r.Id)];
        foreach (var sessionId in sessions)
        {
            await using var locked = await LockRoomAsync(sessionId, ct);
            await using var session = store.LightweightSession();
            var room = await session.LoadAsync<MediaRoom>(sessionId, ct);
            var here = room?.Left.Where(l => l.Node == node.Name).ToList() ?? [];
            if (room is null || here.Count == 0) continue;
            // Moves keep the room's secret (ADR 0142), so the old room is destroyed with it.
            foreach (var left in here) await janus.DestroyRoomAsync(node, left.Room, room.Secret, ct);
            var revoked = await session.Query<MediaGrant>().Where(g => g.SessionId == sessionId && g.Node == node.Name && g.RevokedAt != null).ToListAsync(ct);
            foreach (var g in revoked) await janus.RemoveTokenAsync(node, g.Id, ct);
            room.Left.RemoveAll(l => l.Node == node.Name);
            session.Store(room);
            await session.SaveChangesAsync(ct);
            log.LogInformation("Media: node {Node} answers again; room {Rooms} of session {SessionId}, moved away from it, destroyed there with {Tokens} tokens",
                node.Name, string.Join(",", here.Select(l => l.Room)), sessionId, revoked.Count);
        }
    }

    private async Task<bool> StillLiveAsync(Guid sessionId, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<MediaRoom>(sessionId, ct) is { EndedAt: null };
    }
}
