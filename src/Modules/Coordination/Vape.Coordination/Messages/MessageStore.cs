using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;

namespace Vape.Coordination.Messages;

/// <summary>Reads of messages: pages both ways from any message, threads, catch-up, search, who read and who acknowledged.</summary>
public sealed class MessageStore(Reads db)
{
    public static string CursorOf(MessageView m) => Cursors.Encode(m.PostedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static long Position(string cursor, string name) =>
        long.TryParse(Cursors.Decode(cursor), out var v) && v > 0 ? v : throw VapeException.InvalidInput($"Con trỏ `{name}` không hợp lệ.");

    public async Task<MessageView?> FindAsync(Guid messageId, CancellationToken ct) =>
        (await db.ListAsync($"select {MessageView.Columns} from coordination.messages x where x.id = @m", r => MessageView.Read(r), ct, ("m", messageId)))
        .SingleOrDefault();

    /// <summary>
    /// Top-level messages of a channel (replies live in their thread), oldest first: the latest page, the page
    /// `before` a cursor, or the page `after` one.
    /// </summary>
    public async Task<Connection<MessageView>> PageAsync(Guid channelId, Guid? threadRootId, string? before, string? after, int first, CancellationToken ct)
    {
        if (before is not null && after is not null) throw VapeException.InvalidInput("Chỉ dùng một trong hai: `before` hoặc `after`.");
        if (first is < 1 or > Page.MaxSize) throw VapeException.InvalidInput($"`first` phải từ 1 đến {Page.MaxSize}.");
        var scope = threadRootId is null ? "x.channel_id = @c and x.thread_root_id is null" : "x.thread_root_id = @t";
        List<MessageView> rows;
        bool hasNext, hasPrevious;
        if (after is not null)
        {
            rows = await db.ListAsync($"""
                select {MessageView.Columns} from coordination.messages x where {scope} and x.posted_version > @v order by x.posted_version limit @n
                """, r => MessageView.Read(r), ct, ("c", channelId), ("t", threadRootId), ("v", Position(after, "after")), ("n", first + 1));
            hasNext = rows.Count > first;
            rows = [.. rows.Take(first)];
            hasPrevious = true;
        }
        else
        {
            rows = await db.ListAsync($"""
                select {MessageView.Columns} from coordination.messages x where {scope} and x.posted_version < @v order by x.posted_version desc limit @n
                """, r => MessageView.Read(r), ct, ("c", channelId), ("t", threadRootId),
                ("v", before is null ? long.MaxValue : Position(before, "before")), ("n", first + 1));
            hasPrevious = rows.Count > first;
            rows = [.. rows.Take(first).Reverse()];
            hasNext = before is not null;
        }
        var edges = rows.Select(m => new Edge<MessageView>(CursorOf(m), m)).ToList();
        return new Connection<MessageView>(edges, new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }

    /// <summary>The changes after `version` (`@v`) of channel `@c`, in order, each with its message as it is now; at most `@n`.</summary>
    internal const string EventsAfterSql = $"""
        select e.channel_id, e.version, e.kind, e.actor_id, e.at, {MessageView.Columns}
          from coordination.channel_events e join coordination.messages x on x.id = e.message_id
         where e.channel_id = @c and e.version > @v order by e.version limit @n
        """;

    internal static ChannelEvent ReadEvent(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.GetGuid(3), r.GetFieldValue<DateTimeOffset>(4), MessageView.Read(r, 5));

    /// <summary>The changes after `version`, in order, each with its message as it is now; at most `limit`.</summary>
    public async Task<List<ChannelEvent>> EventsAfterAsync(Guid channelId, long version, int limit, CancellationToken ct) =>
        await db.ListAsync(EventsAfterSql, ReadEvent, ct, ("c", channelId), ("v", version), ("n", limit));

    /// <summary>The channel's pinned messages (thread replies included, deleted ones not), newest first; at most `first`.</summary>
    public async Task<List<MessageView>> PinnedAsync(Guid channelId, int first, CancellationToken ct) =>
        await db.ListAsync($"""
            select {MessageView.Columns} from coordination.messages x
             where x.channel_id = @c and x.pinned and x.deleted_at is null
             order by x.posted_version desc
             limit @n
            """, r => MessageView.Read(r), ct, ("c", channelId), ("n", first));

    /// <summary>
    /// Messages of the person's channels whose text holds the words, folded (no diacritics, đ = d): exact
    /// diacritics first, then the newest.
    /// </summary>
    public async Task<List<MessageView>> SearchAsync(Guid personId, string text, Guid? channelId, int first, CancellationToken ct) =>
        await db.ListAsync($"""
            select {MessageView.Columns} from coordination.messages x
              join coordination.channel_members m on m.channel_id = x.channel_id and m.person_id = @p
             where x.deleted_at is null and x.body_folded like '%' || vape.fold(@q) || '%' and (@c::uuid is null or x.channel_id = @c::uuid)
             order by (x.body ilike '%' || @q || '%') desc, x.posted_at desc, x.id
             limit @n
            """, r => MessageView.Read(r), ct, ("p", personId), ("q", Like(text)), ("c", channelId), ("n", first));

    private static string Like(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>Members who have read up to the message (read receipts).</summary>
    public async Task<List<Guid>> ReadersAsync(MessageView message, CancellationToken ct) =>
        await db.ListAsync("""
            select person_id from coordination.channel_members where channel_id = @c and last_read_version >= @v and person_id <> @a order by person_id
            """, r => r.GetGuid(0), ct, ("c", message.ChannelId), ("v", message.PostedVersion), ("a", message.AuthorId));

    public async Task<List<(Guid PersonId, DateTimeOffset At)>> AcknowledgementsAsync(Guid messageId, CancellationToken ct) =>
        await db.ListAsync("select person_id, at from coordination.acknowledgements where message_id = @m order by at, person_id",
            r => (r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1)), ct, ("m", messageId));

    /// <summary>Members who have not acknowledged a priority message (the sender sees them).</summary>
    public async Task<List<Guid>> UnacknowledgedAsync(MessageView message, CancellationToken ct) =>
        await db.ListAsync("""
            select m.person_id from coordination.channel_members m where m.channel_id = @c and m.person_id <> @a
               and not exists (select 1 from coordination.acknowledgements k where k.message_id = @id and k.person_id = m.person_id)
             order by m.person_id
            """, r => r.GetGuid(0), ct, ("c", message.ChannelId), ("a", message.AuthorId), ("id", message.Id));
}
