using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>A reaction to the room (one of <see cref="Reactions"/>): a line of the room, as a chat line, but a muted learner may still react.</summary>
internal sealed record SendReaction(string Reaction, DateTimeOffset At) : IRoomAction
{
    public static readonly string[] Reactions = ["👍", "👏", "❤️", "😂", "😮", "🙋", "🎉"];

    /// <summary>The command, checked before the room is read.</summary>
    public static SendReaction Of(string? reaction, DateTimeOffset at) =>
        reaction is not null && Reactions.Contains(reaction) ? new(reaction, at) : throw VapeException.InvalidInput("Biểu cảm không hợp lệ.");

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) => [new ReactionSent(me.PersonId, Reaction, At)];
}
