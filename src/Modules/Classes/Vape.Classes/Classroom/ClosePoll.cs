namespace Vape.Classes.Classroom;

/// <summary>A host closes an open poll; its counts as they stand are the result.</summary>
internal sealed record ClosePoll(Guid PollId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        var poll = ClassroomDecider.OpenPoll(room, PollId);
        return [new PollClosed(poll.Id, poll.Counts, me.PersonId, At)];
    }
}
