using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>
/// A chat line to the room, under the sender's name as the room knows them (their participant row). A learner
/// muted, or every learner when the room's chat is muted (<see cref="Classroom.AllMuted"/>), is refused (MUTED);
/// hosts are never muted. `MessageId` may be the client's (docs/adr/0111): the same id again from the same person is
/// a retry, which changes nothing (the caller gets the version it was written at); from someone else it is refused.
/// </summary>
internal sealed record SendChat(Guid MessageId, string Text, DateTimeOffset At) : IRoomAction
{
    public const int Max = 2000;

    /// <summary>The command, its text checked before the room is read.</summary>
    public static SendChat Of(Guid messageId, string? text, DateTimeOffset at) =>
        messageId == Guid.Empty ? throw VapeException.InvalidInput("Mã tin nhắn không hợp lệ.") : new(messageId, ClassroomDecider.Text(text, Max, "Tin nhắn"), at);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (state.Written is { } written)
            return written.By == me.PersonId ? [] : throw VapeException.InvalidInput("Mã tin nhắn này đã được dùng; hãy gửi với mã khác.");
        if (me.Muted || (room.AllMuted && me.Role == ClassroomRole.Learner)) throw ClassroomErrors.Refusal(ClassroomErrors.Muted);
        return [new ChatPosted(MessageId, me.PersonId, me.Name, Text, At)];
    }
}
