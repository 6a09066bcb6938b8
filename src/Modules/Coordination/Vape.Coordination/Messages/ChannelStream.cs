using Vape.BuildingBlocks.Storage;
using Vape.BuildingBlocks.Errors;
using Marten;
using Vape.Coordination.Channels;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>
/// Writes to a channel's stream inside a command's transaction. The channel row is locked first, so the
/// changes of one channel are serialised and every change gets the next version (docs/adr/0040).
/// </summary>
internal sealed class ChannelStream(SessionSql sql)
{
    public SessionSql Sql => sql;

    /// <summary>Locks the channel; NOT_FOUND / NOT_ALLOWED unless the actor is a member. Returns the channel and the actor's role.</summary>
    public async Task<(Channel Channel, string Role)> LockAsync(Guid channelId, Guid actorId, CancellationToken ct)
    {
        var rows = await sql.ListAsync($"""
            select {Channel.Columns}, m.role from coordination.channels c
              left join coordination.channel_members m on m.channel_id = c.id and m.person_id = @p
             where c.id = @c for update of c
            """, r => (Channel.Read(r), r.IsDBNull(Channel.Next) ? null : r.GetString(Channel.Next)), ct, ("c", channelId), ("p", actorId));
        if (rows.Count == 0) throw VapeException.NotFound("Không tìm thấy kênh.");
        var (channel, role) = rows[0];
        return (channel, ChannelDecider.Acting(channel, role));
    }

    /// <summary>The message and its channel, locked; NOT_FOUND when there is no such message, NOT_ALLOWED for a non-member.</summary>
    public async Task<(Channel Channel, string Role, MessageView Message)> LockMessageAsync(Guid messageId, Guid actorId, CancellationToken ct)
    {
        var channelId = await sql.ScalarAsync<Guid?>("select channel_id from coordination.messages where id = @m", ct, ("m", messageId))
            ?? throw VapeException.NotFound("Không tìm thấy tin nhắn.");
        var (channel, role) = await LockAsync(channelId, actorId, ct);
        return (channel, role, (await MessageAsync(messageId, ct))!);
    }

    public async Task<MessageView?> MessageAsync(Guid messageId, CancellationToken ct) =>
        (await sql.ListAsync($"select {MessageView.Columns} from coordination.messages x where x.id = @m",
            r => MessageView.Read(r), ct, ("m", messageId))).SingleOrDefault();

    /// <summary>Raises the channel's version and records the change in the stream; returns the new version.</summary>
    public async Task<long> AppendAsync(Guid channelId, string kind, Guid messageId, Guid actorId, DateTimeOffset at, CancellationToken ct)
    {
        var version = await sql.ScalarAsync<long>("update coordination.channels set version = version + 1 where id = @c returning version", ct, ("c", channelId));
        await sql.ExecuteAsync("""
            insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at) values (@c, @v, @k, @m, @a, @at)
            """, ct, ("c", channelId), ("v", version), ("k", kind), ("m", messageId), ("a", actorId), ("at", at));
        return version;
    }

    /// <summary>
    /// The adapter of a message's actions: the message and its channel locked (a member of an open channel, else
    /// refused), the action's decision, its write, and the push after the commit. The message as it is after.
    /// </summary>
    public static async Task<MessageView> ActAsync(IDocumentSession session, ChannelPushes pushes, Guid messageId, Guid actorId, TimeProvider clock,
        Func<Channel, string, MessageView, DateTimeOffset, Task<IReadOnlyList<IMessageEvent>>> decide, CancellationToken ct)
    {
        var stream = new ChannelStream(new SessionSql(session));
        var (channel, role, message) = await stream.LockMessageAsync(messageId, actorId, ct);
        var now = clock.GetUtcNow();
        var change = await stream.WriteAsync(channel, message, actorId, await decide(channel, role, message, now), now, ct);
        if (change is null) return message;
        pushes.AfterCommit(session, change);
        return change.Message;
    }

    /// <summary>
    /// Writes what an action decided about a message (nothing when it decided nothing) and appends it to the stream;
    /// the event to push after the commit, or null. Acknowledgements are rows of their own: one already there changes nothing.
    /// </summary>
    public async Task<ChannelEvent?> WriteAsync(Channel channel, MessageView message, Guid actorId, IReadOnlyList<IMessageEvent> events,
        DateTimeOffset at, CancellationToken ct)
    {
        if (events.Count == 0) return null;
        var after = events.Aggregate(message, (m, e) => m.Apply(e));
        foreach (var e in events)
        {
            switch (e)
            {
                case MessageEdited x:
                    await sql.ExecuteAsync("update coordination.messages set body = @b, edited_at = @at where id = @m", ct, ("b", x.Body), ("at", x.At), ("m", message.Id));
                    break;
                case MessageDeleted x:
                    await sql.ExecuteAsync("""
                        update coordination.messages set body = null, mentions = '{}', mentions_channel = false, reactions = '{}', attachments = '[]', pinned = false, deleted_at = @at
                         where id = @m
                        """, ct, ("at", x.At), ("m", message.Id));
                    break;
                case MessagePinned x:
                    await sql.ExecuteAsync("update coordination.messages set pinned = @p where id = @m", ct, ("p", x.Pinned), ("m", message.Id));
                    break;
                case MessageReacted:
                    var json = System.Text.Json.JsonSerializer.Serialize(after.Reactions.ToDictionary(r => r.Emoji, r => r.PersonIds));
                    await sql.ExecuteAsync("update coordination.messages set reactions = @r::jsonb where id = @m", ct, ("r", json), ("m", message.Id));
                    break;
                case MessageAcknowledged x:
                    var added = await sql.ExecuteAsync("""
                        insert into coordination.acknowledgements (message_id, person_id, at) values (@m, @p, @at) on conflict do nothing
                        """, ct, ("m", message.Id), ("p", x.PersonId), ("at", x.At));
                    if (added == 0) return null;
                    await sql.ExecuteAsync("update coordination.messages set ack_count = ack_count + 1 where id = @m", ct, ("m", message.Id));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(events), e.GetType().Name);
            }
        }
        return await ChangedAsync(channel.Id, events[^1].Kind, message.Id, actorId, at, ct);
    }

    /// <summary>Appends the change, stamps the message with its version, and returns the event to push after the commit.</summary>
    public async Task<ChannelEvent> ChangedAsync(Guid channelId, string kind, Guid messageId, Guid actorId, DateTimeOffset at, CancellationToken ct)
    {
        var version = await AppendAsync(channelId, kind, messageId, actorId, at, ct);
        await sql.ExecuteAsync("update coordination.messages set version = @v where id = @m", ct, ("v", version), ("m", messageId));
        return new ChannelEvent(channelId, version, kind, actorId, at, (await MessageAsync(messageId, ct))!);
    }
}

internal static class MessageRules
{
    public const int MaxLength = 4000;

    public static string Body(string? body)
    {
        var text = (body ?? "").Normalize(System.Text.NormalizationForm.FormC).Trim();
        if (text.Length == 0) throw VapeException.InvalidInput("Tin nhắn không được để trống.");
        if (text.Length > MaxLength) throw VapeException.InvalidInput($"Tin nhắn dài tối đa {MaxLength} ký tự.");
        return text;
    }

    public static VapeException AnnouncementReaderRefusal() => VapeException.NotAllowed("Chỉ cán bộ của đơn vị cấp trên được đăng tin trong kênh thông báo.");

    public static VapeException ReaderRefusal() => VapeException.NotAllowed("Bạn chỉ được đọc kênh này.");
}
