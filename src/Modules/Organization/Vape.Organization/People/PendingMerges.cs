using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

/// <summary>
/// A member added or imported with a citizen id that another unit's member holds (ADR 0103), as the holder's side
/// sees it: its own member, and what the adding unit entered (name, birth year, gender, unit, when). ADR 0108.
/// </summary>
internal sealed record PendingMerge(Guid Id, Guid ExistingPersonId, string NewFullName, int? NewBirthYear, Gender? NewGender,
    Guid NewHomeUnitId, DateTimeOffset RequestedAt);

/// <summary>
/// The pending merges an official sees: those whose existing member (the citizen id's holder) lives in a unit of
/// their subtree. The adding unit's officials see none: a pending merge tells that the id is someone's elsewhere,
/// which is the oracle ADR 0103 closed.
/// </summary>
internal sealed class PendingMerges(NpgsqlDataSource database, OrganizationQueries access)
{
    internal const string NotFound = "Không tìm thấy yêu cầu gộp hội viên đang chờ.";

    public async Task<Connection<PendingMerge>> OfUnitAsync(Guid actor, Guid unitId, Page page, CancellationToken ct)
    {
        await access.DemandAsync(actor, Permission.ManageMembers, unitId, ct);
        await using var cmd = database.CreateCommand("""
            select m.id, m.existing_person_id, n.full_name, n.birth_year, n.gender, n.home_unit_id, m.requested_at
              from organization.pending_merges m
              join organization.people e on e.id = m.existing_person_id
              join organization.units eu on eu.id = e.home_unit_id
              join organization.people n on n.id = m.new_person_id
             where eu.path <@ (select path from organization.units where id = @u)
               and (@after::uuid is null or m.id > @after::uuid)
             order by m.id limit @n
            """);
        cmd.Parameters.AddWithValue("u", unitId);
        object after = page.AfterKey is not { } key ? DBNull.Value
            : Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
        cmd.Parameters.Add(new NpgsqlParameter("after", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = after });
        cmd.Parameters.AddWithValue("n", page.First + 1);
        var rows = new List<PendingMerge>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new PendingMerge(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : Enum.Parse<Gender>(reader.GetString(4), ignoreCase: true),
                reader.GetGuid(5), reader.GetFieldValue<DateTimeOffset>(6)));
        return page.ToConnection(rows, r => r.Id.ToString());
    }
}

/// <summary>
/// The holder's official resolves a pending merge: `Merge` (the same person: the existing member also belongs to the
/// adding unit, and the member added without the id leaves) or keep apart (two people: the new member stays, without
/// the id). Either way the pair is gone.
/// </summary>
public sealed record ResolvePendingMerge(Guid MergeId, bool Merge, Guid ActorId);

/// <summary>What became of a pending merge: the member who stays for the adding unit.</summary>
public sealed record ResolvedMerge(Guid Id, bool Merged, Guid PersonId);

public static class ResolvePendingMergeHandler
{
    public static async Task<(ResolvedMerge, MembershipsChanged?)> Handle(ResolvePendingMerge command, OrganizationQueries access, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var sql = new OrganizationSql(session);
        var found = await sql.ListAsync("""
            select m.new_person_id, m.existing_person_id, e.home_unit_id, n.home_unit_id
              from organization.pending_merges m
              join organization.people e on e.id = m.existing_person_id
              join organization.people n on n.id = m.new_person_id
             where m.id = @id
               for update of m
            """, r => (New: r.GetGuid(0), Existing: r.GetGuid(1), ExistingHome: r.GetGuid(2), NewHome: r.GetGuid(3)), ct, ("id", command.MergeId));
        if (found.Count == 0) throw VapeException.NotFound(PendingMerges.NotFound);
        var merge = found[0];
        await access.DemandAsync(command.ActorId, Permission.ManageMembers, merge.ExistingHome, ct);

        await sql.ExecuteAsync("delete from organization.pending_merges where id = @id", ct, ("id", command.MergeId));
        if (!command.Merge) return (new ResolvedMerge(command.MergeId, false, merge.New), null);

        var today = TreeRules.Today(clock);
        await sql.ExecuteAsync("""
            insert into organization.memberships (person_id, unit_id)
            select @existing, @unit where @unit <> (select home_unit_id from organization.people where id = @existing)
            on conflict do nothing;
            update organization.people set left_on = @today, version = version + 1 where id = @new and left_on is null;
            update organization.member_periods set valid_to = @today where person_id = @new and valid_to is null;
            """, ct, ("existing", merge.Existing), ("unit", merge.NewHome), ("new", merge.New), ("today", today));
        Streams.Append(session, merge.New, new MemberDetailsChanged(merge.New, merge.NewHome, command.ActorId));
        Streams.Append(session, merge.Existing, new MemberDetailsChanged(merge.Existing, merge.ExistingHome, command.ActorId));
        return (new ResolvedMerge(command.MergeId, true, merge.Existing), new MembershipsChanged([merge.New, merge.Existing]));
    }
}
