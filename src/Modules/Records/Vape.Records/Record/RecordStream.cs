using System.Security.Cryptography;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>
/// The one way anything is written to a person's record: raise the record's version (from the one the caller
/// read, when they say which), append the event at that version, and apply it to the projection, all in the
/// session's transaction.
/// </summary>
internal static class RecordStream
{
    /// <summary>
    /// Opens a person's record for a write: their row held until the commit (one writer at a time), its version, their
    /// key (made now when <paramref name="withKey"/> and they have none) and, for <paramref name="day"/>, the minutes
    /// already learned that day. One round trip (`records.open_record`).
    /// </summary>
    public static async Task<OpenRecord> OpenAsync(RecordSql sql, Guid personId, CancellationToken ct, bool withKey = false, DateOnly? day = null)
    {
        var rows = await sql.ListAsync(OpenSql, r => ReadOpen(personId, r), ct, OpenParameters(personId, withKey, day));
        return rows.Single();
    }

    /// <summary>`records.open_record`'s statement (<see cref="OpenAsync"/>, <see cref="RecordWriter"/>).</summary>
    internal const string OpenSql = "select version, key, day_minutes from records.open_record(@p, @s, @k, @d)";

    internal static (string Name, object? Value)[] OpenParameters(Guid personId, bool withKey, DateOnly? day) =>
    [
        ("p", personId), ("s", Streams.Id(personId)),
        ("k", new NpgsqlParameter("k", NpgsqlDbType.Bytea) { Value = withKey ? RandomNumberGenerator.GetBytes(32) : DBNull.Value }),
        ("d", new NpgsqlParameter("d", NpgsqlDbType.Date) { Value = (object?)day ?? DBNull.Value }),
    ];

    internal static OpenRecord ReadOpen(Guid personId, NpgsqlDataReader r) =>
        new(personId, r.GetInt32(0), r.IsDBNull(1) ? null : (byte[])r[1], r.GetInt64(2));

    /// <summary>The statement that keeps the record's version in `records.learners` (<see cref="AppendAsync"/>, <see cref="RecordWriter"/>).</summary>
    internal const string VersionSql = "update records.learners set version = @v where person_id = @p";

    /// <summary>
    /// The one way anything is written to a person's record, once it is open: the version raised (from the one the caller
    /// read, when they say which), the event appended at that version, the projection updated, all in the session's
    /// transaction. The version's row and the projection's rows go with the commit's batch, in the order of the appends,
    /// unless the caller reads the projection back before the commit (<paramref name="readBack"/>).
    /// </summary>
    public static async Task<int> AppendAsync(RecordSql sql, OpenRecord record, int? expectedVersion, object @event, byte[]? key, CancellationToken ct,
        bool readBack = false)
    {
        if (expectedVersion is int expected && expected != record.Version)
            throw VapeException.VersionConflict("Hồ sơ học tập đã thay đổi; hãy tải lại rồi thử lại.");
        record.Version++;
        sql.Queue(VersionSql, ("v", record.Version), ("p", record.PersonId));
        // The event store checks the same version again (a writer that bypassed the row would fail here).
        Streams.Append(sql.Session, record.PersonId, record.Version, @event);
        await RecordProjection.ApplyAsync(sql, record.PersonId, @event, key, ct, queued: !readBack);
        return record.Version;
    }

}

/// <summary>A record held for a write (<see cref="RecordStream.OpenAsync"/>).</summary>
internal sealed class OpenRecord(Guid personId, int version, byte[]? key, long dayMinutes)
{
    public Guid PersonId { get; } = personId;
    public int Version { get; set; } = version;
    public byte[]? Key { get; } = key;
    public long DayMinutes { get; } = dayMinutes;
}

/// <summary>How each event changes the read side (`records.entries`, `titles`, `learners`). Also used to rebuild it.</summary>
internal static class RecordProjection
{
    /// <summary>
    /// Applies one event. <paramref name="queued"/>: its statement goes with the commit's batch (no round trip of its own),
    /// so nothing in the transaction may read it back before the commit; otherwise it runs now.
    /// </summary>
    public static async Task ApplyAsync(RecordSql sql, Guid personId, object @event, byte[]? key, CancellationToken ct, bool queued = false)
    {
        Task Write(string statement, params (string Name, object? Value)[] parameters)
        {
            if (!queued) return sql.ExecuteAsync(statement, ct, parameters);
            sql.Queue(statement, parameters);
            return Task.CompletedTask;
        }

        switch (@event)
        {
            case ActivityRecorded e when key is not null:
            {
                await Write(ActivitySql, ActivityParameters(personId, e, PersonKeys.Open<ActivityDetails>(key, e.Sealed)));
                break;
            }
            case CredentialRecorded e when key is not null:
            {
                var d = PersonKeys.Open<CredentialDetails>(key, e.Sealed);
                await Write("""
                    insert into records.entries (id, person_id, kind, domain, on_date, year, minutes, provenance, status, details, recorded_at)
                    values (@id, @p, 'Credential', @domain, @date, @year, 0, 'SelfDeclared', 'Pending', @details, @at)
                    """, ("id", e.EntryId), ("p", personId), ("domain", d.Domain?.ToString()), ("date", d.Date), ("year", d.Date.Year),
                    ("details", e.Sealed), ("at", e.At));
                break;
            }
            case EntryVerified e:
                await Write("""
                    update records.entries set provenance = 'Verified', status = 'Accepted', decided_by = @by, decided_at = @at
                     where id = @id and person_id = @p
                    """, ("id", e.EntryId), ("p", personId), ("by", e.OfficialId), ("at", e.At));
                break;
            case EntryRejected e:
                await Write("""
                    update records.entries set status = 'Rejected', reason = @reason, decided_by = @by, decided_at = @at
                     where id = @id and person_id = @p
                    """, ("id", e.EntryId), ("p", personId), ("reason", e.SealedReason), ("by", e.OfficialId), ("at", e.At));
                break;
            case EntryWithdrawn e:
                await Write("delete from records.entries where id = @id and person_id = @p", ("id", e.EntryId), ("p", personId));
                break;
            case TitleAwarded e:
                await Write("""
                    insert into records.titles (id, person_id, kind, year, subject_id, awarded_at) values (@id, @p, @kind, @year, @subject, @at)
                    on conflict do nothing
                    """, ("id", e.TitleId), ("p", personId), ("kind", e.Kind.ToString()), ("year", e.Year), ("subject", e.SubjectId), ("at", e.At));
                break;
            case ConsentChanged e:
                await Write("update records.learners set consent = @c where person_id = @p", ("c", e.Level.ToString()), ("p", personId));
                break;
            case RecordErased e:
                await sql.ExecuteAsync("""
                    delete from records.entries where person_id = @p;
                    delete from records.titles where person_id = @p;
                    delete from records.title_decisions where subject_id = @p;
                    delete from records.title_decision_people where person_id = @p;
                    delete from records.access_log where person_id = @p;
                    delete from records.learning_histories where person_id = @p;
                    delete from records.person_keys where person_id = @p;
                    update records.badges set revoked_at = coalesce(revoked_at, @at), credential = '', revocation_reason = null where person_id = @p;
                    update records.learners set erased_at = @at, consent = 'Totals' where person_id = @p;
                    """, ct, ("p", personId), ("at", e.At));
                break;
        }
    }

    /// <summary>An activity's row in `records.entries` (<see cref="ApplyAsync"/>, <see cref="RecordWriter"/>, which has its details unsealed already).</summary>
    internal const string ActivitySql = """
        insert into records.entries (id, person_id, kind, domain, on_date, year, minutes, provenance, status, details, attendance_id, recorded_at)
        values (@id, @p, 'Activity', @domain, @date, @year, @minutes, @provenance, @status, @details, @attendance::uuid, @at)
        """;

    internal static (string Name, object? Value)[] ActivityParameters(Guid personId, ActivityRecorded e, ActivityDetails d) =>
    [
        ("id", e.EntryId), ("p", personId), ("domain", d.Domain.ToString()), ("date", d.Date), ("year", d.Date.Year),
        ("minutes", d.Minutes), ("provenance", e.Provenance.ToString()),
        ("status", (e.Provenance == Provenance.SelfDeclared ? EntryStatus.Pending : EntryStatus.Accepted).ToString()),
        ("details", e.Sealed), ("attendance", e.AttendanceId), ("at", e.At),
    ];

    /// <summary>Rebuilds `entries` and `titles` from the event store (keys of erased people are gone: their entries stay gone).</summary>
    public static async Task<long> RebuildAsync(IDocumentStore store, CancellationToken ct)
    {
        await using (var reset = store.LightweightSession())
        {
            var sql = new RecordSql(reset);
            await sql.ExecuteAsync("truncate records.entries, records.titles", ct);
            await reset.SaveChangesAsync(ct);
        }
        long applied = 0, after = 0;
        const int page = 2000;
        while (true)
        {
            await using var session = store.LightweightSession();
            var events = await Streams.AllEvents(session, RecordEventTypes.All)
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(page)
                .ToListAsync(ct);
            if (events.Count == 0) break;
            var sql = new RecordSql(session);
            // A stream's person, and the person's key.
            var streams = events.Select(e => e.StreamId).Distinct().ToArray();
            var people = await sql.ListAsync("""
                select l.stream_id, l.person_id, k.key from records.learners l
                  left join records.person_keys k on k.person_id = l.person_id
                 where l.stream_id = any(@s)
                """, r => (Stream: r.GetGuid(0), Person: r.GetGuid(1), Key: r.IsDBNull(2) ? null : (byte[])r[2]), ct, ("s", streams));
            var personOf = people.ToDictionary(p => p.Stream);
            foreach (var e in events)
            {
                if (!personOf.TryGetValue(e.StreamId, out var person)) continue;
                if (e.Data is RecordErased)
                {
                    await sql.ExecuteAsync("delete from records.entries where person_id = @p; delete from records.titles where person_id = @p", ct, ("p", person.Person));
                    continue;
                }
                var key = person.Key;
                // Entries sealed with a destroyed key (an erased person's) stay out.
                if (e.Data is ActivityRecorded or CredentialRecorded or EntryRejected && key is null) continue;
                try
                {
                    await ApplyAsync(sql, person.Person, e.Data, key, ct);
                    applied++;
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                }
            }
            await session.SaveChangesAsync(ct);
            after = events[^1].Sequence;
        }
        return applied;
    }
}

internal static class RecordRules
{
    public const int MaxTitle = 200;
    public const int MaxProvider = 200;
    public const int MaxUrl = 500;
    public const int MaxReason = 500;
    public const int MinutesPerDay = 24 * 60;
    private static readonly TimeSpan VietNam = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietNam).DateTime);

    public static string Text(string? value, string field, int max, bool required = true)
    {
        var text = (value ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (required && text.Length == 0) throw VapeException.InvalidInput($"Hãy nhập {field}.");
        if (text.Length > max) throw VapeException.InvalidInput($"{Capital(field)} dài tối đa {max} ký tự.");
        return text;
    }

    public static string? Optional(string? value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, max);

    public static string? Url(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > MaxUrl || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw VapeException.InvalidInput($"Đường dẫn minh chứng phải là địa chỉ http(s) đầy đủ, tối đa {MaxUrl} ký tự.");
        return uri.ToString();
    }

    public static DateOnly NotInFuture(DateOnly date, DateOnly today)
    {
        if (date > today) throw VapeException.InvalidInput("Ngày không được ở tương lai.");
        if (date.Year < 1900) throw VapeException.InvalidInput("Ngày không hợp lệ.");
        return date;
    }

    public static int Minutes(decimal hours)
    {
        if (hours <= 0) throw VapeException.InvalidInput("Số giờ phải lớn hơn 0.");
        if (hours > 24) throw VapeException.InvalidInput("Một ngày có tối đa 24 giờ.");
        var minutes = (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);
        return minutes < 1 ? throw VapeException.InvalidInput("Số giờ phải từ 1 phút trở lên.") : minutes;
    }

    public static LearningDomain Domain(LearningDomain domain) =>
        Enum.IsDefined(domain) ? domain : throw VapeException.InvalidInput("Lĩnh vực không hợp lệ.");

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
