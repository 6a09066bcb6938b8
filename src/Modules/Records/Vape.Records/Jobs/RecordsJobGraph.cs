using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;

namespace Vape.Records.Jobs;

/// <summary>The state of the centre's long commands (docs/adr/0279), for those who may start them.</summary>
internal static class RecordsJobGraph
{
    private const string Refusal = "Chỉ lãnh đạo Trung ương Hội mới được xem các lệnh dài của hồ sơ học tập.";

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<RecordsJobGraphType>("recordsJob")
            .Description("Một lệnh dài của Trung ương Hội (dựng lại bản sao, ghi bù câu xAPI): trạng thái, đã làm bao nhiêu trên tổng số, ai chạy, lúc nào; trống khi không có lệnh này.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                await Demand(c);
                return await Service<RecordsJobs>(c).LoadAsync(c.GetId("id"), c.CancellationToken);
            });

        query.Field<RecordsJobGraphType>("latestRecordsJob")
            .Description("Lệnh gần nhất của một loại (đang chạy nếu có); trống khi chưa chạy lần nào.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<SharedEnumGraphType<RecordsJobKind>>>("kind")
            .ResolveAsync(async c =>
            {
                await Demand(c);
                return await Service<RecordsJobs>(c).LatestAsync(c.GetArgument<RecordsJobKind>("kind"), c.CancellationToken);
            });
    }

    private static Task Demand(IResolveFieldContext c) =>
        CentreAdmin.DemandAsync(Service<IOrganizationQueries>(c), c.User.PersonId() ?? throw VapeException.NotAuthenticated(), Refusal, c.CancellationToken);

    private static T Service<T>(IResolveFieldContext c) where T : notnull => c.RequestServices!.GetRequiredService<T>();
}

internal sealed class RecordsJobGraphType : ObjectGraphType<RecordsJob>
{
    public RecordsJobGraphType()
    {
        Name = "RecordsJob";
        Description = "Một lệnh dài của Trung ương Hội, chạy nền trên bất kỳ máy chủ nào; máy chủ dừng giữa chừng thì máy khác làm tiếp.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<SharedEnumGraphType<RecordsJobKind>>>("kind").Description("Loại lệnh.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<SharedEnumGraphType<RecordsJobStatus>>>("status").Description("Trạng thái.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("done").Description("Đã làm: số dòng đã chép (đơn vị và lượt sinh hoạt) hoặc số sự kiện đã xét.")
            .Resolve(c => (int)c.Source.Done);
        Field<IntGraphType>("total").Description("Tổng cần làm (trống khi chưa đếm xong).").Resolve(c => (int?)c.Source.Total);
        Field<IntGraphType>("added").Description("Số câu mới ghi vào kho xAPI (chỉ với lệnh ghi bù; chạy lại: 0).")
            .Resolve(c => c.Source.Kind == RecordsJobKind.BackfillOwnStatements ? (int)c.Source.Added : null);
        Field<NonNullGraphType<IdGraphType>>("startedBy").Description("Người đã chạy lệnh.").Resolve(c => c.Source.StartedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt").Description("Lúc chạy lệnh.").Resolve(c => c.Source.StartedAt);
        Field<DateTimeOffsetGraphType>("finishedAt").Description("Lúc xong hoặc lỗi.").Resolve(c => c.Source.FinishedAt);
        Field<StringGraphType>("errorCode").Description("Mã lỗi khi lệnh lỗi (xem bảng mã lỗi); chạy lại lệnh để thử lại.").Resolve(c => c.Source.ErrorCode);
    }
}
