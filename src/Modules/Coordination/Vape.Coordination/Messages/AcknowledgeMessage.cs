using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>
/// A member (a reader too) confirms they have seen an important or urgent message; the sender sees who did.
/// Confirming again changes nothing (the store keeps one row per person).
/// </summary>
public sealed record AcknowledgeMessage(Guid MessageId, Guid ActorId)
{
    internal IReadOnlyList<IMessageEvent> Decide(MessageView message, DateTimeOffset now)
    {
        if (message.Priority == Priorities.Normal) throw VapeException.InvalidInput("Tin nhắn thường không cần xác nhận; chỉ tin quan trọng hoặc khẩn.");
        ChannelDecider.NotDeleted(message);
        if (message.AuthorId == ActorId) throw VapeException.InvalidInput("Người gửi không cần xác nhận tin nhắn của mình.");
        return [new MessageAcknowledged(ActorId, now)];
    }
}

public static class AcknowledgeMessageHandler
{
    public static async Task<MessageView> Handle(AcknowledgeMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct) =>
        await ChannelStream.ActAsync(session, pushes, command.MessageId, command.ActorId, clock,
            (_, _, message, now) => Task.FromResult(command.Decide(message, now)), ct);
}
