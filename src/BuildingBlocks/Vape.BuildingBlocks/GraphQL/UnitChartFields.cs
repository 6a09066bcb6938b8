using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Vape.BuildingBlocks.Auth;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// A chart of a unit's subtree as at the end of a day: the `unitId` and optional `asOf` (default today) arguments, the
/// caller's right checked on the unit first, then the figures computed.
/// </summary>
public static class UnitChartFields
{
    public static FieldBuilder<object?, TResult> UnitChart<TGraph, TResult>(this ObjectGraphType query, string name, int cost, string description,
        Func<IResolveFieldContext, Guid, Task> demand, Func<IResolveFieldContext, Guid, DateOnly?, Task<TResult>> compute) where TGraph : IGraphType =>
        query.Field<NonNullGraphType<TGraph>, TResult>(name)
            .Cost(cost)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .Argument<CalendarDateGraphType>("asOf")
            .ResolveAsync(async c =>
            {
                var unit = c.GetId("unitId");
                await demand(c, unit);
                return await compute(c, unit, c.GetArgument<DateOnly?>("asOf"));
            });
}
