using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>A unit (with everything below it) moves under another parent, from a date.</summary>
public sealed record MoveUnit(Guid UnitId, Guid NewParentId, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null)
{
    /// <summary>The refusal of a move under itself or its descendant: here, and from the SQL guard (OrganizationSql).</summary>
    internal const string UnderItself = "Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.";

    /// <summary>
    /// The move, or a refusal: both units active; not the root; not under itself or its own descendant; not the
    /// parent it already has; a parent of a kind it may stand under; the version the caller read; a date today or
    /// earlier, not before the unit's last change nor before the new parent was founded, nor before anything
    /// `recorded` in its subtree (<see cref="TreeRules.NoLaterHistory"/>). In this order.
    /// </summary>
    internal IReadOnlyList<IUnitEvent> Decide(Unit unit, Unit parent, DateOnly? recorded, DateOnly today)
    {
        TreeRules.Active(unit);
        TreeRules.Active(parent);
        if (unit.ParentId is not Guid from) throw VapeException.InvalidInput("Không thể chuyển Trung ương Hội.");
        if (parent.IsSelfOrDescendantOf(unit.Id))
            throw VapeException.InvalidInput(UnderItself);
        if (from == parent.Id) throw VapeException.InvalidInput($"“{unit.Name}” đã trực thuộc “{parent.Name}”.");
        TreeRules.FitsUnder(unit.Kind, parent.Kind);
        TreeRules.Version(unit, ExpectedVersion);
        var effective = TreeRules.Effective(EffectiveFrom, unit, today);
        if (effective < parent.EffectiveFrom)
            throw VapeException.InvalidInput($"Ngày hiệu lực trước ngày “{parent.Name}” thành lập.");
        TreeRules.NoLaterHistory(effective, recorded);
        return [new UnitReparented(unit.Id, from, parent.Id, effective, ActorId)];
    }
}

public static class MoveUnitHandler
{
    public static async Task<(Unit, UnitMoved)> Handle(MoveUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        var parent = await tree.LoadAsync(command.NewParentId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị cấp trên mới.");
        // Both ends: the unit leaves one subtree and joins another.
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, unit.Id, ct);
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, parent.Id, ct);
        var recorded = await UnitWrites.LatestRecordedAsync(session, unit.Id, ct);
        var events = command.Decide(unit, parent, recorded, TreeRules.Today(clock));
        var moved = (UnitReparented)events[0];
        var after = await UnitWrites.WriteAsync(session, TreeState.Of(unit, parent), events, ct);
        return (after[unit.Id]!, new UnitMoved(unit.Id, moved.FromParentId, parent.Id, moved.EffectiveFrom));
    }
}
