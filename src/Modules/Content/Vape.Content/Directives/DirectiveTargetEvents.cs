using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using NpgsqlTypes;

namespace Vape.Content.Directives;

/// <summary>What happened to one targeted unit's row of a directive (decided by <see cref="AcknowledgeDirective"/> and <see cref="ReportImplementation"/>).</summary>
public interface IDirectiveTargetEvent
{
    Guid By { get; }
    DateTimeOffset At { get; }
}

internal sealed record DirectiveReceived(Guid By, DateTimeOffset At) : IDirectiveTargetEvent;

internal sealed record DirectiveRead(Guid By, DateTimeOffset At) : IDirectiveTargetEvent;

internal sealed record DirectiveImplemented(string Report, Guid[] FileIds, Guid By, DateTimeOffset At) : IDirectiveTargetEvent;

/// <summary>The refusals every change of a unit's row shares, written once.</summary>
internal static class DirectiveTargetRules
{
    /// <summary>The row exists and is active (a merged unit's row is closed: its successor acknowledges).</summary>
    public static DirectiveTarget Acting(DirectiveTarget? row)
    {
        if (row is null) throw VapeException.NotFound("Văn bản này không gửi đến đơn vị đó.");
        if (!row.Active) throw VapeException.InvalidInput("Đơn vị đã sáp nhập; hãy xác nhận cho đơn vị tiếp nhận.");
        return row;
    }

    /// <summary>The steps below `step` not yet taken, then `step` itself unless taken: each step includes the ones before it.</summary>
    public static List<IDirectiveTargetEvent> UpTo(DirectiveTarget row, DirectiveUnitStatus step, Guid by, DateTimeOffset at)
    {
        var events = new List<IDirectiveTargetEvent>();
        if (step >= DirectiveUnitStatus.Received && row.ReceivedAt is null) events.Add(new DirectiveReceived(by, at));
        if (step >= DirectiveUnitStatus.Read && row.ReadAt is null) events.Add(new DirectiveRead(by, at));
        return events;
    }
}

/// <summary>
/// The adapter of a row's actions: the caller's permission first (ADR 0070), then the row locked, the decision, and
/// the row as the events left it written back. A decision with no events changes nothing and publishes nothing.
/// </summary>
internal static class DirectiveTargetWrites
{
    public static async Task<(DirectiveTarget, DirectiveProgressed?)> ChangeAsync(Guid directiveId, Guid unitId,
        Func<DirectiveTarget?, IReadOnlyList<IDirectiveTargetEvent>> decide, SessionSql sql, CancellationToken ct)
    {
        var current = (await sql.ListAsync($"""
            select {DirectiveTarget.Columns} from content.directive_targets t where t.directive_id = @directive and t.unit_id = @unit for update
            """, r => DirectiveTarget.Read(r), ct, ("directive", directiveId), ("unit", unitId))).SingleOrDefault();
        var events = decide(current);
        if (events.Count == 0) return (current!, null);
        var next = events.Aggregate(current!, (row, e) => row.Apply(e));
        var row = (await sql.ListAsync($"""
            update content.directive_targets t
               set received_at = @received_at, received_by = @received_by, read_at = @read_at, read_by = @read_by,
                   implemented_at = @implemented_at, implemented_by = @implemented_by, report = @report, report_file_ids = @files,
                   version = version + 1
             where t.directive_id = @directive and t.unit_id = @unit
            returning {DirectiveTarget.Columns}
            """, r => DirectiveTarget.Read(r), ct,
            ("directive", directiveId), ("unit", unitId),
            ("received_at", Sql.Typed("received_at", next.ReceivedAt, NpgsqlDbType.TimestampTz)),
            ("received_by", Sql.Typed("received_by", next.ReceivedBy, NpgsqlDbType.Uuid)),
            ("read_at", Sql.Typed("read_at", next.ReadAt, NpgsqlDbType.TimestampTz)),
            ("read_by", Sql.Typed("read_by", next.ReadBy, NpgsqlDbType.Uuid)),
            ("implemented_at", Sql.Typed("implemented_at", next.ImplementedAt, NpgsqlDbType.TimestampTz)),
            ("implemented_by", Sql.Typed("implemented_by", next.ImplementedBy, NpgsqlDbType.Uuid)),
            ("report", Sql.Typed("report", next.Report, NpgsqlDbType.Text)),
            ("files", next.ReportFileIds))).Single();
        return (row, new DirectiveProgressed(directiveId, unitId, row.Status, row.Version));
    }
}
