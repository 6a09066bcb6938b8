using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Coordination.Contracts;
using Vape.Coordination.Realtime;
using Wolverine;

namespace Vape.Coordination.Messages;

/// <summary>
/// A member posts a message, a reply in a thread (`ThreadRootId`), with mentions and a priority. The client
/// chooses `MessageId`; posting the same id again returns the message already stored and changes nothing.
/// </summary>
public sealed record PostMessage(Guid ChannelId, Guid MessageId, string? Body, Guid? ThreadRootId, string? Priority,
    IReadOnlyList<Guid>? Mentions, bool MentionsChannel, Guid ActorId, IReadOnlyList<Guid>? Attachments = null)
{
    public const int MaxAttachments = 10;

    /// <summary>The priority as given, normalised (not yet checked).</summary>
    public string NormalPriority => (Priority ?? Priorities.Normal).Trim().ToUpperInvariant();

    /// <summary>
    /// What can be checked without the channel, in this order: the id, the text, the priority, how many files. The
    /// body (trimmed, NFC), the priority and the distinct attachment ids, or INVALID_INPUT. The rest (membership, an
    /// archived channel, readers, the parent, mentions, a resend) is decided against the channel by
    /// <see cref="PostStatement.Decide"/> (docs/adr/0305).
    /// </summary>
    public (string Body, string Priority, IReadOnlyList<Guid> FileIds) Check()
    {
        if (MessageId == Guid.Empty) throw VapeException.InvalidInput("Thiếu mã tin nhắn (`messageId`).");
        var body = MessageRules.Body(Body);
        var priority = NormalPriority;
        if (priority is not (Priorities.Normal or Priorities.Important or Priorities.Urgent))
            throw VapeException.InvalidInput("Mức ưu tiên phải là NORMAL, IMPORTANT hoặc URGENT.");
        var fileIds = (Attachments ?? []).Distinct().ToList();
        if (fileIds.Count > MaxAttachments) throw VapeException.InvalidInput($"Mỗi tin nhắn đính kèm tối đa {MaxAttachments} tệp.");
        return (body, priority, fileIds);
    }
}

/// <summary>
/// A post that must commit with something else (Wolverine's outbox): an IMPORTANT or URGENT message, its first
/// reminder and `PriorityPostPosted`; a message that mentions members and `MembersMentioned` (the Notifications
/// module's sources, docs/adr/0209). <see cref="Posting"/> sends those here and posts the others itself; the
/// decision and the statement are the same, under the channel's lock in the handler's transaction.
/// </summary>
public static class PostMessageHandler
{
    public static async Task<(MessageView, OutgoingMessages)> Handle(PostMessage command, IDocumentSession session, TimeProvider clock,
        CoordinationSettings settings, IFileStore files, ChannelPushes pushes, CancellationToken ct)
    {
        var post = await PostStatement.PrepareAsync(command, files, clock, ct);
        var connection = await new SessionSql(session).ConnectionAsync(ct);
        var (outcomes, _) = await ChannelPosts.DecideUnderLockAsync(connection, [post], [], ct);
        if (outcomes[0].Refused is { } refused) throw refused;
        var message = outcomes[0].Message!;
        var outgoing = new OutgoingMessages();
        if (!outcomes[0].Created) return (message, outgoing);
        pushes.AfterCommit(session, post.Posted(message));
        if (post.Priority != Priorities.Normal)
            outgoing.Add(new RemindUnacknowledged(message.Id, 1).DelayedFor(settings.ReminderDelay(post.Priority)));
        await AddNotificationsAsync(new SessionSql(session), message, outgoing, ct);
        return (message, outgoing);
    }

    /// <summary>
    /// What the Notifications module hears of a new post: the members it mentions by name and, for a message to
    /// acknowledge, every member; never the author. Mentions of non-members were refused already.
    /// </summary>
    private static async Task AddNotificationsAsync(SessionSql sql, MessageView message, OutgoingMessages outgoing, CancellationToken ct)
    {
        var mentioned = message.Mentions.Where(p => p != message.AuthorId).Distinct().ToList();
        if (mentioned.Count == 0 && message.Priority == Priorities.Normal) return;
        var (kind, name) = (await sql.ListAsync("select kind, name from coordination.channels where id = @c", r => (r.GetString(0), r.GetString(1)), ct,
            ("c", message.ChannelId))).Single();
        if (mentioned.Count > 0) outgoing.Add(new MembersMentioned(message.Id, message.ChannelId, name, mentioned));
        if (message.Priority == Priorities.Normal) return;
        var members = await sql.ListAsync("select person_id from coordination.channel_members where channel_id = @c and person_id <> @a order by person_id",
            r => r.GetGuid(0), ct, ("c", message.ChannelId), ("a", message.AuthorId));
        if (members.Count > 0)
            outgoing.Add(new PriorityPostPosted(message.Id, message.ChannelId, name, message.Priority == Priorities.Urgent,
                kind == Channels.ChannelKinds.Announcement, members));
    }
}
