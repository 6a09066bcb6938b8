using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Xapi;

/// <summary>
/// Statements about a known member become activities of their record (docs/adr/0131): the actor's `account` must be
/// one the member linked (or an official linked for them), never a bare e-mail. Only statements that say something
/// was learned (completed, passed, mastered, attended) become entries, `Verified` from a trusted client and
/// `SelfDeclared` (pending an official) otherwise; exactly once, the entry's id being the statement's. Statements of
/// unknown actors stay in the LRS, unattributed, until the account is linked.
/// </summary>
internal sealed partial class XapiAttribution(NpgsqlDataSource database, IDocumentStore store, IOrganizationQueries org, TimeProvider clock,
    ILogger<XapiAttribution> log)
{
    public static readonly string[] LearningVerbs =
    [
        "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed",
        "http://adlnet.gov/expapi/verbs/mastered", "http://adlnet.gov/expapi/verbs/attended",
    ];

    [GeneratedRegex(@"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex SimpleDuration();

    /// <summary>Links an xAPI account to a member: the member themself, or an official who may review their record.</summary>
    public async Task<int> LinkAsync(Guid actor, Guid personId, string? homePage, string? name, CancellationToken ct)
    {
        var home = homePage?.Trim() ?? "";
        var account = name?.Trim() ?? "";
        if (!StatementRules.IsIri(home) || home.Length > 500) throw VapeException.InvalidInput("`homePage` phải là địa chỉ (IRI) của hệ thống học tập, tối đa 500 ký tự.");
        if (account.Length is 0 or > 200) throw VapeException.InvalidInput("Tên tài khoản cần từ 1 đến 200 ký tự.");
        if (actor != personId) await RecordAccess.DemandReviewAsync(org, actor, personId, ct);
        var owner = await database.ScalarAsync<Guid?>("""
            insert into records.xapi_accounts (home_page, name, person_id, linked_by, linked_at) values (@h, @n, @p, @by, @at)
            on conflict (home_page, name) do update set home_page = excluded.home_page
            returning person_id
            """, ct, ("h", home), ("n", account), ("p", personId), ("by", actor), ("at", clock.GetUtcNow()));
        if (owner != personId) throw VapeException.VersionConflict("Tài khoản này đã được gắn với một người khác.");
        var ids = await database.ListAsync("""
            update records.xapi_statements set person_id = @p
             where person_id is null and body->'actor'->'account'->>'homePage' = @h and body->'actor'->'account'->>'name' = @n
            returning id
            """, r => r.GetGuid(0), ct, ("p", personId), ("h", home), ("n", account));
        await XapiSealing.SealLinkedAsync(database, personId, ids, $"account:{home}|{account}", ct);
        foreach (var id in ids) await RecordAsync(id, ct);
        return ids.Count;
    }

    /// <summary>The member an actor is, by a linked account; null for anyone else.</summary>
    public async Task<Guid?> MemberAsync(JsonObject statement, CancellationToken ct)
    {
        if (statement["actor"]?["account"] is not JsonObject account) return null;
        return await database.ScalarAsync<Guid?>("select person_id from records.xapi_accounts where home_page = @h and name = @n", ct,
            ("h", account["homePage"]!.GetValue<string>()), ("n", account["name"]!.GetValue<string>()));
    }

    /// <summary>Brings the record in line with an attributed statement, in its own session. A failure is logged; linking again retries.</summary>
    public async Task RecordAsync(Guid statementId, CancellationToken ct)
    {
        try
        {
            await using var session = store.LightweightSession();
            await ReconcileAsync(new RecordSql(session), clock, statementId, ct);
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or VapeException or JasperFx.ConcurrencyException)
        {
            log.LogWarning(e, "xAPI statement {StatementId} not recorded into its member's record", statementId);
        }
    }

    /// <summary>
    /// In the caller's transaction, under the record's row lock: an attributed learning statement has its entry (the
    /// statement's id), written unless it is there; a voided one has none (<see cref="EntryWithdrawn"/> when it had).
    /// Idempotent: each delivery of <see cref="XapiStatementStored"/> looks at the statement as it is now.
    /// </summary>
    public static async Task ReconcileAsync(RecordSql sql, TimeProvider clock, Guid statementId, CancellationToken ct)
    {
        var rows = await sql.ListAsync($"""
            select s.person_id, {XapiSealing.BodyColumns}, c.trusted, c.name, s.voided from records.xapi_statements s join records.xapi_clients c on c.id = s.client_id
              {XapiSealing.KeyJoin}
             where s.id = @id and s.person_id is not null and not s.erased and s.client_id <> @vape
            """, r => (Person: r.GetGuid(0), Body: XapiSealing.Body(r, 1), Trusted: r.GetBoolean(4), Client: r.GetString(5), Voided: r.GetBoolean(6)), ct,
            ("id", statementId), ("vape", XapiOwnStatements.ClientId));
        // Vape's own statements (docs/adr/0220) tell what the record already holds: they never come back into it.
        if (rows.Count == 0 || rows[0].Body is null) return;
        var (person, body, trusted, client, voided) = rows[0];
        if (voided)
        {
            var held = await RecordStream.OpenAsync(sql, person, ct);
            var own = await sql.ScalarAsync<bool>("select exists (select 1 from records.entries where id = @id and person_id = @p)", ct, ("id", statementId), ("p", person));
            var state = own ? RecordState.Empty with { Entries = await RecordReads.EntryAsync(sql, statementId, ct) } : RecordState.Empty;
            foreach (var e in DecideVoided(statementId, state, clock.GetUtcNow()))
                await RecordStream.AppendAsync(sql, held, null, e, held.Key, ct);
            return;
        }
        var statement = JsonNode.Parse(body!)!.AsObject();
        if (!Learning(statement)) return;
        var date = Day(statement, clock.GetUtcNow());
        var record = await RecordStream.OpenAsync(sql, person, ct, withKey: true, day: date);
        var read = RecordState.Empty with { Entries = await RecordReads.EntryAsync(sql, statementId, ct), DayMinutes = record.DayMinutes };
        // Withdrawn once (its statement voided), never back: a voided statement is voided for ever, but be sure.
        var voidedNow = await sql.ScalarAsync<bool>("select exists (select 1 from records.xapi_statements where id = @id and voided)", ct, ("id", statementId));
        foreach (var e in Decide(statementId, statement, trusted, client, voidedNow, read, clock.GetUtcNow(), RecordDecider.SealWith(record.Key!)))
            await RecordStream.AppendAsync(sql, record, null, e, record.Key, ct);
    }

    /// <summary>A voided statement's entry leaves the record (<see cref="EntryWithdrawn"/>); none when it has none.</summary>
    internal static IReadOnlyList<IRecordEvent> DecideVoided(Guid statementId, RecordState state, DateTimeOffset at) =>
        state.Entries.ContainsKey(statementId) ? [new EntryWithdrawn(statementId, at)] : [];

    /// <summary>
    /// A learning statement's activity (its id the statement's; `Verified` from a trusted client, `SelfDeclared`
    /// otherwise), or nothing: when it is not a learning verb, already in the record, voided since, or its day is full.
    /// Its minutes are its duration (at least 1), cut to what is left of the day; its title the object's name (in
    /// Vietnamese first); its provider the client.
    /// </summary>
    internal static IReadOnlyList<IRecordEvent> Decide(Guid statementId, JsonObject statement, bool trusted, string client, bool voided, RecordState state,
        DateTimeOffset at, Sealer seal)
    {
        if (!Learning(statement) || voided || state.Entries.ContainsKey(statementId)) return [];
        var room = (int)Math.Max(0, RecordRules.MinutesPerDay - state.DayMinutes);
        var minutes = Math.Min(Math.Max(Minutes(statement["result"]?["duration"]?.GetValue<string>()), 1), room);
        if (minutes == 0) return [];
        var details = new ActivityDetails(Fit(Title(statement), RecordRules.MaxTitle), LearningDomain.Other, Day(statement, at), minutes,
            Fit(client, RecordRules.MaxProvider), null, null, null);
        return [new ActivityRecorded(statementId, trusted ? Provenance.Verified : Provenance.SelfDeclared, null, seal(details), at)];
    }

    private static bool Learning(JsonObject statement) => LearningVerbs.Contains(statement["verb"]!["id"]!.GetValue<string>());

    /// <summary>The day the statement says the learning happened (its timestamp, UTC), else the day it was recorded.</summary>
    private static DateOnly Day(JsonObject statement, DateTimeOffset recorded) =>
        DateOnly.FromDateTime((StatementRules.ParseTimestamp(statement["timestamp"]!.GetValue<string>()) ?? recorded).UtcDateTime);

    private static string Title(JsonObject statement)
    {
        var o = statement["object"]!.AsObject();
        if (o["definition"]?["name"] is JsonObject names && names.Count > 0)
            return (names.FirstOrDefault(p => p.Key.StartsWith("vi", StringComparison.OrdinalIgnoreCase)).Value ?? names.First().Value)!.GetValue<string>();
        return o["id"]?.GetValue<string>() ?? "Hoạt động học tập";
    }

    private static int Minutes(string? duration)
    {
        if (duration is null || SimpleDuration().Match(duration) is not { Success: true } m) return 0;
        double Part(int i) => m.Groups[i].Success ? double.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (int)Math.Min(RecordRules.MinutesPerDay, Part(1) * 1440 + Part(2) * 60 + Part(3) + Part(4) / 60);
    }

    private static string Fit(string text, int max) => text.Length > max ? text[..max] : text;
}
