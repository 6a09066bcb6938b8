using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
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
    /// archived channel, readers, the parent, mentions, a resend) is decided under the channel's lock by
    /// `coordination.post_message` (docs/adr/0113 says why it is still there).
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
/// A post that must commit with something else: an IMPORTANT or URGENT message and its first reminder (Wolverine's
/// outbox). <see cref="Posting"/> sends those here and posts ordinary messages itself; the statement is the same.
/// </summary>
public static class PostMessageHandler
{
    public static async Task<(MessageView, OutgoingMessages)> Handle(PostMessage command, IDocumentSession session, TimeProvider clock,
        CoordinationSettings settings, IFileStore files, ChannelPushes pushes, CancellationToken ct)
    {
        var post = await PostStatement.PrepareAsync(command, files, clock, ct);
        await using var cmd = (await new SessionSql(session).ConnectionAsync(ct)).CreateCommand();
        var (created, message) = await post.RunAsync(cmd, ct);
        var outgoing = new OutgoingMessages();
        if (!created) return (message, outgoing);
        pushes.AfterCommit(session, post.Posted(message));
        if (post.Priority != Priorities.Normal)
            outgoing.Add(new RemindUnacknowledged(message.Id, 1).DelayedFor(settings.ReminderDelay(post.Priority)));
        return (message, outgoing);
    }
}
