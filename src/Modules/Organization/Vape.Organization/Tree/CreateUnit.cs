using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>An official creates a unit under a unit of their subtree.</summary>
public sealed record CreateUnit(Guid ParentId, string Code, string Name, UnitKind Kind, DateOnly? EffectiveFrom, Guid ActorId)
{
    /// <summary>
    /// The new unit `id` under `parent`, or a refusal: a name and a code (not the code of `sameCode`, the unit that
    /// has it), a parent still active and of a kind the new unit may stand under, founded today or earlier and not
    /// before its parent. In this order.
    /// </summary>
    internal IReadOnlyList<IUnitEvent> Decide(Unit parent, Unit? sameCode, Guid id, DateOnly today)
    {
        var name = TreeRules.Name(Name);
        var code = TreeRules.Code(Code);
        TreeRules.Active(parent);
        TreeRules.FitsUnder(Kind, parent.Kind);
        var effective = TreeRules.Founded(EffectiveFrom, parent.EffectiveFrom, parent.Name, today);
        if (sameCode is not null) throw VapeException.InvalidInput($"Mã đơn vị “{code}” đã được dùng.");
        return [new UnitEstablished(id, code, name, Kind, parent.Id, effective, [], ActorId)];
    }
}

public static class CreateUnitHandler
{
    public static async Task<(Unit, UnitCreated)> Handle(CreateUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var parent = await tree.LoadAsync(command.ParentId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị cấp trên.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, parent.Id, ct);
        var sameCode = await tree.LoadByCodeAsync(TreeRules.CodeKey(command.Code), ct);
        var events = command.Decide(parent, sameCode, Guid.CreateVersion7(), TreeRules.Today(clock));
        var created = (UnitEstablished)events[0];
        var unit = (await UnitWrites.WriteAsync(session, TreeState.Of(parent), events, ct))[created.UnitId]!;
        return (unit, new UnitCreated(unit.Id, parent.Id, unit.Code, unit.Name, unit.Kind.ToString(), unit.EffectiveFrom));
    }
}
