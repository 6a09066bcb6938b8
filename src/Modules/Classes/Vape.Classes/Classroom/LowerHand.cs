namespace Vape.Classes.Classroom;

/// <summary>Lower your own hand (`PersonId` null or yours), or (a host) anyone's; a hand already down changes nothing.</summary>
internal sealed record LowerHand(Guid? PersonId, DateTimeOffset At) : IRoomAction
{
    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        var whose = PersonId ?? me.PersonId;
        if (whose != me.PersonId && !me.IsHost) throw ClassroomDecider.HostOnly();
        return room.Hands.Contains(whose) ? [new HandLowered(whose, "LOWERED", me.PersonId, At)] : [];
    }
}
