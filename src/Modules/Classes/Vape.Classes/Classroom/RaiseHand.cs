namespace Vape.Classes.Classroom;

/// <summary>
/// What happens when a learner (or a host) raises a hand, the whole answer:
/// <list type="number">
/// <item>the hub's <c>RaiseHand()</c> makes this command with the time (<see cref="ClassroomHub"/>);</item>
/// <item>the rule every action obeys first (<see cref="ClassroomDecider.Acting"/>): the room is open (else CLASS_NOT_STARTED),
/// not ended (CLASS_ENDED), the caller not removed (REMOVED) and present (NOT_IN_ROOM); nothing is written on a refusal;</item>
/// <item><see cref="Decide"/> below: <see cref="HandRaised"/>, or nothing when the hand is already up;</item>
/// <item>the event is appended to the room's stream under its lock and folded into the room's hands
/// (<see cref="Classroom.Apply"/>); after the commit the room hears it in order (<c>classroomEvent</c>,
/// <see cref="ClassroomBroadcaster"/>) and the caller gets the room's new version;</item>
/// <item>the hand comes down when its owner (or a host) lowers it (<see cref="LowerHand"/>) or a host calls on them (<see cref="CallOn"/>).</item>
/// </list>
/// </summary>
internal sealed record RaiseHand(DateTimeOffset At) : IRoomAction
{
    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (!room.Hands.Contains(me.PersonId)) yield return new HandRaised(me.PersonId, At);
    }
}
