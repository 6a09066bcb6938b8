using Microsoft.Extensions.Logging;
using Vape.Organization.Contracts;
using Vape.Records.Membership;

namespace Vape.Records.Jobs;

/// <summary>
/// `rebuildRecordsCopy` as a job: the copy is refilled in one transaction (readers keep the old copy until it commits,
/// docs/adr/0279); progress is the rows copied of those Organization has, written beside it. A new attempt starts over.
/// </summary>
internal sealed class RebuildCopyJob(MembershipCopy copy, IOrganizationQueries org, RecordsJobs jobs, ILogger<RebuildCopyJob> log)
{
    public async Task RunAsync(ClaimedJob job, CancellationToken ct)
    {
        var total = await org.PlacesAndMembershipsCountAsync(ct);
        await Progress(job, 0, total, ct);
        var rebuilt = (await copy.RebuildAsync(onlyWhenEmpty: false, ct, (rows, t) => Progress(job, rows, null, t)))!;
        await Progress(job, rebuilt.Units + rebuilt.Memberships, rebuilt.Units + rebuilt.Memberships, ct);
        log.LogInformation("Records' copy of the tree rebuilt by {ActorId}: {Units} units, {Memberships} memberships", job.StartedBy, rebuilt.Units, rebuilt.Memberships);
    }

    private async Task Progress(ClaimedJob job, long done, long? total, CancellationToken ct)
    {
        if (!await jobs.ProgressAsync(job, done, total, 0, null, ct)) throw new OperationCanceledException("the job is another attempt's now");
    }
}
