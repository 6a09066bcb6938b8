using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Records.Record;
using Vape.Records.Statistics;

namespace Vape.Records.Privacy;

/// <summary>
/// One look at a record: who (an official's person id, or a learning provider's xAPI client), through which unit, why,
/// and what they saw.
/// </summary>
internal sealed record RecordLook(Guid Id, Guid? OfficialId, Guid? XapiClientId, string? XapiClientName, Guid UnitId, RecordPurpose Purpose, ConsentLevel Shown,
    DateTimeOffset At);

/// <summary>An official's look at a member's record, written to the access log the member reads, then the record as consent allows.</summary>
internal sealed class RecordLooks(NpgsqlDataSource database, IOrganizationQueries org, RecordStore store, TimeProvider clock)
{
    public async Task<LearningRecord> LookAsync(Guid officialId, Guid personId, RecordPurpose purpose, CancellationToken ct)
    {
        if (!Enum.IsDefined(purpose)) throw Vape.BuildingBlocks.Errors.VapeException.InvalidInput("Hãy nêu mục đích xem hồ sơ.");
        var unit = await RecordAccess.DemandReviewAsync(org, officialId, personId, ct);
        DemandOfficialsPurpose(purpose);
        await using var conn = await database.OpenConnectionAsync(ct);
        // The consent read and the log row in one statement: what the log says was shown is what is shown.
        await using var cmd = new NpgsqlCommand("""
            with consent as (select coalesce((select consent from records.learners where person_id = @p), 'Totals') as level)
            insert into records.access_log (id, person_id, official_id, unit_id, purpose, detail, at)
            select @id, @p, @o, @u, @purpose, level, @at from consent
            returning detail
            """, conn);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("p", personId);
        cmd.Parameters.AddWithValue("o", officialId);
        cmd.Parameters.AddWithValue("u", unit);
        cmd.Parameters.AddWithValue("purpose", purpose.ToString());
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        var shown = Enum.Parse<ConsentLevel>((string)(await cmd.ExecuteScalarAsync(ct))!);
        return await store.LoadAsync(personId, shown == ConsentLevel.Details, ct);
    }

    /// <summary>
    /// A self-declared entry still waiting for a decision, for an official who reviews its person (found through
    /// `unitId`): declaring it asked an official to check it, so it shows whatever the consent level, as in the
    /// verification queue (ADR 0073), and the look is logged as one at the details for verification. Null when the
    /// entry is not the person's or is no longer pending (then consent decides, as for <see cref="LookAsync"/>).
    /// </summary>
    public async Task<RecordEntry?> LookAtPendingEntryAsync(Guid officialId, Guid personId, Guid unitId, Guid entryId, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        RecordEntry? entry = null;
        await using (var cmd = new NpgsqlCommand("""
            select e.kind, e.domain, e.on_date, e.minutes, e.provenance, e.status, e.details, e.recorded_at, k.key
              from records.entries e join records.person_keys k on k.person_id = e.person_id
             where e.id = @e and e.person_id = @p and e.status = 'Pending'
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("e", entryId);
            cmd.Parameters.AddWithValue("p", personId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
                entry = RecordStore.Entry(entryId, Enum.Parse<EntryKind>(reader.GetString(0)), reader.IsDBNull(1) ? null : Enum.Parse<LearningDomain>(reader.GetString(1)),
                    reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3), Enum.Parse<Provenance>(reader.GetString(4)), Enum.Parse<EntryStatus>(reader.GetString(5)),
                    (byte[])reader[6], null, null, null, reader.GetFieldValue<DateTimeOffset>(7), (byte[])reader[8]);
        }
        if (entry is null) return null;
        await WriteLooksAsync(conn, tx, officialId, [personId], [unitId], RecordPurpose.Verification, ConsentLevel.Details, clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>
    /// Title proposals show a person's hours and domains (a Learning Citizen) or who qualified in a small group (a
    /// family): each person whose data shows, in a proposal of fewer than <see cref="StatisticsStore.MinPeople"/>
    /// people, gets a look in their access log, as for <see cref="LookAsync"/>. Larger groups show only counts.
    /// </summary>
    public async Task LookAtProposalsAsync(Guid officialId, Guid unitId, RecordPurpose purpose, IReadOnlyList<Titles.TitleProposal> proposals, CancellationToken ct)
    {
        if (!Enum.IsDefined(purpose)) throw VapeException.InvalidInput("Hãy nêu mục đích xem hồ sơ.");
        DemandOfficialsPurpose(purpose);
        var people = proposals.Where(p => p.MemberCount < StatisticsStore.MinPeople).SelectMany(p => p.Members).Distinct().ToArray();
        if (people.Length == 0) return;
        await using var conn = await database.OpenConnectionAsync(ct);
        await WriteLooksAsync(conn, null, officialId, people, [.. people.Select(_ => unitId)], purpose, ConsentLevel.Totals, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// An official's looks, one row per person (each through its unit), in one statement: the one insert of officials'
    /// looks into the access log but <see cref="LookAsync"/>'s, which reads the consent it logs in the same statement.
    /// </summary>
    public static async Task WriteLooksAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid officialId, Guid[] people, Guid[] units,
        RecordPurpose purpose, ConsentLevel shown, DateTimeOffset at, CancellationToken ct)
    {
        await using var log = new NpgsqlCommand("""
            insert into records.access_log (id, person_id, official_id, unit_id, purpose, detail, at)
            select id, person_id, @o, unit_id, @purpose, @detail, @at from unnest(@ids, @people, @units) as t(id, person_id, unit_id)
            """, conn, tx);
        log.Parameters.AddWithValue("ids", people.Select(_ => Guid.CreateVersion7()).ToArray());
        log.Parameters.AddWithValue("people", people);
        log.Parameters.AddWithValue("units", units);
        log.Parameters.AddWithValue("o", officialId);
        log.Parameters.AddWithValue("purpose", purpose.ToString());
        log.Parameters.AddWithValue("detail", shown.ToString());
        log.Parameters.AddWithValue("at", at);
        await log.ExecuteNonQueryAsync(ct);
    }

    private static void DemandOfficialsPurpose(RecordPurpose purpose)
    {
        if (purpose is not (RecordPurpose.Verification or RecordPurpose.Evaluation or RecordPurpose.Support))
            throw VapeException.InvalidInput("Mục đích này không dành cho cán bộ (LEARNING_SERVICE là của ứng dụng học tập, CERTIFIED_HISTORY và HISTORY_VERIFICATION của bản quá trình học tập); hãy chọn xác minh, đánh giá hoặc hỗ trợ.");
    }

    /// <summary>The person's access log, newest first, one page (cursor: time and id of the last look shown).</summary>
    public async Task<Connection<RecordLook>> LogAsync(Guid personId, Page page, CancellationToken ct)
    {
        var (afterAt, afterId) = VerificationQueue.After(page);
        await using var cmd = database.CreateCommand("""
            select l.id, l.official_id, l.xapi_client_id, c.name, l.unit_id, l.purpose, l.detail, l.at
              from records.access_log l left join records.xapi_clients c on c.id = l.xapi_client_id
             where l.person_id = @p and (@after_at::timestamptz is null or (l.at, l.id) < (@after_at, @after_id))
             order by l.at desc, l.id desc limit @n
            """);
        cmd.Parameters.AddWithValue("p", personId);
        cmd.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (object?)afterAt ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = (object?)afterId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("n", page.First + 1);
        var looks = new List<RecordLook>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                looks.Add(new RecordLook(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetGuid(4), Enum.Parse<RecordPurpose>(reader.GetString(5)),
                    Enum.Parse<ConsentLevel>(reader.GetString(6)), reader.GetFieldValue<DateTimeOffset>(7)));
        return page.ToConnection(looks, l => $"{l.At.UtcTicks}|{l.Id}");
    }
}
