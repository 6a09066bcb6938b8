using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>A unit (with everything below it) moves under another parent, from a date.</summary>
public sealed record MoveUnit(Guid UnitId, Guid NewParentId, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null);

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
        TreeRules.Active(unit);
        TreeRules.Active(parent);
        if (unit.ParentId is not Guid from) throw VapeException.InvalidInput("Không thể chuyển Trung ương Hội.");
        if (parent.IsSelfOrDescendantOf(unit.Id))
            throw VapeException.InvalidInput("Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.");
        if (from == parent.Id) throw VapeException.InvalidInput($"“{unit.Name}” đã trực thuộc “{parent.Name}”.");
        TreeRules.FitsUnder(unit.Kind, parent.Kind);
        TreeRules.Version(unit, command.ExpectedVersion);
        var effective = TreeRules.Effective(command.EffectiveFrom, unit, TreeRules.Today(clock));
        if (effective < parent.EffectiveFrom)
            throw VapeException.InvalidInput($"Ngày hiệu lực trước ngày “{parent.Name}” thành lập.");

        var version = await UnitVersions.BumpAsync(new OrganizationSql(session), unit,
            "select organization.assert_no_later_history(@id, @effective); select organization.move_unit(@id, @parent, @effective)", ct, ("parent", parent.Id), ("effective", effective));
        Streams.Append(session, unit.Id, version, new UnitReparented(unit.Id, from, parent.Id, effective, command.ActorId));
        var moved = unit with { ParentId = parent.Id, Version = version, Depth = parent.Depth + 1, LastChange = effective, Path = parent.Path + "." + Unit.Label(unit.Id) };
        return (moved,
            new UnitMoved(unit.Id, from, parent.Id, effective));
    }
}
