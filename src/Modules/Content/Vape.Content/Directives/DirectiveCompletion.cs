using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Content.Directives;

/// <summary>How the directives issued within a subtree stood on a day: their targets' counts in all and per level below the subtree's root.</summary>
public sealed record DirectiveCompletion(Guid UnitId, DateOnly AsOf, int Directives, RollupCounts Total, IReadOnlyList<RollupLevel> Levels);

/// <summary>
/// The dashboard of directive completion (issue #21): every directive issued on or before the day by the root or a
/// unit below it, each target's steps as they were at the end of that day (Vietnam), overdue by the same rule as the
/// roll-up (<see cref="Overdue"/>) on that day. Counts of units only: no person is in it. One scan, in SQL.
/// </summary>
internal sealed class DirectiveCompletionStore(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task<DirectiveCompletion> ComputeAsync(Guid root, DateOnly? asOf, CancellationToken ct)
    {
        var today = DirectiveDeadlines.Today(clock);
        var day = asOf ?? today;
        if (day > today) throw VapeException.InvalidInput("Ngày tính đến (`asOf`) không được sau hôm nay.");
        var end = DirectiveDeadlines.PassedAt(day).ToUniversalTime();
        var rows = await database.ListAsync($"""
            with t as (
              select t.directive_id, nlevel(t.path) - 1 - index(t.path, @root::ltree) as level,
                     case when t.received_at < @end then t.received_at end as received_at,
                     case when t.read_at < @end then t.read_at end as read_at,
                     case when t.implemented_at < @end then t.implemented_at end as implemented_at
                from content.directive_targets t join content.directives d on d.id = t.directive_id
               where t.active and d.issued_on <= @today and t.path ~ @below::lquery
                 and index(t.path, @root::ltree) <= index(t.path, replace(d.issuer_unit_id::text, '-', '')::ltree))
            select grouping(t.level) = 0, t.level, count(distinct t.directive_id)::int, count(*)::int, count(t.received_at)::int,
                   count(t.read_at)::int, count(t.implemented_at)::int, count(*) filter (where {Overdue.Sql})::int
              from t join content.directives d on d.id = t.directive_id
             group by grouping sets ((), (t.level))
            """, r => (ByLevel: r.GetBoolean(0), Level: r.Get<int?>(1), Directives: r.GetInt32(2),
                Counts: new RollupCounts(r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7))), ct,
            ("root", UnitPaths.Label(root)), ("below", "*." + UnitPaths.Label(root) + ".*{1,}"), ("end", end),
            ("today", Sql.Typed("today", day, NpgsqlDbType.Date)));
        var total = rows.SingleOrDefault(r => !r.ByLevel);
        return new DirectiveCompletion(root, day, total.Directives, total.Counts ?? new RollupCounts(0, 0, 0, 0, 0),
            rows.Where(r => r.ByLevel && r.Level is not null).OrderBy(r => r.Level).Select(r => new RollupLevel(r.Level!.Value, r.Counts)).ToList());
    }
}
