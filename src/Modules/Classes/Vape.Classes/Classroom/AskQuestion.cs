using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// Anyone in the room asks a question for the Q&amp;A (1..500 characters). `QuestionId` may be the client's
/// (docs/adr/0111): the same id again from the same person is a retry and changes nothing; from someone else it is refused.
/// </summary>
internal sealed record AskQuestion(Guid QuestionId, string? Text, DateTimeOffset At) : IRoomAction
{
    public const int Max = 500;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (QuestionId == Guid.Empty) throw VapeException.InvalidInput("Mã câu hỏi không hợp lệ.");
        if (room.Questions.TryGetValue(QuestionId, out var asked))
            return asked.PersonId == me.PersonId ? [] : throw VapeException.InvalidInput("Mã câu hỏi này đã được dùng; hãy gửi với mã khác.");
        return [new QuestionAsked(QuestionId, me.PersonId, me.Name, ClassroomDecider.Text(Text, Max, "Câu hỏi"), At)];
    }
}
