using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>
/// An official reports that their unit implemented the directive (a short report, files attached). Reporting again
/// changes nothing. A report marks the directive received and read too, if it was not.
/// </summary>
public sealed record ReportImplementation(Guid DirectiveId, Guid UnitId, string Report, Guid ActorId, IReadOnlyList<Guid>? FileIds = null)
{
    public const int MaxReportLength = 4000;

    /// <summary>The report as it is kept (trimmed), or INVALID_INPUT.</summary>
    public string CheckedReport()
    {
        var report = (Report ?? "").Trim();
        if (report.Length == 0) throw VapeException.InvalidInput("Hãy viết báo cáo ngắn về việc thực hiện.");
        if (report.Length > MaxReportLength) throw VapeException.InvalidInput($"Báo cáo dài tối đa {MaxReportLength} ký tự.");
        return report;
    }

    /// <summary>The events for the unit's row (none when it already reported), or a refusal. `files`: the attachments, checked.</summary>
    public IReadOnlyList<IDirectiveTargetEvent> Decide(DirectiveTarget? row, Guid[] files, DateTimeOffset now)
    {
        var report = CheckedReport();
        var current = DirectiveTargetRules.Acting(row);
        if (current.ImplementedAt is not null) return [];
        return [.. DirectiveTargetRules.UpTo(current, DirectiveUnitStatus.Read, ActorId, now), new DirectiveImplemented(report, files, ActorId, now)];
    }
}

public static class ReportImplementationHandler
{
    public static async Task<(DirectiveTarget, DirectiveProgressed?)> Handle(ReportImplementation command, IOrganizationQueries organization,
        IDocumentSession session, TimeProvider clock, IFileStore files, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0072): the files and the report are checked after.
        await AcknowledgeDirectiveHandler.DemandMayHandleAsync(organization, command.ActorId, command.UnitId, ct);
        var attached = await ContentFiles.CheckAsync(files, command.ActorId, command.FileIds, [.. ContentFiles.Pdf, .. ContentFiles.Images], "Tệp báo cáo", ct);
        command.CheckedReport();
        var now = clock.GetUtcNow();
        return await DirectiveTargetWrites.ChangeAsync(command.DirectiveId, command.UnitId, row => command.Decide(row, attached, now),
            new SessionSql(session), ct);
    }
}
