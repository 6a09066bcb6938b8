using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Notifications.Contracts;
using Microsoft.Extensions.Options;

namespace Vape.Notifications.Push;

/// <summary>A browser's push subscription, as `PushSubscription.toJSON()` gives it.</summary>
public sealed record PushEndpoint(string Endpoint, string P256dh, string Auth);

/// <summary>Whether a kind of notification also goes to the person's devices by Web Push (the inbox always holds it).</summary>
public sealed record NotificationPreference(NotificationKind Kind, bool Push);

/// <summary>A person's choices, one per kind, and their quiet hours (null: none), with the version an edit names (0 before the first).</summary>
public sealed record NotificationSettings(int Version, IReadOnlyList<NotificationPreference> Preferences, QuietHours? QuietHours);

/// <summary>
/// Browsers' subscriptions (RFC 8030) per person, and each person's choice per kind. The push service's address
/// comes from the browser, so the server would POST wherever a caller says: only the push services in
/// `Vape:WebPush:AllowedOrigins` are accepted (ADR 0123).
/// </summary>
public sealed class PushSubscriptions(NpgsqlDataSource database, IOptions<WebPushOptions> options, TimeProvider clock)
{
    private readonly string[] _origins = options.Value.Origins;

    public bool Allowed(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 && _origins.Any(o => Matches(o, uri));

    private static bool Matches(string allowed, Uri uri)
    {
        if (!Uri.TryCreate(allowed.Replace("://*.", "://wildcard."), UriKind.Absolute, out var origin)) return false;
        if (origin.Scheme != uri.Scheme || origin.Port != uri.Port) return false;
        return allowed.Contains("://*.")
            ? uri.Host.EndsWith(origin.Host["wildcard".Length..], StringComparison.OrdinalIgnoreCase)
            : uri.Host.Equals(origin.Host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Keeps the subscription for the person; a browser's subscription that another person had moves to this one.</summary>
    public async Task<PushEndpoint> SubscribeAsync(Guid person, PushEndpoint input, CancellationToken ct)
    {
        var endpoint = input.Endpoint?.Trim() ?? "";
        if (endpoint.Length is 0 or > 1000 || !Allowed(endpoint))
            throw VapeException.InvalidInput("Địa chỉ nhận thông báo đẩy (`endpoint`) không phải của một dịch vụ đẩy được chấp nhận.");
        if (Decode(input.P256dh) is not { Length: 65 } point || point[0] != 0x04)
            throw VapeException.InvalidInput("Khóa `p256dh` phải là một điểm P-256 không nén (65 byte, base64url).");
        if (Decode(input.Auth) is not { Length: 16 })
            throw VapeException.InvalidInput("Khóa `auth` phải dài 16 byte (base64url).");
        await database.ExecuteAsync("""
            insert into notifications.push_subscriptions (endpoint, person_id, p256dh, auth, created_at) values (@e, @p, @k, @a, @at)
            on conflict (endpoint) do update set person_id = excluded.person_id, p256dh = excluded.p256dh, auth = excluded.auth, created_at = excluded.created_at
            """, ct, ("e", endpoint), ("p", person), ("k", input.P256dh), ("a", input.Auth), ("at", clock.GetUtcNow()));
        return new PushEndpoint(endpoint, input.P256dh, input.Auth);
    }

    /// <summary>Removes the person's own subscription; false when they have none at that address (someone else's stays).</summary>
    public async Task<bool> UnsubscribeAsync(Guid person, string endpoint, CancellationToken ct)
    {
        if (!Uri.TryCreate(endpoint?.Trim(), UriKind.Absolute, out _))
            throw VapeException.InvalidInput("Địa chỉ nhận thông báo đẩy (`endpoint`) không hợp lệ.");
        return await database.ExecuteAsync("delete from notifications.push_subscriptions where endpoint = @e and person_id = @p", ct,
            ("e", endpoint!.Trim()), ("p", person)) > 0;
    }

    public Task<List<PushEndpoint>> OfAsync(Guid person, CancellationToken ct) =>
        database.ListAsync("select endpoint, p256dh, auth from notifications.push_subscriptions where person_id = @p order by created_at",
            r => new PushEndpoint(r.GetString(0), r.GetString(1), r.GetString(2)), ct, ("p", person));

    /// <summary>A subscription the push service says is gone (404, 410), or no longer allowed.</summary>
    public Task RemoveAsync(string endpoint, CancellationToken ct) =>
        database.ExecuteAsync("delete from notifications.push_subscriptions where endpoint = @e", ct, ("e", endpoint));

    public async Task<NotificationSettings> SettingsAsync(Guid person, CancellationToken ct)
    {
        var row = (await database.ListAsync("select push_off, version, quiet_start, quiet_end, time_zone from notifications.settings where person_id = @p",
            r => (Off: r.GetFieldValue<string[]>(0), Version: r.GetInt32(1), Quiet: ReadQuietHours(r, 2)), ct, ("p", person))).SingleOrDefault();
        var off = row.Off ?? [];
        return new NotificationSettings(row.Version,
            [.. Enum.GetValues<NotificationKind>().Select(k => new NotificationPreference(k, !off.Contains(k.ToString())))], row.Quiet);
    }

    /// <summary>Sets (or with null, ends) the person's quiet hours; with `expectedVersion`, only if nobody changed the settings since (VERSION_CONFLICT).</summary>
    public async Task<NotificationSettings> SetQuietHoursAsync(Guid person, QuietHours? quiet, int? expectedVersion, CancellationToken ct)
    {
        var changed = await database.ExecuteAsync($$"""
            insert into notifications.settings as s (person_id, push_off, version, quiet_start, quiet_end, time_zone)
            select @p, '{}'::text[], 1, @start, @end, @zone where {{OnlyIfExpected}}
            on conflict (person_id) do update
               set quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, time_zone = excluded.time_zone, version = s.version + 1
             where @expected::int is null or s.version = @expected
            """, ct, ("p", person),
            ("start", Sql.Typed("start", quiet is null ? null : (short?)(quiet.Start.Hour * 60 + quiet.Start.Minute), NpgsqlTypes.NpgsqlDbType.Smallint)),
            ("end", Sql.Typed("end", quiet is null ? null : (short?)(quiet.End.Hour * 60 + quiet.End.Minute), NpgsqlTypes.NpgsqlDbType.Smallint)),
            ("zone", Sql.Typed("zone", quiet?.TimeZone, NpgsqlTypes.NpgsqlDbType.Text)),
            ("expected", Sql.Typed("expected", expectedVersion, NpgsqlTypes.NpgsqlDbType.Integer)));
        if (changed == 0) throw VapeException.VersionConflict();
        return await SettingsAsync(person, ct);
    }

    /// <summary>What the delivery of one notification needs to know: whether the kind is pushed, and the quiet hours.</summary>
    public async Task<(bool Push, QuietHours? Quiet)> PushChoiceAsync(Guid person, NotificationKind kind, CancellationToken ct)
    {
        var row = (await database.ListAsync("select @k = any(push_off), quiet_start, quiet_end, time_zone from notifications.settings where person_id = @p",
            r => (Off: r.GetBoolean(0), Quiet: ReadQuietHours(r, 1)), ct, ("p", person), ("k", kind.ToString()))).SingleOrDefault();
        return (!row.Off, row.Quiet);
    }

    private static QuietHours? ReadQuietHours(NpgsqlDataReader r, int at) =>
        r.IsDBNull(at) || r.IsDBNull(at + 1) ? null
            : new QuietHours(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(r.GetInt16(at))), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(r.GetInt16(at + 1))),
                r.IsDBNull(at + 2) ? QuietHours.DefaultTimeZone : r.GetString(at + 2));

    /// <summary>
    /// An edit's row reaches `on conflict` (where the version is checked) when the person has settings; without them,
    /// only an edit that expects none (0) or names no version makes them, else nothing changes (VERSION_CONFLICT).
    /// </summary>
    private const string OnlyIfExpected =
        "@expected::int is null or @expected = 0 or exists (select 1 from notifications.settings where person_id = @p)";

    /// <summary>Turns pushing one kind on or off; with `expectedVersion`, only if nobody changed the settings since (VERSION_CONFLICT).</summary>
    public async Task<NotificationSettings> SetPreferenceAsync(Guid person, NotificationKind kind, bool push, int? expectedVersion, CancellationToken ct)
    {
        var changed = await database.ExecuteAsync($$"""
            insert into notifications.settings as s (person_id, push_off, version)
            select @p, case when @push then '{}'::text[] else array[@k] end, 1 where {{OnlyIfExpected}}
            on conflict (person_id) do update
               set push_off = case when @push then array_remove(s.push_off, @k) else array_append(array_remove(s.push_off, @k), @k) end,
                   version = s.version + 1
             where @expected::int is null or s.version = @expected
            """, ct, ("p", person), ("k", kind.ToString()), ("push", push), ("expected", Sql.Typed("expected", expectedVersion, NpgsqlTypes.NpgsqlDbType.Integer)));
        if (changed == 0) throw VapeException.VersionConflict();
        return await SettingsAsync(person, ct);
    }

    private static byte[]? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200) return null;
        try { return WebEncoders.Base64UrlDecode(value.TrimEnd('=')); }
        catch (FormatException) { return null; }
    }
}
