using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

/// <summary>One of a parent room's publishers relayed into one relay room: where it comes from and where it arrives.</summary>
public sealed class MediaRelay
{
    public Guid Id { get; set; }
    public Guid RelaySessionId { get; set; }
    public Guid ParentSessionId { get; set; }
    public string SourceNode { get; set; } = "";
    public int SourceRoom { get; set; }
    public long SourceFeed { get; set; }
    public string TargetNode { get; set; } = "";
    public int TargetRoom { get; set; }
    /// <summary>The remote publisher's id in the relay room (a relayed screen keeps the relay room's screen feed).</summary>
    public long RemoteFeed { get; set; }
    /// <summary>The relay's name on the source node (`publish_remotely`'s `remote_id`).</summary>
    public string RemoteId { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public int RtcpPort { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The cascade's voice and picture (issue #27, docs/adr/0230): each live relay room receives its parent room's hosts
/// (camera and microphone) and shared screen as remote publishers on the relay room's own node. What should be is
/// read from PostgreSQL (the rooms and the hosts' grants) and from the parent room's publishers on Janus; what is,
/// from <see cref="MediaRelay"/> documents and the relay room's remote publishers. Any host makes them agree, one at a
/// time (an advisory lock): a relay is made when a host publishes, made again when either room moves node or the
/// relay went missing, and removed when the host stops or either class ends.
/// </summary>
internal sealed class CascadeRelays(IDocumentStore store, NpgsqlDataSource database, JanusAdmin janus, MediaRooms rooms, ClassesClock clock,
    ClassroomBroadcaster broadcaster, ILogger<CascadeRelays> log)
{
    private const long RepairLock = 0x7661_7065_2733; // "vape'3"

    public async Task RepairAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_xact_lock({RepairLock})", connection))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) return;

        await using var session = store.LightweightSession();
        var relayRooms = await session.Query<MediaRoom>().Where(r => r.EndedAt == null && r.RelayOf != null).ToListAsync(ct);
        var relays = await session.Query<MediaRelay>().ToListAsync(ct);
        var live = relayRooms.Select(r => r.Id).ToHashSet();
        foreach (var orphan in relays.Where(r => !live.Contains(r.RelaySessionId)))
        {
            await TearDownAsync(session, orphan, ct);
            await session.SaveChangesAsync(ct);
        }
        foreach (var room in relayRooms)
        {
            try
            {
                var changed = await RepairRoomAsync(session, room, relays.Where(r => r.RelaySessionId == room.Id).ToList(), ct);
                await session.SaveChangesAsync(ct);
                if (changed) await TellRoomAsync(room.Id, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                session.EjectAllPendingChanges();
                log.LogWarning(e, "Media: relaying into the room of session {SessionId} failed; tried again next round", room.Id);
            }
        }
    }

    /// <summary>The relay room's relays made good; true when its remote publishers changed (a relay made or torn down).</summary>
    private async Task<bool> RepairRoomAsync(IDocumentSession session, MediaRoom relayRoom, List<MediaRelay> existing, CancellationToken ct)
    {
        var changed = false;
        var parent = await session.LoadAsync<MediaRoom>(relayRoom.RelayOf!.Value, ct);
        var target = rooms.Node(relayRoom.Node);
        var inRelay = await janus.ParticipantsAsync(target, relayRoom.Room, ct);
        var remotes = inRelay.Where(p => p.Remote).Select(p => p.Id).ToHashSet();
        var wanted = new HashSet<long>();
        if (parent is { EndedAt: null })
        {
            var hosts = await session.Query<MediaGrant>()
                .Where(g => g.SessionId == parent.Id && g.Host && g.Feed != 0 && g.RevokedAt == null).Select(g => g.Feed).ToListAsync(ct);
            var screen = MediaRooms.ScreenFeed(parent.Id);
            // The relay room's own host sharing a screen keeps the screen's place there.
            var screenTaken = inRelay.Any(p => p.Id == MediaRooms.ScreenFeed(relayRoom.Id) && !p.Remote);
            foreach (var p in await janus.ParticipantsAsync(rooms.Node(parent.Node), parent.Room, ct))
                if (p.Publisher && !p.Remote && (hosts.Contains((int)p.Id) || (p.Id == screen && !screenTaken)))
                    wanted.Add(p.Id);
        }

        foreach (var relay in existing)
        {
            var current = parent is { EndedAt: null } && wanted.Contains(relay.SourceFeed) && remotes.Contains(relay.RemoteFeed)
                          && relay.SourceNode == parent.Node && relay.SourceRoom == parent.Room
                          && relay.TargetNode == relayRoom.Node && relay.TargetRoom == relayRoom.Room;
            if (!current)
            {
                await TearDownAsync(session, relay, ct);
                changed = true;
                continue;
            }
            wanted.Remove(relay.SourceFeed);
            // The publisher may have published again under its id (its remotization went with the old publishing).
            if (await janus.PublishRemotelyAsync(rooms.Node(parent!.Node), parent.Room, parent.Secret, relay.SourceFeed, relay.RemoteId,
                    new JanusAdmin.RemoteEnd(relay.Host, relay.Port, relay.RtcpPort), ct))
                log.LogInformation("Media: feed {Feed} of session {Parent} relayed again into session {Relay}", relay.SourceFeed, parent.Id, relayRoom.Id);
        }

        foreach (var feed in wanted)
            session.Store(await RelayAsync(parent!, relayRoom, feed, ct));
        return changed || wanted.Count > 0;
    }

    /// <summary>The relay room's pages subscribe again now: its publishers changed (docs/adr/0268).</summary>
    private async Task TellRoomAsync(Guid relaySession, CancellationToken ct)
    {
        var committed = await ClassroomStore.WriteAsync(store, relaySession, null, w =>
        {
            if (w.Room is { Ended: false }) w.Append(new MediaPublishersChanged(Guid.Empty, true, clock.Now));
            return Task.CompletedTask;
        }, ct);
        _ = broadcaster.SendAsync(committed);
    }

    private async Task<MediaRelay> RelayAsync(MediaRoom parent, MediaRoom relayRoom, long feed, CancellationToken ct)
    {
        var target = rooms.Node(relayRoom.Node);
        var screen = feed == MediaRooms.ScreenFeed(parent.Id);
        var remoteFeed = screen ? MediaRooms.ScreenFeed(relayRoom.Id) : RelayedFeed(relayRoom.Id, feed);
        var end = await janus.AddRemotePublisherAsync(target, relayRoom.Room, relayRoom.Secret, remoteFeed, target.RelayHost, screen ? ScreenStreams() : CameraStreams(), ct);
        end = end with { Host = target.RelayHost };
        var relay = new MediaRelay
        {
            Id = Guid.NewGuid(), RelaySessionId = relayRoom.Id, ParentSessionId = parent.Id, SourceNode = parent.Node, SourceRoom = parent.Room,
            SourceFeed = feed, TargetNode = relayRoom.Node, TargetRoom = relayRoom.Room, RemoteFeed = remoteFeed,
            RemoteId = $"vape-{relayRoom.Id:N}-{remoteFeed}-{end.Port}", Host = end.Host, Port = end.Port, RtcpPort = end.RtcpPort, CreatedAt = clock.Now,
        };
        await janus.PublishRemotelyAsync(rooms.Node(parent.Node), parent.Room, parent.Secret, feed, relay.RemoteId, end, ct);
        log.LogInformation("Media: feed {Feed} of session {Parent} (node {Source}) relayed into session {Relay} (node {Target}) as {RemoteFeed}",
            feed, parent.Id, parent.Node, relayRoom.Id, relayRoom.Node, remoteFeed);
        return relay;
    }

    /// <summary>Stops a relay on both nodes as far as they answer (a dead node took its side with it) and forgets it.</summary>
    private async Task TearDownAsync(IDocumentSession session, MediaRelay relay, CancellationToken ct)
    {
        var parent = await session.LoadAsync<MediaRoom>(relay.ParentSessionId, ct);
        var relayRoom = await session.LoadAsync<MediaRoom>(relay.RelaySessionId, ct);
        if (parent is not null)
            await Quietly(() => janus.UnpublishRemotelyAsync(rooms.Node(relay.SourceNode), relay.SourceRoom, parent.Secret, relay.SourceFeed, relay.RemoteId, ct));
        if (relayRoom is not null)
            await Quietly(() => janus.RemoveRemotePublisherAsync(rooms.Node(relay.TargetNode), relay.TargetRoom, relayRoom.Secret, relay.RemoteFeed, ct));
        session.Delete(relay);
        log.LogInformation("Media: feed {Feed} of session {Parent} no longer relayed into session {Relay}", relay.SourceFeed, relay.ParentSessionId, relay.RelaySessionId);
    }

    private static async Task Quietly(Func<Task> call)
    {
        try { await call(); }
        catch (VapeException e) when (e.Code == MediaErrors.Unavailable) { }
    }

    /// <summary>
    /// What the web app publishes (ADR 0141): a camera feed is Opus audio (mid 0) then VP8 video in simulcast (mid 1); a
    /// shared screen is VP8 video alone (mid 0). A remote publisher tells its packets apart by mindex, in this order.
    /// </summary>
    private static JsonArray CameraStreams() =>
    [
        new JsonObject { ["type"] = "audio", ["mindex"] = 0, ["mid"] = "0", ["codec"] = "opus" },
        new JsonObject { ["type"] = "video", ["mindex"] = 1, ["mid"] = "1", ["codec"] = "vp8", ["simulcast"] = true },
    ];

    private static JsonArray ScreenStreams() => [new JsonObject { ["type"] = "video", ["mindex"] = 0, ["mid"] = "0", ["codec"] = "vp8" }];

    /// <summary>A relayed camera's id in the relay room: the same on every host for one relay room and source feed.</summary>
    private static long RelayedFeed(Guid relaySession, long feed)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{relaySession}:relay:{feed}"));
        return Math.Max(1, (int)(BitConverter.ToUInt32(hash, 0) & int.MaxValue));
    }
}
