using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>An empty unit (no active children, no members) is dissolved from a date; its roles end.</summary>
public sealed record DissolveUnit(Guid UnitId, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null);

public static class DissolveUnitHandler
{
    public static async Task<(Unit, UnitDissolved)> Handle(DissolveUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, unit.Id, ct);
        TreeRules.Active(unit);
        if (unit.ParentId is null) throw VapeException.InvalidInput("Không thể giải thể Trung ương Hội.");
        TreeRules.Version(unit, command.ExpectedVersion);
        var effective = TreeRules.Effective(command.EffectiveFrom, unit, TreeRules.Today(clock));

        var sql = new OrganizationSql(session);
        var busy = await sql.ScalarAsync<bool>("""
            select exists (select 1 from organization.units where parent_id = @id and status = 'Active')
                or exists (select 1 from organization.people where home_unit_id = @id and left_on is null)
            """, ct, ("id", unit.Id));
        if (busy) throw VapeException.InvalidInput($"“{unit.Name}” còn đơn vị trực thuộc hoặc hội viên: hãy chuyển hoặc sáp nhập trước khi giải thể.");
        var version = await UnitVersions.BumpAsync(sql, unit, """
            update organization.units set status = 'Dissolved', effective_to = @effective where id = @id;
            select organization.restart_period(@id, @effective);
            update organization.roles set term_to = @effective where unit_id = @id and (term_to is null or term_to > @effective);
            """, ct, ("effective", effective));
        Streams.Append(session, unit.Id, version, new UnitDisbanded(unit.Id, effective, command.ActorId));
        return (unit with { Status = UnitStatus.Dissolved, EffectiveTo = effective, Version = version },
            new UnitDissolved(unit.Id, effective));
    }
}
