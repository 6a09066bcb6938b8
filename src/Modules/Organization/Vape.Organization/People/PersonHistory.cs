namespace Vape.Organization.People;

// Who changed what about a member and when, in the person's own event stream (stream id = person id).
// No personal data in these events: names and numbers live in the people table, which erasure can reach.

public sealed record MemberAdded(Guid PersonId, Guid HomeUnitId, Guid ActorId);

public sealed record MemberDetailsChanged(Guid PersonId, Guid HomeUnitId, Guid ActorId);

public sealed record RoleGranted(Guid RoleId, Guid PersonId, Guid UnitId, OfficialRole Role, DateOnly From, DateOnly? To, Guid ActorId);

public sealed record RoleClosed(Guid RoleId, Guid PersonId, Guid UnitId, DateOnly On, Guid ActorId);
