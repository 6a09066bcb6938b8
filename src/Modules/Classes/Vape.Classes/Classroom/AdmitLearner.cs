using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>A host lets one learner in from the lobby.</summary>
internal sealed record AdmitLearner(Guid PersonId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public RoomReads Reads => new(Person: PersonId);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (state.Person is not { InLobby: true }) throw VapeException.InvalidInput("Người này không ở phòng chờ.");
        return [new LearnersAdmitted([PersonId], me.PersonId, At)];
    }
}
