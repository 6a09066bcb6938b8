using System.Collections.Immutable;

namespace Vape.Organization.Tree;

/// <summary>
/// The units a decision reads (the unit acted on, its new parent or successor), as their streams left them, and
/// their fold: <see cref="Apply(IUnitEvent)"/> is what each event does to a unit's row (and to the rows below it that the state
/// holds), the same change the SQL of <see cref="UnitWrites"/> makes to the tables (docs/adr/0164).
/// </summary>
internal sealed record TreeState(ImmutableDictionary<Guid, Unit> Units)
{
    public static TreeState Of(params Unit?[] units) =>
        new(units.OfType<Unit>().DistinctBy(u => u.Id).ToImmutableDictionary(u => u.Id));

    public Unit? this[Guid id] => Units.GetValueOrDefault(id);

    public TreeState Apply(IEnumerable<IUnitEvent> events) => events.Aggregate(this, (state, e) => state.Apply(e));

    public TreeState Apply(IUnitEvent e) => e switch
    {
        UnitEstablished x => Established(x),
        UnitNamed x => Change(x.UnitId, u => u with { Name = x.Name, Version = u.Version + 1, LastChange = x.EffectiveFrom }),
        UnitReparented x => Rebase(x.UnitId, Known(x.ToParentId), x.EffectiveFrom)
            .Change(x.UnitId, u => u with { Version = u.Version + 1 }),
        UnitMergedInto x => Units.Values.Where(c => c.ParentId == x.UnitId && c.Status == UnitStatus.Active)
            .Aggregate(this, (state, child) => state.Rebase(child.Id, Known(x.SuccessorId), x.EffectiveFrom))
            .Change(x.UnitId, u => u with { Status = UnitStatus.Merged, SuccessorId = x.SuccessorId, EffectiveTo = x.EffectiveFrom, Version = u.Version + 1 }),
        UnitAbsorbed x => Change(x.UnitId, u => u with { Version = u.Version + 1 }),
        UnitDisbanded x => Change(x.UnitId, u => u with { Status = UnitStatus.Dissolved, EffectiveTo = x.EffectiveFrom, Version = u.Version + 1 }),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "not a unit event"),
    };

    private TreeState Established(UnitEstablished e)
    {
        var parent = e.ParentId is Guid id ? Known(id) : null;
        var label = Unit.Label(e.UnitId);
        return new(Units.SetItem(e.UnitId, new Unit(e.UnitId, e.Code, e.Name, e.Kind, e.ParentId,
            parent is null ? label : parent.Path + "." + label, parent is null ? 0 : parent.Depth + 1,
            UnitStatus.Active, e.EffectiveFrom, null, null, e.FormedFrom, 1, e.EffectiveFrom)));
    }

    /// <summary>The unit goes under `parent` with everything below it that the state holds; their periods start again on `effective`.</summary>
    private TreeState Rebase(Guid unitId, Unit parent, DateOnly effective)
    {
        var unit = Known(unitId);
        var path = parent.Path + "." + Unit.Label(unitId);
        var units = Units;
        foreach (var u in Units.Values.Where(u => u.IsSelfOrDescendantOf(unitId)))
            units = units.SetItem(u.Id, u with
            {
                ParentId = u.Id == unitId ? parent.Id : u.ParentId,
                Path = path + u.Path[unit.Path.Length..],
                Depth = u.Depth - unit.Depth + parent.Depth + 1,
                LastChange = effective,
            });
        return new(units);
    }

    private TreeState Change(Guid id, Func<Unit, Unit> change) => new(Units.SetItem(id, change(Known(id))));

    private Unit Known(Guid id) =>
        this[id] ?? throw new InvalidOperationException($"unit {id} is not in the state the decision read");
}
