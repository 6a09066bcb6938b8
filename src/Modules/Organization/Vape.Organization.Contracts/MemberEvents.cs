namespace Vape.Organization.Contracts;

// Integration events of the members, published in the transaction (outbox) of the change. They carry who changed,
// not what: a module that keeps a copy asks `IOrganizationQueries` when it handles one, so a late or repeated
// event still writes the current state (docs/adr/0167).

/// <summary>These people's home unit, household, other memberships or membership itself changed (added, moved, left, imported).</summary>
public sealed record MembershipsChanged(IReadOnlyList<Guid> PersonIds);

/// <summary>Units were imported below `UnitId` (no `UnitCreated` is published per imported unit).</summary>
public sealed record UnitsImported(Guid UnitId, int Count);

/// <summary>
/// The tree and its members were written in bulk without an event per change (the scale seed, load people): a module's
/// copy of them must be rebuilt from the queries.
/// </summary>
public sealed record TreeBulkLoaded(DateTimeOffset At);
