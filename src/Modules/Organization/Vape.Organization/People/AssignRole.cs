using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

/// <summary>An official gives a member a role on a unit of the official's subtree, for a term.</summary>
public sealed record AssignRole(Guid PersonId, Guid UnitId, OfficialRole Role, DateOnly? From, DateOnly? To, Guid ActorId);

/// <summary>A role ends on a date (today by default).</summary>
public sealed record EndRole(Guid RoleId, DateOnly? On, Guid ActorId);

public static class AssignRoleHandler
{
    public static async Task<(Role, RoleAssigned)> Handle(AssignRole command, PeopleStore people, TreeStore tree,
        OrganizationQueries access, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageRoles, unit.Id, ct);
        TreeRules.Active(unit);
        _ = await people.LoadAsync(command.PersonId, ct) ?? throw VapeException.NotFound("Không tìm thấy hội viên.");
        var from = command.From ?? TreeRules.Today(clock);
        if (from < unit.EffectiveFrom) throw VapeException.InvalidInput("Nhiệm kỳ bắt đầu trước ngày đơn vị thành lập.");
        if (command.To is DateOnly to && to <= from) throw VapeException.InvalidInput("Nhiệm kỳ phải kết thúc sau ngày bắt đầu.");

        var id = Guid.CreateVersion7();
        var sql = new OrganizationSql(session);
        await PersonStream.LockAsync(sql, command.PersonId, ct);
        await sql.ExecuteAsync("""
            insert into organization.roles (id, person_id, unit_id, role, term_from, term_to) values (@id, @person, @unit, @role, @from, @to)
            """, ct, ("id", id), ("person", command.PersonId), ("unit", unit.Id), ("role", command.Role.ToString()),
            ("from", from), ("to", command.To));
        var role = new Role(id, command.PersonId, unit.Id, command.Role, from, command.To);
        Streams.Append(session, command.PersonId, new RoleGranted(id, command.PersonId, unit.Id, command.Role, from, command.To, command.ActorId));
        return (role, new RoleAssigned(id, command.PersonId, unit.Id, command.Role.ToString(), from, command.To));
    }
}

public static class EndRoleHandler
{
    public static async Task<(Role, RoleEnded)> Handle(EndRole command, OrganizationQueries access, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var sql = new OrganizationSql(session);
        var role = await access.LoadRoleAsync(command.RoleId, ct) ?? throw VapeException.NotFound("Không tìm thấy vai trò.");
        await access.DemandAsync(command.ActorId, Permission.ManageRoles, role.UnitId, ct);
        var on = command.On ?? TreeRules.Today(clock);
        if (on < role.From) throw VapeException.InvalidInput("Ngày kết thúc trước ngày bắt đầu nhiệm kỳ.");
        if (role.To is DateOnly ended && ended <= on) throw VapeException.InvalidInput("Vai trò này đã kết thúc.");
        await PersonStream.LockAsync(sql, role.PersonId, ct);
        await sql.ExecuteAsync("update organization.roles set term_to = @on where id = @id", ct, ("id", role.Id), ("on", on));
        Streams.Append(session, role.PersonId, new RoleClosed(role.Id, role.PersonId, role.UnitId, on, command.ActorId));
        return (role with { To = on }, new RoleEnded(role.Id, role.PersonId, role.UnitId, on));
    }
}

/// <summary>
/// A person's Organization stream is written by several commands (a role, a detail, a link). Each holds the person's
/// row until its commit, so that two at once queue instead of both starting the stream (a unique-key failure that
/// reached the caller as INTERNAL). Commands that update the row already hold it.
/// </summary>
internal static class PersonStream
{
    public static Task LockAsync(OrganizationSql sql, Guid personId, CancellationToken ct) =>
        sql.ExecuteAsync("select 1 from organization.people where id = @p for update", ct, ("p", personId));
}
