using GraphQL.Types;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.Directives;
using Vape.Organization.Contracts;

namespace Vape.Content.GraphQL;

internal sealed class DirectiveCompletionGraphType : ObjectGraphType<DirectiveCompletion>
{
    public DirectiveCompletionGraphType()
    {
        Name = "DirectiveCompletion";
        Description = "Tình hình thực hiện các văn bản do đơn vị (hoặc cấp dưới của nó) ban hành, tính đến hết một ngày: số đơn vị nhận theo cấp.";
        this.UnitField("unit", s => s.UnitId);
        Field<NonNullGraphType<CalendarDateGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field(x => x.Directives).Description("Số văn bản ban hành đến ngày đó.");
        Field<NonNullGraphType<DirectiveCountsGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DirectiveLevelGraphType>>>>("levels")
            .Description("Theo cấp của đơn vị nhận: 1 là cấp ngay dưới đơn vị này.").Resolve(c => c.Source.Levels);
    }
}

internal static class DirectiveCompletionFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.UnitChart<DirectiveCompletionGraphType, DirectiveCompletion>("directiveCompletion", 50, // every target of every directive issued in the subtree (ADR 0162)
            "Biểu đồ văn bản chỉ đạo: các văn bản do đơn vị hoặc cấp dưới ban hành đến `asOf` (mặc định hôm nay), số đơn vị đã nhận, đã đọc, "
                + "đã thực hiện, quá hạn theo từng cấp, như vào cuối ngày đó. Cán bộ của đơn vị hoặc cấp trên.",
            (c, unit) => ContentAccess.DemandAsync(c, Permission.HandleDirectives, unit, "Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem biểu đồ văn bản của đơn vị đó."),
            (c, unit, asOf) => c.Service<DirectiveCompletionStore>().ComputeAsync(unit, asOf, c.CancellationToken));
}
