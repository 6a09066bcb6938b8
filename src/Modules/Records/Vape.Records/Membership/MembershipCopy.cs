using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;

namespace Vape.Records.Membership;

/// <summary>How many rows the copy holds after a rebuild.</summary>
public sealed record RecordsCopy(int Units, int Memberships, DateTimeOffset RebuiltAt);

/// <summary>
/// Records' own copy of the tree's paths (`records.unit_paths`) and of today's memberships (`records.memberships`),
/// so that statistics, title proposals and the verification queue join a subtree's members in SQL instead of
/// holding them in memory (docs/adr/0167). Kept by Organization's events: each change is read again from
/// <see cref="IOrganizationQueries"/> when it is handled, so a late or repeated event still writes the current state.
/// Every writer of the copy takes one advisory lock first: a rebuild and an event never interleave.
/// </summary>
public sealed class MembershipCopy(NpgsqlDataSource database, IOrganizationQueries org, TimeProvider clock)
{
    public const string LockKey = "records:copy-of-the-tree";

    /// <summary>People read again per statement: an import of 50,000 goes in a few rounds.</summary>
    private const int PeoplePerRound = 5_000;

    /// <summary>Rows copied between two reports of a rebuild's progress.</summary>
    private const int RowsPerReport = 10_000;

    /// <summary>
    /// Empties the copy and fills it again from Organization, streamed (no subtree is held in memory), in one
    /// transaction: readers see the old copy until it commits. With `onlyWhenEmpty`, does nothing (null) when the copy
    /// holds any unit: the start-up fill of a new or just reset database. `progress` hears the rows copied so far.
    /// </summary>
    public async Task<RecordsCopy?> RebuildAsync(bool onlyWhenEmpty, CancellationToken ct, Func<long, CancellationToken, Task>? progress = null)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand(SessionSql.LockSql, conn, tx))
        {
            lockCmd.Parameters.AddWithValue("key", LockKey);
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        if (onlyWhenEmpty)
        {
            await using var any = new NpgsqlCommand("select exists (select 1 from records.unit_paths)", conn, tx);
            if ((bool)(await any.ExecuteScalarAsync(ct))!) return null;
        }
        await using (var clear = new NpgsqlCommand("delete from records.unit_paths; delete from records.memberships", conn, tx) { CommandTimeout = 0 })
            await clear.ExecuteNonQueryAsync(ct);

        var units = 0;
        await using (var copy = await conn.BeginBinaryImportAsync("copy records.unit_paths (id, parent_id, kind, active, path) from stdin (format binary)", ct))
        {
            await foreach (var place in org.PlacesAsync(null, ct))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(place.Id, NpgsqlDbType.Uuid, ct);
                if (place.ParentId is Guid parent) await copy.WriteAsync(parent, NpgsqlDbType.Uuid, ct);
                else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(place.Kind, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Active(place), NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(place.Path, NpgsqlDbType.LTree, ct);
                if (++units % RowsPerReport == 0 && progress is not null) await progress(units, ct);
            }
            await copy.CompleteAsync(ct);
        }
        var memberships = 0;
        await using (var copy = await conn.BeginBinaryImportAsync("copy records.memberships (person_id, unit_id, household_id, home) from stdin (format binary)", ct))
        {
            await foreach (var membership in org.AllMembershipsAsync(ct))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(membership.PersonId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(membership.UnitId, NpgsqlDbType.Uuid, ct);
                if (membership.HouseholdId is Guid household) await copy.WriteAsync(household, NpgsqlDbType.Uuid, ct);
                else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(membership.Home, NpgsqlDbType.Boolean, ct);
                if (++memberships % RowsPerReport == 0 && progress is not null) await progress(units + memberships, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        await using (var analyze = new NpgsqlCommand("analyze records.unit_paths, records.memberships", conn) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync(ct);
        return new RecordsCopy(units, memberships, clock.GetUtcNow());
    }

    /// <summary>The units of `unitId`'s subtree as Organization has them now (a created, moved, merged, dissolved or imported unit).</summary>
    public async Task RefreshUnitsAsync(SessionSql sql, Guid unitId, CancellationToken ct)
    {
        await sql.LockAsync(LockKey, ct);
        var places = new List<UnitPlace>();
        await foreach (var place in org.PlacesAsync(unitId, ct)) places.Add(place);
        if (places.Count == 0) return;
        await sql.ExecuteAsync("""
            insert into records.unit_paths (id, parent_id, kind, active, path)
            select id, parent_id, kind, active, path::ltree from unnest(@ids, @parents, @kinds, @actives, @paths) as t(id, parent_id, kind, active, path)
            on conflict (id) do update set parent_id = excluded.parent_id, kind = excluded.kind, active = excluded.active, path = excluded.path
            """, ct, ("ids", places.Select(p => p.Id).ToArray()), ("parents", places.Select(p => p.ParentId).ToArray()),
            ("kinds", places.Select(p => p.Kind).ToArray()), ("actives", places.Select(Active).ToArray()), ("paths", places.Select(p => p.Path).ToArray()));
    }

    /// <summary>These people's rows as Organization has them now: none for someone who left.</summary>
    public async Task RefreshPeopleAsync(SessionSql sql, IReadOnlyList<Guid> people, CancellationToken ct)
    {
        await sql.LockAsync(LockKey, ct);
        foreach (var round in people.Distinct().Chunk(PeoplePerRound))
        {
            var memberships = await org.MembershipsOfAsync(round, ct);
            await sql.ExecuteAsync("""
                delete from records.memberships where person_id = any(@people);
                insert into records.memberships (person_id, unit_id, household_id, home)
                select * from unnest(@persons, @units, @households, @homes);
                """, ct, ("people", round), ("persons", memberships.Select(m => m.PersonId).ToArray()),
                ("units", memberships.Select(m => m.UnitId).ToArray()), ("households", memberships.Select(m => m.HouseholdId).ToArray()),
                ("homes", memberships.Select(m => m.Home).ToArray()));
        }
    }

    /// <summary>
    /// A merged unit's members pass to its successor, as Organization's merge moves them (home and other memberships),
    /// here in SQL: a province's members never come through the application.
    /// </summary>
    public async Task MoveMembersAsync(SessionSql sql, Guid unitId, Guid successorId, CancellationToken ct)
    {
        await sql.LockAsync(LockKey, ct);
        await sql.ExecuteAsync("""
            insert into records.memberships as m (person_id, unit_id, household_id, home)
            select person_id, @successor, household_id, home from records.memberships where unit_id = @unit
            on conflict (person_id, unit_id) do update set home = m.home or excluded.home;
            delete from records.memberships where unit_id = @unit;
            """, ct, ("unit", unitId), ("successor", successorId));
    }

    private static bool Active(UnitPlace place) => place.Status == "Active";
}

/// <summary>The subtree of `@unit` and its members today, from the copy: SQL the readers join.</summary>
internal static class MembershipSql
{
    /// <summary>CTEs `subtree (id, kind, active, path)` (every unit at or below `@unit`, any status, as Organization's member queries count them) and `members (person_id, unit_id, household_id)`.</summary>
    public const string Subtree = """
        subtree as (
          select u.id, u.kind, u.active, u.path from records.unit_paths r join records.unit_paths u on u.path <@ r.path where r.id = @unit),
        members as (
          select m.person_id, m.unit_id, m.household_id from records.memberships m where m.unit_id in (select id from subtree))
        """;
}
