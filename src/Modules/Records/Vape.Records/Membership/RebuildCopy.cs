using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Jobs;

namespace Vape.Records.Membership;

/// <summary>
/// An official of the centre refills Records' copy of the tree and memberships from Organization (after a restore, a
/// bulk load by hand, or a doubt), as a job (<see cref="RebuildCopyJob"/>). Readers keep the old copy until the new one commits.
/// </summary>
public sealed record RebuildRecordsCopy(Guid ActorId, bool Confirm);

internal sealed record RebuildRecordsCopyInput(bool Confirm);

public static class RebuildRecordsCopyHandler
{
    /// <summary>Starts the rebuild as a job and answers it at once (docs/adr/0279).</summary>
    public static async Task<RecordsJob> Handle(RebuildRecordsCopy command, IOrganizationQueries org, RecordsJobs jobs, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070): those who manage the root of the tree.
        await CentreAdmin.DemandAsync(org, command.ActorId, "Chỉ lãnh đạo Trung ương Hội mới được dựng lại bản sao cây đơn vị và hội viên của hồ sơ học tập.", ct);
        if (!command.Confirm) throw VapeException.InvalidInput("Hãy xác nhận (`confirm: true`) để dựng lại bản sao.");
        return await jobs.StartAsync(RecordsJobKind.RebuildRecordsCopy, command.ActorId, ct);
    }
}
