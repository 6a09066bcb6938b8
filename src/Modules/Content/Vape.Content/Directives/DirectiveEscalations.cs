using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Storage;

namespace Vape.Content.Directives;

/// <summary>An overdue unit reported to its parent's officials when a deadline passed (ADR 0296).</summary>
public sealed record DirectiveEscalation(Guid DirectiveId, Guid UnitId, DeadlineKind Deadline, Guid ParentId, DateTimeOffset At);

/// <summary>The escalations kept in `content.directive_escalations`: written once per directive, unit and deadline.</summary>
internal static class DirectiveEscalations
{
    /// <summary>Records the escalation of each (unit, parent); returns only those recorded now (not by an earlier run or another host).</summary>
    public static async Task<List<(Guid Unit, Guid Parent)>> RecordAsync(NpgsqlDataSource database, Guid directiveId, DeadlineKind deadline,
        IReadOnlyList<(Guid Unit, Guid Parent)> escalated, DateTimeOffset now, CancellationToken ct) =>
        escalated.Count == 0 ? [] : await database.ListAsync("""
            insert into content.directive_escalations (directive_id, unit_id, deadline, parent_id, escalated_at)
            select @d, x.unit_id, @deadline, x.parent_id, @now from unnest(@units, @parents) as x(unit_id, parent_id)
            on conflict do nothing
            returning unit_id, parent_id
            """, r => (r.GetGuid(0), r.GetGuid(1)), ct, ("d", directiveId), ("deadline", deadline.ToString()), ("now", now),
            ("units", Sql.Typed("units", escalated.Select(e => e.Unit).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)),
            ("parents", Sql.Typed("parents", escalated.Select(e => e.Parent).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)));

    /// <summary>The latest escalation of each (directive, unit) asked for, in one statement.</summary>
    public static async Task<IReadOnlyDictionary<(Guid Directive, Guid Unit), DirectiveEscalation>> LatestAsync(NpgsqlDataSource database,
        IReadOnlyCollection<(Guid Directive, Guid Unit)> keys, CancellationToken ct)
    {
        var rows = await database.ListAsync("""
            select distinct on (e.directive_id, e.unit_id) e.directive_id, e.unit_id, e.deadline, e.parent_id, e.escalated_at
              from content.directive_escalations e join unnest(@ds, @us) as k(directive_id, unit_id)
                on k.directive_id = e.directive_id and k.unit_id = e.unit_id
             order by e.directive_id, e.unit_id, e.escalated_at desc
            """, r => new DirectiveEscalation(r.GetGuid(0), r.GetGuid(1), Enum.Parse<DeadlineKind>(r.GetString(2)), r.GetGuid(3),
                r.GetFieldValue<DateTimeOffset>(4)), ct,
            ("ds", Sql.Typed("ds", keys.Select(k => k.Directive).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)),
            ("us", Sql.Typed("us", keys.Select(k => k.Unit).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)));
        return rows.ToDictionary(e => (e.DirectiveId, e.UnitId));
    }
}
