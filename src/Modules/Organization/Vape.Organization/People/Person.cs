namespace Vape.Organization.People;

/// <summary>A member of the association. Personal data is kept minimal (see docs/adr and the organization issue).</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public required string FullName { get; set; }
    public Guid HomeUnitId { get; set; }

    /// <summary>Local or demo login name; null for people who never sign in.</summary>
    public string? Login { get; set; }
}

public enum OfficialRole
{
    Chair,
    ViceChair,
    StandingMember,
    Secretary,
    Staff,
}

/// <summary>A person's role on a unit for a term; it covers the unit's whole subtree.</summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid UnitId { get; set; }
    public OfficialRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    public bool IsActiveOn(DateOnly day) => From <= day && (To is null || To >= day);
}
