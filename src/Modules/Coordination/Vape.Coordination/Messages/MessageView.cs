using System.Text.Json;
using Npgsql;

namespace Vape.Coordination.Messages;

internal static class Priorities
{
    public const string Normal = "NORMAL";
    public const string Important = "IMPORTANT";
    public const string Urgent = "URGENT";
}

/// <summary>What changed in a channel's stream; the kind of a <see cref="ChannelEvent"/>.</summary>
internal static class EventKinds
{
    public const string Posted = "POSTED";
    public const string Edited = "EDITED";
    public const string Deleted = "DELETED";
    public const string Reacted = "REACTED";
    public const string Pinned = "PINNED";
    public const string Unpinned = "UNPINNED";
    public const string Acknowledged = "ACKNOWLEDGED";
}

/// <summary>One shape on the hub and in GraphQL: `{ emoji, count, personIds }` (ADR 0070).</summary>
public sealed record ReactionView(string Emoji, IReadOnlyList<Guid> PersonIds)
{
    public int Count => PersonIds.Count;
}

/// <summary>A file attached to a message; downloaded from `/coordination/messages/{messageId}/files/{fileId}` by the channel's members.</summary>
public sealed record AttachmentView(Guid FileId, string Name, string ContentType, long Length);

/// <summary>
/// A message as it is now. A deleted message is a tombstone: no body, no mentions, no reactions; its place in
/// the stream and thread stays.
/// </summary>
public sealed record MessageView(Guid Id, Guid ChannelId, Guid AuthorId, Guid? ThreadRootId, string? Body, string Priority,
    IReadOnlyList<Guid> Mentions, bool MentionsChannel, IReadOnlyList<ReactionView> Reactions, bool Pinned, int ReplyCount,
    int AcknowledgedCount, long PostedVersion, long Version, DateTimeOffset PostedAt, DateTimeOffset? EditedAt, DateTimeOffset? DeletedAt,
    IReadOnlyList<AttachmentView> Attachments)
{
    public bool Edited => EditedAt is not null;
    public bool Deleted => DeletedAt is not null;

    internal const string Columns = """
        x.id, x.channel_id, x.author_id, x.thread_root_id, x.body, x.priority, x.mentions, x.mentions_channel, x.reactions::text,
        x.pinned, x.reply_count, x.ack_count, x.posted_version, x.version, x.posted_at, x.edited_at, x.deleted_at, x.attachments::text
        """;

    internal const int ColumnCount = 18;

    internal static MessageView Read(NpgsqlDataReader r, int at = 0) => new(
        r.GetGuid(at), r.GetGuid(at + 1), r.GetGuid(at + 2), r.IsDBNull(at + 3) ? null : r.GetGuid(at + 3),
        r.IsDBNull(at + 4) ? null : r.GetString(at + 4), r.GetString(at + 5), r.GetFieldValue<Guid[]>(at + 6), r.GetBoolean(at + 7),
        ReactionsFrom(r.GetString(at + 8)), r.GetBoolean(at + 9), r.GetInt32(at + 10), r.GetInt32(at + 11), r.GetInt64(at + 12),
        r.GetInt64(at + 13), r.GetFieldValue<DateTimeOffset>(at + 14),
        r.IsDBNull(at + 15) ? null : r.GetFieldValue<DateTimeOffset>(at + 15), r.IsDBNull(at + 16) ? null : r.GetFieldValue<DateTimeOffset>(at + 16),
        JsonSerializer.Deserialize<List<AttachmentView>>(r.GetString(at + 17), Json) ?? []);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static Dictionary<string, List<Guid>> ReactionMap(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(json) ?? [];

    private static List<ReactionView> ReactionsFrom(string json) =>
        [.. ReactionMap(json).Where(r => r.Value.Count > 0).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReactionView(r.Key, r.Value))];
}

/// <summary>
/// One change of a channel's stream, as pushed live (`channelEvent`) and as replayed on catch-up: the channel
/// version it made and the message as it is now.
/// </summary>
public sealed record ChannelEvent(Guid ChannelId, long Version, string Kind, Guid ActorId, DateTimeOffset At, MessageView Message);
