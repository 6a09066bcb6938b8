using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>What an official of a targeted unit marks: received, read (which includes received).</summary>
public enum AcknowledgementStep
{
    Received,
    Read,
}

/// <summary>An official marks a directive received or read for their unit. Marking it again changes nothing.</summary>
public sealed record AcknowledgeDirective(Guid DirectiveId, Guid UnitId, AcknowledgementStep Step, Guid ActorId);

/// <summary>An official reports that their unit implemented the directive (a short report). Reporting again changes nothing.</summary>
public sealed record ReportImplementation(Guid DirectiveId, Guid UnitId, string Report, Guid ActorId, IReadOnlyList<Guid>? FileIds = null);

/// <summary>Published after a unit's row changed: the issuing unit's officials see the roll-up move.</summary>
public sealed record DirectiveProgressed(Guid DirectiveId, Guid UnitId, DirectiveUnitStatus Status, int Version);

public static class AcknowledgeDirectiveHandler
{
    public const int MaxReportLength = 4000;

    public static async Task<(DirectiveTarget, DirectiveProgressed?)> Handle(AcknowledgeDirective command, IOrganizationQueries organization,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var set = command.Step == AcknowledgementStep.Received
            ? "received_at = @now, received_by = @actor"
            : "received_at = coalesce(received_at, @now), received_by = coalesce(received_by, @actor), read_at = @now, read_by = @actor";
        var pending = command.Step == AcknowledgementStep.Received ? "received_at is null" : "read_at is null";
        await DemandAsync(organization, command.ActorId, command.UnitId, ct);
        return await ChangeAsync(command.DirectiveId, command.UnitId, command.ActorId, set, pending, null, organization, session, clock, ct);
    }

    public static async Task<(DirectiveTarget, DirectiveProgressed?)> Handle(ReportImplementation command, IOrganizationQueries organization,
        IDocumentSession session, TimeProvider clock, IFileStore files, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0072): the files and the report are checked after.
        await DemandAsync(organization, command.ActorId, command.UnitId, ct);
        var attached = await ContentFiles.CheckAsync(files, command.ActorId, command.FileIds, null, "Tệp báo cáo", ct);
        var report = (command.Report ?? "").Trim();
        if (report.Length == 0) throw VapeException.InvalidInput("Hãy viết báo cáo ngắn về việc thực hiện.");
        if (report.Length > MaxReportLength) throw VapeException.InvalidInput($"Báo cáo dài tối đa {MaxReportLength} ký tự.");
        return await ChangeAsync(command.DirectiveId, command.UnitId, command.ActorId,
            "received_at = coalesce(received_at, @now), received_by = coalesce(received_by, @actor), read_at = coalesce(read_at, @now), " +
            "read_by = coalesce(read_by, @actor), implemented_at = @now, implemented_by = @actor, report = @report, " +
            $"report_file_ids = array[{string.Join(", ", attached.Select(f => $"'{f}'::uuid"))}]::uuid[]",
            "implemented_at is null", report, organization, session, clock, ct);
    }

    private static async Task DemandAsync(IOrganizationQueries organization, Guid actor, Guid unitId, CancellationToken ct)
    {
        if (!await organization.MayAsync(actor, Permission.HandleDirectives, unitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị nhận (hoặc cấp trên của nó) mới xác nhận văn bản cho đơn vị đó.");
    }

    /// <summary>One conditional update (after <see cref="DemandAsync"/>): a step already taken matches no row, so nothing changes and nothing is published.</summary>
    private static async Task<(DirectiveTarget, DirectiveProgressed?)> ChangeAsync(Guid directiveId, Guid unitId, Guid actor, string set, string pending,
        string? report, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var changed = await sql.ListAsync($"""
            update content.directive_targets t set {set}, version = version + 1
             where t.directive_id = @directive and t.unit_id = @unit and t.active and t.{pending}
            returning {DirectiveTarget.Columns}
            """, r => DirectiveTarget.Read(r), ct,
            [("directive", directiveId), ("unit", unitId), ("now", clock.GetUtcNow()), ("actor", actor), .. report is null ? [] : new[] { ("report", (object?)report) }]);
        if (changed.Count == 1)
        {
            var row = changed[0];
            return (row, new DirectiveProgressed(directiveId, unitId, row.Status, row.Version));
        }
        var current = await sql.ListAsync($"select {DirectiveTarget.Columns} from content.directive_targets t where t.directive_id = @directive and t.unit_id = @unit",
            r => DirectiveTarget.Read(r), ct, ("directive", directiveId), ("unit", unitId));
        if (current.Count == 0) throw VapeException.NotFound("Văn bản này không gửi đến đơn vị đó.");
        if (!current[0].Active) throw VapeException.InvalidInput("Đơn vị đã sáp nhập; hãy xác nhận cho đơn vị tiếp nhận.");
        return (current[0], null);
    }
}
