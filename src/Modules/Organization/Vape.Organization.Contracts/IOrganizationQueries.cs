namespace Vape.Organization.Contracts;

/// <summary>What an official may do on a unit and every unit below it.</summary>
public enum Permission
{
    ViewMembers,
    ManageMembers,
    ManageUnits,
    ManageRoles,
    /// <summary>Schedule and host community classes for the unit.</summary>
    RunClasses,
    /// <summary>Issue directives from the unit to the units below it.</summary>
    IssueDirectives,
    /// <summary>Receive, read and report on directives for the unit; attach guidance for the units below.</summary>
    HandleDirectives,
    /// <summary>Publish news and approve or reject library resources.</summary>
    PublishContent,
    /// <summary>See (with a purpose) and verify the learning records of the unit's members.</summary>
    ReviewRecords,
}

/// <summary>A unit as other modules see it: current state, no history.</summary>
public sealed record UnitSummary(Guid Id, Guid? ParentId, string Code, string Name, string Kind, int Depth, string Status, Guid? SuccessorId);

/// <summary>A member as other modules see it: which unit (home or other membership) and which household; no personal data.</summary>
public sealed record UnitMember(Guid PersonId, Guid UnitId, Guid? HouseholdId);

/// <summary>A membership today: the person's home unit (`Home`) or another unit they belong to, with their household.</summary>
public sealed record Membership(Guid PersonId, Guid UnitId, Guid? HouseholdId, bool Home);

/// <summary>
/// A unit where it stands in the tree today, whatever its status: `Path` is its ids from the root down, each as 32
/// hex digits, joined by dots (an ltree). For a module's own copy of the tree.
/// </summary>
public sealed record UnitPlace(Guid Id, Guid? ParentId, string Kind, string Status, string Path);

/// <summary>Someone holding a role on a unit today.</summary>
public sealed record UnitOfficial(Guid PersonId, Guid UnitId, string Role);

/// <summary>What other modules may ask the Organization module, answered from PostgreSQL.</summary>
public interface IOrganizationQueries
{
    /// <summary>May the person do this on the unit: do they hold, today, a role granting it on the unit or an ancestor?</summary>
    Task<bool> MayAsync(Guid personId, Permission permission, Guid unitId, CancellationToken ct);

    /// <summary>The units on which the person holds a role today (each covers its subtree).</summary>
    Task<IReadOnlyList<Guid>> ManagedUnitsAsync(Guid personId, CancellationToken ct);

    /// <summary>Is `unitId` the unit `ancestorId` or below it?</summary>
    Task<bool> IsWithinAsync(Guid unitId, Guid ancestorId, CancellationToken ct);

    /// <summary>The units the person belongs to today: the home unit first, then other memberships (clans, chapters).</summary>
    Task<IReadOnlyList<Guid>> MemberUnitsAsync(Guid personId, CancellationToken ct);

    /// <summary>Does the person belong today (home unit or another membership) to the unit or a unit below it?</summary>
    Task<bool> IsMemberWithinAsync(Guid personId, Guid unitId, CancellationToken ct);

    /// <summary>
    /// The members today of the unit (and, with `subtree`, of every unit below it), by home unit or other
    /// membership; a person appears once per unit they belong to.
    /// </summary>
    Task<IReadOnlyList<UnitMember>> MembersAsync(Guid unitId, bool subtree, CancellationToken ct);

    /// <summary>Everyone holding a role today on exactly this unit (not its ancestors).</summary>
    Task<IReadOnlyList<UnitOfficial>> OfficialsAsync(Guid unitId, CancellationToken ct);

    /// <summary>
    /// Everyone holding a role today on exactly each of these units, in one statement: unit id → its officials.
    /// Units with no official (and unknown ids) are left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<UnitOfficial>>> OfficialsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct);

    /// <summary>Names to show next to what people wrote (chat, classroom); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct);

    /// <summary>The units with these ids, in any order; unknown ids are left out.</summary>
    Task<IReadOnlyList<UnitSummary>> UnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct);

    /// <summary>The active units of a subtree, the root first then by depth and code, down to `maxDepth` levels below the root (null: all).</summary>
    Task<IReadOnlyList<UnitSummary>> SubtreeAsync(Guid unitId, int? maxDepth, CancellationToken ct);

    /// <summary>The unit's ancestors, the centre first; the unit itself is not included.</summary>
    Task<IReadOnlyList<UnitSummary>> AncestorsAsync(Guid unitId, CancellationToken ct);

    /// <summary>The memberships today of these people (none for someone who left or is unknown).</summary>
    Task<IReadOnlyList<Membership>> MembershipsOfAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct);

    /// <summary>Every membership today, streamed (never held in memory): for rebuilding a module's copy.</summary>
    IAsyncEnumerable<Membership> AllMembershipsAsync(CancellationToken ct);

    /// <summary>Every unit of the subtree of `unitId` (of the whole tree when null), any status, parents before children, streamed.</summary>
    IAsyncEnumerable<UnitPlace> PlacesAsync(Guid? unitId, CancellationToken ct);

    /// <summary>How many rows `PlacesAsync(null)` and `AllMembershipsAsync` give now: the total of a rebuild's progress.</summary>
    Task<long> PlacesAndMembershipsCountAsync(CancellationToken ct);
}
