using Microsoft.Extensions.Options;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Records.Jobs;

/// <summary>
/// The jobs' rows (`records.jobs`, docs/adr/0279). Leases are in the database's time, so hosts with clocks apart agree
/// when one ran out; a write of progress names the attempt (`runner`), so a host that lost its lease writes nothing.
/// </summary>
public sealed class RecordsJobs(NpgsqlDataSource database, TimeProvider clock, IOptions<RecordsJobOptions> options, RecordsJobSignal signal)
{
    public const string JobRunning = "JOB_RUNNING";

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>Queues a job and wakes this host's runner; refused with `JOB_RUNNING` while one of its kind is queued or running.</summary>
    public async Task<RecordsJob> StartAsync(RecordsJobKind kind, Guid actor, CancellationToken ct)
    {
        var started = await database.ListAsync($"""
            insert into records.jobs (id, kind, status, started_by, started_at) values (@id, @kind, 'Queued', @actor, @at)
            on conflict do nothing returning {RecordsJob.Columns}
            """, RecordsJob.Read, ct, ("id", Guid.CreateVersion7()), ("kind", kind.ToString()), ("actor", actor), ("at", clock.GetUtcNow()));
        if (started.Count == 0)
            throw new VapeException(JobRunning, "Một lệnh cùng loại đang chạy; hãy chờ nó xong (xem `latestRecordsJob`) rồi mới chạy lại.");
        signal.Wake();
        return started[0];
    }

    public async Task<RecordsJob?> LoadAsync(Guid id, CancellationToken ct) =>
        (await database.ListAsync($"select {RecordsJob.Columns} from records.jobs where id = @id", RecordsJob.Read, ct, ("id", id))).SingleOrDefault();

    public async Task<RecordsJob?> LatestAsync(RecordsJobKind kind, CancellationToken ct) =>
        (await database.ListAsync($"select {RecordsJob.Columns} from records.jobs where kind = @kind order by started_at desc limit 1",
            RecordsJob.Read, ct, ("kind", kind.ToString()))).SingleOrDefault();

    /// <summary>The oldest job that is queued, or running under a lease that ran out (its host died), taken by a new attempt.</summary>
    internal async Task<ClaimedJob?> ClaimAsync(CancellationToken ct) =>
        (await database.ListAsync("""
            update records.jobs set status = 'Running', runner = @runner, held_by = @host, lease_until = now() + @lease, attempts = attempts + 1
             where id = (select id from records.jobs
                          where status = 'Queued' or (status = 'Running' and lease_until < now())
                          order by started_at limit 1 for update skip locked)
            returning id, kind, started_by, runner, done, added, resume_after
            """, r => new ClaimedJob(r.GetGuid(0), Enum.Parse<RecordsJobKind>(r.GetString(1)), r.GetGuid(2), r.GetGuid(3), r.GetInt64(4),
                r.GetInt64(5), r.Get<Guid?>(6)), ct, ("runner", Guid.CreateVersion7()), ("host", Host), ("lease", Lease))).SingleOrDefault();

    /// <summary>Which host holds a job (machine and process), for an operator and the scale-out test.</summary>
    private static readonly string Host = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Keeps the attempt's lease; false when another host took the job meanwhile.</summary>
    internal async Task<bool> RenewAsync(ClaimedJob job, CancellationToken ct) =>
        await database.ExecuteAsync("update records.jobs set lease_until = now() + @lease where id = @id and runner = @runner and status = 'Running'",
            ct, ("lease", Lease), ("id", job.Id), ("runner", job.Runner)) == 1;

    /// <summary>Lets another host take the job at once (this host is stopping); its progress stays.</summary>
    internal Task ReleaseAsync(ClaimedJob job, CancellationToken ct) =>
        database.ExecuteAsync("update records.jobs set lease_until = now() where id = @id and runner = @runner and status = 'Running'",
            ct, ("id", job.Id), ("runner", job.Runner));

    /// <summary>Progress of the attempt: false when it is no longer the job's (the caller stops).</summary>
    internal async Task<bool> ProgressAsync(ClaimedJob job, long done, long? total, long added, Guid? resumeAfter, CancellationToken ct) =>
        await database.ExecuteAsync("""
            update records.jobs set done = @done, total = coalesce(@total, total), added = @added, resume_after = coalesce(@after, resume_after)
             where id = @id and runner = @runner and status = 'Running'
            """, ct, ("done", done), ("total", Sql.Typed("total", total, NpgsqlTypes.NpgsqlDbType.Bigint)), ("added", added),
            ("after", Sql.Typed("after", resumeAfter, NpgsqlTypes.NpgsqlDbType.Uuid)), ("id", job.Id), ("runner", job.Runner)) == 1;

    internal Task FinishAsync(ClaimedJob job, string? errorCode, CancellationToken ct) =>
        database.ExecuteAsync("""
            update records.jobs set status = @status, error_code = @code, finished_at = @at, lease_until = null
             where id = @id and runner = @runner and status = 'Running'
            """, ct, ("status", (errorCode is null ? RecordsJobStatus.Done : RecordsJobStatus.Failed).ToString()),
            ("code", Sql.Typed("code", errorCode, NpgsqlTypes.NpgsqlDbType.Text)), ("at", clock.GetUtcNow()), ("id", job.Id), ("runner", job.Runner));
}
