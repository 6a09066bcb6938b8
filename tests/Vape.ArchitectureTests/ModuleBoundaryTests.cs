using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;

namespace Vape.ArchitectureTests;

/// <summary>No module reaches into another: only contracts cross module lines (docs/adr/0005).</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules = ["Organization", "Records", "Content", "Classes", "Coordination", "Funds", "Notifications"];

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vape.sln not found");
    }

    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));

    private static Assembly ModuleAssembly(string module) => Assembly.Load("Vape." + module);

    public static TheoryData<string> EachModule() => new(Modules);

    [Theory]
    [MemberData(nameof(EachModule))]
    public void A_module_project_references_only_building_blocks_its_own_contracts_and_other_contracts(string module)
    {
        var csproj = Path.Combine(Root, "src", "Modules", module, $"Vape.{module}", $"Vape.{module}.csproj");
        foreach (var reference in ProjectReferences(csproj))
        {
            var allowed = reference == "Vape.BuildingBlocks" || reference.EndsWith(".Contracts", StringComparison.Ordinal);
            allowed.ShouldBeTrue($"Vape.{module} references {reference}, another module's runtime project");
        }
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void A_contracts_project_has_no_dependencies_but_other_contracts(string module)
    {
        var csproj = Path.Combine(Root, "src", "Modules", module, $"Vape.{module}.Contracts", $"Vape.{module}.Contracts.csproj");
        ProjectReferences(csproj).ShouldAllBe(r => r.EndsWith(".Contracts"));
        XDocument.Load(csproj).Descendants("PackageReference").ShouldBeEmpty();
    }

    [Fact]
    public void Building_blocks_know_no_module()
    {
        var csproj = Path.Combine(Root, "src", "BuildingBlocks", "Vape.BuildingBlocks", "Vape.BuildingBlocks.csproj");
        ProjectReferences(csproj).ShouldBeEmpty();
        var result = Types.InAssembly(typeof(Vape.BuildingBlocks.Modules.VapeModule).Assembly).ShouldNot()
            .HaveDependencyOnAny(Modules.Select(m => "Vape." + m).ToArray()).GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void No_type_of_a_module_uses_a_type_of_another_modules_runtime(string module)
    {
        // Full type names, not namespaces: NetArchTest matches by prefix, and Vape.X would also match Vape.X.Contracts.
        var others = Modules.Where(m => m != module)
            .SelectMany(m => ModuleAssembly(m).GetTypes().Select(t => t.FullName).OfType<string>())
            .Where(name => !name.Contains('<')).ToArray();
        var result = Types.InAssembly(ModuleAssembly(module)).ShouldNot().HaveDependencyOnAny(others).GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void Contracts_hold_only_records_interfaces_and_enums(string module)
    {
        var contracts = Assembly.Load($"Vape.{module}.Contracts");
        foreach (var type in contracts.GetTypes().Where(t => t.IsPublic))
        {
            var isRecord = type.GetMethod("<Clone>$") is not null || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
            (type.IsInterface || type.IsEnum || isRecord).ShouldBeTrue($"{type.FullName} is neither a record, an interface nor an enum");
        }
    }

    [Fact]
    public void The_host_lists_the_modules_and_nothing_else()
    {
        var program = File.ReadAllLines(Path.Combine(Root, "src", "Host", "Vape.Host", "Program.cs"));
        program.Length.ShouldBeLessThan(60);
        foreach (var module in Modules)
        {
            program.ShouldContain($"builder.Add{module}Module();");
            program.ShouldContain($"app.Map{module}Module();");
        }
    }
}
