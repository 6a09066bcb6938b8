using GraphQL;
using GraphQL.Types;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Funds.Programmes;
using Vape.Organization.Contracts;

namespace Vape.Funds.GraphQL;

internal sealed class CeremonyLineGraphType : ObjectGraphType<CeremonyLine>
{
    public CeremonyLineGraphType()
    {
        Name = "CeremonyLine";
        Description = "Một dòng của danh sách ký nhận: người nhận, số tiền (bằng số và bằng chữ), đã nhận hay chưa.";
        Field(x => x.Line);
        Field<NonNullGraphType<IdGraphType>>("awardId").Resolve(c => c.Source.AwardId);
        Field(x => x.RecipientName).Description("Họ tên người nhận như trong quyết định trao.");
        Field<NonNullGraphType<LongGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field(x => x.AmountInWords).Description("Số tiền bằng chữ (\"Năm triệu đồng\").");
        Field<NonNullGraphType<BooleanGraphType>>("received").Description("Đã chi theo danh sách này.").Resolve(c => c.Source.EntryId is not null);
        Field<IdGraphType>("entryId").Resolve(c => c.Source.EntryId);
    }
}

internal sealed class CeremonyListGraphType : ObjectGraphType<CeremonyList>
{
    public CeremonyListGraphType()
    {
        Name = "CeremonyList";
        Description = "Danh sách ký nhận của một lễ trao tiền mặt, đánh số theo quỹ và năm, kèm mã SHA-256 của nội dung (chỉ cán bộ quản lý quỹ).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("fundId").Resolve(c => c.Source.FundId);
        Field<NonNullGraphType<IdGraphType>>("programmeId").Resolve(c => c.Source.ProgrammeId);
        Field<NonNullGraphType<StringGraphType>>("number").Description("Số danh sách: số thứ tự trong năm của quỹ / năm.").Resolve(c => c.Source.ListNo);
        Field<NonNullGraphType<CalendarDateGraphType>>("ceremonyOn").Resolve(c => c.Source.CeremonyOn);
        Field(x => x.Place);
        Field(x => x.Content).Description("Nội dung chuẩn (JSON) mà mã băm được tính trên đó.");
        Field(x => x.Hash).Description("SHA-256 (hex) của `content`; ghi trong mỗi bút toán chi theo danh sách.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CeremonyLineGraphType>>>>("lines").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<StringGraphType>>("html")
            .Description("Danh sách in được (HTML, có cột ký nhận).")
            .ResolveAsync(async c =>
            {
                var fund = (await c.Service<FundStore>().FindAsync(c.Source.FundId, c.CancellationToken))!;
                var programme = (await c.Service<ProgrammeStore>().FindAsync(c.Source.ProgrammeId, c.CancellationToken))!;
                var unit = (await c.Service<IOrganizationQueries>().UnitsAsync([fund.UnitId], c.CancellationToken)).SingleOrDefault();
                return CeremonyListPage.Html(c.Source, fund, programme, unit?.Name ?? "");
            });
    }
}

internal sealed record PrepareCeremonyListInput(string ProgrammeId, string FundId, DateOnly CeremonyOn, string Place);

internal static class CeremonyFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<CeremonyListGraphType>("ceremonyList")
            .Description("Một danh sách ký nhận (chỉ cán bộ quản lý quỹ chi).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var actor = FundsAccess.Actor(c);
                var list = await c.Service<CeremonyListStore>().FindAsync(c.GetId("id"), c.CancellationToken)
                    ?? throw VapeException.NotFound("Không tìm thấy danh sách ký nhận.");
                await FundRules.DemandManageAsync(c.Service<IOrganizationQueries>(), actor, list.UnitId, c.CancellationToken);
                return list;
            });

    public static void AddMutations(ObjectGraphType mutation) =>
        FundsAccess.Mutation<CeremonyListGraphType, PrepareCeremonyListInput, CeremonyList>(mutation, "prepareCeremonyList",
            "Lập danh sách ký nhận cho lễ trao tiền mặt: các học bổng, giải thưởng chưa chi của chương trình từ quỹ này, đánh số theo quỹ và năm, kèm mã SHA-256.",
            (i, actor) => new PrepareCeremonyList(actor, Ids.Parse(i.ProgrammeId, "programmeId"), Ids.Parse(i.FundId, "fundId"), i.CeremonyOn, i.Place));
}
