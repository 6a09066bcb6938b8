using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>
/// A unit is merged into a successor of the same kind from a date: its children, members and other
/// memberships pass to the successor, its roles end, it points to its successor. A + B → C is creating C and
/// merging A and B into it.
/// </summary>
public sealed record MergeUnit(Guid UnitId, Guid SuccessorId, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null)
{
    /// <summary>The refusal of a merge into its descendant: here, and from the SQL guard (OrganizationSql).</summary>
    internal const string IntoDescendant = "Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.";

    /// <summary>
    /// The merge (the unit's stream: merged into; the successor's: absorbed), or a refusal: not into itself; both
    /// active; not into its own descendant; the same kind; the version the caller read; a date today or earlier, not
    /// before either unit's last change nor before anything `recorded` in the unit's subtree. In this order.
    /// </summary>
    internal IReadOnlyList<IUnitEvent> Decide(Unit unit, Unit successor, DateOnly? recorded, DateOnly today)
    {
        if (unit.Id == successor.Id) throw VapeException.InvalidInput("Không thể sáp nhập một đơn vị vào chính nó.");
        TreeRules.Active(unit);
        TreeRules.Active(successor);
        if (successor.IsSelfOrDescendantOf(unit.Id))
            throw VapeException.InvalidInput(IntoDescendant);
        if (unit.Kind != successor.Kind)
            throw VapeException.InvalidInput($"Chỉ sáp nhập đơn vị cùng loại (“{unit.Kind.Describe()}” và “{successor.Kind.Describe()}”).");
        TreeRules.Version(unit, ExpectedVersion);
        var effective = TreeRules.Effective(EffectiveFrom, unit, today);
        TreeRules.Effective(effective, successor, today);
        TreeRules.NoLaterHistory(effective, recorded);
        return [new UnitMergedInto(unit.Id, successor.Id, effective, ActorId), new UnitAbsorbed(successor.Id, unit.Id, effective, ActorId)];
    }
}

public static class MergeUnitHandler
{
    public static async Task<(Unit, UnitMerged)> Handle(MergeUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        var successor = await tree.LoadAsync(command.SuccessorId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị tiếp nhận.");
        // Who may act comes before what was sent (ADR 0072), even an input this plainly wrong.
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, unit.Id, ct);
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, successor.Id, ct);
        var recorded = await UnitWrites.LatestRecordedAsync(session, unit.Id, ct);
        var events = command.Decide(unit, successor, recorded, TreeRules.Today(clock));
        var merged = (UnitMergedInto)events[0];
        var after = await UnitWrites.WriteAsync(session, TreeState.Of(unit, successor), events, ct);
        return (after[unit.Id]!, new UnitMerged(unit.Id, successor.Id, merged.EffectiveFrom));
    }
}
