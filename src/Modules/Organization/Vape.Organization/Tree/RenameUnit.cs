using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>An official renames a unit of their subtree, from a date; the old name stays in the history.</summary>
public sealed record RenameUnit(Guid UnitId, string Name, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null)
{
    /// <summary>
    /// The unit's new name, or a refusal: a name, an active unit still at the version the caller read, a date today
    /// or earlier and not before the unit's last change. In this order. The same name again is a new period all the same.
    /// </summary>
    internal IReadOnlyList<IUnitEvent> Decide(Unit unit, DateOnly today)
    {
        var name = TreeRules.Name(Name);
        TreeRules.Active(unit);
        TreeRules.Version(unit, ExpectedVersion);
        var effective = TreeRules.Effective(EffectiveFrom, unit, today);
        return [new UnitNamed(unit.Id, name, effective, ActorId)];
    }
}

public static class RenameUnitHandler
{
    public static async Task<(Unit, UnitRenamed)> Handle(RenameUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, unit.Id, ct);
        var events = command.Decide(unit, TreeRules.Today(clock));
        var renamed = (await UnitWrites.WriteAsync(session, TreeState.Of(unit), events, ct))[unit.Id]!;
        return (renamed, new UnitRenamed(unit.Id, renamed.Name, renamed.Version, clock.GetUtcNow()));
    }
}
