using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Vape.Records.Xapi;

/// <summary>Where a document lives: its resource and the keys that resource names it by.</summary>
internal sealed record DocumentKey(string Kind, string ActivityId, string Agent, string Registration, string? DocumentId);

/// <summary>A stored document as GET answers it.</summary>
internal sealed record XapiDocument(string ContentType, byte[] Content, string ETag, DateTimeOffset Updated);

/// <summary>
/// The State, Activity Profile and Agent Profile resources: documents by key with ETag concurrency (If-Match,
/// If-None-Match; a PUT that would overwrite without either is a conflict), JSON documents merged by POST.
/// </summary>
internal sealed class XapiDocuments(NpgsqlDataSource database, XapiReads reads, TimeProvider clock)
{
    public static DocumentKey Key(XapiRequest request, bool single)
    {
        string kind, idParam;
        string[] allowed;
        switch (request.Resource)
        {
            case "activities/state":
                (kind, idParam) = ("state", "stateId");
                allowed = ["activityId", "agent", "registration", "stateId", "since"];
                break;
            case "activities/profile":
                (kind, idParam) = ("activity-profile", "profileId");
                allowed = ["activityId", "profileId", "since"];
                break;
            default:
                (kind, idParam) = ("agent-profile", "profileId");
                allowed = ["agent", "profileId", "since"];
                break;
        }
        foreach (var k in request.Query.Keys)
            if (!allowed.Contains(k)) throw XapiError.Invalid($"Tham số `{k}` không có trong tài nguyên này.");
        var activity = "";
        if (kind != "agent-profile")
        {
            activity = request.Param("activityId") ?? throw XapiError.Invalid("Thiếu tham số `activityId`.");
            if (!StatementRules.IsIri(activity)) throw XapiError.Invalid("`activityId` phải là IRI.");
        }
        var agent = kind != "activity-profile" ? Actors.Parse(request.Param("agent")).Ifi : "";
        var registration = request.Param("registration") ?? "";
        if (registration.Length > 0 && !StatementRules.IsUuid(registration)) throw XapiError.Invalid("`registration` phải là UUID.");
        var id = request.Param(idParam);
        if (single && id is null) throw XapiError.Invalid($"Thiếu tham số `{idParam}`.");
        if (id is not null && request.Param("since") is not null) throw XapiError.Invalid($"Không dùng `since` cùng `{idParam}`.");
        return new DocumentKey(kind, activity, agent, registration.ToLowerInvariant(), id);
    }

    public async Task<XapiDocument?> FindAsync(Guid[] scope, DocumentKey key, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"""
            select {DocumentColumns} from records.xapi_documents d {DocumentKeyJoin}
             where kind = @k and unit_id = any(@scope) and activity_id = @a and agent = @g and registration = @r and document_id = @d
             order by updated desc limit 1
            """);
        Bind(cmd, scope, key);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    // A member's document is sealed with their key (docs/adr/0134); with the key gone it is no more.
    private const string DocumentColumns = "d.content_type, d.content, d.etag, d.updated, d.sealed, k.key";
    private const string DocumentKeyJoin = "left join records.person_keys k on k.person_id = d.person_id";

    private static XapiDocument? Read(NpgsqlDataReader reader)
    {
        var content = reader.GetFieldValue<byte[]>(1);
        if (reader.GetBoolean(4))
        {
            if (reader.IsDBNull(5)) return null;
            content = Record.PersonKeys.OpenBytes((byte[])reader[5], content);
        }
        return new XapiDocument(reader.GetString(0), content, reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
    }

    public async Task<(JsonArray Ids, DateTimeOffset? Updated)> ListAsync(Guid[] scope, DocumentKey key, string? since, CancellationToken ct)
    {
        DateTimeOffset? after = null;
        if (since is not null) after = StatementRules.ParseTimestamp(since) ?? throw XapiError.Invalid("`since` phải là thời điểm ISO 8601.");
        await using var cmd = database.CreateCommand("""
            select document_id, updated from records.xapi_documents
             where kind = @k and unit_id = any(@scope) and activity_id = @a and agent = @g and registration = @r and (@since::timestamptz is null or updated > @since)
             order by document_id
            """);
        Bind(cmd, scope, key with { DocumentId = "" });
        cmd.Parameters.Add(new NpgsqlParameter("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)after ?? DBNull.Value });
        var ids = new JsonArray();
        DateTimeOffset? latest = null;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
            var updated = reader.GetFieldValue<DateTimeOffset>(1);
            if (latest is null || updated > latest) latest = updated;
        }
        return (ids, latest);
    }

    /// <summary>PUT (replace) or POST (merge JSON objects) under the ETag preconditions.</summary>
    public async Task SaveAsync(XapiClient client, Guid[] scope, DocumentKey key, XapiRequest request, bool merge, CancellationToken ct)
    {
        var contentType = request.ContentType ?? "application/octet-stream";
        var content = request.Body;
        var isJson = contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        JsonObject? incoming = null;
        if (merge)
        {
            if (!isJson || !TryObject(content, out incoming)) throw XapiError.Invalid("POST gộp tài liệu chỉ nhận một đối tượng JSON (application/json).");
        }
        else if (isJson && content.Length > 0)
        {
            try { JsonDocument.Parse(content).Dispose(); }
            catch (JsonException) { throw XapiError.Invalid("Nội dung khai là application/json nhưng không phải JSON hợp lệ."); }
        }
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockKey = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@k, 0))", conn, tx))
        {
            lockKey.Parameters.AddWithValue("k", $"{key.Kind}|{client.UnitId}|{key.ActivityId}|{key.Agent}|{key.Registration}|{key.DocumentId}");
            await lockKey.ExecuteNonQueryAsync(ct);
        }
        XapiDocument? existing = null;
        await using (var read = new NpgsqlCommand($"""
            select {DocumentColumns} from records.xapi_documents d {DocumentKeyJoin}
             where kind = @k and unit_id = @u and activity_id = @a and agent = @g and registration = @r and document_id = @d
            """, conn, tx))
        {
            BindOwn(read, client.UnitId, key);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) existing = Read(reader);
        }
        Preconditions(request, existing, demandOnPut: !merge && (!request.IsLegacy || key.Kind != "state"));
        // xAPI 1.0.3 asks a header of every PUT of a profile, also a new one (its conformance suite expects 400).
        if (!merge && request.IsLegacy && key.Kind != "state" && request.Header("If-Match") is null && request.Header("If-None-Match") is null)
            throw XapiError.Invalid("PUT một hồ sơ (profile) cần If-Match hoặc If-None-Match.");
        if (merge && existing is not null)
        {
            if (!existing.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || !TryObject(existing.Content, out var old))
                throw XapiError.Invalid("Tài liệu đang có không phải đối tượng JSON nên không gộp được.");
            foreach (var (k, v) in incoming!) old![k] = v?.DeepClone();
            content = JsonSerializer.SerializeToUtf8Bytes(old);
            contentType = "application/json";
        }
        await using (var write = new NpgsqlCommand("""
            insert into records.xapi_documents (kind, unit_id, activity_id, agent, registration, document_id, content_type, content, etag, updated, person_id, sealed)
            values (@k, @u, @a, @g, @r, @d, @t, @c, @e, @at, @p, @p is not null)
            on conflict (kind, unit_id, activity_id, agent, registration, document_id)
            do update set content_type = excluded.content_type, content = excluded.content, etag = excluded.etag, updated = excluded.updated,
                          person_id = excluded.person_id, sealed = excluded.sealed
            """, conn, tx))
        {
            BindOwn(write, client.UnitId, key);
            var person = key.Agent.Length > 0 ? await reads.PersonAsync(key.Agent, ct) : null;
            write.Parameters.AddWithValue("t", contentType);
            write.Parameters.AddWithValue("c", person is Guid member ? Record.PersonKeys.SealBytes(await Record.PersonKeys.EnsureAsync(conn, member, ct), content) : content);
            write.Parameters.Add(new NpgsqlParameter("p", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)person ?? DBNull.Value });
            // SHA-1 as xAPI 1.0.3 asks (an ETag tells versions apart; it protects nothing).
            write.Parameters.AddWithValue("e", Convert.ToHexStringLower(SHA1.HashData(content)));
            write.Parameters.AddWithValue("at", clock.GetUtcNow());
            await write.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>DELETE one document (under If-Match) or, for the State resource without stateId, all of an activity and agent.</summary>
    public async Task DeleteAsync(XapiClient client, Guid[] scope, DocumentKey key, XapiRequest request, CancellationToken ct)
    {
        if (key.DocumentId is not null)
        {
            var existing = await FindAsync(scope, key, ct);
            Preconditions(request, existing, demandOnPut: false);
        }
        await using var cmd = database.CreateCommand("""
            delete from records.xapi_documents
             where kind = @k and unit_id = any(@scope) and activity_id = @a and agent = @g and registration = @r and (@d = '' or document_id = @d)
            """);
        Bind(cmd, scope, key with { DocumentId = key.DocumentId ?? "" });
        if (key.DocumentId is null && key.Kind != "state") throw XapiError.Invalid("Thiếu tham số `profileId`.");
        if (key.DocumentId is null && key.Registration.Length == 0)
        {
            cmd.CommandText = cmd.CommandText.Replace("and registration = @r ", "");
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Preconditions(XapiRequest request, XapiDocument? existing, bool demandOnPut)
    {
        var ifMatch = request.Header("If-Match");
        var ifNoneMatch = request.Header("If-None-Match");
        if (ifMatch is not null)
        {
            var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries);
            if (existing is null || !tags.Any(t => t == "*" || t.Trim('"') == existing.ETag)) throw XapiError.PreconditionFailed();
        }
        if (ifNoneMatch is not null && existing is not null)
        {
            var tags = ifNoneMatch.Split(',', StringSplitOptions.TrimEntries);
            if (tags.Any(t => t == "*" || t.Trim('"') == existing.ETag)) throw XapiError.PreconditionFailed();
        }
        if (demandOnPut && existing is not null && ifMatch is null && ifNoneMatch is null)
            throw XapiError.Conflict("Tài liệu đã có: hãy gửi If-Match (ETag đang có) để ghi đè, hoặc If-None-Match: * để chỉ tạo mới.");
    }

    private static void Bind(NpgsqlCommand cmd, Guid[] scope, DocumentKey key)
    {
        cmd.Parameters.AddWithValue("k", key.Kind);
        cmd.Parameters.AddWithValue("scope", scope);
        cmd.Parameters.AddWithValue("a", key.ActivityId);
        cmd.Parameters.AddWithValue("g", key.Agent);
        cmd.Parameters.AddWithValue("r", key.Registration);
        cmd.Parameters.AddWithValue("d", key.DocumentId ?? "");
    }

    /// <summary>The key of a document the client's unit writes.</summary>
    private static void BindOwn(NpgsqlCommand cmd, Guid unitId, DocumentKey key)
    {
        cmd.Parameters.AddWithValue("k", key.Kind);
        cmd.Parameters.AddWithValue("u", unitId);
        cmd.Parameters.AddWithValue("a", key.ActivityId);
        cmd.Parameters.AddWithValue("g", key.Agent);
        cmd.Parameters.AddWithValue("r", key.Registration);
        cmd.Parameters.AddWithValue("d", key.DocumentId!);
    }

    private static bool TryObject(byte[] content, out JsonObject? value)
    {
        try { value = JsonNode.Parse(content) as JsonObject; }
        catch (JsonException) { value = null; }
        return value is not null;
    }
}
