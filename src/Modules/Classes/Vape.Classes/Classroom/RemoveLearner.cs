namespace Vape.Classes.Classroom;

/// <summary>A host removes a learner: their devices leave the room, and they cannot join again unless allowed back.</summary>
internal sealed record RemoveLearner(Guid PersonId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public RoomReads Reads => new(Person: PersonId);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) =>
        ClassroomDecider.Learner(state.Person).Removed ? [] : [new ParticipantRemoved(PersonId, me.PersonId, At)];
}
