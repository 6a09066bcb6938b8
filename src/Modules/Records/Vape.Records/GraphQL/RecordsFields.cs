using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Records.Contracts;
using Vape.Records.Privacy;
using Vape.Records.Record;
using Vape.Records.Statistics;
using Vape.Records.Titles;
using Wolverine;

namespace Vape.Records.GraphQL;

internal static class RecordsFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<LearningRecordGraphType>>("myRecord")
            .Description("Hồ sơ học tập của chính người đang đăng nhập, đầy đủ chi tiết.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c => await Service<RecordStore>(c).LoadAsync(Actor(c), details: true, c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionGraphType<RecordLookGraphType, RecordLook>>>("myRecordAccessLog")
            .Description("Ai đã xem hồ sơ của tôi, lúc nào, để làm gì (mới nhất trước).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .PageArguments()
            .ResolveAsync(async c => await Service<RecordLooks>(c).LogAsync(Actor(c), Page.From(c), c.CancellationToken));

        query.Field<NonNullGraphType<LearningRecordGraphType>>("record")
            .Description("Cán bộ xem hồ sơ của một hội viên trong cây đơn vị mình phụ trách, với mục đích bắt buộc; lần xem được ghi vào nhật ký của hội viên. " +
                         "Chỉ thấy chi tiết khi hội viên đồng ý (`DETAILS`).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("personId")
            .Argument<NonNullGraphType<SharedEnumGraphType<RecordPurpose>>>("purpose")
            .ResolveAsync(async c => await Service<RecordLooks>(c).LookAsync(Actor(c), c.GetId("personId"), c.GetArgument<RecordPurpose>("purpose"), c.CancellationToken));

        query.Field<NonNullGraphType<RecordStatisticsGraphType>>("recordStatistics")
            .Cost(100) // every entry of the subtree's year (ADR 0162)
            .Description($"Thống kê học tập của cả cây một đơn vị trong một năm: số người, hoạt động, giờ theo lĩnh vực; ô dưới {StatisticsStore.MinPeople} người bị ẩn.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c =>
            {
                var (unit, year) = (c.GetId("unitId"), Year(c));
                await RecordAccess.DemandUnitAsync(Service<Vape.Organization.Contracts.IOrganizationQueries>(c), Actor(c), unit, c.CancellationToken);
                return await Service<StatisticsStore>(c).ComputeAsync(unit, year, c.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<TitleProposalGraphType, TitleProposal>>>("titleProposals")
            .Cost(100) // every member of the subtree evaluated, whatever the page (ADR 0162)
            .Description("Các danh hiệu hệ thống đề xuất cho cây đơn vị trong năm, kèm lý do và trạng thái quyết định. Mục đích bắt buộc: "
                + "mỗi người có số giờ hiện ra (hoặc thuộc nhóm dưới 5 người) thấy lần xem này trong `myRecordAccessLog`.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<SharedEnumGraphType<RecordPurpose>>>("purpose")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var (unit, year, page, actor) = (c.GetId("unitId"), Year(c), Page.From(c), Actor(c));
                await RecordAccess.DemandUnitAsync(Service<Vape.Organization.Contracts.IOrganizationQueries>(c), actor, unit, c.CancellationToken);
                var shown = page.Slice(await Service<TitleEvaluator>(c).ProposalsAsync(unit, year, c.CancellationToken));
                // Only the page the official sees is a look at those people's records.
                await Service<RecordLooks>(c).LookAtProposalsAsync(actor, unit, c.GetArgument<RecordPurpose>("purpose"), shown.Nodes.ToList(), c.CancellationToken);
                return shown;
            });

        query.Field<NonNullGraphType<ConnectionGraphType<EntryToVerifyGraphType, EntryToVerify>>>("entriesToVerify")
            .Cost(20) // the queue over the official's subtrees (ADR 0162)
            .Description("Các mục tự khai đang chờ xác nhận trong cây đơn vị cán bộ phụ trách, cũ nhất trước; `unitId` lọc theo một đơn vị (và các đơn vị dưới nó). "
                + "Mục đích bắt buộc: mỗi người có mục hiện ra trên trang thấy lần xem này trong `myRecordAccessLog`.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<IdGraphType>("unitId", "Chỉ các mục của hội viên thuộc đơn vị này (hoặc dưới nó); bỏ trống: mọi đơn vị bạn phụ trách.")
            .Argument<NonNullGraphType<SharedEnumGraphType<RecordPurpose>>>("purpose")
            .PageArguments()
            .ResolveAsync(async c => await Service<VerificationQueue>(c).PageAsync(Actor(c),
                c.GetOptionalId("unitId"),
                c.GetArgument<RecordPurpose>("purpose"), Page.From(c), c.CancellationToken));

        query.Field<NonNullGraphType<TitleRulesGraphType>>("titleRules")
            .Description("Tiêu chí danh hiệu của một năm (mặc định nếu chưa đặt).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c => await TitleRulesStore.LoadAsync(Service<Npgsql.NpgsqlDataSource>(c), Year(c), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        // The record's hottest write: straight to its writer, without Wolverine (it sends no message; docs/adr/0160).
        Mutation<EntryChangeGraphType, DeclareActivityInput, EntryChange>(mutation, "declareActivity",
            "Tự khai một hoạt động học tập (chờ cán bộ xác nhận). Số giờ từ trên 0 đến 24, tổng một ngày không quá 24 giờ, ngày không ở tương lai.",
            (c, i, actor) => Service<RecordWriter>(c).DeclareAsync(new DeclareActivity(actor, i.Title, i.Domain, i.Date, i.Hours, i.Provider, i.EvidenceUrl,
                OptionalId(i.EvidenceFileId, "evidenceFileId"), i.ExpectedVersion), c.CancellationToken));
        Mutation<EntryChangeGraphType, AddCredentialInput, EntryChange>(mutation, "addCredential",
            "Thêm chứng chỉ, văn bằng (nơi cấp, ngày cấp) vào hồ sơ của mình (chờ cán bộ xác nhận).",
            (i, actor) => new AddCredential(actor, i.Title, i.Issuer, i.Date, i.Domain, i.EvidenceUrl, OptionalId(i.EvidenceFileId, "evidenceFileId"), i.ExpectedVersion));
        Mutation<EntryChangeGraphType, VerifyRecordEntryInput, EntryChange>(mutation, "verifyRecordEntry",
            "Cán bộ của đơn vị (hoặc cấp trên) nơi hội viên sinh hoạt xác nhận một mục tự khai; không tự xác nhận mục của mình, không xác nhận hai lần.",
            (i, actor) => new VerifyEntry(actor, Ids.Parse(i.EntryId, "entryId"), i.ExpectedVersion));
        Mutation<EntryChangeGraphType, RejectRecordEntryInput, EntryChange>(mutation, "rejectRecordEntry",
            "Cán bộ từ chối một mục tự khai, nêu lý do (người học thấy lý do).",
            (i, actor) => new RejectEntry(actor, Ids.Parse(i.EntryId, "entryId"), i.Reason, i.ExpectedVersion));
        Mutation<ConsentChangeGraphType, SetRecordConsentInput, ConsentChange>(mutation, "setRecordConsent",
            "Người học chọn cán bộ được xem chi tiết (`DETAILS`) hay chỉ số tổng (`TOTALS`); có hiệu lực ngay.",
            (i, actor) => new SetRecordConsent(actor, i.Consent, i.ExpectedVersion));
        Mutation<ErasureDoneGraphType, RequestRecordErasureInput, ErasureDone>(mutation, "requestRecordErasure",
            "Chính người học yêu cầu xóa hồ sơ: khóa mã hóa riêng bị hủy, mọi chi tiết không còn đọc được (kể cả trong kho sự kiện và bản sao lưu về sau); thống kê giữ số đếm.",
            (i, actor) => new RequestRecordErasure(actor, Ids.Parse(i.PersonId, "personId")));
        Mutation<TitleRulesGraphType, SetTitleRulesInput, TitleRules>(mutation, "setTitleRules",
            "Cán bộ Trung ương Hội đặt tiêu chí danh hiệu của một năm.",
            (i, actor) => new SetTitleRules(actor, i.Year, i.MinHours, i.MinDomains, i.FamilyShare, i.GroupShare, i.MinGroupMembers));
        Mutation<TitleProposalGraphType, ConfirmTitleInput, TitleProposal>(mutation, "confirmTitle",
            "Công nhận một danh hiệu hệ thống đề xuất; danh hiệu hiện trên hồ sơ của các thành viên.",
            (i, actor) => new ConfirmTitle(actor, Ids.Parse(i.UnitId, "unitId"), i.Year, Ids.Parse(i.ProposalId, "proposalId")));
        Mutation<TitleProposalGraphType, RejectTitleInput, TitleProposal>(mutation, "rejectTitle",
            "Từ chối một danh hiệu hệ thống đề xuất, nêu lý do.",
            (i, actor) => new RejectTitle(actor, Ids.Parse(i.UnitId, "unitId"), i.Year, Ids.Parse(i.ProposalId, "proposalId"), i.Reason));
        Mutation<Jobs.RecordsJobGraphType, Membership.RebuildRecordsCopyInput, Jobs.RecordsJob>(mutation, "rebuildRecordsCopy",
            "Lãnh đạo Trung ương Hội dựng lại bản sao cây đơn vị và hội viên mà thống kê, đề xuất danh hiệu và hàng chờ xác nhận dùng, từ dữ liệu tổ chức hiện nay. " +
            "Trả lời ngay bằng lệnh chạy nền (`recordsJob`); đang có lệnh cùng loại thì `JOB_RUNNING`.",
            (i, actor) => new Membership.RebuildRecordsCopy(actor, i.Confirm));
        Mutation<Jobs.RecordsJobGraphType, Xapi.BackfillOwnStatementsInput, Jobs.RecordsJob>(mutation, "backfillOwnStatements",
            "Lãnh đạo Trung ương Hội ghi bù vào kho xAPI các câu của Vape cho điểm danh, mục đã xác nhận và danh hiệu có từ trước; chạy lại không thêm gì. " +
            "Trả lời ngay bằng lệnh chạy nền (`recordsJob`); đang có lệnh cùng loại thì `JOB_RUNNING`.",
            (i, actor) => new Xapi.BackfillOwnStatements(actor, i.Confirm));
    }

    private static T Service<T>(IResolveFieldContext c) where T : notnull => c.RequestServices!.GetRequiredService<T>();

    private static Guid Actor(IResolveFieldContext c) => c.User.PersonId() ?? throw VapeException.NotAuthenticated();

    private static int Year(IResolveFieldContext c)
    {
        var year = c.GetArgument<int>("year");
        return year is < 1900 or > 2200 ? throw VapeException.InvalidInput("Năm không hợp lệ.") : year;
    }

    private static Guid? OptionalId(string? value, string name) => value is null ? null : Ids.Parse(value, name);

    /// <summary>Every mutation: signed in, one `input` argument, the command sent through Wolverine (transaction, outbox).</summary>
    private static void Mutation<TGraph, TInput, TResult>(ObjectGraphType mutation, string name, string description,
        Func<TInput, Guid, object> command) where TGraph : IGraphType =>
        Mutation<TGraph, TInput, TResult>(mutation, name, description, (c, input, actor) =>
            c.RequestServices!.GetRequiredService<IMessageBus>().InvokeAsync<TResult>(command(input, actor), c.CancellationToken));

    /// <summary>A mutation: signed in, one `input` argument, <paramref name="run"/> given the input and the caller.</summary>
    private static void Mutation<TGraph, TInput, TResult>(ObjectGraphType mutation, string name, string description,
        Func<IResolveFieldContext, TInput, Guid, Task<TResult>> run) where TGraph : IGraphType
    {
        mutation.Field<NonNullGraphType<TGraph>>(name)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<TInput>>>("input")
            .ResolveAsync(async c => await run(c, c.GetArgument<TInput>("input"), Actor(c)));
    }
}

internal sealed record DeclareActivityInput(string Title, LearningDomain Domain, DateOnly Date, decimal Hours, string? Provider, string? EvidenceUrl,
    string? EvidenceFileId, int? ExpectedVersion);
internal sealed record AddCredentialInput(string Title, string Issuer, DateOnly Date, LearningDomain? Domain, string? EvidenceUrl, string? EvidenceFileId,
    int? ExpectedVersion);
internal sealed record VerifyRecordEntryInput(string EntryId, int? ExpectedVersion);
internal sealed record RejectRecordEntryInput(string EntryId, string Reason, int? ExpectedVersion);
internal sealed record SetRecordConsentInput(ConsentLevel Consent, int? ExpectedVersion);
internal sealed record RequestRecordErasureInput(string PersonId);
internal sealed record SetTitleRulesInput(int Year, decimal MinHours, int MinDomains, decimal FamilyShare, decimal GroupShare, int MinGroupMembers);
internal sealed record ConfirmTitleInput(string UnitId, int Year, string ProposalId);
internal sealed record RejectTitleInput(string UnitId, int Year, string ProposalId, string Reason);
