namespace Vape.Organization.Tree;

// What happened to a unit, in its own event stream (stream id = unit id). Effective dates say when it
// took effect in the association; the event's own timestamp says when it was recorded. Each is decided by the
// action's file (CreateUnit.cs, RenameUnit.cs, ...) and folded by TreeState.Apply (docs/adr/0164).

/// <summary>What happened to one unit (the stream's key is <see cref="UnitId"/>).</summary>
internal interface IUnitEvent
{
    Guid UnitId { get; }
}

public sealed record UnitEstablished(Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId,
    DateOnly EffectiveFrom, IReadOnlyList<string> FormedFrom, Guid? ActorId) : IUnitEvent;

public sealed record UnitNamed(Guid UnitId, string Name, DateOnly EffectiveFrom, Guid ActorId) : IUnitEvent;

public sealed record UnitReparented(Guid UnitId, Guid FromParentId, Guid ToParentId, DateOnly EffectiveFrom, Guid ActorId) : IUnitEvent;

public sealed record UnitMergedInto(Guid UnitId, Guid SuccessorId, DateOnly EffectiveFrom, Guid ActorId) : IUnitEvent;

public sealed record UnitAbsorbed(Guid UnitId, Guid PredecessorId, DateOnly EffectiveFrom, Guid ActorId) : IUnitEvent;

public sealed record UnitDisbanded(Guid UnitId, DateOnly EffectiveFrom, Guid ActorId) : IUnitEvent;
