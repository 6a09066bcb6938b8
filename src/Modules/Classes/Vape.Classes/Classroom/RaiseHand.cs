namespace Vape.Classes.Classroom;

/// <summary>A learner (or a host) raises their hand; raising it again changes nothing.</summary>
internal sealed record RaiseHand(DateTimeOffset At) : IRoomAction
{
    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (!room.Hands.Contains(me.PersonId)) yield return new HandRaised(me.PersonId, At);
    }
}
