namespace Vape.Organization.Contracts;

/// <summary>What other modules may ask the Organization module, answered from PostgreSQL.</summary>
public interface IOrganizationQueries
{
    /// <summary>True when the person holds an active role on the unit or on one of its ancestors.</summary>
    Task<bool> MayManageAsync(Guid personId, Guid unitId, CancellationToken ct);
}
