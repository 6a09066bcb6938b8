using System.Reflection;
using GraphQL.Types;
using Mono.Cecil;

namespace Vape.ArchitectureTests;

/// <summary>
/// Internal by default (docs/adr/0169): a module's runtime and BuildingBlocks expose only what another assembly
/// needs. Graph types and static helpers are what no code generator compiles against, so they are internal unless
/// another assembly names them; Wolverine handlers and messages, Marten documents and events, hubs and the services
/// Wolverine's generated handlers construct stay public, since that generated code lives in another assembly.
/// </summary>
public sealed class InternalTypesTests
{
    private static readonly string[] Modules = ["Organization", "Records", "Content", "Classes", "Coordination", "Funds", "Notifications"];

    private static readonly string[] HandlerMethods = ["Handle", "HandleAsync", "Handles", "HandlesAsync", "Consume", "ConsumeAsync"];

    public static TheoryData<string> EachAssembly() => new(["Vape.BuildingBlocks", .. Modules.Select(m => "Vape." + m)]);

    /// <summary>Full names of the types an assembly's users name in their code (Cecil's type references).</summary>
    private static HashSet<string> NamedByUsers(string assembly)
    {
        var users = assembly == "Vape.BuildingBlocks"
            ? ["Vape.Host", .. Modules.Select(m => "Vape." + m), .. Modules.Select(m => $"Vape.{m}.Contracts")]
            : new[] { "Vape.Host" };
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            using var module = ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, user + ".dll"));
            foreach (var reference in module.GetTypeReferences()) named.Add(reference.FullName);
        }
        return named;
    }

    /// <summary>A constant is copied into the code that uses it, leaving no type reference: such users are found by name in their source.</summary>
    private static bool HoldsConstants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsLiteral);

    private static HashSet<string> NamedInSource(string assembly)
    {
        var roots = assembly == "Vape.BuildingBlocks"
            ? Directory.GetDirectories(Path.Combine(Repository.Root, "src", "Modules")).Append(Path.Combine(Repository.Root, "src", "Host"))
            : [Path.Combine(Repository.Root, "src", "Host")];
        return roots.SelectMany(r => Directory.EnumerateFiles(r, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\w+").Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsHandler(Type type) =>
        type.Name.EndsWith("Handler", StringComparison.Ordinal) || type.Name.EndsWith("Consumer", StringComparison.Ordinal)
        || type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => HandlerMethods.Contains(m.Name));

    private static bool IsEntryPoint(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name.EndsWith("Module", StringComparison.Ordinal) && (m.Name.StartsWith("Add", StringComparison.Ordinal) || m.Name.StartsWith("Map", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(EachAssembly))]
    public void Graph_types_and_static_helpers_are_internal_unless_another_assembly_names_them(string assembly)
    {
        var named = NamedByUsers(assembly);
        var offenders = Assembly.Load(assembly).GetExportedTypes()
            .Where(t => !t.IsNested)
            .Where(t => typeof(IGraphType).IsAssignableFrom(t) || (t is { IsClass: true, IsAbstract: true, IsSealed: true } && !IsHandler(t) && !IsEntryPoint(t)))
            .Where(t => !named.Contains(t.FullName!) && !(HoldsConstants(t) && NamedInSource(assembly).Contains(t.Name)))
            .Select(t => t.FullName).Order().ToList();
        offenders.ShouldBeEmpty($"public in {assembly} though no other assembly names them: make them internal (python3 /work/wt/_tools/internalize.py, docs/adr/0169)");
    }

    [Fact]
    public void The_rule_sees_the_kinds_it_judges()
    {
        // Guards the test above against passing vacuously: each kind it judges exists, public and internal.
        var organization = Assembly.Load("Vape.Organization");
        organization.GetTypes().ShouldContain(t => typeof(IGraphType).IsAssignableFrom(t) && !t.IsPublic);
        organization.GetExportedTypes().ShouldContain(t => t.IsAbstract && t.IsSealed && IsHandler(t));
        organization.GetExportedTypes().ShouldContain(t => t.IsAbstract && t.IsSealed && IsEntryPoint(t));
        NamedByUsers("Vape.BuildingBlocks").ShouldContain(typeof(Vape.BuildingBlocks.Modules.VapeModule).FullName!);
    }
}
