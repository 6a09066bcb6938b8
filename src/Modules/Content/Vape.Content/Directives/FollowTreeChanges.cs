using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>
/// Directives follow the tree (docs/adr/0030). A moved unit's rows (and those of the units below it) get their
/// new paths; a merged unit's rows pass to its successor, which sees what its predecessor had, and the
/// predecessor's rows leave the roll-up; a dissolved unit's rows leave the roll-up. Paths are asked of the
/// Organization module when the message is handled, so a late or repeated message still writes the current tree.
/// </summary>
public static class FollowTreeChangesHandler
{
    public static async Task Handle(UnitMoved message, IOrganizationQueries organization, IDocumentSession session, CancellationToken ct)
    {
        var path = await UnitPaths.OfAsync(organization, message.UnitId, ct);
        await RepathAsync(new SessionSql(session), message.UnitId, path, ct);
    }

    public static async Task Handle(UnitMerged message, IOrganizationQueries organization, IDocumentSession session, CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var successorPath = await UnitPaths.OfAsync(organization, message.SuccessorId, ct);
        // The successor inherits the rows it did not have, with their acknowledgements and reports.
        await sql.ExecuteAsync("""
            insert into content.directive_targets as s (directive_id, unit_id, path, merged_from, received_at, received_by, read_at, read_by,
                                                        implemented_at, implemented_by, report)
            select t.directive_id, @successor, @path::ltree, array[@unit], t.received_at, t.received_by, t.read_at, t.read_by,
                   t.implemented_at, t.implemented_by, t.report
              from content.directive_targets t where t.unit_id = @unit and t.active
            on conflict (directive_id, unit_id) do update
               set merged_from = case when @unit = any(s.merged_from) then s.merged_from else s.merged_from || @unit end
            """, ct, ("unit", message.UnitId), ("successor", message.SuccessorId), ("path", successorPath));
        await sql.ExecuteAsync("update content.directive_targets set active = false, successor_id = @successor where unit_id = @unit and active", ct,
            ("unit", message.UnitId), ("successor", message.SuccessorId));
        // Its guidance and the directives it issued pass to the successor too.
        await sql.ExecuteAsync("update content.directive_guidance set unit_id = @successor, merged_from = @unit where unit_id = @unit", ct,
            ("unit", message.UnitId), ("successor", message.SuccessorId));
        await sql.ExecuteAsync("update content.directives set issuer_unit_id = @successor where issuer_unit_id = @unit", ct,
            ("unit", message.UnitId), ("successor", message.SuccessorId));
        await sql.ExecuteAsync("update content.news set unit_id = @successor, path = @path::ltree where unit_id = @unit", ct,
            ("unit", message.UnitId), ("successor", message.SuccessorId), ("path", successorPath));
        await sql.ExecuteAsync("update content.resources set review_unit_id = @successor, review_path = @path::ltree where review_unit_id = @unit", ct,
            ("unit", message.UnitId), ("successor", message.SuccessorId), ("path", successorPath));
        // Its children moved under the successor.
        await RepathAsync(sql, message.UnitId, successorPath, ct, except: message.UnitId);
    }

    public static async Task Handle(UnitDissolved message, IDocumentSession session, CancellationToken ct) =>
        await new SessionSql(session).ExecuteAsync("update content.directive_targets set active = false where unit_id = @unit and active", ct,
            ("unit", message.UnitId));

    /// <summary>Every row whose path passes through `unit` gets `newPath` in place of the part down to `unit`.</summary>
    private static async Task RepathAsync(SessionSql sql, Guid unit, string newPath, CancellationToken ct, Guid? except = null)
    {
        foreach (var (table, column, key) in ((string, string, string)[])[("content.directive_targets", "path", "unit_id"),
                     ("content.news", "path", "unit_id"), ("content.resources", "review_path", "review_unit_id")])
            await RepathAsync(sql, table, column, key, unit, newPath, except, ct);
    }

    private static Task<int> RepathAsync(SessionSql sql, string table, string column, string key, Guid unit, string newPath, Guid? except, CancellationToken ct) =>
        sql.ExecuteAsync($"""
            update {table} t
               set {column} = case when index(t.{column}, @label::ltree) + 1 < nlevel(t.{column})
                               then @path::ltree || subpath(t.{column}, index(t.{column}, @label::ltree) + 1)
                               else @path::ltree end
             where t.{column} ~ @query::lquery and (@except::uuid is null or t.{key} <> @except::uuid)
            """, ct, ("label", UnitPaths.Label(unit)), ("path", newPath), ("query", "*." + UnitPaths.Label(unit) + ".*"),
            ("except", Sql.Typed<Guid?>("except", except, NpgsqlTypes.NpgsqlDbType.Uuid)));
}
