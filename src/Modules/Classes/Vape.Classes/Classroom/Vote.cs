using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>Vote in an open poll, once: one option (or several, each once, in a poll of several choices).</summary>
internal sealed record Vote(Guid PollId, int[]? Choices, DateTimeOffset At) : IRoomAction
{
    public RoomReads Reads => new(Poll: PollId);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        var poll = ClassroomDecider.OpenPoll(room, PollId);
        if (state.Voted) throw new VapeException(ClassroomErrors.AlreadyVoted, "Bạn đã bình chọn rồi.");
        var choices = Choices ?? [];
        var picked = choices.Distinct().ToArray();
        if (picked.Length == 0 || picked.Length != choices.Length || picked.Any(i => i < 0 || i >= poll.Options.Length) || (!poll.Multiple && picked.Length > 1))
            throw VapeException.InvalidInput(poll.Multiple ? "Hãy chọn một hoặc nhiều lựa chọn có trong danh sách." : "Hãy chọn đúng một lựa chọn có trong danh sách.");
        var counts = poll.Counts.ToArray();
        foreach (var i in picked) counts[i]++;
        return [new PollVoted(poll.Id, me.PersonId, picked, counts, At)];
    }
}
