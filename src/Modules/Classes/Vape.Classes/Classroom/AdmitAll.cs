namespace Vape.Classes.Classroom;

/// <summary>A host lets everyone waiting in the lobby in; an empty lobby changes nothing.</summary>
internal sealed record AdmitAll(DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public RoomReads Reads => new(Lobby: true);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) =>
        state.Waiting.Count > 0 ? [new LearnersAdmitted([.. state.Waiting], me.PersonId, At)] : [];
}
