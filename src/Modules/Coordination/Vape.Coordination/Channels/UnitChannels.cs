using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.Organization.Contracts;
using Wolverine;

namespace Vape.Coordination.Channels;

/// <summary>Bring the channels of these units in line with who holds a role on them today.</summary>
public sealed record SyncUnitChannels(IReadOnlyList<Guid> UnitIds);

/// <summary>A unit was merged into `SuccessorUnitId` or dissolved (no successor): archive its channels (docs/adr/0045).</summary>
public sealed record ArchiveUnitChannels(Guid UnitId, Guid? SuccessorUnitId);

/// <summary>A channel was archived (`channelArchived`, to its members): read-only from now on; `successorChannelId` continues it.</summary>
public sealed record ChannelArchived(Guid ChannelId, Guid? SuccessorChannelId);

/// <summary>
/// The organization's tree changes reach the channels through the outbox. Each becomes a command of this module of
/// its own (its own transaction), so that other modules' handlers of the same event never share its fate.
/// </summary>
public static class FollowUnitChangesHandler
{
    public static ArchiveUnitChannels Handle(UnitMerged e) => new(e.UnitId, e.SuccessorId);

    public static ArchiveUnitChannels Handle(UnitDissolved e) => new(e.UnitId, null);

    /// <summary>The moved unit's officials leave the old parent's cross-level channels and join the new parent's.</summary>
    public static SyncUnitChannels Handle(UnitMoved e) => new([e.FromParentId, e.ToParentId]);
}

/// <summary>
/// Membership follows the organization (docs/adr/0041). A unit with officials has a UNIT channel (its
/// officials); a unit whose children have officials also has a CROSS_LEVEL channel (its officials as
/// moderators with the children's officials) and an ANNOUNCEMENT channel (only its own officials post).
/// Channels are created when first needed: on a role change, or the first time an official asks for their
/// channels (so that people loaded by the seed or an import see theirs at once).
/// </summary>
public static class UnitChannelsHandler
{
    public static Task<OutgoingMessages> Handle(RoleAssigned e, IOrganizationQueries org, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        SyncAroundAsync(e.UnitId, org, session, clock, ct);

    public static Task<OutgoingMessages> Handle(RoleEnded e, IOrganizationQueries org, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        SyncAroundAsync(e.UnitId, org, session, clock, ct);

    public static async Task<OutgoingMessages> Handle(SyncUnitChannels command, IOrganizationQueries org, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Everything asked of the organization is read before this transaction begins: a transaction that
        // waits on another connection while holding locks can wait forever behind a third (a TRUNCATE).
        var plans = new List<UnitPlan>();
        foreach (var unitId in command.UnitIds.Distinct()) plans.Add(await PlanAsync(unitId, org, ct));
        var sql = new SessionSql(session);
        var outgoing = new OutgoingMessages();
        foreach (var plan in plans) outgoing.AddRange(await ApplyAsync(plan, sql, clock, ct));
        return outgoing;
    }

    /// <summary>
    /// Archives a merged or dissolved unit's channels: nothing more is posted in them, their members keep the history,
    /// each points to the successor's channel of the same kind, whose members read it too. The successor's and both
    /// parents' channels are brought in line first (the successor took the children; the roles of the unit ended).
    /// </summary>
    public static async Task<OutgoingMessages> Handle(ArchiveUnitChannels command, IOrganizationQueries org, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var around = new List<Guid>();
        foreach (var id in new[] { command.UnitId, command.SuccessorUnitId }.OfType<Guid>())
            foreach (var unit in await org.UnitsAsync([id], ct))
            {
                if (unit.Id != command.UnitId) around.Add(unit.Id);
                if (unit.ParentId is Guid parent) around.Add(parent);
            }
        var plans = new List<UnitPlan>();
        foreach (var unitId in around.Distinct()) plans.Add(await PlanAsync(unitId, org, ct));

        var sql = new SessionSql(session);
        var outgoing = new OutgoingMessages();
        foreach (var plan in plans) outgoing.AddRange(await ApplyAsync(plan, sql, clock, ct));
        await sql.LockAsync(UnitLock(command.UnitId), ct);
        var now = clock.GetUtcNow();
        var archived = await sql.ListAsync("""
            update coordination.channels a set archived_at = coalesce(a.archived_at, @at),
                   successor_channel_id = (select s.id from coordination.channels s where s.unit_id = @successor and s.kind = a.kind and s.archived_at is null)
             where a.unit_id = @u
            returning a.id, a.successor_channel_id
            """, r => (Id: r.GetGuid(0), Successor: r.IsDBNull(1) ? (Guid?)null : r.GetGuid(1)), ct,
            ("at", now), ("u", command.UnitId), ("successor", command.SuccessorUnitId));
        foreach (var (id, successor) in archived)
        {
            // What led to this channel leads on to its successor.
            await sql.ExecuteAsync("update coordination.channels set successor_channel_id = @s where successor_channel_id = @a", ct, ("s", successor), ("a", id));
            outgoing.Add(new ChannelArchived(id, successor));
        }
        foreach (var successor in archived.Select(a => a.Successor).OfType<Guid>().Distinct())
            outgoing.AddRange(await SyncReadersAsync(sql, successor, now, ct));
        return outgoing;
    }

    /// <summary>A role on a unit changes the unit's channels and the cross-level channels of its parent.</summary>
    private static async Task<OutgoingMessages> SyncAroundAsync(Guid unitId, IOrganizationQueries org, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var units = await org.UnitsAsync([unitId], ct);
        var ids = new List<Guid> { unitId };
        if (units.SingleOrDefault()?.ParentId is Guid parent) ids.Add(parent);
        return await Handle(new SyncUnitChannels(ids), org, session, clock, ct);
    }

    /// <summary>The same key on every host (`uuid::text` and `Guid.ToString()` agree): one sync of a unit at a time.</summary>
    private static string UnitLock(Guid unitId) => "coordination:unit:" + unitId;

    private sealed record UnitPlan(Guid UnitId, UnitSummary? Unit, Dictionary<Guid, string> Officials, Dictionary<Guid, string> Below);

    private static async Task<UnitPlan> PlanAsync(Guid unitId, IOrganizationQueries org, CancellationToken ct)
    {
        var unit = (await org.UnitsAsync([unitId], ct)).SingleOrDefault();
        var active = unit?.Status == "Active";

        if (!active) return new UnitPlan(unitId, unit, [], []);
        // The unit's and its children's officials in one question to the Organization module, however many children.
        var children = (await org.SubtreeAsync(unitId, 1, ct)).Where(u => u.Id != unitId).Select(u => u.Id).ToList();
        var byUnit = await org.OfficialsAsync([unitId, .. children], ct);
        var officials = Officials(byUnit.GetValueOrDefault(unitId) ?? [], upper: true);
        var below = new Dictionary<Guid, string>();
        foreach (var child in children)
            foreach (var (person, _) in Officials(byUnit.GetValueOrDefault(child) ?? [], upper: false))
                below.TryAdd(person, MemberRoles.Member);
        return new UnitPlan(unitId, unit, officials, below);
    }

    private static async Task<IReadOnlyList<ChannelMembershipChanged>> ApplyAsync(UnitPlan plan, SessionSql sql, TimeProvider clock, CancellationToken ct)
    {
        var (unitId, unit, officials, below) = plan;
        // One sync of a unit at a time, on every host.
        await sql.LockAsync(UnitLock(unitId), ct);
        var changes = new List<ChannelMembershipChanged>();
        var now = clock.GetUtcNow();
        // A merged or dissolved unit's channels are archived with their members (ArchiveUnitChannels), never emptied.
        if (unit is null || unit.Status != "Active") return changes;

        var unitMembers = officials.ToDictionary(o => o.Key, o => o.Value);
        var cross = new Dictionary<Guid, string>(below);
        var announcement = below.ToDictionary(b => b.Key, _ => MemberRoles.Reader);
        foreach (var (person, _) in officials)
        {
            cross[person] = MemberRoles.Moderator;
            announcement[person] = MemberRoles.Moderator;
        }

        changes.AddRange(await SyncChannelAsync(sql, unit, ChannelKinds.Unit, unit.Name, unitMembers, create: unitMembers.Count > 0, now, ct));
        var lower = below.Count > 0 && officials.Count > 0;
        changes.AddRange(await SyncChannelAsync(sql, unit, ChannelKinds.CrossLevel, $"{unit.Name} và các đơn vị trực thuộc", cross, lower, now, ct));
        changes.AddRange(await SyncChannelAsync(sql, unit, ChannelKinds.Announcement, $"Thông báo của {unit.Name}", announcement, lower, now, ct));
        await sql.ExecuteAsync("insert into coordination.unit_sync (unit_id, synced_at) values (@u, @at) on conflict (unit_id) do update set synced_at = excluded.synced_at",
            ct, ("u", unitId), ("at", now));
        return changes;
    }

    /// <summary>Chairs and vice-chairs moderate their unit's own channel; on the upper side of a cross-level channel every official does.</summary>
    private static Dictionary<Guid, string> Officials(IReadOnlyList<UnitOfficial> officials, bool upper)
    {
        var roles = new Dictionary<Guid, string>();
        foreach (var o in officials)
        {
            var role = upper && o.Role is "Chair" or "ViceChair" ? MemberRoles.Moderator : MemberRoles.Member;
            if (!roles.TryGetValue(o.PersonId, out var had) || MemberRoles.Rank(role) > MemberRoles.Rank(had)) roles[o.PersonId] = role;
        }
        return roles;
    }

    private static async Task<IReadOnlyList<ChannelMembershipChanged>> SyncChannelAsync(SessionSql sql, UnitSummary unit, string kind, string name,
        IReadOnlyDictionary<Guid, string> desired, bool create, DateTimeOffset now, CancellationToken ct)
    {
        var channelId = await sql.ScalarAsync<Guid?>("select id from coordination.channels where unit_id = @u and kind = @k", ct, ("u", unit.Id), ("k", kind));
        if (channelId is null)
        {
            if (!create) return [];
            channelId = Guid.CreateVersion7();
            await sql.ExecuteAsync("""
                insert into coordination.channels (id, kind, unit_id, name, created_at) values (@id, @k, @u, @n, @at)
                """, ct, ("id", channelId), ("k", kind), ("u", unit.Id), ("n", name), ("at", now));
        }
        else
        {
            await sql.ExecuteAsync("update coordination.channels set name = @n where id = @id and name <> @n", ct, ("id", channelId), ("n", name));
        }

        var current = (await sql.ListAsync("select person_id, role from coordination.channel_members where channel_id = @c and source = 'ORGANIZATION'",
            r => (r.GetGuid(0), r.GetString(1)), ct, ("c", channelId))).ToDictionary(x => x.Item1, x => x.Item2);
        var changes = new List<ChannelMembershipChanged>();
        foreach (var (person, role) in desired)
        {
            if (current.TryGetValue(person, out var had))
            {
                if (had != role)
                    await sql.ExecuteAsync("update coordination.channel_members set role = @r where channel_id = @c and person_id = @p", ct,
                        ("c", channelId), ("p", person), ("r", role));
                continue;
            }
            var added = await sql.ExecuteAsync("""
                insert into coordination.channel_members (channel_id, person_id, role, source, joined_at) values (@c, @p, @r, 'ORGANIZATION', @at)
                on conflict (channel_id, person_id) do update set role = excluded.role, source = 'ORGANIZATION'
                """, ct, ("c", channelId), ("p", person), ("r", role), ("at", now));
            if (added > 0) changes.Add(new ChannelMembershipChanged(channelId.Value, person, Joined: true));
        }
        foreach (var person in current.Keys.Where(p => !desired.ContainsKey(p)))
        {
            await sql.ExecuteAsync("delete from coordination.channel_members where channel_id = @c and person_id = @p", ct, ("c", channelId), ("p", person));
            changes.Add(new ChannelMembershipChanged(channelId.Value, person, Joined: false));
        }
        changes.AddRange(await SyncReadersAsync(sql, channelId.Value, now, ct));
        return changes;
    }

    /// <summary>The members of a live channel read the archived channels that it continues (a merged unit's history).</summary>
    private static async Task<IReadOnlyList<ChannelMembershipChanged>> SyncReadersAsync(SessionSql sql, Guid channelId, DateTimeOffset now, CancellationToken ct)
    {
        var added = await sql.ListAsync("""
            insert into coordination.channel_members (channel_id, person_id, role, source, joined_at)
            select a.id, m.person_id, 'READER', 'SUCCESSION', @at
              from coordination.channels a join coordination.channel_members m on m.channel_id = @c
             where a.successor_channel_id = @c
            on conflict (channel_id, person_id) do nothing
            returning channel_id, person_id
            """, r => new ChannelMembershipChanged(r.GetGuid(0), r.GetGuid(1), Joined: true), ct, ("c", channelId), ("at", now));
        var removed = await sql.ListAsync("""
            delete from coordination.channel_members x using coordination.channels a
             where x.channel_id = a.id and a.successor_channel_id = @c and x.source = 'SUCCESSION'
               and not exists (select 1 from coordination.channel_members m where m.channel_id = @c and m.person_id = x.person_id)
            returning x.channel_id, x.person_id
            """, r => new ChannelMembershipChanged(r.GetGuid(0), r.GetGuid(1), Joined: false), ct, ("c", channelId));
        return [.. added, .. removed];
    }
}

/// <summary>Makes sure the channels of the units where a person holds a role exist (first request after a seed or an import).</summary>
public sealed class UnitChannelDirectory(IOrganizationQueries org, Reads db, IMessageBus bus)
{
    public async Task EnsureForAsync(Guid personId, CancellationToken ct)
    {
        var managed = await org.ManagedUnitsAsync(personId, ct);
        if (managed.Count == 0) return;
        var units = new HashSet<Guid>(managed);
        foreach (var unit in await org.UnitsAsync(managed, ct))
            if (unit.ParentId is Guid parent) units.Add(parent);
        var synced = await db.ListAsync("select unit_id from coordination.unit_sync where unit_id = any(@u)", r => r.GetGuid(0), ct, ("u", units.ToArray()));
        var missing = units.Except(synced).ToList();
        if (missing.Count > 0) await bus.InvokeAsync(new SyncUnitChannels(missing), ct);
    }
}
