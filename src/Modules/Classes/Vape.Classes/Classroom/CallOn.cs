using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>A host gives the floor to a learner whose hand is up: their hand comes down (CALLED_ON).</summary>
internal sealed record CallOn(Guid PersonId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (!room.Hands.Contains(PersonId)) throw VapeException.InvalidInput("Người này không giơ tay.");
        return [new HandLowered(PersonId, "CALLED_ON", me.PersonId, At)];
    }
}
