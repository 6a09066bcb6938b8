using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>The author changes the text of their message; it shows as edited. The same text again changes nothing.</summary>
public sealed record EditMessage(Guid MessageId, string? Body, Guid ActorId)
{
    internal IReadOnlyList<IMessageEvent> Decide(Channel channel, string role, MessageView message, DateTimeOffset now)
    {
        if (message.AuthorId != ActorId) throw VapeException.NotAllowed("Chỉ người viết được sửa tin nhắn.");
        ChannelDecider.MayWrite(channel, role);
        ChannelDecider.NotDeleted(message);
        var body = MessageRules.Body(Body);
        return body == message.Body ? [] : [new MessageEdited(body, now)];
    }
}

public static class EditMessageHandler
{
    public static async Task<MessageView> Handle(EditMessage command, IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct) =>
        await ChannelStream.ActAsync(session, pushes, command.MessageId, command.ActorId, clock,
            (channel, role, message, now) => Task.FromResult(command.Decide(channel, role, message, now)), ct);
}
