using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>A member confirms they have seen an important or urgent message; the sender sees who did.</summary>
public sealed record AcknowledgeMessage(Guid MessageId, Guid ActorId);

public static class AcknowledgeMessageHandler
{
    public static async Task<MessageView> Handle(AcknowledgeMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct)
    {
        var stream = new ChannelStream(new SessionSql(session));
        var (channel, _, message) = await stream.LockMessageAsync(command.MessageId, command.ActorId, ct);
        if (message.Priority == Priorities.Normal) throw VapeException.InvalidInput("Tin nhắn thường không cần xác nhận; chỉ tin quan trọng hoặc khẩn.");
        MessageRules.NotDeleted(message);
        if (message.AuthorId == command.ActorId) throw VapeException.InvalidInput("Người gửi không cần xác nhận tin nhắn của mình.");

        var now = clock.GetUtcNow();
        var added = await stream.Sql.ExecuteAsync("""
            insert into coordination.acknowledgements (message_id, person_id, at) values (@m, @p, @at) on conflict do nothing
            """, ct, ("m", message.Id), ("p", command.ActorId), ("at", now));
        if (added == 0) return message;
        await stream.Sql.ExecuteAsync("update coordination.messages set ack_count = ack_count + 1 where id = @m", ct, ("m", message.Id));
        var change = await stream.ChangedAsync(channel.Id, EventKinds.Acknowledged, message.Id, command.ActorId, now, ct);
        pushes.AfterCommit(session, change);
        return change.Message;
    }
}
