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
public sealed record MergeUnit(Guid UnitId, Guid SuccessorId, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null);

public static class MergeUnitHandler
{
    public static async Task<(Unit, UnitMerged)> Handle(MergeUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        var successor = await tree.LoadAsync(command.SuccessorId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị tiếp nhận.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, unit.Id, ct);
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, successor.Id, ct);
        // Who may act comes before what was sent (ADR 0072), even an input this plainly wrong.
        if (command.UnitId == command.SuccessorId) throw VapeException.InvalidInput("Không thể sáp nhập một đơn vị vào chính nó.");
        TreeRules.Active(unit);
        TreeRules.Active(successor);
        if (successor.IsSelfOrDescendantOf(unit.Id))
            throw VapeException.InvalidInput("Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.");
        if (unit.Kind != successor.Kind)
            throw VapeException.InvalidInput($"Chỉ sáp nhập đơn vị cùng loại (“{unit.Kind.Describe()}” và “{successor.Kind.Describe()}”).");
        TreeRules.Version(unit, command.ExpectedVersion);
        var today = TreeRules.Today(clock);
        var effective = TreeRules.Effective(command.EffectiveFrom, unit, today);
        TreeRules.Effective(effective, successor, today);

        var sql = new OrganizationSql(session);
        var version = await UnitVersions.BumpAsync(sql, unit, "select organization.assert_no_later_history(@id, @effective); select organization.merge_unit(@id, @successor, @effective)", ct,
            ("successor", successor.Id), ("effective", effective));
        await sql.ExecuteAsync("update organization.units set version = version + 1 where id = @id", ct, ("id", successor.Id));
        Streams.Append(session, unit.Id, version, new UnitMergedInto(unit.Id, successor.Id, effective, command.ActorId));
        Streams.Append(session, successor.Id, new UnitAbsorbed(successor.Id, unit.Id, effective, command.ActorId));
        return (unit with { Status = UnitStatus.Merged, SuccessorId = successor.Id, EffectiveTo = effective, Version = version },
            new UnitMerged(unit.Id, successor.Id, effective));
    }
}
