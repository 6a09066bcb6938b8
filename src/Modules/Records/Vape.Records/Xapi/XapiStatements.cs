using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Vape.Records.Record;
using Wolverine.Marten;

namespace Vape.Records.Xapi;

/// <summary>An attachment's content sent beside the statements (multipart/mixed), by its SHA-256.</summary>
internal sealed record AttachmentPart(string Sha2, string ContentType, byte[] Content);

/// <summary>A page of statements and what the response needs besides: their attachments, the time the read is consistent through.</summary>
internal sealed record StatementPage(JsonNode Body, IReadOnlyList<AttachmentPart> Attachments, DateTimeOffset ConsistentThrough, DateTimeOffset? LastModified);

/// <summary>
/// The Statement Resource: statements written in a batch, exactly once by id (the same statement again is accepted
/// and changes nothing, a different one under the same id is a conflict), voiding, and reads with every filter.
/// </summary>
internal sealed class XapiStatements(NpgsqlDataSource database, IDocumentStore store, XapiAttribution attribution, XapiReads reads, TimeProvider clock)
{
    public const int MaxLimit = 100;
    private static readonly string[] QueryParams = ["statementId", "voidedStatementId", "agent", "verb", "activity", "registration", "related_activities",
        "related_agents", "since", "until", "limit", "format", "attachments", "ascending"];

    /// <summary>Parses a POST or PUT body (JSON, or multipart/mixed with attachments) into validated statements.</summary>
    public static async Task<(List<JsonObject> Statements, List<AttachmentPart> Parts)> ParseAsync(XapiRequest request, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        byte[] json;
        var parts = new List<AttachmentPart>();
        if (type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            if (!MediaTypeHeaderValue.TryParse(type, out var media) || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
                throw XapiError.Invalid("Nội dung multipart/mixed thiếu `boundary`.");
            var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
            MultipartSection? first;
            try { first = await reader.ReadNextSectionAsync(ct); }
            catch (Exception e) when (e is IOException or InvalidDataException) { throw XapiError.Invalid("Nội dung multipart/mixed không đọc được."); }
            if (first is null || !(first.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                throw XapiError.Invalid("Phần đầu của multipart/mixed phải là câu lệnh (application/json).");
            json = await ReadAll(first.Body, ct);
            while (true)
            {
                MultipartSection? section;
                try { section = await reader.ReadNextSectionAsync(ct); }
                catch (Exception e) when (e is IOException or InvalidDataException) { throw XapiError.Invalid("Nội dung multipart/mixed không đọc được."); }
                if (section is null) break;
                var headers = section.Headers ?? [];
                if (!headers.TryGetValue("X-Experience-API-Hash", out var hash) || string.IsNullOrEmpty(hash))
                    throw XapiError.Invalid("Mỗi phần đính kèm cần tiêu đề X-Experience-API-Hash.");
                if (!headers.TryGetValue("Content-Transfer-Encoding", out var encoding) || !string.Equals(encoding, "binary", StringComparison.OrdinalIgnoreCase))
                    throw XapiError.Invalid("Mỗi phần đính kèm cần tiêu đề Content-Transfer-Encoding: binary.");
                var content = await ReadAll(section.Body, ct);
                if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), hash.ToString(), StringComparison.OrdinalIgnoreCase))
                    throw XapiError.Invalid("X-Experience-API-Hash không khớp với nội dung của phần đính kèm.");
                parts.Add(new AttachmentPart(hash.ToString().ToLowerInvariant(), section.ContentType ?? "application/octet-stream", content));
            }
        }
        else if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)) json = request.Body;
        else throw XapiError.Invalid("Content-Type phải là application/json hoặc multipart/mixed.");

        JsonNode? node;
        try { node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }); }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException) { throw XapiError.Invalid("Nội dung không phải JSON hợp lệ."); }
        var statements = node switch
        {
            JsonArray list => list.Select((s, i) => s as JsonObject ?? throw StatementRules.Fault($"[{i}]", "phải là một câu lệnh")).ToList(),
            JsonObject one => [one],
            _ => throw XapiError.Invalid("Nội dung phải là một câu lệnh hoặc một mảng câu lệnh."),
        };
        foreach (var s in statements) StatementRules.Statement(s, request.IsLegacy);
        CheckAttachments(statements, parts);
        return (statements, parts);
    }

    private static void CheckAttachments(List<JsonObject> statements, List<AttachmentPart> parts)
    {
        var needed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in statements)
        {
            foreach (var a in Attachments(s))
            {
                var sha2 = a["sha2"]!.GetValue<string>();
                if (a["usageType"]!.GetValue<string>() == StatementRules.SignatureUsage)
                {
                    if (a["contentType"]!.GetValue<string>() != "application/octet-stream") throw XapiError.Invalid("Chữ ký của câu lệnh phải có contentType application/octet-stream.");
                    var part = parts.FirstOrDefault(p => string.Equals(p.Sha2, sha2, StringComparison.OrdinalIgnoreCase))
                        ?? throw XapiError.Invalid("Thiếu phần chứa chữ ký của câu lệnh.");
                    SignedStatements.Verify(s, part.Content);
                }
                if (a["fileUrl"] is null) needed.Add(sha2);
            }
        }
        foreach (var sha2 in needed)
            if (!parts.Any(p => string.Equals(p.Sha2, sha2, StringComparison.OrdinalIgnoreCase)))
                throw XapiError.Invalid("Thiếu nội dung của một tệp đính kèm (không có fileUrl thì phải gửi kèm theo multipart/mixed).");
        foreach (var p in parts)
            if (!statements.SelectMany(Attachments).Any(a => string.Equals(a["sha2"]!.GetValue<string>(), p.Sha2, StringComparison.OrdinalIgnoreCase)))
                throw XapiError.Invalid("Có phần multipart không ứng với tệp đính kèm nào của câu lệnh.");
    }

    private static IEnumerable<JsonObject> Attachments(JsonObject s) =>
        (s["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Concat(s["object"] is JsonObject { } o && o["objectType"]?.GetValue<string>() == "SubStatement" ? (o["attachments"] as JsonArray ?? []).OfType<JsonObject>() : []);

    /// <summary>Stores the statements (all or none); returns their ids. The same statement sent again is no change.</summary>
    public async Task<IReadOnlyList<Guid>> StoreAsync(XapiClient client, Guid[] scope, List<JsonObject> statements, List<AttachmentPart> parts, string version,
        string authorityHome, IMartenOutbox outbox, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = Timestamp(now);
        var ids = new List<Guid>();
        foreach (var s in statements)
        {
            if (s["id"] is null) s["id"] = Guid.CreateVersion7().ToString();
            ids.Add(Guid.Parse(s["id"]!.GetValue<string>()));
        }
        if (ids.Distinct().Count() != ids.Count) throw XapiError.Invalid("Hai câu lệnh trong cùng một lô có cùng id.");

        // The statements and the messages that bring members' records in line commit together (the outbox, docs/adr/0133).
        await using var session = store.LightweightSession();
        outbox.Enroll(session);
        var conn = await new RecordSql(session).ConnectionAsync(ct);
        NpgsqlTransaction? tx = null;
        var existing = new Dictionary<Guid, JsonObject>();
        // An erased statement's id stays taken: sending it again changes nothing (there is nothing left to compare with).
        var erased = new HashSet<Guid>();
        await using (var read = new NpgsqlCommand($"select s.id, {XapiSealing.BodyColumns} from records.xapi_statements s {XapiSealing.KeyJoin} where s.id = any(@ids) for update of s", conn, tx))
        {
            read.Parameters.AddWithValue("ids", ids.ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (XapiSealing.Body(reader, 1) is { } body) existing[reader.GetGuid(0)] = JsonNode.Parse(body)!.AsObject();
                else erased.Add(reader.GetGuid(0));
            }
        }
        var voidTargets = new List<Guid>();
        var attributed = new List<Guid>();
        foreach (var s in statements)
        {
            var id = Guid.Parse(s["id"]!.GetValue<string>());
            if (erased.Contains(id)) continue;
            if (existing.TryGetValue(id, out var old))
            {
                if (!Same(old, s)) throw XapiError.Conflict("Đã có một câu lệnh khác với cùng id.");
                continue;
            }
            StatementShape.Normalize(s);
            s["authority"] = new JsonObject
            {
                ["objectType"] = "Agent",
                ["name"] = client.Name,
                ["account"] = new JsonObject { ["homePage"] = authorityHome, ["name"] = client.Key },
            };
            s["stored"] = stored;
            s["timestamp"] ??= stored;
            s["version"] ??= version.StartsWith("1.", StringComparison.Ordinal) ? "1.0.0" : "2.0.0";
            var isVoiding = s["verb"]!["id"]!.GetValue<string>() == StatementRules.Voided;
            var index = StatementIndex.Of(s);
            var person = await attribution.MemberAsync(s, ct);
            if (person is not null) attributed.Add(id);
            if (isVoiding) voidTargets.Add(index.Target!.Value);
            // A member's statement is sealed with their key from the start (docs/adr/0134).
            var sealedBody = person is Guid member ? XapiSealing.Seal(await PersonKeys.EnsureAsync(conn, member, ct), s.ToJsonString()) : null;
            await StatementRow.InsertAsync(conn, tx, id, client.UnitId, client.Id, s.ToJsonString(), sealedBody, now, index, isVoiding, person, once: false, ct);
            foreach (var (activityId, definition) in index.Definitions)
            {
                await using var upsert = new NpgsqlCommand("""
                    insert into records.xapi_activities (unit_id, id, definition) values (@u, @id, @d)
                    on conflict (unit_id, id) do update set definition = records.xapi_merge_definition(records.xapi_activities.definition, excluded.definition)
                    """, conn, tx);
                upsert.Parameters.AddWithValue("u", client.UnitId);
                upsert.Parameters.AddWithValue("id", activityId);
                upsert.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Jsonb) { Value = definition.ToJsonString() });
                await upsert.ExecuteNonQueryAsync(ct);
            }
        }
        foreach (var part in parts)
        {
            await using var save = new NpgsqlCommand("insert into records.xapi_attachments (sha2, content_type, content) values (@s, @t, @c) on conflict (sha2) do nothing", conn, tx);
            save.Parameters.AddWithValue("s", part.Sha2);
            save.Parameters.AddWithValue("t", part.ContentType);
            save.Parameters.AddWithValue("c", part.Content);
            await save.ExecuteNonQueryAsync(ct);
        }
        if (voidTargets.Count > 0)
        {
            // A voiding statement voids a statement of the client's scope that is not itself a voiding one; an unknown target is no error.
            await using var voiding = new NpgsqlCommand(
                "update records.xapi_statements set voided = true where id = any(@t) and not voiding and unit_id = any(@scope) and client_id <> @vape returning id, person_id is not null",
                conn, tx);
            voiding.Parameters.AddWithValue("t", voidTargets.ToArray());
            // Vape's own statements tell what its record holds (docs/adr/0220): a client does not void them.
            voiding.Parameters.AddWithValue("vape", XapiOwnStatements.ClientId);
            voiding.Parameters.AddWithValue("scope", scope);
            await using var reader = await voiding.ExecuteReaderAsync(ct);
            // A member's voided statement withdraws its entry.
            while (await reader.ReadAsync(ct))
                if (reader.GetBoolean(1)) attributed.Add(reader.GetGuid(0));
        }
        // Each once by statement id: the entry's id is the statement's, checked under the record's lock.
        foreach (var id in attributed) await outbox.PublishAsync(new XapiStatementStored(id));
        await session.SaveChangesAsync(ct);
        return ids;
    }

    /// <summary>Two statements with the same id are the same unless what their sender said differs (not what the LRS adds).</summary>
    private static bool Same(JsonObject stored, JsonObject incoming)
    {
        var a = stored.DeepClone().AsObject();
        var b = incoming.DeepClone().AsObject();
        foreach (var k in new[] { "authority", "stored", "version" }) { a.Remove(k); b.Remove(k); }
        if (b["timestamp"] is null) a.Remove("timestamp");
        StatementShape.Normalize(a);
        StatementShape.Normalize(b);
        StatementShape.TruncateDurations(a);
        StatementShape.TruncateDurations(b);
        return JsonNode.DeepEquals(Normal(a), Normal(b));
    }

    private static JsonNode? Normal(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normal(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normal).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<decimal>()),
        _ => node?.DeepClone(),
    };

    public async Task<StatementPage> GetAsync(XapiClient client, XapiRequest request, Guid[] scope, CancellationToken ct)
    {
        var q = new Dictionary<string, string>(request.Query);
        long? after = null;
        long? bound = null;
        if (q.Remove("more", out var more))
        {
            if (q.Count > 0) throw XapiError.Invalid("Tham số `more` không đi cùng tham số khác.");
            (q, after, bound) = MoreToken.Read(more);
        }
        foreach (var k in q.Keys)
            if (!QueryParams.Contains(k)) throw XapiError.Invalid($"Tham số `{k}` không có trong xAPI.");
        var format = q.GetValueOrDefault("format", "exact");
        if (format is not ("exact" or "ids" or "canonical")) throw XapiError.Invalid("`format` phải là exact, ids hoặc canonical.");
        var attachments = Flag(q, "attachments");
        var consistent = clock.GetUtcNow();

        if (q.ContainsKey("statementId") || q.ContainsKey("voidedStatementId"))
        {
            var voided = q.ContainsKey("voidedStatementId");
            if (q.ContainsKey("statementId") && voided) throw XapiError.Invalid("Không dùng cùng lúc statementId và voidedStatementId.");
            if (q.Keys.Any(k => k is not ("statementId" or "voidedStatementId" or "format" or "attachments")))
                throw XapiError.Invalid("statementId/voidedStatementId chỉ đi cùng format và attachments.");
            var raw = q[voided ? "voidedStatementId" : "statementId"];
            if (!StatementRules.IsUuid(raw)) throw XapiError.Invalid("statementId phải là UUID.");
            var rows = await ReadAsync($"""
                select {XapiSealing.BodyColumns}, s.stored, s.voided, s.person_id from records.xapi_statements s {XapiSealing.KeyJoin}
                 where s.id = @id and s.unit_id = any(@scope) and not s.erased
                """,
                r => (Body: XapiSealing.Body(r, 0), Stored: r.GetFieldValue<DateTimeOffset>(3), Voided: r.GetBoolean(4), Person: r.IsDBNull(5) ? (Guid?)null : r.GetGuid(5)),
                ct, ("id", Guid.Parse(raw)), ("scope", scope));
            if (rows.Count == 0 || rows[0].Voided != voided || rows[0].Body is null) throw XapiError.NotFound("Không tìm thấy câu lệnh này.");
            if (rows[0].Person is Guid person) await reads.LogAsync(client, [person], ct);
            var statement = Formats.Apply(JsonNode.Parse(rows[0].Body!)!.AsObject(), format, request.Header("Accept-Language"));
            var parts = attachments ? await AttachmentsAsync([statement], ct) : [];
            return new StatementPage(statement, parts, consistent, rows[0].Stored);
        }

        var where = new List<string> { "s.unit_id = any(@scope)" };
        var parameters = new List<(string, object?)> { ("scope", scope) };
        if (q.TryGetValue("agent", out var agentJson))
        {
            var (_, ifi) = Actors.Parse(agentJson);
            where.Add(Flag(q, "related_agents") ? "@agent = any(s.related_agents)" : "@agent = any(s.agents)");
            parameters.Add(("agent", ifi));
        }
        else Flag(q, "related_agents");
        if (q.TryGetValue("verb", out var verb))
        {
            if (!StatementRules.IsIri(verb)) throw XapiError.Invalid("`verb` phải là IRI.");
            where.Add("s.verb = @verb");
            parameters.Add(("verb", verb));
        }
        if (q.TryGetValue("activity", out var activity))
        {
            if (!StatementRules.IsIri(activity)) throw XapiError.Invalid("`activity` phải là IRI.");
            where.Add(Flag(q, "related_activities") ? "@activity = any(s.related_activities)" : "s.activity = @activity");
            parameters.Add(("activity", activity));
        }
        else Flag(q, "related_activities");
        if (q.TryGetValue("registration", out var registration))
        {
            if (!StatementRules.IsUuid(registration)) throw XapiError.Invalid("`registration` phải là UUID.");
            where.Add("s.registration = @registration");
            parameters.Add(("registration", Guid.Parse(registration)));
        }
        var outer = new List<string> { "not s.voided", "not s.erased" };
        if (q.TryGetValue("since", out var since))
        {
            outer.Add("s.stored > @since");
            parameters.Add(("since", StatementRules.ParseTimestamp(since) ?? throw XapiError.Invalid("`since` phải là thời điểm ISO 8601.")));
        }
        if (q.TryGetValue("until", out var until))
        {
            outer.Add("s.stored <= @until");
            parameters.Add(("until", StatementRules.ParseTimestamp(until) ?? throw XapiError.Invalid("`until` phải là thời điểm ISO 8601.")));
        }
        var limit = MaxLimit;
        if (q.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText, out limit) || limit < 0) throw XapiError.Invalid("`limit` phải là số nguyên không âm.");
            if (limit == 0 || limit > MaxLimit) limit = MaxLimit;
        }
        var ascending = Flag(q, "ascending");
        bound ??= await database.CreateCommand("select coalesce(max(seq), 0) from records.xapi_statements").ExecuteScalarAsync(ct) as long? ?? 0;
        outer.Add("s.seq <= @bound");
        parameters.Add(("bound", bound));
        if (after is not null)
        {
            outer.Add(ascending ? "s.seq > @after" : "s.seq < @after");
            parameters.Add(("after", after));
        }
        parameters.Add(("n", limit + 1));
        // Statements that target a matching statement (StatementRef, voiding) match too (xAPI 2.0 4.1.6.1, filter conditions for StatementRefs).
        var filtered = where.Count > 1;
        var sql = filtered
            ? $"""
              with recursive matching(id) as (
                  select s.id from records.xapi_statements s where {string.Join(" and ", where)}
                  union
                  select s.id from records.xapi_statements s join matching m on s.target = m.id where s.unit_id = any(@scope))
              select s.seq, {XapiSealing.BodyColumns}, s.person_id from records.xapi_statements s join matching m on m.id = s.id {XapiSealing.KeyJoin}
               where {string.Join(" and ", outer)} order by s.seq {(ascending ? "asc" : "desc")} limit @n
              """
            : $"""
              select s.seq, {XapiSealing.BodyColumns}, s.person_id from records.xapi_statements s {XapiSealing.KeyJoin}
               where s.unit_id = any(@scope) and {string.Join(" and ", outer)} order by s.seq {(ascending ? "asc" : "desc")} limit @n
              """;
        var found = await ReadAsync(sql, r => (Seq: r.GetInt64(0), Body: XapiSealing.Body(r, 1), Person: r.IsDBNull(4) ? (Guid?)null : r.GetGuid(4)), ct, [.. parameters]);
        // Every member whose statements this page shows sees the read in their access log, before the page leaves.
        await reads.LogAsync(client, found.Take(limit).Select(f => f.Person).OfType<Guid>(), ct);
        var statements = new JsonArray();
        var objects = new List<JsonObject>();
        foreach (var row in found.Take(limit).Where(f => f.Body is not null))
        {
            var s = Formats.Apply(JsonNode.Parse(row.Body!)!.AsObject(), format, request.Header("Accept-Language"));
            objects.Add(s);
            statements.Add(s);
        }
        var next = found.Count > limit ? MoreToken.Write(q, found[limit - 1].Seq, bound.Value) : null;
        var body = new JsonObject { ["statements"] = statements, ["more"] = next is null ? "" : $"{request.PathBase}/xapi/statements?more={next}" };
        return new StatementPage(body, attachments ? await AttachmentsAsync(objects, ct) : [], consistent, null);
    }

    private async Task<List<AttachmentPart>> AttachmentsAsync(IEnumerable<JsonObject> statements, CancellationToken ct)
    {
        var hashes = statements.SelectMany(Attachments).Select(a => a["sha2"]!.GetValue<string>().ToLowerInvariant()).Distinct().ToArray();
        if (hashes.Length == 0) return [];
        return await ReadAsync("select sha2, content_type, content from records.xapi_attachments where sha2 = any(@h)",
            r => new AttachmentPart(r.GetString(0), r.GetString(1), r.GetFieldValue<byte[]>(2)), ct, ("h", hashes));
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    private static bool Flag(Dictionary<string, string> q, string name) => !q.TryGetValue(name, out var v) ? false : v switch
    {
        "true" => true,
        "false" => false,
        _ => throw XapiError.Invalid($"`{name}` phải là true hoặc false."),
    };

    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<byte[]> ReadAll(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}

/// <summary>The `more` link: the query and where the page ended, in the link itself (no state kept on any host).</summary>
internal static class MoreToken
{
    public static string Write(Dictionary<string, string> query, long after, long bound)
    {
        var o = new JsonObject { ["a"] = after, ["b"] = bound, ["q"] = new JsonObject(query.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))) };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(o.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static (Dictionary<string, string> Query, long After, long Bound) Read(string token)
    {
        try
        {
            var text = token.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            var o = JsonNode.Parse(Convert.FromBase64String(text))!.AsObject();
            var q = o["q"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
            return (q, o["a"]!.GetValue<long>(), o["b"]!.GetValue<long>());
        }
        catch (Exception e) when (e is FormatException or JsonException or NullReferenceException or InvalidOperationException)
        {
            throw XapiError.Invalid("Tham số `more` không hợp lệ.");
        }
    }
}
