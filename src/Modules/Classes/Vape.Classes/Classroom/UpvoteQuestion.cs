using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>Vote for someone else's open question, once.</summary>
internal sealed record UpvoteQuestion(Guid QuestionId, DateTimeOffset At) : IRoomAction
{
    public RoomReads Reads => new(Question: QuestionId);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        var q = ClassroomDecider.OpenQuestion(room, QuestionId);
        if (q.PersonId == me.PersonId) throw VapeException.InvalidInput("Không thể tự bình chọn câu hỏi của mình.");
        if (state.Voted) throw new VapeException(ClassroomErrors.AlreadyVoted, "Bạn đã bình chọn câu hỏi này.");
        return [new QuestionUpvoted(q.Id, me.PersonId, q.Votes + 1, At)];
    }
}
