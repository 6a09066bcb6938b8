using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// The caller's client tells the room that Janus confirmed (`On`) or ended (`!On`) its publishing under `Feed`
/// (docs/adr/0194): the room hears `mediaPublisher` and subscribes, instead of every learner polling Janus. Only a
/// feed of the caller's own live publisher grant may be announced; announcing what the room already knows changes nothing.
/// </summary>
internal sealed record AnnounceMedia(int Feed, bool On, DateTimeOffset At) : IRoomAction
{
    public RoomReads Reads => new(Feeds: true);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (Feed <= 0) throw VapeException.InvalidInput("Số hiệu luồng phát không hợp lệ.");
        var known = room.Publishers.Any(p => p.Feed == Feed && p.PersonId == me.PersonId);
        if (!On) return known ? [new MediaPublisher(me.PersonId, Feed, false, At)] : [];
        if (!state.Feeds.Contains(Feed)) throw VapeException.NotAllowed("Bạn không được phát âm thanh và hình ảnh với luồng này.");
        return known ? [] : [new MediaPublisher(me.PersonId, Feed, true, At)];
    }

    /// <summary>A host ended `person`'s turn to speak: each feed the room knows them publishing under is off.</summary>
    public static IEnumerable<IClassroomEvent> Ended(Classroom room, Guid person, DateTimeOffset at) =>
        room.Ended ? [] : room.Publishers.Where(p => p.PersonId == person).Select(p => new MediaPublisher(person, p.Feed, false, at)).ToList();
}
