using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>A host lets a removed person join again.</summary>
internal sealed record AllowBack(Guid PersonId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public RoomReads Reads => new(Person: PersonId);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (state.Person?.Removed != true) throw VapeException.InvalidInput("Người này không bị mời ra.");
        return [new RemovalLifted(PersonId, me.PersonId, At)];
    }
}
