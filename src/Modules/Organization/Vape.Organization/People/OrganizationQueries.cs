using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
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
public sealed partial class OrganizationQueries(NpgsqlDataSource database, TimeProvider clock) : IOrganizationQueries, ILoginDirectory
{
    public static OfficialRole[] RolesGranting(Permission permission) => permission switch
    {
        Permission.ViewMembers or Permission.ManageMembers or Permission.RunClasses or Permission.HandleDirectives
            or Permission.PublishContent or Permission.ReviewRecords => Enum.GetValues<OfficialRole>(),
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

    public async Task<IReadOnlyList<Guid>> MemberUnitsAsync(Guid personId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select home_unit_id from organization.people where id = @person and left_on is null
            union all
            select m.unit_id from organization.memberships m join organization.people p on p.id = m.person_id
             where m.person_id = @person and p.left_on is null and m.unit_id <> p.home_unit_id
            """);
        cmd.Parameters.AddWithValue("person", personId);
        var units = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) units.Add(reader.GetGuid(0));
        return units;
    }

    public async Task<bool> IsMemberWithinAsync(Guid personId, Guid unitId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select exists (
              select 1 from organization.people p
                join organization.units a on a.id = @unit
                join organization.units u on u.path <@ a.path
               where p.id = @person and p.left_on is null
                 and (u.id = p.home_unit_id or exists (select 1 from organization.memberships m where m.person_id = p.id and m.unit_id = u.id)))
            """);
        cmd.Parameters.AddWithValue("person", personId);
        cmd.Parameters.AddWithValue("unit", unitId);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<UnitMember>> MembersAsync(Guid unitId, bool subtree, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"""
            with units as (
              select u.id from organization.units a join organization.units u on {(subtree ? "u.path <@ a.path" : "u.id = a.id")}
               where a.id = @unit)
            select p.id, p.home_unit_id, p.household_id from organization.people p
             where p.home_unit_id in (select id from units) and p.left_on is null
            union
            select p.id, m.unit_id, p.household_id from organization.memberships m join organization.people p on p.id = m.person_id
             where m.unit_id in (select id from units) and p.left_on is null
            """);
        cmd.Parameters.AddWithValue("unit", unitId);
        var members = new List<UnitMember>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            members.Add(new UnitMember(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
        return members;
    }

    public async Task<IReadOnlyList<UnitOfficial>> OfficialsAsync(Guid unitId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select person_id, unit_id, role from organization.roles
             where unit_id = @unit and term_from <= @today and (term_to is null or term_to > @today)
             order by term_from, id
            """);
        cmd.Parameters.AddWithValue("unit", unitId);
        cmd.Parameters.AddWithValue("today", TreeRules.Today(clock));
        var officials = new List<UnitOfficial>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) officials.Add(new UnitOfficial(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
        return officials;
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<UnitOfficial>>> OfficialsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var officials = new Dictionary<Guid, IReadOnlyList<UnitOfficial>>();
        if (unitIds.Count == 0) return officials;
        await using var cmd = database.CreateCommand("""
            select person_id, unit_id, role from organization.roles
             where unit_id = any(@units) and term_from <= @today and (term_to is null or term_to > @today)
             order by unit_id, term_from, id
            """);
        cmd.Parameters.AddWithValue("units", unitIds as Guid[] ?? unitIds.ToArray());
        cmd.Parameters.AddWithValue("today", TreeRules.Today(clock));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        List<UnitOfficial>? current = null;
        while (await reader.ReadAsync(ct))
        {
            var official = new UnitOfficial(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2));
            if (current is null || current[0].UnitId != official.UnitId) officials[official.UnitId] = current = [];
            current.Add(official);
        }
        return officials;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("select id, full_name from organization.people where id = any(@ids)");
        cmd.Parameters.AddWithValue("ids", personIds.ToArray());
        var names = new Dictionary<Guid, string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names[reader.GetGuid(0)] = reader.GetString(1);
        return names;
    }

    private const string UnitSummaryColumns = "u.id, u.parent_id, u.code, u.name, u.kind, u.depth, u.status, u.successor_id";

    public Task<IReadOnlyList<UnitSummary>> UnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct) =>
        ReadUnitsAsync($"select {UnitSummaryColumns} from organization.units u where u.id = any(@ids)",
            c => c.Parameters.AddWithValue("ids", unitIds.ToArray()), ct);

    public Task<IReadOnlyList<UnitSummary>> SubtreeAsync(Guid unitId, int? maxDepth, CancellationToken ct) =>
        ReadUnitsAsync($"""
            select {UnitSummaryColumns} from organization.units r join organization.units u on u.path <@ r.path
             where r.id = @unit and u.status = 'Active' and (@max::int is null or u.depth <= r.depth + @max::int)
             order by u.depth, u.code
            """, c =>
        {
            c.Parameters.AddWithValue("unit", unitId);
            c.Parameters.Add(new NpgsqlParameter<int?>("max", maxDepth) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        }, ct);

    public Task<IReadOnlyList<UnitSummary>> AncestorsAsync(Guid unitId, CancellationToken ct) =>
        ReadUnitsAsync($"""
            select {UnitSummaryColumns} from organization.units t join organization.units u on t.path <@ u.path and u.id <> t.id
             where t.id = @unit order by u.depth
            """, c => c.Parameters.AddWithValue("unit", unitId), ct);

    private async Task<IReadOnlyList<UnitSummary>> ReadUnitsAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(sql);
        bind(cmd);
        var units = new List<UnitSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            units.Add(new UnitSummary(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetGuid(7)));
        return units;
    }

    /// <summary>Throws NOT_ALLOWED unless the person may do this on the unit.</summary>
    public async Task DemandAsync(Guid personId, Permission permission, Guid unitId, CancellationToken ct)
    {
        if (!await MayAsync(personId, permission, unitId, ct))
            throw VapeException.NotAllowed(NotAllowedHere);
    }

    public const string NotAllowedHere =
        "Bạn không có quyền này ở đơn vị đó: chỉ cán bộ của đơn vị hoặc của một đơn vị cấp trên nó mới làm được; hãy nhờ họ.";

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

    /// <summary>
    /// The roles held on a unit, in the order they were given (v7 ids): those in force or still to come, or with
    /// <paramref name="includeEnded"/> every term, so that an official can find the `roleId` to end.
    /// </summary>
    public async Task<Connection<Role>> OfficialsAsync(Guid unitId, bool includeEnded, DateOnly today, Page page, CancellationToken ct)
    {
        Guid? after = null;
        if (page.AfterKey is { } key)
            after = Guid.TryParse(key, out var parsed) ? parsed : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
        await using var cmd = database.CreateCommand("""
            select id, person_id, unit_id, role, term_from, term_to from organization.roles
             where unit_id = @unit and (@ended or term_to is null or term_to > @today) and (@after::uuid is null or id > @after::uuid)
             order by id limit @limit
            """);
        cmd.Parameters.AddWithValue("unit", unitId);
        cmd.Parameters.AddWithValue("ended", includeEnded);
        cmd.Parameters.AddWithValue("today", today);
        cmd.Parameters.AddWithValue("after", (object?)after ?? DBNull.Value);
        cmd.Parameters.AddWithValue("limit", page.First + 1);
        return page.ToConnection(await ReadRolesAsync(cmd, ct), r => r.Id.ToString());
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
