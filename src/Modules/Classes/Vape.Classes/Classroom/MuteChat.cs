namespace Vape.Classes.Classroom;

/// <summary>A host mutes (or unmutes) one learner's chat, or (no `PersonId`) every learner's; what is already so changes nothing.</summary>
internal sealed record MuteChat(Guid? PersonId, bool Muted, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public RoomReads Reads => new(Person: PersonId);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (PersonId is Guid target)
            return ClassroomDecider.Learner(state.Person).Muted != Muted ? [new ChatMuted(target, Muted, me.PersonId, At)] : [];
        return room.AllMuted != Muted ? [new ChatMuted(null, Muted, me.PersonId, At)] : [];
    }
}
