using Npgsql;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

public sealed record RecordEntry(Guid Id, EntryKind Kind, string Title, LearningDomain? Domain, DateOnly Date, decimal Hours,
    string? Provider, string? Issuer, string? EvidenceUrl, Guid? EvidenceFileId, Provenance Provenance, EntryStatus Status,
    string? RejectionReason, Guid? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset RecordedAt, int? MinutesWithMedia = null);

public sealed record DomainTotal(LearningDomain Domain, decimal Hours, int Activities);

public sealed record YearTotal(int Year, decimal Hours, int Activities, int Credentials, IReadOnlyList<DomainTotal> Domains);

public sealed record RecordTitle(Guid Id, TitleKind Kind, int Year, Guid SubjectId, DateTimeOffset AwardedAt);

/// <summary>A proposal that named the person (theirs, their household's, group's or unit's) and that an official rejected, with the reason (ADR 0309).</summary>
public sealed record RejectedTitle(Guid ProposalId, TitleKind Kind, int Year, Guid SubjectId, string Reason, DateTimeOffset DecidedAt);

/// <summary>The transcript: totals per year and domain (rejected entries left out), entries, titles.</summary>
public sealed record LearningRecord(Guid PersonId, int Version, ConsentLevel Consent, bool DetailsShown, DateTimeOffset? ErasedAt,
    IReadOnlyList<YearTotal> Years, IReadOnlyList<RecordEntry> Activities, IReadOnlyList<RecordEntry> Credentials, IReadOnlyList<RecordTitle> Titles,
    IReadOnlyList<RejectedTitle>? RejectedTitles = null);

/// <summary>Reads records from the projection, opening sealed details with the person's key.</summary>
internal sealed class RecordStore(NpgsqlDataSource database)
{
    public async Task<LearningRecord> LoadAsync(Guid personId, bool details, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        int version = 0;
        var consent = ConsentLevel.Totals;
        DateTimeOffset? erasedAt = null;
        await using (var cmd = new NpgsqlCommand("select version, consent, erased_at from records.learners where person_id = @p", conn))
        {
            cmd.Parameters.AddWithValue("p", personId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                version = reader.GetInt32(0);
                consent = Enum.Parse<ConsentLevel>(reader.GetString(1));
                erasedAt = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
            }
        }

        byte[]? key = null;
        await using (var cmd = new NpgsqlCommand("select key from records.person_keys where person_id = @p", conn))
        {
            cmd.Parameters.AddWithValue("p", personId);
            key = await cmd.ExecuteScalarAsync(ct) as byte[];
        }

        var rows = new List<(Guid Id, EntryKind Kind, LearningDomain? Domain, DateOnly Date, int Minutes, Provenance Provenance, EntryStatus Status,
            byte[] Details, byte[]? Reason, Guid? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset RecordedAt)>();
        await using (var cmd = new NpgsqlCommand("""
            select id, kind, domain, on_date, minutes, provenance, status, details, reason, decided_by, decided_at, recorded_at
              from records.entries where person_id = @p order by on_date desc, recorded_at desc
            """, conn))
        {
            cmd.Parameters.AddWithValue("p", personId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add((reader.GetGuid(0), Enum.Parse<EntryKind>(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : Enum.Parse<LearningDomain>(reader.GetString(2)),
                    reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4), Enum.Parse<Provenance>(reader.GetString(5)),
                    Enum.Parse<EntryStatus>(reader.GetString(6)), (byte[])reader[7], reader.IsDBNull(8) ? null : (byte[])reader[8],
                    reader.IsDBNull(9) ? null : reader.GetGuid(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                    reader.GetFieldValue<DateTimeOffset>(11)));
        }

        var titles = new List<RecordTitle>();
        await using (var cmd = new NpgsqlCommand("select id, kind, year, subject_id, awarded_at from records.titles where person_id = @p order by year desc, kind", conn))
        {
            cmd.Parameters.AddWithValue("p", personId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                titles.Add(new RecordTitle(reader.GetGuid(0), Enum.Parse<TitleKind>(reader.GetString(1)), reader.GetInt32(2), reader.GetGuid(3),
                    reader.GetFieldValue<DateTimeOffset>(4)));
        }

        var rejected = new List<RejectedTitle>();
        await using (var cmd = new NpgsqlCommand("""
            select d.id, d.kind, d.year, d.subject_id, d.reason, d.decided_at
              from records.title_decision_people p join records.title_decisions d on d.id = p.decision_id
             where p.person_id = @p and d.status = 'Rejected'
             order by d.year desc, d.kind
            """, conn))
        {
            cmd.Parameters.AddWithValue("p", personId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rejected.Add(new RejectedTitle(reader.GetGuid(0), Enum.Parse<TitleKind>(reader.GetString(1)), reader.GetInt32(2), reader.GetGuid(3),
                    reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        var counted = rows.Where(r => r.Status != EntryStatus.Rejected).ToList();
        var years = counted.GroupBy(r => r.Date.Year).OrderByDescending(g => g.Key).Select(g =>
        {
            var activities = g.Where(r => r.Kind == EntryKind.Activity).ToList();
            return new YearTotal(g.Key, Hours(activities.Sum(r => r.Minutes)), activities.Count, g.Count(r => r.Kind == EntryKind.Credential),
                activities.GroupBy(r => r.Domain!.Value).OrderBy(d => d.Key)
                    .Select(d => new DomainTotal(d.Key, Hours(d.Sum(r => r.Minutes)), d.Count())).ToList());
        }).ToList();

        var entries = details && key is not null ? rows.Select(r => Entry(r.Id, r.Kind, r.Domain, r.Date, r.Minutes, r.Provenance, r.Status,
            r.Details, r.Reason, r.DecidedBy, r.DecidedAt, r.RecordedAt, key)).ToList() : [];
        return new LearningRecord(personId, version, consent, details, erasedAt, years,
            entries.Where(e => e.Kind == EntryKind.Activity).ToList(), entries.Where(e => e.Kind == EntryKind.Credential).ToList(),
            titles, rejected);
    }

    public static decimal Hours(long minutes) => Math.Round(minutes / 60m, 2);

    internal static RecordEntry Entry(Guid id, EntryKind kind, LearningDomain? domain, DateOnly date, int minutes, Provenance provenance,
        EntryStatus status, byte[] details, byte[]? reason, Guid? decidedBy, DateTimeOffset? decidedAt, DateTimeOffset recordedAt, byte[] key)
    {
        var why = reason is null ? null : PersonKeys.Open<string>(key, reason);
        if (kind == EntryKind.Activity)
        {
            var a = PersonKeys.Open<ActivityDetails>(key, details);
            return new RecordEntry(id, kind, a.Title, domain, date, Hours(minutes), a.Provider, null, a.EvidenceUrl, a.EvidenceFileId,
                provenance, status, why, decidedBy, decidedAt, recordedAt, a.MinutesWithMedia);
        }
        var c = PersonKeys.Open<CredentialDetails>(key, details);
        return new RecordEntry(id, kind, c.Name, domain, date, 0, null, c.Issuer, c.EvidenceUrl, c.EvidenceFileId,
            provenance, status, why, decidedBy, decidedAt, recordedAt);
    }
}
