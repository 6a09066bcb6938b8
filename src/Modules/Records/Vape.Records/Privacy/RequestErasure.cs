using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Record;
using Vape.BuildingBlocks.Files;
using Wolverine;

namespace Vape.Records.Privacy;

/// <summary>
/// The person asks for their record to be erased. Their key is destroyed (every sealed copy, in events,
/// projections and later backups, becomes unreadable), their projection rows go, and what they added to the
/// statistics stays as anonymous counts of their home unit.
/// </summary>
public sealed record RequestRecordErasure(Guid ActorId, Guid PersonId)
{
    /// <summary>Only the person asks for their own record to go (before anything is read); then it is erased, also when it was already.</summary>
    internal void Check()
    {
        if (ActorId != PersonId) throw VapeException.NotAllowed("Chỉ chính người có hồ sơ mới được yêu cầu xóa hồ sơ.");
    }

    internal IReadOnlyList<IRecordEvent> Decide(DateTimeOffset at)
    {
        Check();
        return [new RecordErased(at)];
    }
}

public sealed record ErasureDone(Guid PersonId, int Version, DateTimeOffset ErasedAt);

public static class RequestRecordErasureHandler
{
    public static async Task<ErasureDone> Handle(RequestRecordErasure command, IDocumentSession session, IOrganizationQueries org,
        IPersonContacts contacts, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        command.Check();
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, command.PersonId, ct);
        var home = (await org.MemberUnitsAsync(command.PersonId, ct)).Cast<Guid?>().FirstOrDefault();
        if (home is { } unit)
        {
            await sql.ExecuteAsync("""
                insert into records.erased_totals (unit_id, year, domain, people, activities, minutes)
                select @u, year, domain, 1, count(*), sum(minutes) from records.entries
                 where person_id = @p and kind = 'Activity' and status <> 'Rejected' group by year, domain
                union all
                select @u, year, 'All', 1, count(*), sum(minutes) from records.entries
                 where person_id = @p and kind = 'Activity' and status <> 'Rejected' group by year
                """, ct, ("u", unit), ("p", command.PersonId));
        }
        // Evidence files go too, after the commit (the outbox carries only their ids).
        if (record.Key is { } key)
        {
            var files = (await sql.ListAsync("select kind, details from records.entries where person_id = @p",
                    r => (r.GetString(0), (byte[])r[1]), ct, ("p", command.PersonId)))
                .Select(e => e.Item1 == nameof(EntryKind.Activity)
                    ? PersonKeys.Open<ActivityDetails>(key, e.Item2).EvidenceFileId
                    : PersonKeys.Open<CredentialDetails>(key, e.Item2).EvidenceFileId)
                .OfType<Guid>().Distinct().ToList();
            if (files.Count > 0) await bus.PublishAsync(new DeleteEvidenceFiles(files));
        }
        // What learning providers wrote about the person goes with the record (docs/adr/0134).
        await Xapi.XapiSealing.EraseAsync(sql, command.PersonId, ct);
        // The phone and e-mail on file go too: sealed with the key just shredded, and found by a keyed hash (docs/adr/0185).
        await contacts.EraseAsync(command.PersonId, ct);
        var at = clock.GetUtcNow();
        var version = await RecordStream.AppendAsync(sql, record, null, command.Decide(at).Single(), null, ct);
        return new ErasureDone(command.PersonId, version, at);
    }
}

/// <summary>After an erasure: the erased record's evidence files, by id only.</summary>
public sealed record DeleteEvidenceFiles(IReadOnlyList<Guid> FileIds);

public static class DeleteEvidenceFilesHandler
{
    public static async Task Handle(DeleteEvidenceFiles message, IFileStore files, CancellationToken ct)
    {
        foreach (var id in message.FileIds) await files.DeleteAsync(id, ct);
    }
}
