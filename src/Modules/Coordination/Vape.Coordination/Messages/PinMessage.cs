using Marten;
using Vape.Coordination.Channels;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>A member who may post pins a message to the channel (or unpins it). Pinning a pinned message changes nothing.</summary>
public sealed record PinMessage(Guid MessageId, bool Pinned, Guid ActorId)
{
    internal IReadOnlyList<IMessageEvent> Decide(Channel channel, string role, MessageView message)
    {
        ChannelDecider.MayWrite(channel, role);
        ChannelDecider.NotDeleted(message);
        return message.Pinned == Pinned ? [] : [new MessagePinned(Pinned)];
    }
}

public static class PinMessageHandler
{
    public static async Task<MessageView> Handle(PinMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct) =>
        await ChannelStream.ActAsync(session, pushes, command.MessageId, command.ActorId, clock,
            (channel, role, message, _) => Task.FromResult(command.Decide(channel, role, message)), ct);
}
