using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Coordination.Channels;
using Wolverine;

namespace Vape.Coordination.Messages;

/// <summary>
/// Posting a message (docs/adr/0305). C# decides every rule (<see cref="PostStatement.Decide"/>); one statement,
/// `coordination.append_posts` (Sql/0006), locks the channel, checks that what the decision read has not moved, and
/// appends. An ordinary message (NORMAL) is written by the channel's writer on this host (<see cref="ChannelWrites"/>,
/// docs/adr/0171), alone or with the other posts to the channel that arrived meanwhile, and pushed straight after the
/// commit. An IMPORTANT or URGENT one also schedules reminders, and it and one that mentions members tell the
/// Notifications module (docs/adr/0209), which must commit with it: it goes through Wolverine
/// (<see cref="PostMessageHandler"/>), decided and appended under the channel's lock inside the handler's transaction.
/// </summary>
public sealed class Posting(ChannelWrites writes, IMessageBus bus, IFileStore files, TimeProvider clock)
{
    public async Task<MessageView> PostAsync(PostMessage command, CancellationToken ct)
    {
        // The priority and mentions decide the way: those commit with what they tell the Notifications module (docs/adr/0209).
        if (PostStatement.PriorityOf(command) != Priorities.Normal || (command.Mentions?.Any(m => m != command.ActorId) ?? false))
            return await bus.InvokeAsync<MessageView>(command, ct);

        // Written (with whatever else is being posted to the channel on this host), committed and queued for the members.
        return await writes.PostAsync(await PostStatement.PrepareAsync(command, files, clock, ct));
    }
}

/// <summary>
/// What a post is decided on: the channel (null: there is none), the roles of the people it names (null: not a
/// member) and the messages it names (its own id when stored already, its parent), as read under the channel's lock,
/// or as the channel's writer keeps them as of the channel's versions.
/// </summary>
internal sealed record PostState(Channel? Channel, Func<Guid, string?> RoleOf, Func<Guid, MessageView?> MessageOf);

/// <summary>A post checked as far as it can be without the channel (<see cref="PostMessage.Check"/>, its files), to be decided under the channel's versions.</summary>
internal sealed record PostStatement(PostMessage Command, string Body, string Priority, Guid[] Mentions, IReadOnlyList<AttachmentView> Attachments,
    DateTimeOffset At)
{
    public static async Task<PostStatement> PrepareAsync(PostMessage command, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var (body, priority, fileIds) = command.Check();
        // Files are looked up before the channel is locked (another connection, and no transaction is open yet).
        var attachments = new List<AttachmentView>();
        foreach (var fileId in fileIds)
        {
            // Only one's own uploads: a file id seen elsewhere gives no access to that file.
            var file = await files.FindAsync(fileId, ct);
            if (file is null || file.OwnerId != command.ActorId) throw VapeException.NotFound("Không tìm thấy tệp đính kèm (hãy tải tệp lên trước).");
            attachments.Add(new AttachmentView(file.Id, file.Name, file.ContentType, file.Length));
        }
        return new PostStatement(command, body, priority, [.. (command.Mentions ?? []).Distinct()], attachments, clock.GetUtcNow());
    }

    /// <summary>The priority as given, normalised (not yet checked).</summary>
    public static string PriorityOf(PostMessage command) => command.NormalPriority;

    /// <summary>The people whose roles the decision reads: the author and the members mentioned.</summary>
    public IEnumerable<Guid> People => Mentions.Prepend(Command.ActorId);

    /// <summary>
    /// The post decided, in this order: the channel exists, the author is a member, a stored message of the same id is
    /// a resend (none: nothing changes) unless it is someone else's or another channel's, the channel is not archived,
    /// the author is not a reader, the message replied to is in the channel and not deleted (a reply to a reply joins
    /// the same thread), and everyone mentioned is a member.
    /// </summary>
    public IReadOnlyList<IMessageEvent> Decide(PostState state)
    {
        var channel = state.Channel ?? throw VapeException.NotFound("Không tìm thấy kênh.");
        var role = state.RoleOf(Command.ActorId) ?? throw VapeException.NotAllowed("Bạn không phải thành viên của kênh này.");
        if (state.MessageOf(Command.MessageId) is { } stored)
            return stored.ChannelId == channel.Id && stored.AuthorId == Command.ActorId
                ? []
                : throw VapeException.InvalidInput("Mã tin nhắn này đã được dùng cho tin nhắn khác.");
        ChannelDecider.MayWrite(channel, ChannelDecider.Acting(channel, role));
        Guid? root = null;
        if (Command.ThreadRootId is Guid parentId)
        {
            var parent = state.MessageOf(parentId);
            if (parent is null || parent.ChannelId != channel.Id) throw VapeException.NotFound("Không tìm thấy tin nhắn được trả lời trong kênh này.");
            ChannelDecider.NotDeleted(parent);
            root = parent.ThreadRootId ?? parentId;
        }
        if (Mentions.Any(m => state.RoleOf(m) is null)) throw VapeException.InvalidInput("Chỉ được nhắc (@) thành viên của kênh.");
        return [new MessagePosted(Command.MessageId, Command.ActorId, root, Body, Priority, Mentions, Command.MentionsChannel, Attachments, At)];
    }

    /// <summary>What the channel's members hear of the post once it is committed.</summary>
    public ChannelEvent Posted(MessageView message) => new(message.ChannelId, message.PostedVersion, EventKinds.Posted, Command.ActorId, At, message);
}
