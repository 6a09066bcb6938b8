using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>A member who may post pins a message to the channel (or unpins it).</summary>
public sealed record PinMessage(Guid MessageId, bool Pinned, Guid ActorId);

public static class PinMessageHandler
{
    public static async Task<MessageView> Handle(PinMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct)
    {
        var stream = new ChannelStream(new SessionSql(session));
        var (channel, role, message) = await stream.LockMessageAsync(command.MessageId, command.ActorId, ct);
        MessageRules.MayPost(channel, role);
        MessageRules.NotDeleted(message);
        if (message.Pinned == command.Pinned) return message;

        var now = clock.GetUtcNow();
        await stream.Sql.ExecuteAsync("update coordination.messages set pinned = @p where id = @m", ct, ("p", command.Pinned), ("m", message.Id));
        var change = await stream.ChangedAsync(channel.Id, command.Pinned ? EventKinds.Pinned : EventKinds.Unpinned, message.Id, command.ActorId, now, ct);
        pushes.AfterCommit(session, change);
        return change.Message;
    }
}
