using Npgsql;
using Vape.Notifications.Contracts;

namespace Vape.Notifications.Inbox;

/// <summary>
/// One notification in a person's inbox: what happened, in Vietnamese, and where in the app to look. `Priority`: it
/// is pushed even in the person's quiet hours, because its sender's role allows it (ADR 0182).
/// </summary>
public sealed record Notification(Guid Id, NotificationKind Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt,
    bool Priority = false)
{
    internal const string Columns = "id, kind, title, body, link, created_at, read_at, priority";

    internal static Notification Read(NpgsqlDataReader r) => new(r.GetGuid(0), Enum.Parse<NotificationKind>(r.GetString(1)), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6),
        r.GetBoolean(7));

    /// <summary>The page key: unread before read, then newest first.</summary>
    internal string Key => $"{(ReadAt is null ? 0 : 1)}:{Id:N}";
}

/// <summary>
/// What a module's event becomes: the same text for every recipient, so it carries nothing one of them may not see.
/// `Priority` only where the sender's role allows breaking quiet hours (ADR 0182).
/// </summary>
public sealed record NotificationText(NotificationKind Kind, string Subject, string Title, string Body, string? Link, bool Priority = false);
