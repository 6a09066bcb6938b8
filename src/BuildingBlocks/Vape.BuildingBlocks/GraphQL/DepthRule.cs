using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// The depth limit on data fields, checked before anything executes. Introspection (`__schema`, `__type`) is
/// not counted: it reads the schema, never data, and the standard queries of GraphiQL, graphql-js, codegen and
/// Postman go deeper than any data query needs (ADR 0070). A root field is level 1.
/// </summary>
internal sealed class DepthRule(int maxDepth) : ValidationRuleBase
{
    public int MaxDepth { get; } = maxDepth;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is { } operation)
        {
            var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                .GroupBy(f => f.FragmentName.Name.Value).ToDictionary(g => g.Key, g => g.First());
            var depth = Depth(operation.SelectionSet, fragments, [], MaxDepth + 1);
            if (depth > MaxDepth)
                context.ReportError(new ValidationError(context.Document.Source, "DEPTH",
                    $"Truy vấn lồng quá sâu ({depth} cấp; tối đa {MaxDepth}): hãy chia thành nhiều truy vấn nhỏ hơn.", operation));
        }
        return default;
    }

    /// <summary>The deepest field below <paramref name="set"/>, stopping once past <paramref name="limit"/>.</summary>
    private static int Depth(GraphQLSelectionSet? set, Dictionary<ROM, GraphQLFragmentDefinition> fragments, HashSet<ROM> inSpread, int limit)
    {
        if (set is null || limit <= 0) return 0;
        var deepest = 0;
        foreach (var selection in set.Selections)
        {
            var depth = selection switch
            {
                GraphQLField field when field.Name.Value.Span.StartsWith("__") => 0,
                GraphQLField field => 1 + Depth(field.SelectionSet, fragments, inSpread, limit - 1),
                GraphQLInlineFragment inline => Depth(inline.SelectionSet, fragments, inSpread, limit),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.Value, out var fragment) && inSpread.Add(spread.FragmentName.Name.Value)
                    => DepthOfSpread(fragment, spread.FragmentName.Name.Value, fragments, inSpread, limit),
                _ => 0,
            };
            deepest = Math.Max(deepest, depth);
            if (deepest > limit) break;
        }
        return deepest;
    }

    private static int DepthOfSpread(GraphQLFragmentDefinition fragment, ROM name, Dictionary<ROM, GraphQLFragmentDefinition> fragments, HashSet<ROM> inSpread, int limit)
    {
        var depth = Depth(fragment.SelectionSet, fragments, inSpread, limit);
        inSpread.Remove(name);
        return depth;
    }
}
