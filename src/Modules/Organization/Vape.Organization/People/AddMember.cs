using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

/// <summary>An official adds a member to a unit of their subtree.</summary>
public sealed record AddMember(Guid HomeUnitId, string FullName, int? BirthYear, Gender? Gender, Guid? HouseholdId,
    string? CitizenId, IReadOnlyList<Guid> OtherUnitIds, Guid ActorId);

public static class AddMemberHandler
{
    public static async Task<(Person, MembershipsChanged)> Handle(AddMember command, TreeStore tree, OrganizationQueries access, CitizenIds citizenIds,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var home = await tree.LoadAsync(command.HomeUnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageMembers, home.Id, ct);
        var name = TreeRules.Name(command.FullName, "Họ và tên");
        var today = TreeRules.Today(clock);
        MemberRules.BirthYear(command.BirthYear, today);
        var hash = citizenIds.Hash(command.CitizenId);
        TreeRules.Active(home);

        var id = Guid.CreateVersion7();
        var sql = new OrganizationSql(session);
        Guid? elsewhere = null;
        if (hash is not null)
        {
            // One writer of a citizen id at a time, on any host: the check below then sees every earlier add.
            await sql.LockAsync("citizen-id:" + Convert.ToBase64String(hash), ct);
            var known = await sql.ListAsync("""
                select p.id, u.path <@ @root::ltree from organization.people p join organization.units u on u.id = p.home_unit_id
                 where p.citizen_id_hash = @h
                """, r => (Person: r.GetGuid(0), Inside: r.GetBoolean(1)), ct, ("h", hash), ("root", home.Path));
            // Inside the unit's subtree the official sees that person anyway; outside it, the answer must be a new
            // member's (no citizen-id oracle, ADR 0103): the member is added without the id and the pair waits.
            if (known.Count > 0 && known[0].Inside) throw VapeException.InvalidInput(CitizenIds.AlreadyKnown);
            if (known.Count > 0) (elsewhere, hash) = (known[0].Person, null);
        }
        await sql.ExecuteAsync("""
            insert into organization.people (id, full_name, birth_year, gender, home_unit_id, household_id, citizen_id_hash, joined_on)
            values (@id, @name, @birth, @gender, @home, @household, @hash, @today);
            insert into organization.member_periods (person_id, unit_id, valid_from) values (@id, @home, @today);
            """, ct, ("id", id), ("name", name), ("birth", command.BirthYear), ("gender", command.Gender?.ToString()),
            ("home", home.Id), ("household", command.HouseholdId), ("hash", hash), ("today", today));
        if (elsewhere is Guid existing)
            await sql.ExecuteAsync("""
                insert into organization.pending_merges (id, new_person_id, existing_person_id, requested_by, requested_at)
                values (gen_random_uuid(), @new, @existing, @actor, @at)
                """, ct, ("new", id), ("existing", existing), ("actor", command.ActorId), ("at", clock.GetUtcNow()));
        await MemberRules.SetOtherUnitsAsync(sql, tree, access, id, command.OtherUnitIds, command.ActorId, ct);
        Streams.Start(session, id, new MemberAdded(id, home.Id, command.ActorId));
        return (new Person(id, name, command.BirthYear, command.Gender, home.Id, command.HouseholdId, null, today, 1), new MembershipsChanged([id]));
    }
}

internal static class MemberRules
{
    public static void BirthYear(int? year, DateOnly today)
    {
        if (year is int y && (y < 1900 || y > today.Year))
            throw VapeException.InvalidInput($"Năm sinh phải từ 1900 đến {today.Year}.");
    }

    /// <summary>Other memberships (a learning clan, a member organisation): each unit must be one the actor manages.</summary>
    public static async Task SetOtherUnitsAsync(OrganizationSql sql, TreeStore tree, OrganizationQueries access, Guid personId,
        IReadOnlyList<Guid> unitIds, Guid actorId, CancellationToken ct)
    {
        if (unitIds.Count > 20) throw VapeException.InvalidInput("Tối đa 20 đơn vị sinh hoạt khác.");
        var units = await tree.LoadManyAsync(unitIds, ct);
        foreach (var id in unitIds)
        {
            if (!units.TryGetValue(id, out var unit)) throw VapeException.NotFound("Không tìm thấy đơn vị sinh hoạt.");
            TreeRules.Active(unit);
            await access.DemandAsync(actorId, Permission.ManageMembers, id, ct);
        }
        await sql.ExecuteAsync("""
            delete from organization.memberships where person_id = @person;
            insert into organization.memberships (person_id, unit_id) select @person, unnest(@units);
            """, ct, ("person", personId), ("units", unitIds.Distinct().ToArray()));
    }
}
