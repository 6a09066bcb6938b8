using Marten;
using Vape.BuildingBlocks.Files;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;
using Wolverine;

namespace Vape.Coordination.Messages;

/// <summary>
/// A member posts a message, a reply in a thread (`ThreadRootId`), with mentions and a priority. The client
/// chooses `MessageId`; posting the same id again returns the message already stored and changes nothing.
/// </summary>
public sealed record PostMessage(Guid ChannelId, Guid MessageId, string? Body, Guid? ThreadRootId, string? Priority,
    IReadOnlyList<Guid>? Mentions, bool MentionsChannel, Guid ActorId, IReadOnlyList<Guid>? Attachments = null);

public static class PostMessageHandler
{
    public const int MaxAttachments = 10;

    public static async Task<(MessageView, OutgoingMessages)> Handle(PostMessage command, IDocumentSession session, TimeProvider clock,
        CoordinationSettings settings, IFileStore files, CancellationToken ct)
    {
        if (command.MessageId == Guid.Empty) throw VapeException.InvalidInput("Thiếu mã tin nhắn (`messageId`).");
        // Files are looked up before the transaction begins (another connection; see UnitChannelsHandler).
        var attachments = new List<AttachmentView>();
        var fileIds = (command.Attachments ?? []).Distinct().ToList();
        if (fileIds.Count > MaxAttachments) throw VapeException.InvalidInput($"Mỗi tin nhắn đính kèm tối đa {MaxAttachments} tệp.");
        foreach (var fileId in fileIds)
        {
            // Only one's own uploads: a file id seen elsewhere gives no access to that file.
            var file = await files.FindAsync(fileId, ct);
            if (file is null || file.OwnerId != command.ActorId) throw VapeException.NotFound("Không tìm thấy tệp đính kèm (hãy tải tệp lên trước).");
            attachments.Add(new AttachmentView(file.Id, file.Name, file.ContentType, file.Length));
        }

        var stream = new ChannelStream(new SessionSql(session));
        var (channel, role) = await stream.LockAsync(command.ChannelId, command.ActorId, ct);
        var outgoing = new OutgoingMessages();

        if (await stream.MessageAsync(command.MessageId, ct) is { } existing)
        {
            // A resend after a dropped connection: the same message, nothing new.
            if (existing.ChannelId != channel.Id || existing.AuthorId != command.ActorId)
                throw VapeException.InvalidInput("Mã tin nhắn này đã được dùng cho tin nhắn khác.");
            return (existing, outgoing);
        }

        MessageRules.MayPost(channel, role);
        var body = MessageRules.Body(command.Body);
        var priority = (command.Priority ?? Priorities.Normal).Trim().ToUpperInvariant();
        if (priority is not (Priorities.Normal or Priorities.Important or Priorities.Urgent))
            throw VapeException.InvalidInput("Mức ưu tiên phải là NORMAL, IMPORTANT hoặc URGENT.");

        Guid? root = null;
        if (command.ThreadRootId is Guid replyTo)
        {
            var parent = await stream.MessageAsync(replyTo, ct);
            if (parent is null || parent.ChannelId != channel.Id) throw VapeException.NotFound("Không tìm thấy tin nhắn được trả lời trong kênh này.");
            MessageRules.NotDeleted(parent);
            // A reply to a reply joins the same thread.
            root = parent.ThreadRootId ?? parent.Id;
        }

        var mentions = (command.Mentions ?? []).Distinct().ToArray();
        if (mentions.Length > 0)
        {
            var members = await stream.Sql.ListAsync("select person_id from coordination.channel_members where channel_id = @c and person_id = any(@p)",
                r => r.GetGuid(0), ct, ("c", channel.Id), ("p", mentions));
            if (members.Count != mentions.Length) throw VapeException.InvalidInput("Chỉ được nhắc (@) thành viên của kênh.");
        }

        var now = clock.GetUtcNow();
        var version = await stream.AppendAsync(channel.Id, EventKinds.Posted, command.MessageId, command.ActorId, now, ct);
        await stream.Sql.ExecuteAsync("""
            insert into coordination.messages (id, channel_id, author_id, thread_root_id, body, priority, mentions, mentions_channel, posted_version, version, posted_at, attachments)
            values (@id, @c, @a, @root, @body, @priority, @mentions, @all, @v, @v, @at, @files::jsonb)
            """, ct, ("id", command.MessageId), ("c", channel.Id), ("a", command.ActorId), ("root", root), ("body", body), ("priority", priority),
            ("mentions", mentions), ("all", command.MentionsChannel), ("v", version), ("at", now),
            ("files", System.Text.Json.JsonSerializer.Serialize(attachments, MessageView.Json)));
        if (root is Guid r) await stream.Sql.ExecuteAsync("update coordination.messages set reply_count = reply_count + 1 where id = @r", ct, ("r", r));
        // What one wrote oneself is read.
        await stream.Sql.ExecuteAsync("update coordination.channel_members set last_read_version = greatest(last_read_version, @v) where channel_id = @c and person_id = @p",
            ct, ("v", version), ("c", channel.Id), ("p", command.ActorId));

        var message = (await stream.MessageAsync(command.MessageId, ct))!;
        outgoing.Add(new ChannelEvent(channel.Id, version, EventKinds.Posted, command.ActorId, now, message));
        if (priority != Priorities.Normal)
            outgoing.Add(new RemindUnacknowledged(message.Id, 1).DelayedFor(settings.ReminderDelay(priority)));
        return (message, outgoing);
    }
}
