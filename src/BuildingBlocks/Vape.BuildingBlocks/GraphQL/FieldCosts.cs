using GraphQL.Builders;
using GraphQL.Types;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// What a field costs when its resolver does more than read a row (ADR 0162): declared next to the field, kept in the
/// field's metadata and read by the complexity analysis (<see cref="CostBudget.Impact"/>). The points stand for the
/// field itself; inside a list they are multiplied like any field (ten units' `statistics` cost ten times).
/// </summary>
public static class FieldCosts
{
    internal const string Key = "vape.cost";

    /// <summary>This field costs <paramref name="points"/> (a search over the national tree costs <see cref="CostBudget.SearchCost"/>).</summary>
    public static FieldBuilder<TSource, TReturn> Cost<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        field.FieldType.Metadata[Key] = points;
        return field;
    }

    /// <summary>The points declared for a field, or null when it costs what GraphQL.NET counts.</summary>
    public static int? DeclaredCost(this FieldType field) => field.GetMetadata<int?>(Key);
}
