using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Privacy;

/// <summary>
/// The person asks for their record to be erased. Their key is destroyed (every sealed copy, in events,
/// projections and later backups, becomes unreadable), their projection rows go, and what they added to the
/// statistics stays as anonymous counts of their home unit.
/// </summary>
public sealed record RequestRecordErasure(Guid ActorId, Guid PersonId);

public sealed record ErasureDone(Guid PersonId, int Version, DateTimeOffset ErasedAt);

public static class RequestRecordErasureHandler
{
    public static async Task<ErasureDone> Handle(RequestRecordErasure command, IDocumentSession session, IOrganizationQueries org,
        TimeProvider clock, CancellationToken ct)
    {
        if (command.ActorId != command.PersonId) throw VapeException.NotAllowed("Chỉ chính người có hồ sơ mới được yêu cầu xóa hồ sơ.");
        var sql = new RecordSql(session);
        await RecordStream.LockAsync(sql, command.PersonId, ct);
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
        var at = clock.GetUtcNow();
        var version = await RecordStream.AppendAsync(sql, command.PersonId, null, new RecordErased(at), null, ct);
        return new ErasureDone(command.PersonId, version, at);
    }
}
