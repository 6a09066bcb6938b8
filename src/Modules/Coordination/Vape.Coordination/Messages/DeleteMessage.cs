using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>The author, or a moderator of the channel, deletes a message: a tombstone stays in its place.</summary>
public sealed record DeleteMessage(Guid MessageId, Guid ActorId);

public static class DeleteMessageHandler
{
    public static async Task<MessageView> Handle(DeleteMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct)
    {
        var stream = new ChannelStream(new SessionSql(session));
        var (channel, role, message) = await stream.LockMessageAsync(command.MessageId, command.ActorId, ct);
        if (message.AuthorId != command.ActorId && role != MemberRoles.Moderator)
            throw VapeException.NotAllowed("Chỉ người viết hoặc người điều hành kênh được xóa tin nhắn.");
        if (message.Deleted) return message;

        var now = clock.GetUtcNow();
        await stream.Sql.ExecuteAsync("""
            update coordination.messages set body = null, mentions = '{}', mentions_channel = false, reactions = '{}', attachments = '[]', pinned = false, deleted_at = @at
             where id = @m
            """, ct, ("at", now), ("m", message.Id));
        var change = await stream.ChangedAsync(channel.Id, EventKinds.Deleted, message.Id, command.ActorId, now, ct);
        pushes.AfterCommit(session, change);
        return change.Message;
    }
}
