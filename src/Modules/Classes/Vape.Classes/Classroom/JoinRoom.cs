using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// A person enters a session's room, as its `Role` in the class (who may come at all, the class's audience and
/// enrolment, is the catalogue's, checked before). A host's first join opens the room; a learner cannot open it.
/// A removed person stays out; a learner not yet admitted finds a locked room closed, and waits in the lobby of a
/// class that has one (<see cref="LearnerWaiting"/>). Someone already present (another device) changes nothing.
/// </summary>
internal sealed record JoinRoom(Guid SessionId, Guid ClassId, Guid PersonId, ClassroomRole Role, string Name, bool ClassHasLobby, DateTimeOffset At)
{
    /// <summary>The room's first event, when the room is not open yet: only a host opens it.</summary>
    public ClassroomOpened Open(Classroom? room) =>
        room is not null ? throw new InvalidOperationException("The room is open.")
        : Role == ClassroomRole.Learner ? throw ClassroomErrors.Refusal(ClassroomErrors.NotOpen)
        : new ClassroomOpened(SessionId, ClassId, PersonId, At);

    /// <summary>The events of the join, and whether the person waits in the lobby rather than coming in.</summary>
    public (IReadOnlyList<IClassroomEvent> Events, bool Waiting) Decide(Classroom room, Participant? me)
    {
        if (room.Ended) throw ClassroomErrors.Refusal(ClassroomErrors.Ended);
        if (me?.Removed == true) throw ClassroomErrors.Refusal(ClassroomErrors.Removed);
        if (Role == ClassroomRole.Learner && me?.Admitted != true)
        {
            if (room.Locked) throw new VapeException(ClassroomErrors.Locked, "Phòng học đã khóa; không vào thêm được.");
            if (ClassHasLobby) return (me?.InLobby == true ? [] : [new LearnerWaiting(PersonId, Name, At)], true);
        }
        return (me?.Present == true ? [] : [new ParticipantJoined(PersonId, Role, Name, At)], false);
    }
}
