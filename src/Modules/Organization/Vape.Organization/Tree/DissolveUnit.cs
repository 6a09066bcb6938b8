using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>An empty unit (no active children, no members) is dissolved from a date; its roles end.</summary>
public sealed record DissolveUnit(Guid UnitId, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null)
{
    /// <summary>
    /// The dissolution, or a refusal: an active unit, not the root, at the version the caller read, a date today or
    /// earlier and not before its last change, and nothing left in it (`busy`: active units under it or members). In this order.
    /// </summary>
    internal IReadOnlyList<IUnitEvent> Decide(Unit unit, bool busy, DateOnly today)
    {
        TreeRules.Active(unit);
        if (unit.ParentId is null) throw VapeException.InvalidInput("Không thể giải thể Trung ương Hội.");
        TreeRules.Version(unit, ExpectedVersion);
        var effective = TreeRules.Effective(EffectiveFrom, unit, today);
        if (busy) throw VapeException.InvalidInput($"“{unit.Name}” còn đơn vị trực thuộc hoặc hội viên: hãy chuyển hoặc sáp nhập trước khi giải thể.");
        return [new UnitDisbanded(unit.Id, effective, ActorId)];
    }
}

public static class DissolveUnitHandler
{
    public static async Task<(Unit, UnitDissolved)> Handle(DissolveUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, unit.Id, ct);
        var busy = await UnitWrites.BusyAsync(session, unit.Id, ct);
        var events = command.Decide(unit, busy, TreeRules.Today(clock));
        var dissolved = (await UnitWrites.WriteAsync(session, TreeState.Of(unit), events, ct))[unit.Id]!;
        return (dissolved, new UnitDissolved(unit.Id, dissolved.EffectiveTo!.Value));
    }
}
