using Vape.BuildingBlocks.Storage;
using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>Reads of directives: one SQL query each, whatever the size of the target set.</summary>
internal sealed class DirectiveStore(NpgsqlDataSource database, IOrganizationQueries organization, TimeProvider clock)
{
    public async Task<Directive?> LoadAsync(Guid id, CancellationToken ct) =>
        (await database.ListAsync($"select {Directive.Columns} from content.directives d where d.id = @id", r => Directive.Read(r), ct, ("id", id)))
        .SingleOrDefault();

    public async Task<IReadOnlyDictionary<Guid, Directive>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await database.ListAsync($"select {Directive.Columns} from content.directives d where d.id = any(@ids)", r => Directive.Read(r), ct,
            ("ids", ids.ToArray()))).ToDictionary(d => d.Id);

    public async Task<DirectiveTarget?> TargetAsync(Guid directiveId, Guid unitId, CancellationToken ct) =>
        (await database.ListAsync($"select {DirectiveTarget.Columns} from content.directive_targets t where t.directive_id = @d and t.unit_id = @u",
            r => DirectiveTarget.Read(r), ct, ("d", directiveId), ("u", unitId))).SingleOrDefault();

    /// <summary>The latest escalation of each (directive, unit), in one query (the roll-up's overdue page: 50 at most).</summary>
    public Task<IReadOnlyDictionary<(Guid Directive, Guid Unit), DirectiveEscalation>> EscalationsAsync(IReadOnlyCollection<(Guid Directive, Guid Unit)> keys,
        CancellationToken ct) => DirectiveEscalations.LatestAsync(database, keys, ct);

    /// <summary>The directive's active rows of these units, in one query.</summary>
    public async Task<List<DirectiveTarget>> ActiveTargetsAsync(Guid directiveId, IReadOnlyCollection<Guid> unitIds, CancellationToken ct) =>
        unitIds.Count == 0 ? [] : await database.ListAsync($"""
            select {DirectiveTarget.Columns} from content.directive_targets t
             where t.directive_id = @d and t.unit_id = any(@units) and t.active order by t.path::text
            """, r => DirectiveTarget.Read(r), ct, ("d", directiveId), ("units", unitIds.ToArray()));

    /// <summary>
    /// May the person see the directive: an official of the issuing unit (or above it), or of a unit on the way
    /// down to a targeted unit (the targeted unit itself or an intermediate one).
    /// </summary>
    /// <remarks>`may` answers the permission question (a request's resolvers pass a per-request memo); by default the Organization module.</remarks>
    public async Task<bool> CanSeeAsync(Guid personId, Directive directive, CancellationToken ct, Func<Permission, Guid, Task<bool>>? may = null)
    {
        may ??= (permission, unit) => organization.MayAsync(personId, permission, unit, ct);
        if (await may(Permission.HandleDirectives, directive.IssuerUnitId)) return true;
        var managed = await organization.ManagedUnitsAsync(personId, ct);
        if (managed.Count == 0) return false;
        return await database.ScalarAsync<bool>("""
            select exists (select 1 from content.directive_targets t where t.directive_id = @d and t.path ? @q::lquery[])
            """, ct, ("d", directive.Id), ("q", managed.Select(u => "*." + UnitPaths.Label(u) + ".*").ToArray()));
    }

    /// <summary>The directives sent to a unit, newest first, with the unit's own row.</summary>
    public async Task<Connection<DirectiveForUnit>> ForUnitsAsync(IReadOnlyCollection<Guid> unitIds, DirectiveUnitFilter filter, Page page, CancellationToken ct)
    {
        var after = page.AfterKey?.Split('|');
        var rows = await database.ListAsync($"""
            select {Directive.Columns}, {DirectiveTarget.Columns}
              from content.directive_targets t join content.directives d on d.id = t.directive_id
             where t.unit_id = any(@units) and t.active and {FilterSql(filter)}
               and (@after_d::uuid is null or (t.directive_id, t.unit_id) < (@after_d::uuid, @after_u::uuid))
             order by t.directive_id desc, t.unit_id desc
             limit @limit
            """, r => new DirectiveForUnit(Directive.Read(r), DirectiveTarget.Read(r, 15)), ct,
            ("units", unitIds.ToArray()), ("today", Sql.Typed("today", DirectiveDeadlines.Today(clock), NpgsqlDbType.Date)),
            ("after_d", Sql.Typed<Guid?>("after_d", after is null ? null : ParseKey(after, 0), NpgsqlDbType.Uuid)),
            ("after_u", Sql.Typed<Guid?>("after_u", after is null ? null : ParseKey(after, 1), NpgsqlDbType.Uuid)),
            ("limit", page.First + 1));
        return page.ToConnection(rows, r => $"{r.Directive.Id}|{r.Target.UnitId}");
    }

    /// <summary>The directives a unit issued, newest first.</summary>
    public async Task<Connection<Directive>> IssuedByAsync(Guid unitId, Page page, CancellationToken ct)
    {
        var after = page.AfterKey;
        var rows = await database.ListAsync($"""
            select {Directive.Columns} from content.directives d
             where d.issuer_unit_id = @unit and (@after::uuid is null or d.id < @after::uuid)
             order by d.id desc limit @limit
            """, r => Directive.Read(r), ct, ("unit", unitId),
            ("after", Sql.Typed<Guid?>("after", after is null ? null : ParseKey([after], 0), NpgsqlDbType.Uuid)), ("limit", page.First + 1));
        return page.ToConnection(rows, d => d.Id.ToString());
    }

    private static Guid ParseKey(string[] parts, int index) =>
        parts.Length > index && Guid.TryParse(parts[index], out var id) ? id : throw Vape.BuildingBlocks.Errors.VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");

    internal static string FilterSql(DirectiveUnitFilter filter) => filter switch
    {
        DirectiveUnitFilter.NotReceived => "t.received_at is null",
        DirectiveUnitFilter.NotRead => "t.read_at is null",
        DirectiveUnitFilter.NotImplemented => "t.implemented_at is null",
        DirectiveUnitFilter.Received => "t.received_at is not null",
        DirectiveUnitFilter.Read => "t.read_at is not null",
        DirectiveUnitFilter.Implemented => "t.implemented_at is not null",
        DirectiveUnitFilter.Overdue => Overdue.Sql,
        _ => "true",
    };

    /// <summary>
    /// The roll-up below `root` (the issuer or an intermediate unit): totals, per level below the root, per child
    /// subtree of the root. One scan of the directive's rows.
    /// </summary>
    public async Task<Rollup> RollupAsync(Directive directive, Guid root, CancellationToken ct)
    {
        var rows = await database.ListAsync($"""
            with t as (
              select nlevel(t.path) - 1 - index(t.path, @root::ltree) as level,
                     case when nlevel(t.path) - 1 > index(t.path, @root::ltree) then subpath(t.path, index(t.path, @root::ltree) + 1, 1)::text end as child,
                     t.received_at is not null as received, t.read_at is not null as read, t.implemented_at is not null as implemented,
                     {Overdue.Sql} as overdue
                from content.directive_targets t join content.directives d on d.id = t.directive_id
               where t.directive_id = @d and t.active and index(t.path, @root::ltree) >= 0 and t.unit_id <> @root_id)
            select grouping(level) = 0 as by_level, grouping(child) = 0 as by_child, level, child,
                   count(*)::int, count(*) filter (where received)::int, count(*) filter (where read)::int,
                   count(*) filter (where implemented)::int, count(*) filter (where overdue)::int
              from t group by grouping sets ((), (level), (child))
            """, r => (ByLevel: r.GetBoolean(0), ByChild: r.GetBoolean(1), Level: r.Get<int?>(2), Child: r.Get<string>(3),
                Counts: new RollupCounts(r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8))), ct,
            ("d", directive.Id), ("root", UnitPaths.Label(root)), ("root_id", root),
            ("today", Sql.Typed("today", DirectiveDeadlines.Today(clock), NpgsqlDbType.Date)));
        var total = rows.SingleOrDefault(r => !r.ByLevel && !r.ByChild).Counts ?? new RollupCounts(0, 0, 0, 0, 0);
        return new Rollup(root, total,
            rows.Where(r => r.ByLevel && r.Level is not null).OrderBy(r => r.Level).Select(r => new RollupLevel(r.Level!.Value, r.Counts)).ToList(),
            rows.Where(r => r.ByChild && r.Child is not null).Select(r => new RollupSubtree(UnitPaths.FromLabel(r.Child!), r.Counts)).ToList());
    }

    /// <summary>The targeted units below `root` that match the filter, in tree order (the drill-down).</summary>
    public async Task<Connection<DirectiveTarget>> UnitsAsync(Directive directive, Guid root, DirectiveUnitFilter filter, Page page, CancellationToken ct)
    {
        var rows = await database.ListAsync($"""
            select {DirectiveTarget.Columns}, t.path::text
              from content.directive_targets t join content.directives d on d.id = t.directive_id
             where t.directive_id = @d and t.active and index(t.path, @root::ltree) >= 0 and t.unit_id <> @root_id and {FilterSql(filter)}
               and (@after::text is null or t.path::text > @after::text)
             order by t.path::text limit @limit
            """, r => (Row: DirectiveTarget.Read(r), Path: r.GetString(14)), ct,
            ("d", directive.Id), ("root", UnitPaths.Label(root)), ("root_id", root),
            ("today", Sql.Typed("today", DirectiveDeadlines.Today(clock), NpgsqlDbType.Date)),
            ("after", Sql.Typed<string?>("after", page.AfterKey, NpgsqlDbType.Text)), ("limit", page.First + 1));
        var connection = page.ToConnection(rows, r => r.Path);
        return new Connection<DirectiveTarget>(connection.Edges.Select(e => new Edge<DirectiveTarget>(e.Cursor, e.Node.Row)).ToList(),
            connection.PageInfo);
    }

    /// <summary>
    /// Guidance of the directive. For a unit: what the units above it (on its path below the issuer) and the unit
    /// itself attached, top down. Without a unit: all of it.
    /// </summary>
    public async Task<IReadOnlyList<Guidance>> GuidanceAsync(Guid directiveId, Guid? forUnit, CancellationToken ct)
    {
        string[]? labels = null;
        if (forUnit is Guid unit) labels = (await UnitPaths.OfAsync(organization, unit, ct)).Split('.');
        return await database.ListAsync("""
            select g.id, g.directive_id, g.unit_id, g.text, g.author_id, g.created_at from content.directive_guidance g
             where g.directive_id = @d and (@labels::text[] is null or replace(g.unit_id::text, '-', '') = any(@labels::text[]))
             order by (case when @labels::text[] is null then 0 else array_position(@labels::text[], replace(g.unit_id::text, '-', '')) end), g.created_at
            """, r => new Guidance(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetGuid(4), r.GetFieldValue<DateTimeOffset>(5)), ct,
            ("d", directiveId), ("labels", Sql.Typed("labels", labels, NpgsqlDbType.Array | NpgsqlDbType.Text)));
    }
}
