using Vape.BuildingBlocks.Storage;
using Marten;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.BuildingBlocks.Files;
using Wolverine;

namespace Vape.Content.Directives;

/// <summary>
/// An official issues a directive from their unit to units below it. The rules are here, pure: <see cref="Check"/>
/// (the texts, the dates, the issuer), <see cref="CheckedLevels"/> and <see cref="Chosen"/> (whom it may go to), and
/// <see cref="Decide"/> (the directive and its deadlines). The handler below only reads what they need.
/// </summary>
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
    IReadOnlyList<Guid>? DocumentFileIds = null)
{
    public const int MaxChosenUnits = 1000;
    public const int MaxLevels = 10;

    /// <summary>The command with its texts trimmed, or INVALID_INPUT (in this order: texts, dates, the issuer's state).</summary>
    public IssueDirective Check(UnitSummary issuer)
    {
        var number = Text(Number, "Số hiệu", 50);
        var title = Text(Title, "Tiêu đề", 300);
        var summary = (Summary ?? "").Trim();
        if (summary.Length > 10_000) throw VapeException.InvalidInput("Trích yếu dài tối đa 10.000 ký tự.");
        if (EffectiveOn < IssuedOn) throw VapeException.InvalidInput("Ngày hiệu lực không được trước ngày ban hành.");
        if (AcknowledgeBy < IssuedOn) throw VapeException.InvalidInput("Hạn xác nhận không được trước ngày ban hành.");
        if (ReportBy is DateOnly reportBy && reportBy < IssuedOn) throw VapeException.InvalidInput("Hạn báo cáo không được trước ngày ban hành.");
        if (issuer.Status != "Active") throw VapeException.InvalidInput("Đơn vị ban hành không còn hoạt động.");
        return this with { Number = number, Title = title, Summary = summary };
    }

    /// <summary>How many levels down a LEVELS directive goes (null for the others), or INVALID_INPUT.</summary>
    public int? CheckedLevels()
    {
        if (TargetKind != DirectiveTargetKind.Levels) return null;
        if (TargetLevels is not int n || n < 1 || n > MaxLevels) throw VapeException.InvalidInput($"Số cấp nhận văn bản phải từ 1 đến {MaxLevels}.");
        return n;
    }

    /// <summary>The chosen units (`targetUnitIds`, distinct, in order), or INVALID_INPUT when none or too many.</summary>
    public IReadOnlyList<Guid> ChosenIds()
    {
        var chosen = (TargetUnitIds ?? []).Distinct().ToList();
        if (chosen.Count == 0) throw VapeException.InvalidInput("Hãy chọn ít nhất một đơn vị nhận.");
        if (chosen.Count > MaxChosenUnits) throw VapeException.InvalidInput($"Chọn tối đa {MaxChosenUnits} đơn vị; hãy gửi theo cây hoặc theo cấp.");
        return chosen;
    }

    /// <summary>
    /// The chosen units with their paths: each must exist, be active and stand strictly below the issuer (checked in the
    /// order chosen). `units` and `paths` are what Organization knows of them.
    /// </summary>
    public static Dictionary<Guid, string> Chosen(IReadOnlyList<Guid> chosen, UnitSummary issuer, string issuerPath,
        IReadOnlyDictionary<Guid, UnitSummary> units, IReadOnlyDictionary<Guid, string> paths)
    {
        var result = new Dictionary<Guid, string>();
        foreach (var id in chosen)
        {
            if (!units.TryGetValue(id, out var unit)) throw VapeException.NotFound("Không tìm thấy đơn vị nhận.");
            if (unit.Status != "Active") throw VapeException.InvalidInput($"“{unit.Name}” không còn hoạt động.");
            var path = paths[id];
            if (id == issuer.Id || !path.StartsWith(issuerPath + ".", StringComparison.Ordinal))
                throw VapeException.InvalidInput($"“{unit.Name}” không thuộc cây của đơn vị ban hành.");
            result[id] = path;
        }
        return result;
    }

    /// <summary>
    /// The directive (a checked command, its targets and documents), or INVALID_INPUT when it reaches no unit; with the
    /// deadline messages: each at the moment its deadline passes, at once (`At` null) for a deadline already past.
    /// </summary>
    public (Directive Directive, IReadOnlyList<(DirectiveDeadlineReached Message, DateTimeOffset? At)> Deadlines) Decide(
        IReadOnlyCollection<Guid> targets, Guid[] documents, Guid id, DateTimeOffset now)
    {
        if (targets.Count == 0) throw VapeException.InvalidInput("Văn bản không đến được đơn vị nào: hãy chọn đối tượng nhận.");
        var directive = new Directive(id, IssuerUnitId, Number, Title, Summary, IssuedOn, EffectiveOn, AcknowledgeBy, ReportBy, TargetKind,
            TargetKind == DirectiveTargetKind.Levels ? TargetLevels : null, targets.Count, ActorId, now, documents);
        var deadlines = Overdue.Deadlines
            .Where(d => d.Of(directive) is not null)
            .Select(d =>
            {
                var at = DirectiveDeadlines.PassedAt(d.Of(directive)!.Value);
                return (new DirectiveDeadlineReached(id, d.Kind), at <= now ? (DateTimeOffset?)null : at);
            })
            .ToList();
        return (directive, deadlines);
    }

    private static string Text(string? value, string what, int max)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) throw VapeException.InvalidInput($"{what} không được để trống.");
        if (text.Length > max) throw VapeException.InvalidInput($"{what} dài tối đa {max} ký tự.");
        return text;
    }
}

/// <summary>Published after a directive is committed: its officials are told (see <see cref="DirectiveNotificationsHandler"/>).</summary>
public sealed record DirectiveIssued(Guid DirectiveId);

/// <summary>The adapter: reads the issuer, its path and the targets from Organization, writes the directive and its rows.</summary>
public static class IssueDirectiveHandler
{
    public static async Task<(Directive, OutgoingMessages)> Handle(IssueDirective command, IOrganizationQueries organization,
        IDocumentSession session, TimeProvider clock, IFileStore files, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var issuer = (await organization.UnitsAsync([command.IssuerUnitId], ct)).SingleOrDefault()
            ?? throw VapeException.NotFound("Không tìm thấy đơn vị ban hành.");
        if (!await organization.MayAsync(command.ActorId, Permission.IssueDirectives, issuer.Id, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ lãnh đạo của đơn vị (hoặc cấp trên) mới ban hành văn bản chỉ đạo từ đơn vị đó.");
        command = command.Check(issuer);

        var documents = await ContentFiles.CheckAsync(files, command.ActorId, command.DocumentFileIds, ContentFiles.Pdf, "Văn bản đính kèm", ct);
        var targets = await TargetsAsync(command, issuer, organization, ct);
        var (directive, deadlines) = command.Decide(targets.Keys, documents, Guid.CreateVersion7(), clock.GetUtcNow());

        var sql = new SessionSql(session);
        await sql.ExecuteAsync("""
            insert into content.directives (id, issuer_unit_id, number, title, summary, issued_on, effective_on, acknowledge_by, report_by,
                                            target_kind, target_levels, target_count, issued_by, issued_at, document_file_ids)
            values (@id, @issuer, @number, @title, @summary, @issued, @effective, @ack, @report, @kind, @levels, @count, @by, @at, @documents)
            """, ct, ("id", directive.Id), ("issuer", issuer.Id), ("number", directive.Number), ("title", directive.Title), ("summary", directive.Summary),
            ("issued", directive.IssuedOn), ("effective", directive.EffectiveOn), ("ack", directive.AcknowledgeBy),
            ("report", Sql.Typed("report", directive.ReportBy, NpgsqlDbType.Date)), ("kind", directive.TargetKind.ToString()),
            ("levels", Sql.Typed("levels", directive.TargetLevels, NpgsqlDbType.Integer)), ("count", directive.TargetCount),
            ("by", directive.IssuedBy), ("at", directive.IssuedAt), ("documents", documents));
        // One set-based insert for every targeted unit, however many.
        await sql.ExecuteAsync("""
            insert into content.directive_targets (directive_id, unit_id, path)
            select @id, u, p::ltree from unnest(@units, @paths) as x(u, p)
            """, ct, ("id", directive.Id), ("units", targets.Keys.ToArray()), ("paths", targets.Values.ToArray()));

        var messages = new OutgoingMessages { new DirectiveIssued(directive.Id) };
        // Durable messages at the moment each deadline passes; at once for a deadline already past (a directive entered late).
        foreach (var (message, at) in deadlines)
        {
            if (at is DateTimeOffset when) messages.Schedule(message, when);
            else messages.Add(message);
        }
        return (directive, messages);
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
                var levels = command.CheckedLevels();
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
        var chosen = command.ChosenIds();
        var units = (await organization.UnitsAsync(chosen, ct)).ToDictionary(u => u.Id);
        var paths = new Dictionary<Guid, string>();
        foreach (var id in chosen)
            if (units.TryGetValue(id, out var unit) && unit.Status == "Active") paths[id] = await UnitPaths.OfAsync(organization, id, ct);
        return IssueDirective.Chosen(chosen, issuer, issuerPath, units, paths);
    }
}
