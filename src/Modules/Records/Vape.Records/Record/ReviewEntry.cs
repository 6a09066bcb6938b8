using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Records.Record;

/// <summary>An official of the learner's unit (or above) confirms a self-declared entry.</summary>
public sealed record VerifyEntry(Guid ActorId, Guid EntryId, int? ExpectedVersion);

/// <summary>An official of the learner's unit (or above) rejects a self-declared entry, saying why; the learner sees the reason.</summary>
public sealed record RejectEntry(Guid ActorId, Guid EntryId, string Reason, int? ExpectedVersion);

public static class VerifyEntryHandler
{
    public static async Task<EntryChange> Handle(VerifyEntry command, IDocumentSession session, IOrganizationQueries org,
        IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        var sql = new RecordSql(session);
        var record = await ReviewEntry.PendingAsync(sql, org, command.ActorId, command.EntryId, false, ct);
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion,
            new EntryVerified(command.EntryId, command.ActorId, clock.GetUtcNow()), null, ct, readBack: true);
        // Through the outbox: the learner hears of it only once the decision is committed.
        await bus.PublishAsync(new RecordEntryVerified(command.EntryId, record.PersonId));
        return await ReviewEntry.ResultAsync(sql, record.PersonId, version, command.EntryId, ct);
    }
}

public static class RejectEntryHandler
{
    public static async Task<EntryChange> Handle(RejectEntry command, IDocumentSession session, IOrganizationQueries org,
        IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var sql = new RecordSql(session);
        var record = await ReviewEntry.PendingAsync(sql, org, command.ActorId, command.EntryId, true, ct);
        var reason = RecordRules.Text(command.Reason, "lý do từ chối", RecordRules.MaxReason);
        var key = record.Key!;
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion,
            new EntryRejected(command.EntryId, command.ActorId, PersonKeys.Seal(key, reason), clock.GetUtcNow()), key, ct, readBack: true);
        await bus.PublishAsync(new RecordEntryRejected(command.EntryId, record.PersonId));
        return await ReviewEntry.ResultAsync(sql, record.PersonId, version, command.EntryId, ct);
    }
}

internal static class ReviewEntry
{
    /// <summary>The entry's owner, once the official may decide on it and it still waits for a decision (checked under the record's lock).</summary>
    public static async Task<OpenRecord> PendingAsync(RecordSql sql, IOrganizationQueries org, Guid officialId, Guid entryId, bool withKey, CancellationToken ct)
    {
        var person = await sql.ScalarAsync<Guid?>("select person_id from records.entries where id = @e", ct, ("e", entryId))
            ?? throw VapeException.NotFound("Không tìm thấy mục này trong hồ sơ học tập.");
        if (person == officialId) throw VapeException.NotAllowed("Không ai được tự xác nhận hoặc từ chối mục trong hồ sơ của chính mình.");
        await RecordAccess.DemandReviewAsync(org, officialId, person, ct);
        var record = await RecordStream.OpenAsync(sql, person, ct, withKey);
        var state = await sql.ListAsync("select provenance, status from records.entries where id = @e", r => (r.GetString(0), r.GetString(1)), ct, ("e", entryId));
        if (state.Count == 0) throw VapeException.NotFound("Không tìm thấy mục này trong hồ sơ học tập.");
        var (provenance, status) = state[0];
        if (provenance == nameof(Provenance.System)) throw VapeException.InvalidInput("Mục do hệ thống ghi nhận (điểm danh lớp học) không cần xác nhận.");
        if (status != nameof(EntryStatus.Pending))
            throw VapeException.InvalidInput(status == nameof(EntryStatus.Rejected) ? "Mục này đã bị từ chối trước đó." : "Mục này đã được xác nhận trước đó.");
        return record;
    }

    public static async Task<EntryChange> ResultAsync(RecordSql sql, Guid person, int version, Guid entryId, CancellationToken ct)
    {
        var key = await sql.ScalarAsync<byte[]>("select key from records.person_keys where person_id = @p", ct, ("p", person));
        var row = (await sql.ListAsync("""
            select kind, domain, on_date, minutes, provenance, status, details, reason, decided_by, decided_at, recorded_at
              from records.entries where id = @e
            """, r => RecordStore.Entry(entryId, Enum.Parse<EntryKind>(r.GetString(0)),
                r.IsDBNull(1) ? null : Enum.Parse<Vape.Records.Contracts.LearningDomain>(r.GetString(1)), r.GetFieldValue<DateOnly>(2), r.GetInt32(3),
                Enum.Parse<Provenance>(r.GetString(4)), Enum.Parse<EntryStatus>(r.GetString(5)), (byte[])r[6], r.IsDBNull(7) ? null : (byte[])r[7],
                r.IsDBNull(8) ? null : r.GetGuid(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9), r.GetFieldValue<DateTimeOffset>(10), key!),
            ct, ("e", entryId))).Single();
        return new EntryChange(person, version, row);
    }
}
