namespace Vape.Classes.Classroom;

/// <summary>
/// A relay room's host sends a learner's open question up to the parent class's Q&amp;A: in the relay room the
/// question is closed (FORWARDED); in the parent room (<see cref="Receive"/>) it is asked again under the learner's
/// name, with the relay room's id and name as fields of their own (ADR 0157), unless that room has ended meanwhile.
/// </summary>
internal sealed record ForwardQuestion(Guid QuestionId, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) =>
        [new QuestionClosed(ClassroomDecider.OpenQuestion(room, QuestionId).Id, "FORWARDED", me.PersonId, At)];

    /// <summary>The parent room's side: the question `forwarded` from the relay room `relaySessionId` named `relayName`.</summary>
    public static IEnumerable<IClassroomEvent> Receive(Classroom parent, Question forwarded, Guid relaySessionId, string relayName, Guid questionId, DateTimeOffset at) =>
        parent.Ended ? [] : [new QuestionAsked(questionId, forwarded.PersonId, forwarded.Name, forwarded.Text, at, relaySessionId, relayName)];
}
