using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// During a learner's turn to speak, a host allows (or withdraws) their picture; their voice goes on. `Speaking` is
/// whether that learner's turn lasts, read by the hub from the stream as `joinClassMedia` does (docs/adr/0299).
/// </summary>
internal sealed record AllowPicture(Guid PersonId, bool Allowed, bool Speaking, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (!Speaking) throw VapeException.InvalidInput("Học viên này không đang được mời phát biểu.");
        return [new PictureAllowed(PersonId, Allowed, me.PersonId, At)];
    }
}
