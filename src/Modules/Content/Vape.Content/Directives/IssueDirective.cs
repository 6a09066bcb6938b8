using Vape.BuildingBlocks.Storage;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.BuildingBlocks.Files;
using Wolverine;

namespace Vape.Content.Directives;

/// <summary>An official issues a directive from their unit to units below it.</summary>
public sealed record IssueDirective(
    Guid IssuerUnitId,
    string Number,
    string Title,
    string Summary,
    DateOnly IssuedOn,
    DateOnly EffectiveOn,
    DateOnly AcknowledgeBy,
    DateOnly? ReportBy,
    DirectiveTargetKind TargetKind,
    int? TargetLevels,
    IReadOnlyList<Guid> TargetUnitIds,
    Guid ActorId,
    IReadOnlyList<Guid>? DocumentFileIds = null);

/// <summary>Published after a directive is committed: its officials are told (see <see cref="DirectiveNotificationsHandler"/>).</summary>
public sealed record DirectiveIssued(Guid DirectiveId);

public static class IssueDirectiveHandler
{
    public const int MaxChosenUnits = 1000;
    public const int MaxLevels = 10;

    public static async Task<(Directive, OutgoingMessages)> Handle(IssueDirective command, IOrganizationQueries organization,
        IDocumentSession session, TimeProvider clock, IFileStore files, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var issuer = (await organization.UnitsAsync([command.IssuerUnitId], ct)).SingleOrDefault()
            ?? throw VapeException.NotFound("Không tìm thấy đơn vị ban hành.");
        if (!await organization.MayAsync(command.ActorId, Permission.IssueDirectives, issuer.Id, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ lãnh đạo của đơn vị (hoặc cấp trên) mới ban hành văn bản chỉ đạo từ đơn vị đó.");
        var number = Text(command.Number, "Số hiệu", 50);
        var title = Text(command.Title, "Tiêu đề", 300);
        var summary = (command.Summary ?? "").Trim();
        if (summary.Length > 10_000) throw VapeException.InvalidInput("Trích yếu dài tối đa 10.000 ký tự.");
        if (command.EffectiveOn < command.IssuedOn) throw VapeException.InvalidInput("Ngày hiệu lực không được trước ngày ban hành.");
        if (command.AcknowledgeBy < command.IssuedOn) throw VapeException.InvalidInput("Hạn xác nhận không được trước ngày ban hành.");
        if (command.ReportBy is DateOnly reportBy && reportBy < command.IssuedOn)
            throw VapeException.InvalidInput("Hạn báo cáo không được trước ngày ban hành.");
        if (issuer.Status != "Active") throw VapeException.InvalidInput("Đơn vị ban hành không còn hoạt động.");

        var documents = await ContentFiles.CheckAsync(files, command.ActorId, command.DocumentFileIds, ContentFiles.Pdf, "Văn bản đính kèm", ct);
        var targets = await TargetsAsync(command, issuer, organization, ct);
        if (targets.Count == 0) throw VapeException.InvalidInput("Văn bản không đến được đơn vị nào: hãy chọn đối tượng nhận.");

        var directive = new Directive(Guid.CreateVersion7(), issuer.Id, number, title, summary, command.IssuedOn, command.EffectiveOn,
            command.AcknowledgeBy, command.ReportBy, command.TargetKind, command.TargetKind == DirectiveTargetKind.Levels ? command.TargetLevels : null,
            targets.Count, command.ActorId, clock.GetUtcNow(), documents);
        var sql = new SessionSql(session);
        await sql.ExecuteAsync("""
            insert into content.directives (id, issuer_unit_id, number, title, summary, issued_on, effective_on, acknowledge_by, report_by,
                                            target_kind, target_levels, target_count, issued_by, issued_at, document_file_ids)
            values (@id, @issuer, @number, @title, @summary, @issued, @effective, @ack, @report, @kind, @levels, @count, @by, @at, @documents)
            """, ct, ("id", directive.Id), ("issuer", issuer.Id), ("number", number), ("title", title), ("summary", summary),
            ("issued", directive.IssuedOn), ("effective", directive.EffectiveOn), ("ack", directive.AcknowledgeBy),
            ("report", Sql.Typed("report", directive.ReportBy, NpgsqlDbType.Date)), ("kind", directive.TargetKind.ToString()),
            ("levels", Sql.Typed("levels", directive.TargetLevels, NpgsqlDbType.Integer)), ("count", targets.Count),
            ("by", command.ActorId), ("at", directive.IssuedAt), ("documents", documents));
        // One set-based insert for every targeted unit, however many.
        await sql.ExecuteAsync("""
            insert into content.directive_targets (directive_id, unit_id, path)
            select @id, u, p::ltree from unnest(@units, @paths) as x(u, p)
            """, ct, ("id", directive.Id), ("units", targets.Keys.ToArray()), ("paths", targets.Values.ToArray()));

        var messages = new OutgoingMessages { new DirectiveIssued(directive.Id) };
        Deadline(messages, directive.Id, DeadlineKind.Acknowledge, directive.AcknowledgeBy, clock);
        if (directive.ReportBy is DateOnly report) Deadline(messages, directive.Id, DeadlineKind.Report, report, clock);
        return (directive, messages);
    }

    /// <summary>A durable message at the moment the deadline passes; at once for a deadline already past (a directive entered late).</summary>
    private static void Deadline(OutgoingMessages messages, Guid directiveId, DeadlineKind kind, DateOnly deadline, TimeProvider clock)
    {
        var at = DirectiveDeadlines.PassedAt(deadline);
        if (at <= clock.GetUtcNow()) messages.Add(new DirectiveDeadlineReached(directiveId, kind));
        else messages.Schedule(new DirectiveDeadlineReached(directiveId, kind), at);
    }

    private static string Text(string? value, string what, int max)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) throw VapeException.InvalidInput($"{what} không được để trống.");
        if (text.Length > max) throw VapeException.InvalidInput($"{what} dài tối đa {max} ký tự.");
        return text;
    }

    /// <summary>
    /// The targeted units with their paths; every one strictly below the issuer and active. SUBTREE and LEVELS go down
    /// from the issuer or, with `targetUnitIds`, from each of those units (“Hà Nội's subtree” from the centre).
    /// </summary>
    private static async Task<Dictionary<Guid, string>> TargetsAsync(IssueDirective command, UnitSummary issuer, IOrganizationQueries organization, CancellationToken ct)
    {
        var issuerPath = await UnitPaths.OfAsync(organization, issuer.Id, ct);
        switch (command.TargetKind)
        {
            case DirectiveTargetKind.Subtree:
            case DirectiveTargetKind.Levels:
                int? levels = null;
                if (command.TargetKind == DirectiveTargetKind.Levels)
                {
                    if (command.TargetLevels is not int n || n < 1 || n > MaxLevels)
                        throw VapeException.InvalidInput($"Số cấp nhận văn bản phải từ 1 đến {MaxLevels}.");
                    levels = n;
                }
                var roots = command.TargetUnitIds is { Count: > 0 }
                    ? await ChosenAsync(command, issuer, issuerPath, organization, ct)
                    : new Dictionary<Guid, string> { [issuer.Id] = issuerPath };
                var paths = new Dictionary<Guid, string>();
                foreach (var (root, rootPath) in roots)
                foreach (var (id, path) in UnitPaths.Of(rootPath, await organization.SubtreeAsync(root, levels, ct)))
                    paths[id] = path;
                paths.Remove(issuer.Id);
                return paths;
            case DirectiveTargetKind.Units:
                return await ChosenAsync(command, issuer, issuerPath, organization, ct);
            default:
                throw VapeException.InvalidInput("Đối tượng nhận không hợp lệ.");
        }
    }

    private static async Task<Dictionary<Guid, string>> ChosenAsync(IssueDirective command, UnitSummary issuer, string issuerPath,
        IOrganizationQueries organization, CancellationToken ct)
    {
        var chosen = (command.TargetUnitIds ?? []).Distinct().ToList();
        if (chosen.Count == 0) throw VapeException.InvalidInput("Hãy chọn ít nhất một đơn vị nhận.");
        if (chosen.Count > MaxChosenUnits) throw VapeException.InvalidInput($"Chọn tối đa {MaxChosenUnits} đơn vị; hãy gửi theo cây hoặc theo cấp.");
        var units = (await organization.UnitsAsync(chosen, ct)).ToDictionary(u => u.Id);
        var result = new Dictionary<Guid, string>();
        foreach (var id in chosen)
        {
            if (!units.TryGetValue(id, out var unit)) throw VapeException.NotFound("Không tìm thấy đơn vị nhận.");
            if (unit.Status != "Active") throw VapeException.InvalidInput($"“{unit.Name}” không còn hoạt động.");
            var path = await UnitPaths.OfAsync(organization, id, ct);
            if (id == issuer.Id || !path.StartsWith(issuerPath + ".", StringComparison.Ordinal))
                throw VapeException.InvalidInput($"“{unit.Name}” không thuộc cây của đơn vị ban hành.");
            result[id] = path;
        }
        return result;
    }
}
