namespace Vape.Classes.Classroom;

/// <summary>A host marks an open question answered.</summary>
internal sealed record AnswerQuestion(Guid QuestionId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) =>
        [new QuestionClosed(ClassroomDecider.OpenQuestion(room, QuestionId).Id, "ANSWERED", me.PersonId, At)];
}
