using System.Globalization;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>A member (a reader too) adds (or takes back) a reaction, an emoji, to a message.</summary>
public sealed record ReactToMessage(Guid MessageId, string? Emoji, bool Add, Guid ActorId)
{
    public const int MaxKinds = 20;

    /// <summary>The emoji as kept (trimmed), or INVALID_INPUT: one or two symbols, no letters or digits.</summary>
    public string CheckedEmoji()
    {
        var emoji = (Emoji ?? "").Trim();
        if (emoji.Length == 0 || new StringInfo(emoji).LengthInTextElements > 2 || emoji.Length > 16 || emoji.Any(char.IsLetterOrDigit))
            throw VapeException.InvalidInput("Biểu tượng cảm xúc không hợp lệ.");
        return emoji;
    }

    internal IReadOnlyList<IMessageEvent> Decide(MessageView message)
    {
        var emoji = CheckedEmoji();
        ChannelDecider.NotDeleted(message);
        var people = message.Reactions.FirstOrDefault(r => r.Emoji == emoji)?.PersonIds ?? [];
        if (Add == people.Contains(ActorId)) return [];
        if (Add && people.Count == 0 && message.Reactions.Count(r => r.Count > 0) >= MaxKinds)
            throw VapeException.InvalidInput($"Mỗi tin nhắn có tối đa {MaxKinds} loại biểu tượng cảm xúc.");
        return [new MessageReacted(emoji, ActorId, Add)];
    }
}

public static class ReactToMessageHandler
{
    public static async Task<MessageView> Handle(ReactToMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct)
    {
        command.CheckedEmoji();
        return await ChannelStream.ActAsync(session, pushes, command.MessageId, command.ActorId, clock,
            (_, _, message, _) => Task.FromResult(command.Decide(message)), ct);
    }
}
