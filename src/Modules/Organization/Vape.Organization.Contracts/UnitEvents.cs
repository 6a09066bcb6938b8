namespace Vape.Organization.Contracts;

// Integration events of the tree, published after the change is committed. Modules that keep references to
// units (directives, classes, channels) follow them: a merged unit's references pass to its successor.

public sealed record UnitCreated(Guid UnitId, Guid? ParentId, string Code, string Name, string Kind, DateOnly EffectiveFrom);

public sealed record UnitRenamed(Guid UnitId, string Name, int Version, DateTimeOffset At);

public sealed record UnitMoved(Guid UnitId, Guid FromParentId, Guid ToParentId, DateOnly EffectiveFrom);

public sealed record UnitMerged(Guid UnitId, Guid SuccessorId, DateOnly EffectiveFrom);

public sealed record UnitDissolved(Guid UnitId, DateOnly EffectiveFrom);

public sealed record RoleAssigned(Guid RoleId, Guid PersonId, Guid UnitId, string Role, DateOnly From, DateOnly? To);

public sealed record RoleEnded(Guid RoleId, Guid PersonId, Guid UnitId, DateOnly To);
