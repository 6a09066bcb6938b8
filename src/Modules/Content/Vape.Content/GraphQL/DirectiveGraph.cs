using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.Directives;
using Vape.Organization.Contracts;
using Directive = Vape.Content.Directives.Directive;

namespace Vape.Content.GraphQL;

internal sealed class DirectiveTargetKindGraphType : EnumerationGraphType<DirectiveTargetKind>
{
    public DirectiveTargetKindGraphType()
    {
        Name = "DirectiveTargetKind";
        Description = "SUBTREE: mọi đơn vị cấp dưới (có `targetUnitIds`: các đơn vị đó và cả cây dưới chúng); LEVELS: xuống đến `targetLevels` cấp (từ đơn vị ban hành hoặc từ `targetUnitIds`); UNITS: các đơn vị được chọn.";
    }
}

internal sealed class DirectiveUnitStatusGraphType : EnumerationGraphType<DirectiveUnitStatus>
{
    public DirectiveUnitStatusGraphType()
    {
        Name = "DirectiveUnitStatus";
        Description = "Tình trạng của một đơn vị nhận: chưa nhận, đã nhận, đã đọc, đã thực hiện.";
    }
}

internal sealed class DirectiveUnitFilterGraphType : EnumerationGraphType<DirectiveUnitFilter>
{
    public DirectiveUnitFilterGraphType()
    {
        Name = "DirectiveUnitFilter";
        Description = "Lọc đơn vị nhận theo tình trạng (NOT_READ: chưa đọc, OVERDUE: quá hạn, ...).";
    }
}

internal sealed class AcknowledgementStepGraphType : EnumerationGraphType<AcknowledgementStep>
{
    public AcknowledgementStepGraphType() => Name = "AcknowledgementStep";
}

internal sealed class DirectiveGraphType : ObjectGraphType<Directive>
{
    public DirectiveGraphType()
    {
        Name = "Directive";
        Description = "Văn bản chỉ đạo gửi xuống các đơn vị cấp dưới.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(x => x.Number).Description("Số hiệu, duy nhất trong đơn vị ban hành.");
        Field(x => x.Title);
        Field(x => x.Summary).Description("Trích yếu.");
        Field<NonNullGraphType<CalendarDateGraphType>>("issuedOn").Resolve(c => c.Source.IssuedOn);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn").Resolve(c => c.Source.EffectiveOn);
        Field<NonNullGraphType<CalendarDateGraphType>>("acknowledgeBy").Description("Hạn xác nhận đã đọc.").Resolve(c => c.Source.AcknowledgeBy);
        Field<CalendarDateGraphType>("reportBy").Description("Hạn báo cáo thực hiện, nếu có.").Resolve(c => c.Source.ReportBy);
        Field<NonNullGraphType<DirectiveTargetKindGraphType>>("targetKind").Resolve(c => c.Source.TargetKind);
        Field(x => x.TargetLevels, nullable: true);
        Field(x => x.TargetCount).Description("Số đơn vị nhận lúc ban hành.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(c => c.Source.IssuedAt);
        this.UnitField("issuer", s => s.IssuerUnitId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContentFileGraphType>>>>("documents").Description("Văn bản đính kèm (PDF).")
            .ResolveAsync(async c => await ContentAccess.FilesAsync(c, c.Source.DocumentFileIds, f => $"/content/directives/{c.Source.Id}/files/{f}"));
        Field<DirectiveRollupGraphType>("rollup")
            .Cost(50) // every target under the root, by level and branch (ADR 0162)
            .Description("Tổng hợp tình hình dưới đơn vị ban hành (hoặc dưới `unitId`, một đơn vị trung gian): theo cấp và theo từng nhánh.")
            .Argument<IdGraphType>("unitId")
            .ResolveAsync(async c =>
            {
                var root = await RootAsync(c);
                return await c.Service<DirectiveStore>().RollupAsync(c.Source, root, c.CancellationToken);
            });
        Field<ConnectionGraphType<DirectiveUnitGraphType, DirectiveTarget>>("units")
            .Cost(10) // the targets under the root in tree order (ADR 0162)
            .Description("Các đơn vị nhận dưới đơn vị ban hành (hoặc dưới `unitId`) theo tình trạng, theo thứ tự cây: xem đơn vị nào chưa nhận, chưa đọc, quá hạn.")
            .Argument<DirectiveUnitFilterGraphType>("status")
            .Argument<IdGraphType>("unitId")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var root = await RootAsync(c);
                return await c.Service<DirectiveStore>().UnitsAsync(c.Source, root, c.GetArgument<DirectiveUnitFilter?>("status") ?? DirectiveUnitFilter.All,
                    Page.From(c), c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DirectiveGuidanceGraphType>>>>("guidance")
            .Description("Hướng dẫn thực hiện của các đơn vị trung gian. Với `unitId`: hướng dẫn mà đơn vị đó thấy (của các cấp trên nó, từ trên xuống).")
            .Argument<IdGraphType>("unitId")
            .ResolveAsync(async c => await c.Service<DirectiveStore>().GuidanceAsync(c.Source.Id, c.GetOptionalId("unitId"), c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DirectiveUnitGraphType>>>>("myUnits")
            .Description("Tình trạng của các đơn vị mà bạn giữ chức vụ, nếu văn bản gửi đến chúng.")
            .ResolveAsync(async c =>
            {
                var managed = await c.Service<IOrganizationQueries>().ManagedUnitsAsync(ContentAccess.Actor(c), c.CancellationToken);
                return await c.Service<DirectiveStore>().ActiveTargetsAsync(c.Source.Id, managed, c.CancellationToken);
            });
    }

    /// <summary>The roll-up's root: the issuer, or an intermediate unit; its officials (or those above) only.</summary>
    private static async Task<Guid> RootAsync(IResolveFieldContext<Directive> c)
    {
        var root = c.GetOptionalId("unitId") ?? c.Source.IssuerUnitId;
        await ContentAccess.DemandAsync(c, Permission.HandleDirectives, root, "Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem tổng hợp dưới đơn vị đó.");
        return root;
    }
}

internal sealed class DirectiveUnitGraphType : ObjectGraphType<DirectiveTarget>
{
    public DirectiveUnitGraphType()
    {
        Name = "DirectiveUnit";
        Description = "Một đơn vị nhận văn bản và tình trạng của nó.";
        Field<NonNullGraphType<DirectiveGraphType>>("directive").Resolve(c => c.Service<BatchLoaders>()
            .Get<Guid, Directive>("content.directives", (services, ids, ct) => services.GetRequiredService<DirectiveStore>().LoadManyAsync(ids, ct)).Load(c.Source.DirectiveId));
        this.UnitField("unit", s => s.UnitId);
        Field<NonNullGraphType<DirectiveUnitStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Quá hạn xác nhận hoặc hạn báo cáo.")
            .ResolveAsync(async c =>
            {
                var directive = await c.Service<BatchLoaders>()
                    .Get<Guid, Directive>("content.directives", (services, ids, ct) => services.GetRequiredService<DirectiveStore>().LoadManyAsync(ids, ct)).Load(c.Source.DirectiveId)
                    .GetResultAsync(c.CancellationToken);
                return directive is not null && directive.IsOverdue(c.Source.Status, DirectiveDeadlines.Today(c.Service<TimeProvider>()));
            });
        Field<DateTimeOffsetGraphType>("receivedAt").Resolve(c => c.Source.ReceivedAt);
        Field<DateTimeOffsetGraphType>("readAt").Resolve(c => c.Source.ReadAt);
        Field<DateTimeOffsetGraphType>("implementedAt").Resolve(c => c.Source.ImplementedAt);
        Field(x => x.Report, nullable: true).Description("Báo cáo ngắn về việc thực hiện.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContentFileGraphType>>>>("reportFiles").Description("Tệp kèm báo cáo.")
            .ResolveAsync(async c => await ContentAccess.FilesAsync(c, c.Source.ReportFileIds, f => $"/content/directives/{c.Source.DirectiveId}/files/{f}"));
        Field<DirectiveEscalationGraphType>("escalation")
            .Description("Lần gần nhất đơn vị quá hạn được báo lên cấp trên trực tiếp (máy chủ ghi lại khi hết hạn); null nếu chưa.")
            .Resolve(c => c.Service<BatchLoaders>()
                .Get<(Guid, Guid), DirectiveEscalation>("content.directive_escalations",
                    (services, keys, ct) => services.GetRequiredService<DirectiveStore>().EscalationsAsync(keys, ct))
                .Load((c.Source.DirectiveId, c.Source.UnitId)));
        Field(x => x.Version).Description("Tăng mỗi lần đơn vị cập nhật; đi kèm thông báo `directiveProgressed`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("mergedFrom")
            .Description("Các đơn vị đã sáp nhập vào đơn vị này mà văn bản cũng gửi đến.").Resolve(c => c.Source.MergedFrom);
    }
}

internal sealed class DirectiveEscalationGraphType : ObjectGraphType<DirectiveEscalation>
{
    public DirectiveEscalationGraphType()
    {
        Name = "DirectiveEscalation";
        Description = "Đơn vị quá hạn đã được báo lên cấp trên trực tiếp: khi nào, lên đơn vị nào, vì hạn nào.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("escalatedAt").Resolve(c => c.Source.At);
        this.UnitField("escalatedTo", s => s.ParentId).Description("Cấp trên trực tiếp mà cán bộ của nó đã được báo.");
        Field<NonNullGraphType<StringGraphType>>("deadline").Description("ACKNOWLEDGE: hạn xác nhận; REPORT: hạn báo cáo.")
            .Resolve(c => c.Source.Deadline.ToString().ToUpperInvariant());
    }
}

internal sealed class DirectiveCountsGraphType : ObjectGraphType<RollupCounts>
{
    public DirectiveCountsGraphType()
    {
        Name = "DirectiveCounts";
        Field(x => x.Units).Description("Số đơn vị nhận.");
        Field(x => x.Received).Description("Đã nhận (kể cả đã đọc, đã thực hiện).");
        Field(x => x.Read).Description("Đã đọc (kể cả đã thực hiện).");
        Field(x => x.Implemented);
        Field(x => x.Overdue);
    }
}

internal sealed class DirectiveLevelGraphType : ObjectGraphType<RollupLevel>
{
    public DirectiveLevelGraphType()
    {
        Name = "DirectiveLevelRollup";
        Field(x => x.Level).Description("1: cấp ngay dưới gốc tổng hợp, 2: cấp dưới nữa, ...");
        Field<NonNullGraphType<DirectiveCountsGraphType>>("counts").Resolve(c => c.Source.Counts);
    }
}

internal sealed class DirectiveSubtreeGraphType : ObjectGraphType<RollupSubtree>
{
    public DirectiveSubtreeGraphType()
    {
        Name = "DirectiveSubtreeRollup";
        this.UnitField("unit", s => s.UnitId).Description("Đơn vị trực thuộc gốc tổng hợp; số liệu là của cả nhánh.");
        Field<NonNullGraphType<DirectiveCountsGraphType>>("counts").Resolve(c => c.Source.Counts);
    }
}

internal sealed class DirectiveRollupGraphType : ObjectGraphType<Rollup>
{
    public DirectiveRollupGraphType()
    {
        Name = "DirectiveRollup";
        this.UnitField("unit", s => s.RootUnitId).Description("Gốc tổng hợp.");
        Field<NonNullGraphType<DirectiveCountsGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DirectiveLevelGraphType>>>>("levels").Resolve(c => c.Source.Levels);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DirectiveSubtreeGraphType>>>>("subtrees").Resolve(c => c.Source.Subtrees);
    }
}

internal sealed class DirectiveGuidanceGraphType : ObjectGraphType<Guidance>
{
    public DirectiveGuidanceGraphType()
    {
        Name = "DirectiveGuidance";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        this.UnitField("unit", s => s.UnitId);
        Field(x => x.Text);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
    }
}

internal static class DirectiveFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<DirectiveGraphType>("directive")
            .Description("Một văn bản chỉ đạo (cán bộ đơn vị ban hành, đơn vị nhận hoặc đơn vị trung gian); null nếu không có.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var store = c.Service<DirectiveStore>();
                var directive = await store.LoadAsync(c.GetId("id"), c.CancellationToken);
                if (directive is null) return null;
                if (!await store.CanSeeAsync(ContentAccess.Actor(c), directive, c.CancellationToken, (permission, unit) => ContentAccess.MayAsync(c, permission, unit)))
                    throw VapeException.NotAllowed("Văn bản này không gửi đến đơn vị nào bạn phụ trách.");
                return directive;
            });

        query.Field<NonNullGraphType<ConnectionGraphType<DirectiveUnitGraphType, DirectiveTarget>>>("directives")
            .Description("Văn bản chỉ đạo gửi đến một đơn vị (mới nhất trước), lọc theo tình trạng của đơn vị đó. Cán bộ của đơn vị hoặc cấp trên.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .Argument<DirectiveUnitFilterGraphType>("status")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var unit = c.GetId("unitId");
                await ContentAccess.DemandAsync(c, Permission.HandleDirectives, unit, "Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem văn bản gửi đến đơn vị đó.");
                return Targets(await c.Service<DirectiveStore>().ForUnitsAsync([unit], c.GetArgument<DirectiveUnitFilter?>("status") ?? DirectiveUnitFilter.All,
                    Page.From(c), c.CancellationToken));
            });

        query.Field<NonNullGraphType<ConnectionGraphType<DirectiveGraphType, Directive>>>("issuedDirectives")
            .Description("Văn bản chỉ đạo một đơn vị đã ban hành (mới nhất trước). Cán bộ của đơn vị hoặc cấp trên.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var unit = c.GetId("unitId");
                await ContentAccess.DemandAsync(c, Permission.HandleDirectives, unit, "Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem văn bản đơn vị đó ban hành.");
                return await c.Service<DirectiveStore>().IssuedByAsync(unit, Page.From(c), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<DirectiveUnitGraphType, DirectiveTarget>>>("myDirectives")
            .Description("Văn bản gửi đến các đơn vị mà bạn giữ chức vụ (mới nhất trước); `unread: true`: chỉ những văn bản đơn vị chưa đọc.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<BooleanGraphType>("unread")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var managed = await c.Service<IOrganizationQueries>().ManagedUnitsAsync(ContentAccess.Actor(c), c.CancellationToken);
                var filter = c.GetArgument<bool?>("unread") == true ? DirectiveUnitFilter.NotRead : DirectiveUnitFilter.All;
                return Targets(await c.Service<DirectiveStore>().ForUnitsAsync(managed, filter, Page.From(c), c.CancellationToken));
            });
    }

    private static Connection<DirectiveTarget> Targets(Connection<DirectiveForUnit> page) =>
        new(page.Edges.Select(e => new Edge<DirectiveTarget>(e.Cursor, e.Node.Target)).ToList(), page.PageInfo);

    public static void AddMutations(ObjectGraphType mutation)
    {
        ContentAccess.Mutation<DirectiveGraphType, IssueDirectiveInput, Directive>(mutation, "issueDirective",
            "Ban hành văn bản chỉ đạo từ một đơn vị bạn lãnh đạo xuống các đơn vị cấp dưới (cả cây, xuống đến một cấp, hoặc các đơn vị chọn).",
            (i, actor) => new IssueDirective(Ids.Parse(i.IssuerUnitId, "issuerUnitId"), i.Number, i.Title, i.Summary ?? "", i.IssuedOn, i.EffectiveOn ?? i.IssuedOn,
                i.AcknowledgeBy, i.ReportBy, i.TargetKind, i.TargetLevels, (i.TargetUnitIds ?? []).Select(id => Ids.Parse(id, "targetUnitIds")).ToList(), actor,
                (i.DocumentFileIds ?? []).Select(id => Ids.Parse(id, "documentFileIds")).ToList()))
            .Cost(100); // a row for every unit it reaches (ADR 0162)
        ContentAccess.Mutation<DirectiveUnitGraphType, AcknowledgeDirectiveInput, DirectiveTarget>(mutation, "acknowledgeDirective",
            "Cán bộ đơn vị nhận xác nhận đã nhận (RECEIVED) hoặc đã đọc (READ) văn bản. Xác nhận lại không thay đổi gì.",
            (i, actor) => new AcknowledgeDirective(Ids.Parse(i.DirectiveId, "directiveId"), Ids.Parse(i.UnitId, "unitId"), i.Step, actor));
        ContentAccess.Mutation<DirectiveUnitGraphType, ReportDirectiveInput, DirectiveTarget>(mutation, "reportDirective",
            "Cán bộ đơn vị nhận báo cáo đã thực hiện văn bản (báo cáo ngắn). Báo cáo lại không thay đổi gì.",
            (i, actor) => new ReportImplementation(Ids.Parse(i.DirectiveId, "directiveId"), Ids.Parse(i.UnitId, "unitId"), i.Report, actor,
                (i.FileIds ?? []).Select(id => Ids.Parse(id, "fileIds")).ToList()));
        ContentAccess.Mutation<DirectiveGuidanceGraphType, AttachDirectiveGuidanceInput, Guidance>(mutation, "attachDirectiveGuidance",
            "Đơn vị trung gian gửi kèm hướng dẫn thực hiện cho các đơn vị cấp dưới của mình.",
            (i, actor) => new AttachGuidance(Ids.Parse(i.DirectiveId, "directiveId"), Ids.Parse(i.UnitId, "unitId"), i.Text, actor));
    }
}

internal sealed record IssueDirectiveInput(string IssuerUnitId, string Number, string Title, string? Summary, DateOnly IssuedOn, DateOnly? EffectiveOn,
    DateOnly AcknowledgeBy, DateOnly? ReportBy, DirectiveTargetKind TargetKind, int? TargetLevels, string[]? TargetUnitIds, string[]? DocumentFileIds);
internal sealed record AcknowledgeDirectiveInput(string DirectiveId, string UnitId, AcknowledgementStep Step);
internal sealed record ReportDirectiveInput(string DirectiveId, string UnitId, string Report, string[]? FileIds);
internal sealed record AttachDirectiveGuidanceInput(string DirectiveId, string UnitId, string Text);
