using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>A host asks the room a question with 2 to 10 options (one choice, or several when `Multiple`).</summary>
internal sealed record OpenPoll(Guid PollId, string? Question, string[]? Options, bool Multiple, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        var q = ClassroomDecider.Text(Question, 300, "Câu hỏi thăm dò");
        if (Options is null || Options.Length is < 2 or > 10) throw VapeException.InvalidInput("Cuộc thăm dò có từ 2 đến 10 lựa chọn.");
        var texts = Options.Select(o => ClassroomDecider.Text(o, 200, "Lựa chọn")).ToArray();
        return [new PollOpened(PollId, q, texts, Multiple, me.PersonId, At)];
    }
}
