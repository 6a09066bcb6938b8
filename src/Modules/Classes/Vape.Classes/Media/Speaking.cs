using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

/// <summary>A host ended a learner's turn to speak at this room version (id: `session:person`).</summary>
public sealed class MediaSpeakingEnded
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
}

internal sealed record EndClassMediaSpeakingInput(string SessionId, string PersonId);

public sealed record MediaSpeaking(Guid PersonId, bool Speaking);

/// <summary>
/// A learner whose raised hand the host took (`CallOn`: `handLowered` with `CALLED_ON`) may publish until a host ends
/// the turn (`endClassMediaSpeaking`). Read from the classroom's own stream when a token is asked for, so a learner
/// who asks right after hearing `handLowered` is never early (docs/adr/0140).
/// </summary>
internal sealed class Speaking(IDocumentStore store, MediaRooms rooms, JanusAdmin janus, ClassroomBroadcaster broadcaster, ClassesClock clock)
{
    public static string Key(Guid sessionId, Guid person) => $"{sessionId}:{person}";

    public async Task<bool> IsSpeakingAsync(Guid sessionId, Guid person, CancellationToken ct) =>
        (await TurnAsync(sessionId, person, ct)).Speaking;

    /// <summary>
    /// The learner's turn as of now: speaking (their hand was taken and the turn not ended), and whether a host allows
    /// their picture in this turn (the last `pictureAllowed` since their hand was taken; docs/adr/0299).
    /// </summary>
    public async Task<(bool Speaking, bool Picture)> TurnAsync(Guid sessionId, Guid person, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var stream = Streams.Id(sessionId);
        var events = await Streams.AllEvents(query, [typeof(HandLowered), typeof(PictureAllowed)]).Where(e => e.StreamId == stream).ToListAsync(ct);
        var calledOn = events.Where(e => e.Data is HandLowered { Reason: "CALLED_ON" } h && h.PersonId == person).Select(e => e.Version).DefaultIfEmpty(0).Max();
        if (calledOn == 0) return (false, false);
        var ended = await query.LoadAsync<MediaSpeakingEnded>(Key(sessionId, person), ct);
        if (ended is not null && ended.Version >= calledOn) return (false, false);
        var picture = events.Where(e => e.Version >= calledOn && e.Data is PictureAllowed p && p.PersonId == person)
            .OrderBy(e => e.Version).Select(e => ((PictureAllowed)e.Data).Allowed).LastOrDefault();
        return (true, picture);
    }

    /// <summary>A host ends a learner's turn: their token leaves the room's publishers and their publishing is kicked.</summary>
    public async Task<MediaSpeaking> EndAsync(Guid sessionId, Guid host, Guid person, CancellationToken ct)
    {
        var (room, me) = await ClassroomStore.ReadAsync(store, sessionId,
            async (sql, r) => (r, await ClassroomTables.FindAsync(sql, sessionId, host, ct)), ct);
        if (room is null) throw Errors.SessionNotFound();
        if (me is not { IsHost: true, Present: true }) throw VapeException.NotAllowed("Chỉ người dẫn lớp đang ở trong phòng mới kết thúc lượt phát biểu.");
        // Whether the class has media at all is the target's state: it comes after who asks (ADR 0072).
        if (!rooms.Options.Enabled) throw MediaErrors.MediaOff();
        await using var session = store.LightweightSession();
        session.Store(new MediaSpeakingEnded { Id = Key(sessionId, person), Version = room.Version });
        var media = await session.LoadAsync<MediaRoom>(sessionId, ct);
        var grants = await session.Query<MediaGrant>()
            .Where(g => g.SessionId == sessionId && g.PersonId == person && g.RevokedAt == null && g.Feed != 0 && !g.Host).ToListAsync(ct);
        if (media is { EndedAt: null })
            foreach (var g in grants)
            {
                var node = rooms.Node(media.Node);
                await janus.AllowAsync(node, media.Room, media.Secret, false, g.Id, ct);
                await janus.KickAsync(node, media.Room, media.Secret, g.Feed, ct);
                MediaPublisher.Forget(session, [g]);
                g.Feed = 0;
                session.Store(g);
            }
        await session.SaveChangesAsync(ct);
        if (grants.Count > 0 && media is { EndedAt: null }) await TellRoomAsync(sessionId, person, ct);
        return new MediaSpeaking(person, false);
    }

    /// <summary>The learner's publishing was kicked: every page of the room subscribes again (docs/adr/0268).</summary>
    private async Task TellRoomAsync(Guid sessionId, Guid person, CancellationToken ct)
    {
        var committed = await ClassroomStore.WriteAsync(store, sessionId, null, w =>
        {
            if (w.Room is { Ended: false }) w.Append(new MediaPublishersChanged(person, false, clock.Now));
            return Task.CompletedTask;
        }, ct);
        _ = broadcaster.SendAsync(committed);
    }
}

internal sealed class MediaSpeakingGraphType : ObjectGraphType<MediaSpeaking>
{
    public MediaSpeakingGraphType()
    {
        Name = "MediaSpeaking";
        Description = "Lượt phát biểu bằng tiếng (và hình) của một học viên trong buổi học.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field(x => x.Speaking).Description("Học viên còn được phát.");
    }
}

internal static class SpeakingFields
{
    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<MediaSpeakingGraphType>>("endClassMediaSpeaking")
            .Description("Người dẫn lớp kết thúc lượt phát biểu của học viên đã được mời nói (giơ tay): tiếng và hình của học viên ngừng phát.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<EndClassMediaSpeakingInput>>>("input")
            .ResolveAsync(async c =>
            {
                var host = c.User.PersonId() ?? throw VapeException.NotAuthenticated();
                var input = c.GetArgument<EndClassMediaSpeakingInput>("input");
                var services = c.RequestServices!;
                return await services.GetRequiredService<Speaking>().EndAsync(Ids.Parse(input.SessionId, "sessionId"), host,
                    Ids.Parse(input.PersonId, "personId"), c.CancellationToken);
            });
}
