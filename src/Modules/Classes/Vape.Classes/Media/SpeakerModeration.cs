using Marten;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

/// <summary>
/// What a speaking learner's publishing may carry, on Janus: their voice unless they (or every learner) are muted,
/// their picture only while a host allows it in this turn (`pictureAllowed`) and they are not muted. Janus 1.1.2's
/// `allowed` list admits a token as a publisher of anything, so the picture is held back by `moderate` on each video
/// stream the learner publishes: Janus then forwards none of its packets (docs/adr/0299). Applied after each
/// committed mute, picture change or report of publishing, and by the sweep (<see cref="ModerationRepair"/>).
/// </summary>
internal sealed class SpeakerModeration(IDocumentStore store, MediaRooms rooms, JanusAdmin janus, Speaking speaking)
{
    /// <summary>One learner's publishing, or (`person` null) every speaking learner's of the room.</summary>
    public async Task ApplyAsync(Guid sessionId, Guid? person, CancellationToken ct)
    {
        MediaRoom? room;
        IReadOnlyList<MediaGrant> grants;
        await using (var query = store.QuerySession())
        {
            room = await query.LoadAsync<MediaRoom>(sessionId, ct);
            if (room is not { EndedAt: null }) return;
            grants = await query.Query<MediaGrant>()
                .Where(g => g.SessionId == sessionId && g.RevokedAt == null && g.Feed != 0 && !g.Host).ToListAsync(ct);
        }
        var speakers = grants.Where(g => person is null || g.PersonId == person).ToList();
        if (speakers.Count == 0) return;
        var read = await ClassroomStore.ReadAsync(store, sessionId,
            async (sql, r) => (r.AllMuted, Muted: (await ClassroomTables.ModeratedAsync(sql, sessionId, ct)).Where(p => p.Muted).Select(p => p.PersonId).ToHashSet()), ct);
        if (read.Muted is null) return;
        await ApplyAsync(room, speakers, p => read.AllMuted || read.Muted.Contains(p), ct);
    }

    /// <summary>
    /// These learners' grants in this room, `muted` saying who is muted now. A constant number of admin calls per
    /// learner: the room's participants once, then each publisher's remembered handle; the node's handles are walked
    /// only for a publisher not found yet or whose handle is gone (it joined again) (docs/adr/0304).
    /// </summary>
    public async Task ApplyAsync(MediaRoom room, IReadOnlyCollection<MediaGrant> grants, Func<Guid, bool> muted, CancellationToken ct)
    {
        var node = rooms.Node(room.Node);
        var inRoom = await janus.PublishingAsync(node, room.Room, ct);
        var publishers = grants.Where(g => inRoom.Contains(g.Feed)).ToList();
        if (publishers.Count == 0) return;
        var published = await StreamsAsync(node, publishers, ct);
        foreach (var g in publishers)
        {
            if (!published.TryGetValue(g.Id, out var streams)) continue;
            var (_, picture) = await speaking.TurnAsync(room.Id, g.PersonId, ct);
            var mute = muted(g.PersonId);
            foreach (var mid in streams.Audio) await janus.ModerateStreamAsync(node, room.Room, room.Secret, g.Feed, mid, mute, ct);
            foreach (var mid in streams.Video) await janus.ModerateStreamAsync(node, room.Room, room.Secret, g.Feed, mid, mute || !picture, ct);
        }
    }

    private async Task<Dictionary<string, JanusAdmin.PublishedStreams>> StreamsAsync(JanusNode node, List<MediaGrant> publishers, CancellationToken ct)
    {
        var streams = new Dictionary<string, JanusAdmin.PublishedStreams>();
        Dictionary<string, MediaPublisher> known;
        await using (var query = store.QuerySession())
            known = (await query.LoadManyAsync<MediaPublisher>(ct, publishers.Select(g => g.Id))).ToDictionary(k => k.Id);
        foreach (var g in publishers)
            if (known.GetValueOrDefault(g.Id) is { } at && await janus.StreamsOfAsync(node, at.Session, at.Handle, g.Id, g.Feed, ct) is { } now)
                streams[g.Id] = now;
        var missing = publishers.Select(g => g.Id).Where(t => !streams.ContainsKey(t)).ToHashSet();
        if (missing.Count == 0) return streams;
        var found = await janus.FindPublishersAsync(node, missing, ct);
        if (found.Count == 0) return streams;
        await using var session = store.LightweightSession();
        foreach (var (token, handle) in found)
        {
            streams[token] = handle.Streams;
            session.Store(new MediaPublisher { Id = token, Session = handle.Session, Handle = handle.Handle });
        }
        await session.SaveChangesAsync(ct);
        return streams;
    }
}

/// <summary>
/// Where a speaking learner's grant (id = its token) publishes on its node: read again with one `handle_info`
/// (docs/adr/0304); deleted where the grant stops publishing (turn ended, revoked, expired, class ended, room moved).
/// </summary>
public sealed class MediaPublisher
{
    public string Id { get; set; } = "";
    public long Session { get; set; }
    public long Handle { get; set; }

    /// <summary>Forgets the handles of these grants (those that ever published) in `session`, which the caller saves.</summary>
    internal static void Forget(IDocumentSession session, IEnumerable<MediaGrant> grants)
    {
        foreach (var g in grants.Where(g => g.Feed != 0)) session.Delete<MediaPublisher>(g.Id);
    }
}
