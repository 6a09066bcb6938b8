using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>An official renames a unit of their subtree, from a date; the old name stays in the history.</summary>
public sealed record RenameUnit(Guid UnitId, string Name, int ExpectedVersion, Guid ActorId, DateOnly? EffectiveFrom = null);

public static class RenameUnitHandler
{
    public static async Task<(Unit, UnitRenamed)> Handle(RenameUnit command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, unit.Id, ct);
        var name = TreeRules.Name(command.Name);
        TreeRules.Active(unit);
        TreeRules.Version(unit, command.ExpectedVersion);
        var effective = TreeRules.Effective(command.EffectiveFrom, unit, TreeRules.Today(clock));

        var version = await UnitVersions.BumpAsync(new OrganizationSql(session), unit, """
            update organization.units set name = @name where id = @id;
            select organization.restart_period(@id, @effective);
            """, ct, ("name", name), ("effective", effective));
        Streams.Append(session, unit.Id, version, new UnitNamed(unit.Id, name, effective, command.ActorId));
        return (unit with { Name = name, Version = version, LastChange = effective },
            new UnitRenamed(unit.Id, name, version, clock.GetUtcNow()));
    }
}

internal static class UnitVersions
{
    /// <summary>
    /// Raises the unit's version from the one the caller read, or fails with VERSION_CONFLICT if someone else
    /// did first; then runs the change in the same transaction. The event stream's version checks it again.
    /// </summary>
    public static async Task<int> BumpAsync(OrganizationSql sql, Unit unit, string change, CancellationToken ct, params (string, object?)[] parameters)
    {
        var bumped = await sql.ExecuteAsync("update organization.units set version = version + 1 where id = @id and version = @expected",
            ct, ("id", unit.Id), ("expected", unit.Version));
        if (bumped == 0) throw VapeException.VersionConflict();
        await sql.ExecuteAsync(change, ct, [("id", unit.Id), .. parameters]);
        return unit.Version + 1;
    }
}
