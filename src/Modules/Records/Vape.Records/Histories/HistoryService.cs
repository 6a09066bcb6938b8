using System.Text.Json.Nodes;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;
using Vape.Records.Badges;
using Vape.Records.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Histories;

/// <summary>A certified history as issued: its id, the signed statement, what it says.</summary>
internal sealed record IssuedHistory(Guid Id, string Statement, JsonObject Payload);

/// <summary>What the public check says of a history: valid or why not, who issued it, to whom, what it holds.</summary>
internal sealed record HistoryVerification(bool Valid, string Code, string Message, string? IssuerName, string? HolderName, string? ValidFrom,
    decimal? TotalHours, JsonArray? Entries);

/// <summary>
/// Certified learning histories (docs/adr/0238): issued to the person alone as a VC-JWT signed by their home unit's
/// badge key, kept so that the QR code's page can show and check it, each issue and each public look a line of the
/// person's access log; gone with the record on erasure.
/// </summary>
internal sealed class HistoryService(NpgsqlDataSource database, RecordStore store, BadgeService badges, IOrganizationQueries organization,
    TimeProvider clock)
{
    public async Task<IssuedHistory> IssueAsync(Guid person, string origin, CancellationToken ct)
    {
        var unit = (await database.ListAsync("select unit_id from records.memberships where person_id = @p and home", r => r.GetGuid(0), ct, ("p", person)))
            .Cast<Guid?>().FirstOrDefault();
        var record = await store.LoadAsync(person, details: true, ct);
        if (unit is null || record.ErasedAt is not null)
            throw VapeException.NotFound("Bạn chưa sinh hoạt ở đơn vị nào của Hội (hoặc hồ sơ đã bị xóa): chưa có đơn vị để chứng nhận quá trình học tập.");
        var officials = record.Activities.Concat(record.Credentials).Select(e => e.DecidedBy).OfType<Guid>();
        var names = await organization.DisplayNamesAsync([person, .. officials.Distinct()], ct);
        var unitName = (await organization.UnitsAsync([unit.Value], ct)).SingleOrDefault()?.Name ?? "Hội Khuyến học Việt Nam";
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var payload = LearningHistory.Credential(origin, id, unit.Value, unitName, names.GetValueOrDefault(person, ""), LearningHistory.Lines(record, names), now);
        var statement = await badges.SignAsync(origin, unit.Value, payload, ct);

        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand("""
            insert into records.learning_histories (id, person_id, unit_id, statement, issued_at) values (@id, @p, @u, @s, @at)
            """, conn, tx))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("p", person);
            insert.Parameters.AddWithValue("u", unit.Value);
            insert.Parameters.AddWithValue("s", statement);
            insert.Parameters.AddWithValue("at", now);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await LogAsync(conn, tx, person, unit.Value, RecordPurpose.CertifiedHistory, now, ct);
        await tx.CommitAsync(ct);
        return new IssuedHistory(id, statement, payload);
    }

    /// <summary>The QR code's page: the stored history checked again, and the look in the person's access log. Null when there is none.</summary>
    public async Task<(HistoryVerification Verification, string Statement)?> LookAsync(Guid historyId, string origin, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string statement;
        Guid person, unit;
        await using (var cmd = new NpgsqlCommand("select statement, person_id, unit_id from records.learning_histories where id = @id", conn, tx))
        {
            cmd.Parameters.AddWithValue("id", historyId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            (statement, person, unit) = (reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2));
        }
        await LogAsync(conn, tx, person, unit, RecordPurpose.HistoryVerification, clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return (await VerifyAsync(statement, origin, ct), statement);
    }

    /// <summary>
    /// The check: signed by a unit of this origin with a key it publishes, a <see cref="LearningHistory.Type"/> of that
    /// unit, and still kept by Vape (a history of an erased record no longer verifies).
    /// </summary>
    public async Task<HistoryVerification> VerifyAsync(string? statement, string origin, CancellationToken ct)
    {
        static HistoryVerification No(string code, string message) => new(false, code, message, null, null, null, null, null);
        var signed = await badges.SignedByAUnitAsync(statement, origin, ct);
        if (signed.Code is { } code) return No(code, signed.Message!);
        var payload = signed.Payload!;
        var issuer = payload["issuer"] as JsonObject;
        if (issuer?["id"]?.ToString() != VcJwt.Did(origin, signed.Unit) || payload["type"] is not JsonArray types || !types.Any(t => t?.ToString() == LearningHistory.Type)
            || payload["id"]?.ToString() is not { } urn || !urn.StartsWith("urn:uuid:", StringComparison.Ordinal) || !Guid.TryParse(urn[9..], out var id))
            return No("NOT_A_HISTORY", "Nội dung đã ký không phải một bản quá trình học tập do đơn vị này chứng nhận.");
        var kept = await database.ListAsync("select 1 from records.learning_histories where id = @id and unit_id = @u", r => r.GetInt32(0), ct,
            ("id", id), ("u", signed.Unit));
        if (kept.Count == 0) return No("UNKNOWN_HISTORY", "Vape không còn giữ bản quá trình học tập này (hồ sơ có thể đã bị xóa theo yêu cầu của người học).");
        var subject = payload["credentialSubject"];
        return new HistoryVerification(true, "VALID", "Bản quá trình học tập hợp lệ: đúng như đơn vị đã ký.", issuer["name"]?.ToString(),
            subject?["name"]?.ToString(), payload["validFrom"]?.ToString(), subject?["totalHours"]?.GetValue<decimal>(),
            subject?["entries"]?.DeepClone() as JsonArray);
    }

    private static async Task LogAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid person, Guid unit, RecordPurpose purpose, DateTimeOffset at,
        CancellationToken ct)
    {
        await using var log = new NpgsqlCommand("""
            insert into records.access_log (id, person_id, official_id, unit_id, purpose, detail, at) values (@id, @p, null, @u, @purpose, 'Details', @at)
            """, conn, tx);
        log.Parameters.AddWithValue("id", Guid.CreateVersion7());
        log.Parameters.AddWithValue("p", person);
        log.Parameters.AddWithValue("u", unit);
        log.Parameters.AddWithValue("purpose", purpose.ToString());
        log.Parameters.AddWithValue("at", at);
        await log.ExecuteNonQueryAsync(ct);
    }
}
