using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>The author, or a moderator of the channel, deletes a message: a tombstone stays in its place.</summary>
public sealed record DeleteMessage(Guid MessageId, Guid ActorId)
{
    internal IReadOnlyList<IMessageEvent> Decide(string role, MessageView message, DateTimeOffset now)
    {
        if (message.AuthorId != ActorId && role != MemberRoles.Moderator)
            throw VapeException.NotAllowed("Chỉ người viết hoặc người điều hành kênh được xóa tin nhắn.");
        return message.Deleted ? [] : [new MessageDeleted(now)];
    }
}

public static class DeleteMessageHandler
{
    public static async Task<MessageView> Handle(DeleteMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct) =>
        await ChannelStream.ActAsync(session, pushes, command.MessageId, command.ActorId, clock,
            (_, role, message, now) => Task.FromResult(command.Decide(role, message, now)), ct);
}
