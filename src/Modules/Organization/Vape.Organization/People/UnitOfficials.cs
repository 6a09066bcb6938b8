using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

/// <summary>
/// The officials of many units in two queries (a list of units, each showing its officials: the roll-up's overdue
/// units at national scale), with the same rules as <see cref="MayAsync"/> and the first page of <see cref="OfficialsAsync(Guid, bool, DateOnly, Vape.BuildingBlocks.GraphQL.Page, CancellationToken)"/>.
/// </summary>
public sealed partial class OrganizationQueries
{
    /// <summary>Those of <paramref name="unitIds"/> where the person may do <paramref name="permission"/>.</summary>
    public async Task<IReadOnlySet<Guid>> MayManyAsync(Guid personId, Permission permission, IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select t.id from organization.units t
             where t.id = any(@units) and exists (
              select 1 from organization.roles r join organization.units ru on ru.id = r.unit_id
               where r.person_id = @person and t.path <@ ru.path and r.role = any(@roles)
                 and r.term_from <= @today and (r.term_to is null or r.term_to > @today))
            """);
        cmd.Parameters.AddWithValue("person", personId);
        cmd.Parameters.AddWithValue("units", unitIds.ToArray());
        cmd.Parameters.AddWithValue("roles", RolesGranting(permission).Select(r => r.ToString()).ToArray());
        cmd.Parameters.AddWithValue("today", TreeRules.Today(clock));
        var allowed = new HashSet<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) allowed.Add(reader.GetGuid(0));
        return allowed;
    }

    /// <summary>Up to <paramref name="limit"/> roles in force or still to come on each unit, in the order given (v7 ids).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Role>>> OfficialsOfManyAsync(IReadOnlyCollection<Guid> unitIds, DateOnly today, int limit,
        CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select id, person_id, unit_id, role, term_from, term_to from (
              select r.*, row_number() over (partition by r.unit_id order by r.id) as n from organization.roles r
               where r.unit_id = any(@units) and (r.term_to is null or r.term_to > @today)) x
             where n <= @limit order by unit_id, id
            """);
        cmd.Parameters.AddWithValue("units", unitIds.ToArray());
        cmd.Parameters.AddWithValue("today", today);
        cmd.Parameters.AddWithValue("limit", limit);
        return (await ReadRolesAsync(cmd, ct)).GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => (IReadOnlyList<Role>)[.. g]);
    }
}
