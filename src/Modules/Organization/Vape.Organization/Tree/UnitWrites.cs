using Marten;
using Vape.BuildingBlocks.Errors;

namespace Vape.Organization.Tree;

/// <summary>
/// The adapter's side of the unit decider (docs/adr/0164): the reads a decision needs beyond the units themselves,
/// and the writing of what it decided. Per event, the SQL checks the version the decision read, changes the unit's
/// row and periods as the event says, and the event is appended to the unit's stream: no rule is decided here.
/// </summary>
internal static class UnitWrites
{
    /// <summary>The latest date recorded in the unit's subtree (a period of a unit or of a member below it), or null.</summary>
    public static async Task<DateOnly?> LatestRecordedAsync(IDocumentSession session, Guid unitId, CancellationToken ct) =>
        (await new OrganizationSql(session).ListAsync("""
            with root as (select path from organization.units where id = @id)
            select greatest(
                (select max(p.valid_from) from organization.unit_periods p join organization.units u on u.id = p.unit_id, root where u.path <@ root.path),
                (select max(m.valid_from) from organization.member_periods m join organization.units u on u.id = m.unit_id, root where u.path <@ root.path))
            """, r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), ct, ("id", unitId))).SingleOrDefault();

    /// <summary>The unit still has active units under it or members (a dissolution waits for them to move).</summary>
    public static Task<bool> BusyAsync(IDocumentSession session, Guid unitId, CancellationToken ct) =>
        new OrganizationSql(session).ScalarAsync<bool>("""
            select exists (select 1 from organization.units where parent_id = @id and status = 'Active')
                or exists (select 1 from organization.people where home_unit_id = @id and left_on is null)
            """, ct, ("id", unitId));

    /// <summary>Writes the decided events, in order, over the state the decision read; the state they leave.</summary>
    public static async Task<TreeState> WriteAsync(IDocumentSession session, TreeState read, IReadOnlyList<IUnitEvent> events, CancellationToken ct)
    {
        var sql = new OrganizationSql(session);
        foreach (var e in events)
        {
            switch (e)
            {
                case UnitEstablished x:
                    await sql.ExecuteAsync("""
                        insert into organization.units (id, code, name, kind, parent_id, path, effective_from, version)
                        select @id, @code, @name, @kind, @parent, path || @label::ltree, @effective, 1 from organization.units where id = @parent;
                        select organization.restart_period(@id, @effective);
                        """, ct, ("id", x.UnitId), ("code", x.Code), ("name", x.Name), ("kind", x.Kind.ToString()), ("parent", x.ParentId),
                        ("label", Unit.Label(x.UnitId)), ("effective", x.EffectiveFrom));
                    Streams.Start(session, x.UnitId, x);
                    break;
                case UnitNamed x:
                    Streams.Append(session, x.UnitId, await BumpAsync(sql, read[x.UnitId]!, """
                        update organization.units set name = @name where id = @id;
                        select organization.restart_period(@id, @effective);
                        """, ct, ("name", x.Name), ("effective", x.EffectiveFrom)), x);
                    break;
                case UnitReparented x:
                    Streams.Append(session, x.UnitId, await BumpAsync(sql, read[x.UnitId]!,
                        "select organization.move_unit(@id, @parent, @effective)", ct, ("parent", x.ToParentId), ("effective", x.EffectiveFrom)), x);
                    break;
                case UnitMergedInto x:
                    Streams.Append(session, x.UnitId, await BumpAsync(sql, read[x.UnitId]!,
                        "select organization.merge_unit(@id, @successor, @effective)", ct, ("successor", x.SuccessorId), ("effective", x.EffectiveFrom)), x);
                    break;
                case UnitAbsorbed x:
                    // The successor's version moves so that a change decided on its old row is refused; it was not checked (nothing of it is rewritten).
                    await sql.ExecuteAsync("update organization.units set version = version + 1 where id = @id", ct, ("id", x.UnitId));
                    Streams.Append(session, x.UnitId, x);
                    break;
                case UnitDisbanded x:
                    Streams.Append(session, x.UnitId, await BumpAsync(sql, read[x.UnitId]!, """
                        update organization.units set status = 'Dissolved', effective_to = @effective where id = @id;
                        select organization.restart_period(@id, @effective);
                        update organization.roles set term_to = @effective where unit_id = @id and (term_to is null or term_to > @effective);
                        """, ct, ("effective", x.EffectiveFrom)), x);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(events), e.GetType().Name, "not a unit event");
            }
        }
        return read.Apply(events);
    }

    /// <summary>
    /// Raises the unit's version from the one the decision read, or fails with VERSION_CONFLICT if someone else did
    /// first; then runs the change in the same transaction. The event stream's version checks it again.
    /// </summary>
    private static async Task<int> BumpAsync(OrganizationSql sql, Unit unit, string change, CancellationToken ct, params (string, object?)[] parameters)
    {
        var bumped = await sql.ExecuteAsync("update organization.units set version = version + 1 where id = @id and version = @expected",
            ct, ("id", unit.Id), ("expected", unit.Version));
        if (bumped == 0) throw VapeException.VersionConflict();
        await sql.ExecuteAsync(change, ct, [("id", unit.Id), .. parameters]);
        return unit.Version + 1;
    }
}
