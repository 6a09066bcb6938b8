namespace Vape.Classes.Classroom;

/// <summary>A host sets an open question aside.</summary>
internal sealed record DismissQuestion(Guid QuestionId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) =>
        [new QuestionClosed(ClassroomDecider.OpenQuestion(room, QuestionId).Id, "DISMISSED", me.PersonId, At)];
}
