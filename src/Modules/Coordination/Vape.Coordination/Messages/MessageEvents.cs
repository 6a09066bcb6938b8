using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;

namespace Vape.Coordination.Messages;

/// <summary>What an action did to a message (decided by the action's file: <see cref="EditMessage"/>, <see cref="DeleteMessage"/>, ...).</summary>
internal interface IMessageEvent
{
    /// <summary>The kind of the channel stream's row it makes (<see cref="EventKinds"/>).</summary>
    string Kind { get; }
}

/// <summary>A new message, as <see cref="PostStatement.Decide"/> decided it: `ThreadRootId` is its thread's first message.</summary>
internal sealed record MessagePosted(Guid MessageId, Guid AuthorId, Guid? ThreadRootId, string Body, string Priority, IReadOnlyList<Guid> Mentions,
    bool MentionsChannel, IReadOnlyList<AttachmentView> Attachments, DateTimeOffset At) : IMessageEvent
{
    public string Kind => EventKinds.Posted;

    /// <summary>The message as it will be stored at `version` (a later post of the same set may reply to it).</summary>
    public MessageView View(Guid channelId, long version) => new(MessageId, channelId, AuthorId, ThreadRootId, Body, Priority, Mentions, MentionsChannel,
        [], false, 0, 0, version, version, At, null, null, Attachments);
}

internal sealed record MessageEdited(string Body, DateTimeOffset At) : IMessageEvent
{
    public string Kind => EventKinds.Edited;
}

internal sealed record MessageDeleted(DateTimeOffset At) : IMessageEvent
{
    public string Kind => EventKinds.Deleted;
}

internal sealed record MessagePinned(bool Pinned) : IMessageEvent
{
    public string Kind => Pinned ? EventKinds.Pinned : EventKinds.Unpinned;
}

internal sealed record MessageReacted(string Emoji, Guid PersonId, bool Added) : IMessageEvent
{
    public string Kind => EventKinds.Reacted;
}

internal sealed record MessageAcknowledged(Guid PersonId, DateTimeOffset At) : IMessageEvent
{
    public string Kind => EventKinds.Acknowledged;
}

/// <summary>
/// The rules every action in a channel obeys, written once (docs/adr/0113): only a member acts; an archived channel
/// refuses every change; a reader only reads, reacts and acknowledges.
/// </summary>
internal static class ChannelDecider
{
    /// <summary>The actor is a member (`role` not null) of a channel that is not archived.</summary>
    public static string Acting(Channel channel, string? role)
    {
        if (role is null) throw VapeException.NotAllowed("Bạn không phải thành viên của kênh này.");
        if (channel.Archived) throw Channel.ArchivedRefusal();
        return role;
    }

    /// <summary>Posting, editing and pinning: not a reader (in an announcement channel, the units below are readers).</summary>
    public static void MayWrite(Channel channel, string role)
    {
        if (role == MemberRoles.Reader) throw channel.Kind == ChannelKinds.Announcement ? MessageRules.AnnouncementReaderRefusal() : MessageRules.ReaderRefusal();
    }

    /// <summary>Nothing is done to a deleted message but deleting it again (which changes nothing).</summary>
    public static void NotDeleted(MessageView message)
    {
        if (message.Deleted) throw VapeException.InvalidInput("Tin nhắn đã bị xóa.");
    }

    /// <summary>The message after an event: what the adapter writes, and what a spec can read.</summary>
    public static MessageView Apply(this MessageView message, IMessageEvent e) => e switch
    {
        MessageEdited x => message with { Body = x.Body, EditedAt = x.At },
        MessageDeleted x => message with
        {
            Body = null,
            Mentions = [],
            MentionsChannel = false,
            Reactions = [],
            Attachments = [],
            Pinned = false,
            DeletedAt = x.At,
        },
        MessagePinned x => message with { Pinned = x.Pinned },
        MessageReacted x => message with { Reactions = React(message.Reactions, x) },
        MessageAcknowledged => message with { AcknowledgedCount = message.AcknowledgedCount + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    private static List<ReactionView> React(IReadOnlyList<ReactionView> reactions, MessageReacted e)
    {
        var map = reactions.ToDictionary(r => r.Emoji, r => r.PersonIds.ToList());
        var people = map.TryGetValue(e.Emoji, out var list) ? list : map[e.Emoji] = [];
        if (e.Added) people.Add(e.PersonId);
        else people.Remove(e.PersonId);
        return [.. map.Where(r => r.Value.Count > 0).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReactionView(r.Key, r.Value))];
    }
}
