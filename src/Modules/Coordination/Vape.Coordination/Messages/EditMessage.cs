using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>The author changes the text of their message; it shows as edited.</summary>
public sealed record EditMessage(Guid MessageId, string? Body, Guid ActorId);

public static class EditMessageHandler
{
    public static async Task<MessageView> Handle(EditMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct)
    {
        var stream = new ChannelStream(new SessionSql(session));
        var (channel, role, message) = await stream.LockMessageAsync(command.MessageId, command.ActorId, ct);
        if (message.AuthorId != command.ActorId) throw VapeException.NotAllowed("Chỉ người viết được sửa tin nhắn.");
        MessageRules.MayPost(channel, role);
        MessageRules.NotDeleted(message);
        var body = MessageRules.Body(command.Body);
        if (body == message.Body) return message;

        var now = clock.GetUtcNow();
        await stream.Sql.ExecuteAsync("update coordination.messages set body = @b, edited_at = @at where id = @m", ct,
            ("b", body), ("at", now), ("m", message.Id));
        var change = await stream.ChangedAsync(channel.Id, EventKinds.Edited, message.Id, command.ActorId, now, ct);
        pushes.AfterCommit(session, change);
        return change.Message;
    }
}
