using System.Reflection;
using GraphQL;
using GraphQL.Types;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// A GraphQL input type built from a record's properties, the one every module uses (it replaced six copies:
/// AutoInput, RecordInput, ContentInput, ClassesInput, CoordinationInput, FundsInput). The record's module is the
/// assembly it is declared in. Each property becomes a field named in camelCase, non-null unless the property is
/// nullable, typed by the first rule that fits:
/// <list type="number">
/// <item>an array of a record of the module: a list of that record's input type;</item>
/// <item>a name ending in `Ids`, or a string array marked <see cref="IdAttribute"/>: a list of `ID`;</item>
/// <item>a string named `...Id`, or marked <see cref="IdAttribute"/>: `ID`;</item>
/// <item>`DateOnly`: `Date`;</item>
/// <item>an enum: the module's named enum type, else the shared one (<see cref="EnumGraphTypes"/>);</item>
/// <item>a record of the module: its own input type;</item>
/// <item>any other string array: a list of `String`; anything else: GraphQL.NET's own mapping.</item>
/// </list>
/// Register it once in the host (<c>AddTransient(typeof(InputOf&lt;&gt;))</c>).
/// </summary>
public sealed class InputOf<T> : InputObjectGraphType<T>
{
    public InputOf()
    {
        Name = typeof(T).Name;
        var nullability = new NullabilityInfoContext();
        foreach (var property in typeof(T).GetProperties())
        {
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || nullability.Create(property).WriteState == NullabilityState.Nullable;
            AddField(new FieldType { Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..], Type = GraphTypeOf(property, nullable) });
        }
    }

    private static Type GraphTypeOf(PropertyInfo property, bool nullable)
    {
        var module = typeof(T).Assembly;
        var name = property.Name;
        var id = property.GetCustomAttribute<IdAttribute>() is not null;
        var core = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Type graph;
        if (core.IsArray && core.GetElementType() is { } element && element != typeof(string) && element.Assembly == module)
            graph = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(typeof(InputOf<>).MakeGenericType(element)));
        else if (name.EndsWith("Ids", StringComparison.Ordinal) || (id && core == typeof(string[]))) graph = typeof(ListGraphType<NonNullGraphType<IdGraphType>>);
        else if (core == typeof(string) && (id || name.EndsWith("Id", StringComparison.Ordinal))) graph = typeof(IdGraphType);
        else if (core == typeof(DateOnly)) graph = typeof(CalendarDateGraphType);
        else if (core.IsEnum) graph = EnumGraphTypes.Of(module, core);
        else if (core.IsClass && core != typeof(string) && core.Assembly == module) graph = typeof(InputOf<>).MakeGenericType(core);
        else if (core == typeof(string[])) graph = typeof(ListGraphType<NonNullGraphType<StringGraphType>>);
        else graph = core.GetGraphTypeFromType(isNullable: true, TypeMappingMode.InputType);
        return nullable ? graph : typeof(NonNullGraphType<>).MakeGenericType(graph);
    }
}
