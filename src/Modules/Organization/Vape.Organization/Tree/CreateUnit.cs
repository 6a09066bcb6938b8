using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>An official creates a unit under a unit of their subtree.</summary>
public sealed record CreateUnit(Guid ParentId, string Code, string Name, UnitKind Kind, DateOnly? EffectiveFrom, Guid ActorId);

public static class CreateUnitHandler
{
    public static async Task<(Unit, UnitCreated)> Handle(CreateUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var parent = await tree.LoadAsync(command.ParentId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị cấp trên.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, parent.Id, ct);
        var name = TreeRules.Name(command.Name);
        var code = TreeRules.Code(command.Code);
        TreeRules.Active(parent);
        TreeRules.FitsUnder(command.Kind, parent.Kind);
        var effective = TreeRules.Founded(command.EffectiveFrom, parent.EffectiveFrom, parent.Name, TreeRules.Today(clock));
        if (await tree.LoadByCodeAsync(code, ct) is not null) throw VapeException.InvalidInput($"Mã đơn vị “{code}” đã được dùng.");

        var id = Guid.CreateVersion7();
        var sql = new OrganizationSql(session);
        await sql.ExecuteAsync("""
            insert into organization.units (id, code, name, kind, parent_id, path, effective_from, version)
            select @id, @code, @name, @kind, @parent, path || @label::ltree, @effective, 1 from organization.units where id = @parent;
            select organization.restart_period(@id, @effective);
            """, ct, ("id", id), ("code", code), ("name", name), ("kind", command.Kind.ToString()), ("parent", parent.Id),
            ("label", Unit.Label(id)), ("effective", effective));
        Streams.Start(session, id, new UnitEstablished(id, code, name, command.Kind, parent.Id, effective, [], command.ActorId));

        var unit = new Unit(id, code, name, command.Kind, parent.Id, parent.Path + "." + Unit.Label(id), parent.Depth + 1,
            UnitStatus.Active, effective, null, null, [], 1, effective);
        return (unit, new UnitCreated(id, parent.Id, code, name, command.Kind.ToString(), effective));
    }
}
