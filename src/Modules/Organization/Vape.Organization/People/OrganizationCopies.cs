using System.Runtime.CompilerServices;
using Vape.Organization.Contracts;

namespace Vape.Organization.People;

/// <summary>
/// What a module needs to keep its own copy of the tree and the memberships (Records, docs/adr/0167): the current
/// memberships of a few people, and everything streamed row by row for a rebuild.
/// </summary>
public sealed partial class OrganizationQueries
{
    /// <summary>Home units, then other memberships (a clan, a chapter) that are not the home unit; people who left have none.</summary>
    /// <summary>Two texts, not `(@all or ...)`: a plan cached for a few people must never be a scan of everyone.</summary>
    private static string MembershipsSql(bool all) => $"""
        select p.id, p.home_unit_id, p.household_id, true from organization.people p
         where p.left_on is null{(all ? "" : " and p.id = any(@ids)")}
        union all
        select m.person_id, m.unit_id, p.household_id, false from organization.memberships m join organization.people p on p.id = m.person_id
         where p.left_on is null and m.unit_id <> p.home_unit_id{(all ? "" : " and m.person_id = any(@ids)")}
        """;

    public async Task<IReadOnlyList<Membership>> MembershipsOfAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var memberships = new List<Membership>();
        await foreach (var membership in MembershipsAsync(personIds.Distinct().ToArray(), ct)) memberships.Add(membership);
        return memberships;
    }

    public IAsyncEnumerable<Membership> AllMembershipsAsync(CancellationToken ct) => MembershipsAsync(null, ct);

    private async IAsyncEnumerable<Membership> MembershipsAsync(Guid[]? ids, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(MembershipsSql(ids is null));
        if (ids is not null) cmd.Parameters.AddWithValue("ids", ids);
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
            yield return new Membership(reader.GetGuid(0), reader.GetGuid(1), await reader.IsDBNullAsync(2, ct) ? null : reader.GetGuid(2), reader.GetBoolean(3));
    }

    public async Task<long> PlacesAndMembershipsCountAsync(CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"select (select count(*) from organization.units) + (select count(*) from ({MembershipsSql(true)}) m)");
        cmd.CommandTimeout = 0;
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async IAsyncEnumerable<UnitPlace> PlacesAsync(Guid? unitId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"""
            select u.id, u.parent_id, u.kind, u.status, u.path::text from organization.units u
            {(unitId is null ? "" : "where u.path <@ (select path from organization.units where id = @unit)")}
             order by u.depth, u.id
            """);
        if (unitId is Guid unit) cmd.Parameters.AddWithValue("unit", unit);
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return new UnitPlace(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
    }
}
