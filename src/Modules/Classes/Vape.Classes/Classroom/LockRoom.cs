namespace Vape.Classes.Classroom;

/// <summary>A host locks the room (no learner not yet admitted comes in) or unlocks it; what is already so changes nothing.</summary>
internal sealed record LockRoom(bool Locked, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) =>
        room.Locked != Locked ? [new RoomLocked(Locked, me.PersonId, At)] : [];
}
