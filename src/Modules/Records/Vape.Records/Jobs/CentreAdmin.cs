using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Records.Jobs;

/// <summary>The centre's long commands and their jobs are for those who manage the root of the tree.</summary>
internal static class CentreAdmin
{
    public static async Task DemandAsync(IOrganizationQueries org, Guid actor, string refusal, CancellationToken ct)
    {
        var roots = (await org.UnitsAsync(await org.ManagedUnitsAsync(actor, ct), ct)).Where(u => u.ParentId is null);
        foreach (var root in roots)
            if (await org.MayAsync(actor, Permission.ManageUnits, root.Id, ct)) return;
        throw VapeException.NotAllowed(refusal);
    }
}
