using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// Loads the Organization module's units for the one `Unit` type (ADR 0070). Organization registers it; another
/// module that shows a unit declares the field with <see cref="UnitFields.UnitField{TSource}"/> and never a type of its own.
/// </summary>
public interface IUnitGraphLoader
{
    /// <summary>The unit (any status) by id, batched with the other units of the request; null when there is none.</summary>
    IDataLoaderResult<object?> Load(IResolveFieldContext context, Guid unitId);
}

public static class UnitFields
{
    public const string TypeName = "Unit";

    /// <summary>A nullable field of the one `Unit` type, loaded by id through the batch loader.</summary>
    public static FieldBuilder<TSource, object> UnitField<TSource>(this ObjectGraphType<TSource> type, string name, Func<TSource, Guid?> unitId) =>
        type.Field(name, new GraphQLTypeReference(TypeName))
            .Resolve(c => unitId(c.Source) is Guid id ? c.RequestServices!.GetRequiredService<IUnitGraphLoader>().Load(c, id) : null);
}

/// <summary>
/// An enum shared by several modules is one GraphQL enum, named after the C# enum, described by its
/// <see cref="System.ComponentModel.DescriptionAttribute"/>: every module uses this type for it (ADR 0070).
/// </summary>
public sealed class SharedEnumGraphType<TEnum> : EnumerationGraphType<TEnum> where TEnum : Enum
{
    public SharedEnumGraphType()
    {
        Name = typeof(TEnum).Name;
        if (typeof(TEnum).GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false)
            is [System.ComponentModel.DescriptionAttribute d, ..])
            Description = d.Description;
    }
}

/// <summary>Enum values as the schema names them (CONSTANT_CASE): facets, exports and hub pushes use the same names.</summary>
public static class EnumNames
{
    public static string GraphQLName(Enum value) => GraphQLName(value.ToString());

    public static string GraphQLName(string pascal) => pascal.ToConstantCase();

    /// <summary>For System.Text.Json (hubs, exports): `JsonStringEnumConverter(EnumNames.Policy)` writes and reads these names.</summary>
    public static readonly System.Text.Json.JsonNamingPolicy Policy = new ConstantCasePolicy();

    private sealed class ConstantCasePolicy : System.Text.Json.JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToConstantCase();
    }
}

/// <summary>A GraphQL enum over values a module keeps as their GraphQL names already (`"LIVE"`, `"HOST"`): never a String field for them.</summary>
public abstract class NamedValuesGraphType : EnumerationGraphType
{
    protected NamedValuesGraphType(string name, string description, params string[] values)
    {
        Name = name;
        Description = description;
        foreach (var value in values) Add(value, value);
    }
}

internal static class EnumGraphTypes
{
    /// <summary>The graph type of an enum for a module's generated inputs: the module's own, else the shared one.</summary>
    public static Type Of(System.Reflection.Assembly module, Type enumType) =>
        module.GetTypes().SingleOrDefault(t => t.BaseType == typeof(EnumerationGraphType<>).MakeGenericType(enumType))
        ?? typeof(SharedEnumGraphType<>).MakeGenericType(enumType);
}
