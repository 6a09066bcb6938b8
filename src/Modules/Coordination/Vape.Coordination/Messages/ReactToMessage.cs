using Vape.BuildingBlocks.Storage;
using System.Globalization;
using System.Text.Json;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>A member adds (or takes back) a reaction, an emoji, to a message.</summary>
public sealed record ReactToMessage(Guid MessageId, string? Emoji, bool Add, Guid ActorId);

public static class ReactToMessageHandler
{
    public const int MaxKinds = 20;

    public static async Task<MessageView> Handle(ReactToMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct)
    {
        var emoji = (command.Emoji ?? "").Trim();
        if (emoji.Length == 0 || new StringInfo(emoji).LengthInTextElements > 2 || emoji.Length > 16 || emoji.Any(char.IsLetterOrDigit))
            throw VapeException.InvalidInput("Biểu tượng cảm xúc không hợp lệ.");
        var stream = new ChannelStream(new SessionSql(session));
        var (channel, _, message) = await stream.LockMessageAsync(command.MessageId, command.ActorId, ct);
        MessageRules.NotDeleted(message);

        var reactions = message.Reactions.ToDictionary(r => r.Emoji, r => r.PersonIds.ToList());
        var people = reactions.TryGetValue(emoji, out var list) ? list : reactions[emoji] = [];
        if (command.Add == people.Contains(command.ActorId)) return message;
        if (command.Add)
        {
            if (reactions.Count(r => r.Value.Count > 0) >= MaxKinds && people.Count == 0)
                throw VapeException.InvalidInput($"Mỗi tin nhắn có tối đa {MaxKinds} loại biểu tượng cảm xúc.");
            people.Add(command.ActorId);
        }
        else people.Remove(command.ActorId);

        var now = clock.GetUtcNow();
        var json = JsonSerializer.Serialize(reactions.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => r.Value));
        await stream.Sql.ExecuteAsync("update coordination.messages set reactions = @r::jsonb where id = @m", ct, ("r", json), ("m", message.Id));
        var change = await stream.ChangedAsync(channel.Id, EventKinds.Reacted, message.Id, command.ActorId, now, ct);
        pushes.AfterCommit(session, change);
        return change.Message;
    }
}
