using GraphQL;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>Vape's ids are UUIDs sent as GraphQL `ID`s; anything else is INVALID_INPUT, not an internal error.</summary>
public static class Ids
{
    public static Guid Parse(string? value, string name) =>
        Guid.TryParse(value, out var id) ? id : throw VapeException.InvalidInput($"`{name}` không phải là mã (UUID) hợp lệ.");

    public static Guid GetId(this IResolveFieldContext context, string name) => Parse(context.GetArgument<string>(name), name);

    public static Guid? GetOptionalId(this IResolveFieldContext context, string name) =>
        context.GetArgument<string?>(name) is { } value ? Parse(value, name) : null;
}
