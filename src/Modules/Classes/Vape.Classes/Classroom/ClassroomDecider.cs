using System.Text;
using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// An action in a room, one file per action (<see cref="RaiseHand"/>, <see cref="SendChat"/>, ...): the command with
/// what it carries (its time and new ids are chosen by the caller, so that deciding is pure), its validation, and
/// `Decide`: the events it appends, or a refusal (a <see cref="VapeException"/> with its code), from the room's state
/// alone (docs/adr/0110). <see cref="ClassroomDecider.Decide"/> checks the rule every action obeys first.
/// </summary>
internal interface IRoomAction
{
    /// <summary>Only a host or co-host may do it.</summary>
    bool HostOnly => false;

    /// <summary>The rows beyond the actor's that the decision reads (read by the adapter under the room's lock).</summary>
    RoomReads Reads => default;

    /// <summary>The events of the action, in order, by `me` (in the room, a host when it must be); none when it changes nothing.</summary>
    IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state);
}

/// <summary>What an action reads besides the room and its actor: one person's row, whether the actor already voted in a poll or for a question, the lobby.</summary>
internal readonly record struct RoomReads(Guid? Person = null, Guid? Poll = null, Guid? Question = null, bool Lobby = false);

/// <summary>
/// The state a decision sees: the room (folded from its events, <see cref="Classroom.Apply"/>; null before it opens),
/// the actor's row of `classes.participants` (null when they never came), and what the action's <see cref="RoomReads"/> asked for.
/// </summary>
internal sealed record RoomState(Classroom? Room, Participant? Me)
{
    /// <summary>The row of <see cref="RoomReads.Person"/>, if that person ever came.</summary>
    public Participant? Person { get; init; }

    /// <summary>The actor already voted in <see cref="RoomReads.Poll"/>, or for <see cref="RoomReads.Question"/>.</summary>
    public bool Voted { get; init; }

    /// <summary>The learners waiting in the lobby, first come first (<see cref="RoomReads.Lobby"/>).</summary>
    public IReadOnlyList<Guid> Waiting { get; init; } = [];

    /// <summary>The command's client-chosen id is already in the room: the version it was written at, and by whom (a retry).</summary>
    public (long Version, Guid By)? Written { get; init; }
}

/// <summary>The rules every action in a room shares, written once.</summary>
internal static class ClassroomDecider
{
    /// <summary>The action's events, after the rule of <see cref="Acting"/>.</summary>
    public static IReadOnlyList<IClassroomEvent> Decide(IRoomAction action, RoomState state)
    {
        var me = Acting(state.Room, state.Me, action.HostOnly);
        return [.. action.Decide(state.Room!, me, state)];
    }

    /// <summary>
    /// Who may act in a room: it is open (CLASS_NOT_STARTED) and not ended (CLASS_ENDED); the actor was not removed
    /// (REMOVED) and is present (NOT_IN_ROOM); a host when the action is the hosts' (NOT_ALLOWED). In this order.
    /// </summary>
    public static Participant Acting(Classroom? room, Participant? me, bool hostOnly)
    {
        if (room is null) throw ClassroomErrors.Refusal(ClassroomErrors.NotOpen);
        if (room.Ended) throw ClassroomErrors.Refusal(ClassroomErrors.Ended);
        if (me?.Removed == true) throw ClassroomErrors.Refusal(ClassroomErrors.Removed);
        if (me is not { Present: true }) throw ClassroomErrors.Refusal(ClassroomErrors.NotInRoom);
        if (hostOnly && !me.IsHost) throw HostOnly();
        return me;
    }

    public static VapeException HostOnly() => VapeException.NotAllowed("Chỉ người dẫn lớp được làm việc này.");

    /// <summary>A question of the room still open (NOT_FOUND, or INVALID_INPUT when answered or dismissed).</summary>
    public static Question OpenQuestion(Classroom room, Guid questionId)
    {
        var q = room.Questions.GetValueOrDefault(questionId) ?? throw VapeException.NotFound("Không có câu hỏi này.");
        if (q.Status != "OPEN") throw VapeException.InvalidInput("Câu hỏi đã được trả lời hoặc bỏ qua.");
        return q;
    }

    /// <summary>A poll of the room still open (NOT_FOUND, POLL_CLOSED).</summary>
    public static Poll OpenPoll(Classroom room, Guid pollId)
    {
        var poll = room.Polls.GetValueOrDefault(pollId) ?? throw VapeException.NotFound("Không có cuộc thăm dò này.");
        if (!poll.Open) throw new VapeException(ClassroomErrors.PollClosed, "Cuộc thăm dò đã đóng.");
        return poll;
    }

    /// <summary>A learner of the room (a row with the learner's role), else INVALID_INPUT.</summary>
    public static Participant Learner(Participant? person) =>
        person is { Role: ClassroomRole.Learner } p ? p : throw VapeException.InvalidInput("Không có học viên này trong lớp.");

    /// <summary>Text as written (NFC), 1..max characters; stored and sent as text, never interpreted as HTML.</summary>
    public static string Text(string? value, int max, string what)
    {
        var text = (value ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (text.Length == 0) throw VapeException.InvalidInput($"{what} không được để trống.");
        if (text.Length > max) throw VapeException.InvalidInput($"{what} dài tối đa {max} ký tự.");
        return text;
    }
}
