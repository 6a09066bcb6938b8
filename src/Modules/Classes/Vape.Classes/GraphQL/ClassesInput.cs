using System.Reflection;
using GraphQL;
using GraphQL.Types;
using Vape.BuildingBlocks.GraphQL;

namespace Vape.Classes.GraphQL;

/// <summary>
/// An input type built from a record's properties: `...Id` strings as `ID`, `...Ids` as lists of `ID`, enums as
/// the module's named enum types, nested records of this module as their own input types.
/// </summary>
public sealed class ClassesInput<T> : InputObjectGraphType<T>
{
    public ClassesInput()
    {
        Name = typeof(T).Name;
        foreach (var property in typeof(T).GetProperties())
        {
            var type = property.PropertyType;
            var nullable = Nullable.GetUnderlyingType(type) is not null
                || new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
            AddField(new FieldType { Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..], Type = GraphTypeOf(property.Name, type, nullable) });
        }
    }

    private static Type GraphTypeOf(string name, Type type, bool nullable)
    {
        var core = Nullable.GetUnderlyingType(type) ?? type;
        Type graph;
        if (core.IsArray && core.GetElementType() is { } element && element != typeof(string) && element.Assembly == typeof(ClassesInput<>).Assembly)
            graph = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(typeof(ClassesInput<>).MakeGenericType(element)));
        else if (name.EndsWith("Ids")) graph = typeof(ListGraphType<NonNullGraphType<IdGraphType>>);
        else if (name.EndsWith("Id") && core == typeof(string)) graph = typeof(IdGraphType);
        else if (core == typeof(DateOnly)) graph = typeof(CalendarDateGraphType);
        else if (core.IsEnum) graph = EnumGraphTypeOf(core);
        else if (core.IsClass && core != typeof(string) && core.Assembly == typeof(ClassesInput<>).Assembly) graph = typeof(ClassesInput<>).MakeGenericType(core);
        else graph = core.GetGraphTypeFromType(isNullable: true, TypeMappingMode.InputType);
        return nullable ? graph : typeof(NonNullGraphType<>).MakeGenericType(graph);
    }

    private static Type EnumGraphTypeOf(Type enumType) =>
        EnumGraphTypes.Of(typeof(ClassesInput<>).Assembly, enumType);
}
