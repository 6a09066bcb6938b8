using Marten;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>An official of the learner's unit (or above) confirms a self-declared entry.</summary>
public sealed record VerifyEntry(Guid ActorId, Guid EntryId, int? ExpectedVersion)
{
    /// <summary>The entry verified (it now counts as accepted), or a refusal (<see cref="RecordDecider.Pending"/>).</summary>
    internal IReadOnlyList<IRecordEvent> Decide(RecordState state, DateTimeOffset at)
    {
        RecordDecider.Pending(state, EntryId);
        return [new EntryVerified(EntryId, ActorId, at)];
    }
}

/// <summary>An official of the learner's unit (or above) rejects a self-declared entry, saying why; the learner sees the reason.</summary>
public sealed record RejectEntry(Guid ActorId, Guid EntryId, string Reason, int? ExpectedVersion)
{
    /// <summary>The entry rejected with its reason (sealed: the learner sees it), or a refusal: the entry as for <see cref="RecordDecider.Pending"/>, then a reason.</summary>
    internal IReadOnlyList<IRecordEvent> Decide(RecordState state, DateTimeOffset at, Sealer seal)
    {
        RecordDecider.Pending(state, EntryId);
        var reason = RecordRules.Text(Reason, "lý do từ chối", RecordRules.MaxReason);
        return [new EntryRejected(EntryId, ActorId, seal(reason), at)];
    }
}

public static class VerifyEntryHandler
{
    /// <summary>
    /// The change, and <see cref="RecordEntryDecided"/> cascaded through the outbox for the learner's notifications, with
    /// the entry's statement for the LRS (docs/adr/0220).
    /// </summary>
    public static async Task<(EntryChange, RecordEntryDecided, Xapi.EmitOwnStatement)> Handle(VerifyEntry command, IDocumentSession session, IOrganizationQueries org,
        TimeProvider clock, CancellationToken ct)
    {
        var sql = new RecordSql(session);
        var (record, state) = await ReviewEntry.OpenAsync(sql, org, command.ActorId, command.EntryId, false, ct);
        var at = clock.GetUtcNow();
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion, command.Decide(state, at).Single(), null, ct, readBack: true);
        return (await ReviewEntry.ResultAsync(sql, record.PersonId, version, command.EntryId, ct),
            new RecordEntryDecided(command.EntryId, record.PersonId, true, command.ActorId, at),
            new Xapi.EmitOwnStatement(record.PersonId, Xapi.OwnStatementKind.Verified, command.EntryId));
    }
}

public static class RejectEntryHandler
{
    public static async Task<(EntryChange, RecordEntryDecided)> Handle(RejectEntry command, IDocumentSession session, IOrganizationQueries org,
        TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var sql = new RecordSql(session);
        var (record, state) = await ReviewEntry.OpenAsync(sql, org, command.ActorId, command.EntryId, true, ct);
        var key = record.Key!;
        var at = clock.GetUtcNow();
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion, command.Decide(state, at, RecordDecider.SealWith(key)).Single(),
            key, ct, readBack: true);
        return (await ReviewEntry.ResultAsync(sql, record.PersonId, version, command.EntryId, ct),
            new RecordEntryDecided(command.EntryId, record.PersonId, false, command.ActorId, at));
    }
}

internal static class ReviewEntry
{
    /// <summary>
    /// The entry's owner's record held for the decision, once the official may decide on it (not their own, ADR 0070's
    /// order), and the entry as it is under the record's lock (absent when it is not there any more).
    /// </summary>
    public static async Task<(OpenRecord, RecordState)> OpenAsync(RecordSql sql, IOrganizationQueries org, Guid officialId, Guid entryId, bool withKey,
        CancellationToken ct)
    {
        var person = await sql.ScalarAsync<Guid?>("select person_id from records.entries where id = @e", ct, ("e", entryId))
            ?? throw RecordDecider.NoSuchEntry();
        RecordDecider.NotOwn(person, officialId);
        await RecordAccess.DemandReviewAsync(org, officialId, person, ct);
        var record = await RecordStream.OpenAsync(sql, person, ct, withKey);
        return (record, RecordState.Empty with { Entries = await RecordReads.EntryAsync(sql, entryId, ct) });
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
