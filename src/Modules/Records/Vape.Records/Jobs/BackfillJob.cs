using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Records.Badges;
using Vape.Records.Xapi;

namespace Vape.Records.Jobs;

/// <summary>
/// `backfillOwnStatements` as a job (docs/adr/0239, 0279): the events in the order of their ids, a batch at a time; each
/// statement is its own transaction, and after each batch the job keeps the last id it told. A new attempt (its host
/// died) goes on after that id; what a batch cut short had told already is not told again (the statements' ids are the events').
/// </summary>
internal sealed class BackfillJob(NpgsqlDataSource database, RecordsJobs jobs, IOptions<RecordsJobOptions> options, IOptions<BadgeOptions> badges,
    TimeProvider clock, ILogger<BackfillJob> log)
{
    /// <summary>The events the live path tells: attendance (`attendance_id`), an official's decision (`decided_by`, also a Funds award), a title; of records not erased.</summary>
    private const string Events = """
        select e.id, e.person_id, case when e.attendance_id is not null then 'Attended' else 'Verified' end as kind
          from records.entries e join records.learners l on l.person_id = e.person_id and l.erased_at is null
         where e.status = 'Accepted' and (e.attendance_id is not null or e.decided_by is not null)
        union all
        select t.id, t.person_id, 'TitleAwarded'
          from records.titles t join records.learners l on l.person_id = t.person_id and l.erased_at is null
        """;

    public async Task RunAsync(ClaimedJob job, CancellationToken ct)
    {
        var total = (await database.ScalarAsync<long>($"select count(*) from ({Events}) e", ct));
        var (done, added, after) = (job.Done, job.Added, job.ResumeAfter);
        await Progress(job, done, total, added, after, ct);
        var emitter = new XapiOwnStatements(database, XapiOwnStatements.OriginOf(badges.Value), clock, log);
        while (true)
        {
            var batch = await database.ListAsync($"select id, person_id, kind from ({Events}) e where @after is null or id > @after order by id limit @n",
                r => (Id: r.GetGuid(0), Event: new EmitOwnStatement(r.GetGuid(1), Enum.Parse<OwnStatementKind>(r.GetString(2)), r.GetGuid(0))), ct,
                ("after", Sql.Typed("after", after, NpgsqlTypes.NpgsqlDbType.Uuid)), ("n", options.Value.BackfillBatch));
            if (batch.Count == 0) break;
            foreach (var (_, e) in batch)
                if (await emitter.EmitAsync(e, ct)) added++;
            (done, after) = (done + batch.Count, batch[^1].Id);
            await Progress(job, done, Math.Max(total, done), added, after, ct);
        }
        log.LogInformation("Vape's own statements back-filled by {ActorId}: {Events} events, {Added} statements added", job.StartedBy, done, added);
    }

    private async Task Progress(ClaimedJob job, long done, long total, long added, Guid? after, CancellationToken ct)
    {
        if (!await jobs.ProgressAsync(job, done, total, added, after, ct)) throw new OperationCanceledException("the job is another attempt's now");
    }
}
