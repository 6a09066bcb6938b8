namespace Vape.Organization.Tree;

// What happened to a unit, in its own event stream (stream id = unit id). Effective dates say when it
// took effect in the association; the event's own timestamp says when it was recorded.

public sealed record UnitEstablished(Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId,
    DateOnly EffectiveFrom, IReadOnlyList<string> FormedFrom, Guid? ActorId);

public sealed record UnitNamed(Guid UnitId, string Name, DateOnly EffectiveFrom, Guid ActorId);

public sealed record UnitReparented(Guid UnitId, Guid FromParentId, Guid ToParentId, DateOnly EffectiveFrom, Guid ActorId);

public sealed record UnitMergedInto(Guid UnitId, Guid SuccessorId, DateOnly EffectiveFrom, Guid ActorId);

public sealed record UnitAbsorbed(Guid UnitId, Guid PredecessorId, DateOnly EffectiveFrom, Guid ActorId);

public sealed record UnitDisbanded(Guid UnitId, DateOnly EffectiveFrom, Guid ActorId);
