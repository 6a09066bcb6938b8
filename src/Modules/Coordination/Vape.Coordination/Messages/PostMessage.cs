using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Files;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;
using Vape.Coordination.Realtime;
using Wolverine;

namespace Vape.Coordination.Messages;

/// <summary>
/// A member posts a message, a reply in a thread (`ThreadRootId`), with mentions and a priority. The client
/// chooses `MessageId`; posting the same id again returns the message already stored and changes nothing.
/// </summary>
public sealed record PostMessage(Guid ChannelId, Guid MessageId, string? Body, Guid? ThreadRootId, string? Priority,
    IReadOnlyList<Guid>? Mentions, bool MentionsChannel, Guid ActorId, IReadOnlyList<Guid>? Attachments = null);

internal sealed record PostChecks(Channel Channel, string? Role, Guid? ExistingChannelId, Guid? ExistingAuthorId, Guid? ParentChannelId,
    Guid? ParentThreadRootId, bool ParentDeleted, int MentionedMembers);

public static class PostMessageHandler
{
    public const int MaxAttachments = 10;

    public static async Task<(MessageView, OutgoingMessages)> Handle(PostMessage command, IDocumentSession session, TimeProvider clock,
        CoordinationSettings settings, IFileStore files, ChannelPushes pushes, CancellationToken ct)
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
        var mentions = (command.Mentions ?? []).Distinct().ToArray();
        // One round trip for every check (docs/adr/0044): the channel locked, the actor's role, a message with this id,
        // the message replied to, how many of the mentioned are members. The cost of a post does not grow with the channel.
        var checks = await stream.Sql.ListAsync($"""
            select {Channel.Columns}, m.role, e.channel_id, e.author_id, p.channel_id, p.thread_root_id, p.deleted_at is not null,
                   (select count(*)::int from coordination.channel_members mm where mm.channel_id = c.id and mm.person_id = any(@mentions))
              from coordination.channels c
              left join coordination.channel_members m on m.channel_id = c.id and m.person_id = @p
              left join coordination.messages e on e.id = @id
              left join coordination.messages p on p.id = @parent
             where c.id = @c for update of c
            """, r =>
            {
                const int n = Channel.Next;
                return new PostChecks(Channel.Read(r), r.IsDBNull(n) ? null : r.GetString(n), r.IsDBNull(n + 1) ? null : r.GetGuid(n + 1),
                    r.IsDBNull(n + 2) ? null : r.GetGuid(n + 2), r.IsDBNull(n + 3) ? null : r.GetGuid(n + 3), r.IsDBNull(n + 4) ? null : r.GetGuid(n + 4),
                    !r.IsDBNull(n + 5) && r.GetBoolean(n + 5), r.GetInt32(n + 6));
            },
            ct, ("c", command.ChannelId), ("p", command.ActorId), ("id", command.MessageId), ("parent", command.ThreadRootId), ("mentions", mentions));
        if (checks.Count == 0) throw VapeException.NotFound("Không tìm thấy kênh.");
        var check = checks[0];
        var channel = check.Channel;
        var role = check.Role ?? throw VapeException.NotAllowed("Bạn không phải thành viên của kênh này.");
        var outgoing = new OutgoingMessages();

        if (check.ExistingChannelId is Guid existingChannel)
        {
            // A resend after a dropped connection: the same message, nothing new.
            if (existingChannel != channel.Id || check.ExistingAuthorId != command.ActorId)
                throw VapeException.InvalidInput("Mã tin nhắn này đã được dùng cho tin nhắn khác.");
            return ((await stream.MessageAsync(command.MessageId, ct))!, outgoing);
        }

        channel.DemandOpen();
        MessageRules.MayPost(channel, role);
        var body = MessageRules.Body(command.Body);
        var priority = (command.Priority ?? Priorities.Normal).Trim().ToUpperInvariant();
        if (priority is not (Priorities.Normal or Priorities.Important or Priorities.Urgent))
            throw VapeException.InvalidInput("Mức ưu tiên phải là NORMAL, IMPORTANT hoặc URGENT.");

        Guid? root = null;
        if (command.ThreadRootId is Guid replyTo)
        {
            if (check.ParentChannelId != channel.Id) throw VapeException.NotFound("Không tìm thấy tin nhắn được trả lời trong kênh này.");
            if (check.ParentDeleted) throw VapeException.InvalidInput("Tin nhắn đã bị xóa.");
            // A reply to a reply joins the same thread.
            root = check.ParentThreadRootId ?? replyTo;
        }
        if (check.MentionedMembers != mentions.Length) throw VapeException.InvalidInput("Chỉ được nhắc (@) thành viên của kênh.");

        var now = clock.GetUtcNow();
        // One round trip for every write: the next version, the stream row, the message, the thread's reply count,
        // the author's own read position (what one wrote oneself is read). Unread counts are computed from read
        // positions when asked, so nothing is written per member.
        var message = (await stream.Sql.ListAsync($"""
            with v as (update coordination.channels set version = version + 1 where id = @c returning version),
            e as (insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at)
                  select @c, v.version, 'POSTED', @id, @a, @at from v),
            x as (insert into coordination.messages (id, channel_id, author_id, thread_root_id, body, priority, mentions, mentions_channel, posted_version, version, posted_at, attachments)
                  select @id, @c, @a, @root, @body, @priority, @mentions, @all, v.version, v.version, @at, @files::jsonb from v returning *),
            t as (update coordination.messages set reply_count = reply_count + 1 where id = @root),
            r as (update coordination.channel_members set last_read_version = greatest(last_read_version, (select version from v))
                   where channel_id = @c and person_id = @a)
            select {MessageView.Columns} from x
            """, r => MessageView.Read(r), ct, ("id", command.MessageId), ("c", channel.Id), ("a", command.ActorId), ("root", root), ("body", body),
            ("priority", priority), ("mentions", mentions), ("all", command.MentionsChannel), ("at", now),
            ("files", System.Text.Json.JsonSerializer.Serialize(attachments, MessageView.Json)))).Single();
        var version = message.PostedVersion;
        pushes.AfterCommit(session, outgoing, new ChannelEvent(channel.Id, version, EventKinds.Posted, command.ActorId, now, message));
        if (priority != Priorities.Normal)
            outgoing.Add(new RemindUnacknowledged(message.Id, 1).DelayedFor(settings.ReminderDelay(priority)));
        return (message, outgoing);
    }
}
