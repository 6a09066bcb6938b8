using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Vape.Records.Badges;
using Vape.Records.Contracts;
using Vape.Records.Record;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Vape.Records.Xapi;

/// <summary>Which of Vape's own events a statement tells (docs/adr/0220).</summary>
public enum OwnStatementKind
{
    /// <summary>A class session attended (its completion rule met): `attended`; the source is the entry.</summary>
    Attended,

    /// <summary>An entry an official verified (or a Funds award): an activity `completed`, a credential `earned`; the source is the entry.</summary>
    Verified,

    /// <summary>A title confirmed, on the record of each person it covers: `earned`; the source is the title.</summary>
    TitleAwarded,
}

/// <summary>
/// One of Vape's own events of a person's record, to be told to the LRS as an xAPI statement (docs/adr/0220). Published
/// through the outbox in the record's transaction, so it is sent only when the record committed, and again after a crash.
/// </summary>
public sealed record EmitOwnStatement(Guid PersonId, OwnStatementKind Kind, Guid SourceId);

public static class EmitOwnStatementHandler
{
    /// <summary>Two deliveries meet on the statement's id; the loser retries and finds it there.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<PostgresException>().RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    public static async Task Handle(EmitOwnStatement message, NpgsqlDataSource database, IOptions<BadgeOptions> options, TimeProvider clock,
        ILogger<EmitOwnStatement> log, CancellationToken ct) =>
        await new XapiOwnStatements(database, XapiOwnStatements.OriginOf(options.Value), clock, log).EmitAsync(message, ct);
}

/// <summary>
/// Vape's own events as statements of its LRS (docs/adr/0220), so that the record and the LRS agree: stored by Vape
/// (its own client row, which no one can sign in as), with Vape as authority, the person's Vape account as actor
/// (never an e-mail), a statement id derived from the event (exactly once), ADL verbs and activity ids under the
/// public origin. Attributed to the person and sealed with their key like any member's statement (ADR 0134): readable
/// by clients of their unit's tree (each read in their access log), shredded on erasure. Never an entry of the record
/// again (<see cref="XapiAttribution.ReconcileAsync"/> skips Vape's client), and no client may void one.
/// </summary>
internal sealed class XapiOwnStatements(NpgsqlDataSource database, string origin, TimeProvider clock, ILogger log)
{
    /// <summary>Vape's own client row: revoked from the start, its secret a hash of nothing anyone knows.</summary>
    public static readonly Guid ClientId = new("00000000-0000-0000-0000-0000000a9e01");

    public const string ClientKey = "vape";

    public const string Attended = "http://adlnet.gov/expapi/verbs/attended";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Earned = "http://id.tincanapi.com/verb/earned";

    /// <summary>The namespace of the statement ids (a name-based UUID, version 5, of the kind, the source and the person).</summary>
    private static readonly Guid Namespace = new("6f6b1c3e-2a47-4d7e-9a55-0b8f3c1d2e40");

    /// <summary>The origin the actor's account and the activity ids are named by: `Vape:Badges:PublicOrigin`, else http://localhost.</summary>
    public static string OriginOf(BadgeOptions options) => options.PublicOrigin is { Length: > 0 } o ? o.TrimEnd('/') : "http://localhost";

    private string Origin => origin;

    /// <summary>The id of the statement that tells this event of this person: the same every time.</summary>
    public static Guid StatementId(OwnStatementKind kind, Guid sourceId, Guid personId)
    {
        var name = Encoding.UTF8.GetBytes($"vape:{kind}:{sourceId:N}:{personId:N}");
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Stores the event's statement; false when it was there already or there is nothing to tell (an erased record, an entry gone).</summary>
    public async Task<bool> EmitAsync(EmitOwnStatement message, CancellationToken ct)
    {
        var id = StatementId(message.Kind, message.SourceId, message.PersonId);
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The learner's row held against an erasure in between: an erased (or unknown) record gets no statement.
        var live = await Scalar<bool?>(conn, "select erased_at is null from records.learners where person_id = @p for share", ct, ("p", message.PersonId));
        if (live != true) return false;
        if (await Scalar<bool>(conn, "select exists (select 1 from records.xapi_statements where id = @id)", ct, ("id", id))) return false;
        var unit = await Scalar<Guid?>(conn, "select unit_id from records.memberships where person_id = @p and home limit 1", ct, ("p", message.PersonId));
        if (unit is null)
        {
            log.LogWarning("No statement for {Kind} {SourceId}: the person has no home unit", message.Kind, message.SourceId);
            return false;
        }
        var key = await PersonKeys.EnsureAsync(conn, message.PersonId, ct);
        var now = clock.GetUtcNow();
        var statement = message.Kind == OwnStatementKind.TitleAwarded
            ? await TitleAsync(conn, message, id, ct)
            : await EntryAsync(conn, message, id, key, ct);
        if (statement is null) return false;
        var stored = XapiStatements.Timestamp(now);
        statement["stored"] = stored;
        statement["authority"] = new JsonObject
        {
            ["objectType"] = "Agent",
            ["name"] = "Vape",
            ["account"] = new JsonObject { ["homePage"] = Origin, ["name"] = ClientKey },
        };
        statement["version"] = "2.0.0";
        StatementRules.Statement(statement, false);
        StatementShape.Normalize(statement);
        var index = StatementIndex.Of(statement);

        await Execute(conn, """
            insert into records.xapi_clients (id, unit_id, name, key, secret_hash, trusted, created_by, created_at, revoked_at)
            values (@id, '00000000-0000-0000-0000-000000000000', 'Vape', @key, @hash, true, '00000000-0000-0000-0000-000000000000', @at, @at)
            on conflict do nothing
            """, ct, ("id", ClientId), ("key", ClientKey), ("hash", SHA256.HashData(RandomNumberGenerator.GetBytes(32))), ("at", now));
        var added = await StatementRow.InsertAsync(conn, tx, id, unit.Value, ClientId, "{}", XapiSealing.Seal(key, statement.ToJsonString()), now, index,
            voiding: false, message.PersonId, once: true, ct) == 1;
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>An attended session, or a verified entry: read from the record as it is now (nothing when it left, or is not accepted).</summary>
    private async Task<JsonObject?> EntryAsync(NpgsqlConnection conn, EmitOwnStatement message, Guid id, byte[] key, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select kind, domain, on_date, minutes, provenance, status, details, decided_at
              from records.entries where id = @e and person_id = @p
            """, conn);
        cmd.Parameters.AddWithValue("e", message.SourceId);
        cmd.Parameters.AddWithValue("p", message.PersonId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var kind = Enum.Parse<EntryKind>(reader.GetString(0));
        var status = Enum.Parse<EntryStatus>(reader.GetString(5));
        if (status != EntryStatus.Accepted) return null;
        var minutes = reader.GetInt32(3);
        var date = reader.GetFieldValue<DateOnly>(2);
        var decidedAt = reader.IsDBNull(7) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(7);
        var sealedDetails = (byte[])reader[6];
        var domain = reader.IsDBNull(1) ? null : reader.GetString(1);
        await reader.DisposeAsync();

        string title;
        string activityId;
        string type;
        string verb;
        JsonObject? result = null;
        if (kind == EntryKind.Activity)
        {
            var details = PersonKeys.Open<ActivityDetails>(key, sealedDetails);
            title = details.Title;
            // A class is one activity for everyone who attends it; anything else is the entry itself.
            activityId = details.ClassId is Guid classId ? $"{Origin}/classes/{classId}" : $"{Origin}/records/entries/{message.SourceId}";
            type = details.ClassId is null ? "http://adlnet.gov/expapi/activities/course" : "http://adlnet.gov/expapi/activities/meeting";
            verb = message.Kind == OwnStatementKind.Attended ? Attended : Completed;
            result = new JsonObject { ["completion"] = true, ["duration"] = $"PT{minutes}M" };
        }
        else
        {
            var details = PersonKeys.Open<CredentialDetails>(key, sealedDetails);
            title = details.Name;
            activityId = $"{Origin}/records/entries/{message.SourceId}";
            type = "http://id.tincanapi.com/activitytype/certificate";
            verb = Earned;
        }
        var statement = Statement(id, message.PersonId, verb, activityId, title, type,
            message.Kind == OwnStatementKind.Attended || decidedAt is null ? DayStart(date) : decidedAt.Value);
        if (result is not null) statement["result"] = result;
        if (domain is not null)
            statement["context"]!["extensions"] = new JsonObject { [$"{Origin}/xapi/extensions/domain"] = Vape.BuildingBlocks.GraphQL.EnumNames.GraphQLName(domain) };
        return statement;
    }

    private async Task<JsonObject?> TitleAsync(NpgsqlConnection conn, EmitOwnStatement message, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select kind, year, subject_id, awarded_at from records.titles where id = @t and person_id = @p", conn);
        cmd.Parameters.AddWithValue("t", message.SourceId);
        cmd.Parameters.AddWithValue("p", message.PersonId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var kind = Enum.Parse<TitleKind>(reader.GetString(0));
        var year = reader.GetInt32(1);
        var subject = reader.GetGuid(2);
        var at = reader.GetFieldValue<DateTimeOffset>(3);
        var graphName = Vape.BuildingBlocks.GraphQL.EnumNames.GraphQLName(kind.ToString());
        var name = $"{LearningTitleDecided.KindName(graphName)} năm {year.ToString(CultureInfo.InvariantCulture)}";
        // One activity per title: its kind, year and subject (the person, household, clan, village or unit it was given to).
        return Statement(id, message.PersonId, Earned, $"{Origin}/titles/{graphName.ToLowerInvariant().Replace('_', '-')}/{year}/{subject}", name,
            "http://activitystrea.ms/schema/1.0/badge", at);
    }

    private JsonObject Statement(Guid id, Guid person, string verb, string activityId, string title, string type, DateTimeOffset timestamp) => new()
    {
        ["id"] = id.ToString(),
        ["actor"] = new JsonObject
        {
            ["objectType"] = "Agent",
            ["account"] = new JsonObject { ["homePage"] = Origin, ["name"] = person.ToString() },
        },
        ["verb"] = new JsonObject { ["id"] = verb, ["display"] = VerbDisplay(verb) },
        ["object"] = new JsonObject
        {
            ["objectType"] = "Activity",
            ["id"] = activityId,
            ["definition"] = new JsonObject { ["name"] = new JsonObject { ["vi-VN"] = title }, ["type"] = type },
        },
        ["context"] = new JsonObject { ["platform"] = "Vape", ["language"] = "vi-VN" },
        ["timestamp"] = XapiStatements.Timestamp(timestamp),
    };

    private static JsonObject VerbDisplay(string verb) => verb switch
    {
        Attended => new JsonObject { ["vi-VN"] = "đã tham dự", ["en-US"] = "attended" },
        Completed => new JsonObject { ["vi-VN"] = "đã hoàn thành", ["en-US"] = "completed" },
        _ => new JsonObject { ["vi-VN"] = "đã đạt được", ["en-US"] = "earned" },
    };

    /// <summary>The start of the day in Việt Nam (UTC+7), the day the record says it happened.</summary>
    private static DateTimeOffset DayStart(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));

    private static async Task<T?> Scalar<T>(NpgsqlConnection conn, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var result = await cmd.ExecuteScalarAsync(ct);
        return result is null or DBNull ? default : (T)result;
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
