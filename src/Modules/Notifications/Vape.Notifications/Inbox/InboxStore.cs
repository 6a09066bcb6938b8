using Microsoft.AspNetCore.SignalR;
using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Realtime;
using Vape.BuildingBlocks.Storage;

namespace Vape.Notifications.Inbox;

/// <summary>
/// Every person's inbox in `notifications.inbox`. A notification is written once per person, kind and subject (a
/// redelivered event finds its row); <see cref="Push.DeliverNotificationHandler"/> then takes it to the person's open
/// connections and browsers.
/// </summary>
public sealed class InboxStore(NpgsqlDataSource database, IHubContext<NotificationsHub> hub, TimeProvider clock)
{
    /// <summary>The hub method of a new notification; its argument is the <see cref="Notification"/>.</summary>
    public const string Received = "notificationReceived";

    /// <summary>The hub method that tells a person's other devices their unread count after a mark as read.</summary>
    public const string Read = "notificationsRead";

    public const int MaxIdsPerMark = 100;

    /// <summary>
    /// Writes the notification, in the handler's transaction, for each person who does not have it yet; returns the
    /// rows written now (a redelivered event writes none).
    /// </summary>
    public async Task<List<(Guid Id, Guid Person)>> AddAsync(SessionSql sql, IReadOnlyCollection<Guid> people, NotificationText text, CancellationToken ct)
    {
        var recipients = people.Distinct().ToArray();
        if (recipients.Length == 0) return [];
        var ids = recipients.Select(_ => Guid.CreateVersion7()).ToArray();
        return await sql.ListAsync("""
            insert into notifications.inbox (id, person_id, kind, subject, title, body, link, created_at, priority)
            select t.id, t.person, @kind, @subject, @title, @body, @link, @at, @priority from unnest(@ids, @people) as t(id, person)
            on conflict (person_id, kind, subject) do nothing
            returning id, person_id
            """, r => (r.GetGuid(0), r.GetGuid(1)), ct,
            ("kind", text.Kind.ToString()), ("subject", text.Subject), ("title", text.Title), ("body", text.Body),
            ("link", Sql.Typed("link", text.Link, NpgsqlDbType.Text)), ("at", clock.GetUtcNow()), ("ids", ids), ("people", recipients),
            ("priority", text.Priority));
    }

    public async Task<Notification?> LoadAsync(Guid id, CancellationToken ct) =>
        (await database.ListAsync($"select {Notification.Columns} from notifications.inbox where id = @id", Notification.Read, ct, ("id", id))).SingleOrDefault();

    public async Task<Connection<Notification>> PageAsync(Guid person, Page page, CancellationToken ct)
    {
        var where = "person_id = @p";
        var parameters = new List<(string, object?)> { ("p", person), ("n", page.First + 1) };
        if (page.AfterKey is { } key)
        {
            var (read, id) = ParseKey(key);
            where += " and ((read_at is not null)::int > @r or ((read_at is not null)::int = @r and id < @id))";
            parameters.Add(("r", read));
            parameters.Add(("id", id));
        }
        var rows = await database.ListAsync($"""
            select {Notification.Columns} from notifications.inbox
             where {where}
             order by (read_at is not null), id desc limit @n
            """, Notification.Read, ct, [.. parameters]);
        return page.ToConnection(rows, n => n.Key);
    }

    public async Task<int> UnreadCountAsync(Guid person, CancellationToken ct) =>
        (int)await database.ScalarAsync<long>("select count(*) from notifications.inbox where person_id = @p and read_at is null", ct, ("p", person));

    /// <summary>
    /// Marks the person's own notifications among <paramref name="ids"/> (or all of them) as read. An id of someone
    /// else's notification is treated like one already read: the answer tells nobody whether it exists.
    /// </summary>
    public async Task<MarkedRead> MarkReadAsync(Guid person, IReadOnlyList<string>? ids, bool all, CancellationToken ct)
    {
        if (all == (ids is not null))
            throw VapeException.InvalidInput("Hãy chọn hoặc danh sách thông báo (`ids`) hoặc tất cả (`all: true`), không cả hai.");
        Guid[]? chosen = null;
        if (ids is not null)
        {
            if (ids.Count == 0 || ids.Count > MaxIdsPerMark)
                throw VapeException.InvalidInput($"Danh sách thông báo (`ids`) phải có từ 1 đến {MaxIdsPerMark} mục.");
            chosen = [.. ids.Select(i => Ids.Parse(i, "ids"))];
        }
        var marked = await database.ExecuteAsync($"""
            update notifications.inbox set read_at = @at
             where person_id = @p and read_at is null {(chosen is null ? "" : "and id = any(@ids)")}
            """, ct, ("p", person), ("at", clock.GetUtcNow()), ("ids", chosen ?? []));
        var unread = await UnreadCountAsync(person, ct);
        if (marked > 0) await hub.Clients.Group(HubGroups.User(person)).SendAsync(Read, new { unreadCount = unread }, ct);
        return new MarkedRead(marked, unread);
    }

    private static (int Read, Guid Id) ParseKey(string key)
    {
        if (key.Length > 2 && key[1] == ':' && key[0] is '0' or '1' && Guid.TryParseExact(key[2..], "N", out var id))
            return (key[0] - '0', id);
        throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
    }
}

/// <summary>The answer to a mark as read: how many were marked now, and how many stay unread.</summary>
public sealed record MarkedRead(int Marked, int UnreadCount);
