using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

/// <summary>An official corrects a member's details or moves them to another unit of their subtree.</summary>
public sealed record UpdateMember(Guid PersonId, int ExpectedVersion, string FullName, int? BirthYear, Gender? Gender,
    Guid? HouseholdId, Guid HomeUnitId, Guid ActorId);

public static class UpdateMemberHandler
{
    public static async Task<(Person, MembershipsChanged)> Handle(UpdateMember command, PeopleStore people, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var person = await people.LoadAsync(command.PersonId, ct) ?? throw VapeException.NotFound("Không tìm thấy hội viên.");
        await access.DemandAsync(command.ActorId, Permission.ManageMembers, person.HomeUnitId, ct);
        var name = TreeRules.Name(command.FullName, "Họ và tên");
        var today = TreeRules.Today(clock);
        MemberRules.BirthYear(command.BirthYear, today);
        var moving = command.HomeUnitId != person.HomeUnitId;
        if (moving)
        {
            var home = await tree.LoadAsync(command.HomeUnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị mới.");
            TreeRules.Active(home);
            await access.DemandAsync(command.ActorId, Permission.ManageMembers, home.Id, ct);
        }

        var sql = new OrganizationSql(session);
        var updated = await sql.ExecuteAsync("""
            update organization.people
               set full_name = @name, birth_year = @birth, gender = @gender, household_id = @household, home_unit_id = @home,
                   version = version + 1
             where id = @id and version = @expected
            """, ct, ("id", person.Id), ("expected", command.ExpectedVersion), ("name", name), ("birth", command.BirthYear),
            ("gender", command.Gender?.ToString()), ("household", command.HouseholdId), ("home", command.HomeUnitId));
        if (updated == 0) throw VapeException.VersionConflict();
        if (moving)
        {
            await sql.ExecuteAsync("""
                update organization.member_periods set valid_to = @today where person_id = @id and valid_to is null and valid_from < @today;
                insert into organization.member_periods (person_id, unit_id, valid_from) values (@id, @home, @today)
                on conflict (person_id, valid_from) do update set unit_id = excluded.unit_id, valid_to = null;
                """, ct, ("id", person.Id), ("home", command.HomeUnitId), ("today", today));
        }
        Streams.Append(session, person.Id, new MemberDetailsChanged(person.Id, command.HomeUnitId, command.ActorId));
        return (person with
        {
            FullName = name,
            BirthYear = command.BirthYear,
            Gender = command.Gender,
            HouseholdId = command.HouseholdId,
            HomeUnitId = command.HomeUnitId,
            Version = command.ExpectedVersion + 1,
        }, new MembershipsChanged([person.Id]));
    }
}
