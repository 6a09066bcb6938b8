using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.People;
using Vape.Organization.Tree;

namespace Vape.Organization.GraphQL;

internal sealed class UnitKindGraphType : EnumerationGraphType<UnitKind>
{
    public UnitKindGraphType()
    {
        Name = "UnitKind";
        Description = "Loại đơn vị trong cây tổ chức.";
    }
}

internal sealed class UnitStatusGraphType : EnumerationGraphType<UnitStatus>
{
    public UnitStatusGraphType() => Name = "UnitStatus";
}

internal sealed class UnitGraphType : ObjectGraphType<Unit>
{
    public UnitGraphType()
    {
        Name = "Unit";
        Description = "Một đơn vị của Hội: trung ương, tỉnh/thành, xã/phường và các đơn vị cơ sở.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(x => x.Code).Description("Mã đơn vị, duy nhất.");
        Field(x => x.Name).Description("Tên tiếng Việt hiện nay.");
        Field<NonNullGraphType<UnitKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<UnitStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(x => x.Depth).Description("0 cho trung ương, 1 cho tỉnh/thành, 2 cho xã/phường, ...");
        Field(x => x.Version).Description("Phiên bản; gửi lại làm `expectedVersion` khi sửa.");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Resolve(c => c.Source.EffectiveFrom);
        Field<CalendarDateGraphType>("effectiveTo").Description("Ngày sáp nhập hoặc giải thể.").Resolve(c => c.Source.EffectiveTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("formedFrom")
            .Description("Các đơn vị hợp thành (lịch sử sáp nhập năm 2025).").Resolve(c => c.Source.FormedFrom);
        Field<UnitGraphType>("parent")
            .Description("Đơn vị cấp trên (nạp theo lô: một truy vấn cho cả danh sách).")
            .Resolve(c => c.Source.ParentId is Guid parentId ? Loaders.Unit(c, parentId) : null);
        Field<UnitGraphType>("successor")
            .Description("Đơn vị tiếp nhận, nếu đơn vị này đã sáp nhập.")
            .Resolve(c => c.Source.SuccessorId is Guid id ? Loaders.Unit(c, id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitGraphType>>>>("ancestors")
            .Description("Các cấp trên, từ trung ương xuống.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TreeStore>().AncestorsAsync(c.Source, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitPeriodGraphType>>>>("ancestorsAsOf")
            .Description("Các cấp trên vào một ngày (mặc định hôm nay), từ trung ương xuống, với tên lúc đó: đơn vị đã chuyển cấp trên thì trước ngày chuyển là cấp trên cũ.")
            .Argument<CalendarDateGraphType>("date")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TreeStore>().AncestorsAsOfAsync(c.Source.Id,
                c.GetArgument<DateOnly?>("date") ?? TreeRules.Today(c.RequestServices!.GetRequiredService<TimeProvider>()), c.CancellationToken));
        Field<NonNullGraphType<ConnectionGraphType<UnitGraphType, Unit>>>("children")
            .Description("Các đơn vị trực thuộc đang hoạt động, theo mã.")
            .Argument<UnitKindGraphType>("kind")
            .PageArguments()
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TreeStore>()
                .ChildrenAsync(c.Source.Id, c.GetArgument<UnitKind?>("kind"), Page.From(c), c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitPeriodGraphType>>>>("history")
            .Description("Lịch sử: tên, cấp trên và trạng thái qua từng giai đoạn (cũ trước).")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TreeStore>().HistoryAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<ConnectionGraphType<UnitPeriodGraphType, UnitPeriod>>>("childrenAsOf")
            .Cost(10) // every child period as of the date, then the page (ADR 0162)
            .Description("Cây đơn vị như vào một ngày: các đơn vị trực thuộc lúc đó, với tên lúc đó.")
            .Argument<NonNullGraphType<CalendarDateGraphType>>("date")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                return page.Slice(await c.RequestServices!.GetRequiredService<TreeStore>()
                    .ChildrenAsOfAsync(c.Source.Id, c.GetArgument<DateOnly>("date"), c.CancellationToken));
            });
        Field<UnitStatisticsGraphType>("statistics")
            .Cost(50) // counts over the whole subtree (ADR 0162)
            .Description("Số liệu cả cây đơn vị này vào một ngày (mặc định hôm nay): số hội viên, số đơn vị theo loại. Null nếu đơn vị chưa tồn tại vào ngày đó.")
            .Argument<CalendarDateGraphType>("asOf")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TreeStatistics>().ForAsync(c.Source.Id,
                c.GetArgument<DateOnly?>("asOf") ?? TreeRules.Today(c.RequestServices!.GetRequiredService<TimeProvider>()), c.CancellationToken));
        Field<ConnectionGraphType<RoleGraphType, Role>>("officials")
            .Description("Cán bộ của đơn vị: các chức vụ đang giữ hoặc sắp bắt đầu (`includeEnded`: cả các nhiệm kỳ đã kết thúc), theo thứ tự được giao; mỗi chức vụ có `id` để kết thúc (`endRole`). Như `members`: chỉ cán bộ của đơn vị hoặc cấp trên; người khác: null và lỗi NOT_ALLOWED cho riêng trường này.")
            .Argument<BooleanGraphType>("includeEnded", a => a.DefaultValue = false)
            .PageArguments()
            .Resolve(OfficialsLoader.Load);
        Field<ConnectionGraphType<PersonGraphType, Person>>("members")
            .Description("Hội viên sinh hoạt tại đơn vị này (chỉ cán bộ của đơn vị hoặc cấp trên; người khác: null và lỗi NOT_ALLOWED cho riêng trường này).")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                await Access.DemandAsync(c, Contracts.Permission.ViewMembers, c.Source.Id);
                return await c.RequestServices!.GetRequiredService<PeopleStore>().MembersAsync(c.Source.Id, Page.From(c), c.CancellationToken);
            });
    }
}

internal sealed class UnitPeriodGraphType : ObjectGraphType<UnitPeriod>
{
    public UnitPeriodGraphType()
    {
        Name = "UnitPeriod";
        Description = "Một giai đoạn của đơn vị, từ `from` đến trước `to`.";
        Field<NonNullGraphType<CalendarDateGraphType>>("from").Resolve(c => c.Source.From);
        Field<CalendarDateGraphType>("to").Resolve(c => c.Source.To);
        Field(x => x.Name);
        Field<NonNullGraphType<UnitKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<UnitStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<UnitGraphType>("parent").Resolve(c => c.Source.ParentId is Guid id ? Loaders.Unit(c, id) : null);
        Field<NonNullGraphType<UnitGraphType>>("unit").Description("Đơn vị này hôm nay.").Resolve(c => Loaders.Unit(c, c.Source.UnitId));
    }
}

internal sealed class KindCountGraphType : ObjectGraphType<KindCount>
{
    public KindCountGraphType()
    {
        Name = "KindCount";
        Field<NonNullGraphType<UnitKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(x => x.Count);
    }
}

internal sealed class UnitStatisticsGraphType : ObjectGraphType<UnitStatistics>
{
    public UnitStatisticsGraphType()
    {
        Name = "UnitStatistics";
        Description = "Số liệu cộng dồn của cả cây đơn vị.";
        Field<NonNullGraphType<CalendarDateGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field(x => x.Members).Description("Hội viên có nơi sinh hoạt trong cây.");
        Field(x => x.Units).Description("Số đơn vị cấp dưới (không tính chính nó).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("unitsByKind").Resolve(c => c.Source.UnitsByKind);
    }
}

internal static class Loaders
{
    public static global::GraphQL.DataLoader.IDataLoaderResult<Person?> Person(IResolveFieldContext context, Guid id) =>
        context.RequestServices!.GetRequiredService<BatchLoaders>()
            .Get<Guid, Person>("people", (ids, ct) => context.RequestServices!.GetRequiredService<PeopleStore>().LoadManyAsync(ids, ct))
            .Load(id);

    public static global::GraphQL.DataLoader.IDataLoaderResult<Unit?> Unit(IResolveFieldContext context, Guid id) =>
        context.RequestServices!.GetRequiredService<BatchLoaders>()
            .Get<Guid, Unit>("units", (services, ids, ct) => services.GetRequiredService<TreeStore>().LoadManyAsync(ids, ct))
            .Load(id);
}

/// <summary>The one `Unit` type for the other modules' unit fields (ADR 0070): the same loader as `parent`.</summary>
internal sealed class UnitGraphLoader : IUnitGraphLoader
{
    public global::GraphQL.DataLoader.IDataLoaderResult<object?> Load(IResolveFieldContext context, Guid unitId) =>
        new LoadedUnit(Loaders.Unit(context, unitId));

    private sealed class LoadedUnit(global::GraphQL.DataLoader.IDataLoaderResult<Unit?> inner) : global::GraphQL.DataLoader.IDataLoaderResult<object?>
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => await inner.GetResultAsync(cancellationToken);
    }
}
