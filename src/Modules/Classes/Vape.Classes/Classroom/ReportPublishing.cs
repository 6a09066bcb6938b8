using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// A page started or stopped publishing on Janus and tells the room (docs/adr/0268). Only a host, or a learner whose
/// turn to speak it is (`Speaking`, read from the stream by the hub), may: anyone else would make every page of the
/// room ask Janus again for nothing.
/// </summary>
internal sealed record ReportPublishing(bool Publishing, bool Speaking, DateTimeOffset At) : IRoomAction
{
    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (!me.IsHost && !Speaking)
            throw VapeException.NotAllowed("Chỉ người dẫn lớp hoặc học viên đang được mời phát biểu mới phát tiếng, hình trong lớp.");
        return [new MediaPublishersChanged(me.PersonId, Publishing, At)];
    }
}
