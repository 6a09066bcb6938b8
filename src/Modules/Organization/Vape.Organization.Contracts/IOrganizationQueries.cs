namespace Vape.Organization.Contracts;

/// <summary>What an official may do on a unit and every unit below it.</summary>
public enum Permission
{
    ViewMembers,
    ManageMembers,
    ManageUnits,
    ManageRoles,
}

/// <summary>What other modules may ask the Organization module, answered from PostgreSQL.</summary>
public interface IOrganizationQueries
{
    /// <summary>May the person do this on the unit: do they hold, today, a role granting it on the unit or an ancestor?</summary>
    Task<bool> MayAsync(Guid personId, Permission permission, Guid unitId, CancellationToken ct);

    /// <summary>The units on which the person holds a role today (each covers its subtree).</summary>
    Task<IReadOnlyList<Guid>> ManagedUnitsAsync(Guid personId, CancellationToken ct);

    /// <summary>Is `unitId` the unit `ancestorId` or below it?</summary>
    Task<bool> IsWithinAsync(Guid unitId, Guid ancestorId, CancellationToken ct);
}
