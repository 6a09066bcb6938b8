using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;

namespace Vape.Classes.Calendar;

/// <summary>What a person sees of their feed; `Url` only in the answer that created it (only the token's hash is kept).</summary>
internal sealed record CalendarFeed(DateTimeOffset CreatedAt, string? Url);

/// <summary>
/// A person's secret iCalendar feed of their classes (docs/adr/0158): a 256-bit token, base64url, kept as its SHA-256;
/// creating again replaces it, revoking deletes it. The feed holds the sessions of the classes the person is enrolled
/// in or teaches, from 30 days back to 365 ahead. It answers only while the way its person signed in to make it still
/// holds (docs/adr/0159): a deleted account, an ended link or a member gone ends it.
/// </summary>
internal sealed class CalendarFeeds(NpgsqlDataSource database, ClassesClock clock)
{
    public const string PathPrefix = "/calendar/";
    public const int TokenLength = 43;
    public static readonly TimeSpan Back = TimeSpan.FromDays(30);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(365);
    public const int MaxEvents = 2000;

    public async Task<CalendarFeed?> MineAsync(Guid person, CancellationToken ct) =>
        (await database.ListAsync("select created_at from classes.calendar_feeds where person_id = @p",
            r => new CalendarFeed(r.GetFieldValue<DateTimeOffset>(0), null), ct, ("p", person))).SingleOrDefault();

    /// <summary>`access`: the way the person signed in (IAccessChecks.AccessKeyAsync), kept with the feed.</summary>
    public async Task<CalendarFeed> CreateAsync(Guid person, string? access, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.Now;
        await database.ExecuteAsync("""
            insert into classes.calendar_feeds (person_id, token_hash, created_at, access) values (@p, @h, @at, @access)
            on conflict (person_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at, access = excluded.access
            """, ct, ("p", person), ("h", Hash(token)), ("at", now), ("access", access));
        return new CalendarFeed(now, PathPrefix + token + ".ics");
    }

    public async Task<bool> RevokeAsync(Guid person, CancellationToken ct) =>
        await database.ScalarAsync<bool>("with gone as (delete from classes.calendar_feeds where person_id = @p returning 1) select exists (select 1 from gone)",
            ct, ("p", person));

    /// <summary>
    /// Whose feed the token opens, or null: a malformed token never reaches the database, and a feed whose way in no
    /// longer holds is deleted and opens nothing.
    /// </summary>
    public async Task<Guid?> OwnerAsync(string token, IAccessChecks access, CancellationToken ct)
    {
        if (!WellFormed(token)) return null;
        var hash = Hash(token);
        var feed = (await database.ListAsync("select person_id, access from classes.calendar_feeds where token_hash = @h",
            r => (Person: r.GetGuid(0), Access: r.IsDBNull(1) ? null : r.GetString(1)), ct, ("h", hash))).SingleOrDefault();
        if (feed.Person == Guid.Empty) return null;
        if (await access.AccessHoldsAsync(feed.Person, feed.Access, ct)) return feed.Person;
        await database.ExecuteAsync("delete from classes.calendar_feeds where token_hash = @h", ct, ("h", hash));
        return null;
    }

    public static bool WellFormed(string token) =>
        token.Length == TokenLength && token.All(ch => ch is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    public async Task<List<CalendarEvent>> EventsAsync(Guid person, CancellationToken ct)
    {
        var now = clock.Now;
        return await database.ListAsync("""
            select s.id, s.starts_at, s.ends_at, c.version + s.revision, s.status = 'CANCELLED' or c.status = 'CANCELLED',
                   c.title, s.number, (select count(*) from classes.sessions n where n.class_id = c.id)::int, c.description, c.media_url
            from classes.classes c
            join classes.sessions s on s.class_id = c.id
            where (exists (select 1 from classes.enrolments e where e.class_id = c.id and e.person_id = @p and e.status = 'ENROLLED')
                   or @p = any(c.host_ids) or @p = any(c.co_host_ids))
              and s.starts_at >= @from and s.starts_at < @to
            order by s.starts_at, s.id
            limit @max
            """,
            r => new CalendarEvent(r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3), r.GetBoolean(4),
                Summary(r.GetString(5), r.GetInt32(6), r.GetInt32(7)), r.IsDBNull(9) ? "Lớp học trực tuyến trên Vape" : "Lớp học trực tuyến: " + r.GetString(9),
                r.GetString(8)),
            ct, ("p", person), ("from", now - Back), ("to", now + Ahead), ("max", MaxEvents));
    }

    private static string Summary(string title, int number, int count) => count > 1 ? $"{title} (buổi {number}/{count})" : title;
}

internal static class CalendarEndpoint
{
    public const string CalendarName = "Lớp học của tôi – Vape";
    private const string LoggedPath = CalendarFeeds.PathPrefix + "{token}.ics";

    /// <summary>`GET /calendar/{token}.ics`, without sign-in: calendar apps cannot sign in; the token is the secret.</summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(CalendarFeeds.PathPrefix + "{token}.ics", async (string token, HttpContext http, CalendarFeeds feeds, IAccessChecks access,
            ClassesClock clock, CancellationToken ct) =>
        {
            // The token is a credential in the path: the request log (which writes the path when the answer is done)
            // sees only the route's template, never the token.
            http.Request.Path = LoggedPath;
            if (await feeds.OwnerAsync(token, access, ct) is not Guid person) return Results.NotFound();
            var events = await feeds.EventsAsync(person, ct);
            // The ETag covers everything but DTSTAMP (the time of this answer): rendered with a fixed stamp, then hashed.
            var steady = ICalendarWriter.Write(CalendarName, events, DateTimeOffset.UnixEpoch);
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(steady))[..16]) + "\"";
            http.Response.Headers.CacheControl = "private, no-cache";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var body = ICalendarWriter.Write(CalendarName, events, clock.Now);
            return Results.Text(body, "text/calendar; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous();
}
