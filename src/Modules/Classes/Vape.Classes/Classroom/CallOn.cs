using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// A host gives the floor to a learner whose hand is up: their hand comes down (CALLED_ON); with `Picture`, the
/// learner may publish their camera as well as their voice (docs/adr/0299).
/// </summary>
internal sealed record CallOn(Guid PersonId, DateTimeOffset At, bool Picture = false) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (!room.Hands.Contains(PersonId)) throw VapeException.InvalidInput("Người này không giơ tay.");
        IClassroomEvent called = new HandLowered(PersonId, "CALLED_ON", me.PersonId, At);
        return Picture ? [called, new PictureAllowed(PersonId, true, me.PersonId, At)] : [called];
    }
}
