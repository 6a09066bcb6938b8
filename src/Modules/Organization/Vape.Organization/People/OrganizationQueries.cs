using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

public enum OfficialRole
{
    Chair,
    ViceChair,
    StandingMember,
    Secretary,
    Staff,
}

/// <summary>
/// Who may do what where, answered by one indexed query each time (no cache: a role that ends must stop
/// working at once, on every host).
/// </summary>
public sealed class OrganizationQueries(NpgsqlDataSource database, TimeProvider clock) : IOrganizationQueries, ILoginDirectory
{
    public static OfficialRole[] RolesGranting(Permission permission) => permission switch
    {
        Permission.ViewMembers or Permission.ManageMembers => Enum.GetValues<OfficialRole>(),
        _ => [OfficialRole.Chair, OfficialRole.ViceChair, OfficialRole.StandingMember, OfficialRole.Secretary],
    };

    public async Task<bool> MayAsync(Guid personId, Permission permission, Guid unitId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select exists (
              select 1 from organization.roles r
                join organization.units ru on ru.id = r.unit_id
                join organization.units t on t.id = @unit
               where r.person_id = @person and t.path <@ ru.path and r.role = any(@roles)
                 and r.term_from <= @today and (r.term_to is null or r.term_to > @today))
            """);
        cmd.Parameters.AddWithValue("person", personId);
        cmd.Parameters.AddWithValue("unit", unitId);
        cmd.Parameters.AddWithValue("roles", RolesGranting(permission).Select(r => r.ToString()).ToArray());
        cmd.Parameters.AddWithValue("today", TreeRules.Today(clock));
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<Guid>> ManagedUnitsAsync(Guid personId, CancellationToken ct) =>
        (await RolesAsync(personId, ct)).Select(r => r.UnitId).Distinct().ToList();

    public async Task<bool> IsWithinAsync(Guid unitId, Guid ancestorId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select exists (select 1 from organization.units u, organization.units a
                            where u.id = @unit and a.id = @ancestor and u.path <@ a.path)
            """);
        cmd.Parameters.AddWithValue("unit", unitId);
        cmd.Parameters.AddWithValue("ancestor", ancestorId);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Throws NOT_ALLOWED unless the person may do this on the unit.</summary>
    public async Task DemandAsync(Guid personId, Permission permission, Guid unitId, CancellationToken ct)
    {
        if (!await MayAsync(personId, permission, unitId, ct))
            throw VapeException.NotAllowed("Bạn không có quyền này ở đơn vị đó (chỉ cán bộ của đơn vị hoặc cấp trên trực tiếp của nó).");
    }

    /// <summary>The roles the person holds today.</summary>
    public async Task<IReadOnlyList<Role>> RolesAsync(Guid personId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select id, person_id, unit_id, role, term_from, term_to from organization.roles
             where person_id = @person and term_from <= @today and (term_to is null or term_to > @today)
             order by term_from, id
            """);
        cmd.Parameters.AddWithValue("person", personId);
        cmd.Parameters.AddWithValue("today", TreeRules.Today(clock));
        return await ReadRolesAsync(cmd, ct);
    }

    public async Task<Role?> LoadRoleAsync(Guid roleId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("select id, person_id, unit_id, role, term_from, term_to from organization.roles where id = @id");
        cmd.Parameters.AddWithValue("id", roleId);
        return (await ReadRolesAsync(cmd, ct)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<Role>> ReadRolesAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var roles = new List<Role>();
        while (await reader.ReadAsync(ct))
            roles.Add(new Role(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), Enum.Parse<OfficialRole>(reader.GetString(3)),
                reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        return roles;
    }

    public async Task<LoginIdentity?> FindAsync(string login, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("select id, full_name from organization.people where login = @login and left_on is null");
        cmd.Parameters.AddWithValue("login", login);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LoginIdentity(reader.GetGuid(0), login, reader.GetString(1)) : null;
    }
}

public sealed record Role(Guid Id, Guid PersonId, Guid UnitId, OfficialRole Kind, DateOnly From, DateOnly? To);
