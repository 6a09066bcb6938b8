using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Privacy;

/// <summary>
/// Chosen entries of a person's record read by an official for another module (a nomination's evidence, ADR 0246):
/// the checks first, then the entries and the look in the access log in one transaction, so a refused read logs nothing.
/// </summary>
internal sealed class RecordEvidenceReads(NpgsqlDataSource database, IOrganizationQueries org, TimeProvider clock) : IRecordEvidence
{
    public const int MaxEntries = 20;

    public async Task<IReadOnlyList<RecordEvidenceEntry>> ReadAsync(Guid officialId, Guid personId, IReadOnlyList<Guid> entryIds, RecordPurpose? purpose,
        CancellationToken ct)
    {
        var unit = await RecordAccess.DemandReviewAsync(org, officialId, personId, ct);
        if (purpose is not ({ } why and (RecordPurpose.Verification or RecordPurpose.Evaluation or RecordPurpose.Support)))
            throw VapeException.InvalidInput("Hãy nêu mục đích xem hồ sơ (xác minh, đánh giá hoặc hỗ trợ).");
        var ids = entryIds.Distinct().ToArray();
        if (ids.Length is 0 or > MaxEntries) throw VapeException.InvalidInput($"Chọn từ 1 đến {MaxEntries} mục của hồ sơ làm minh chứng.");

        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var consent = new NpgsqlCommand("select consent from records.learners where person_id = @p", conn, tx))
        {
            consent.Parameters.AddWithValue("p", personId);
            if (await consent.ExecuteScalarAsync(ct) as string != nameof(ConsentLevel.Details))
                throw VapeException.NotAllowed("Hội viên chưa đồng ý cho cán bộ xem chi tiết hồ sơ học tập, nên không dùng được mục nào làm minh chứng.");
        }
        var found = new Dictionary<Guid, RecordEntry>();
        await using (var cmd = new NpgsqlCommand("""
            select e.id, e.kind, e.domain, e.on_date, e.minutes, e.provenance, e.status, e.details, e.recorded_at, k.key
              from records.entries e join records.person_keys k on k.person_id = e.person_id
             where e.id = any(@ids) and e.person_id = @p and e.status <> 'Rejected'
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("ids", ids);
            cmd.Parameters.AddWithValue("p", personId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                found[reader.GetGuid(0)] = RecordStore.Entry(reader.GetGuid(0), Enum.Parse<EntryKind>(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : Enum.Parse<LearningDomain>(reader.GetString(2)), reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4),
                    Enum.Parse<Provenance>(reader.GetString(5)), Enum.Parse<EntryStatus>(reader.GetString(6)), (byte[])reader[7], null, null, null,
                    reader.GetFieldValue<DateTimeOffset>(8), (byte[])reader[9]);
        }
        if (found.Count != ids.Length) throw VapeException.NotFound("Không tìm thấy mục này trong hồ sơ học tập của người được đề cử.");
        await RecordLooks.WriteLooksAsync(conn, tx, officialId, [personId], [unit], why, ConsentLevel.Details, clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return [.. ids.Select(id => found[id]).Select(e => new RecordEvidenceEntry(e.Id, e.Kind == EntryKind.Credential, e.Title, e.Issuer, e.Domain, e.Date,
            e.Hours, e.Status == EntryStatus.Accepted))];
    }
}
