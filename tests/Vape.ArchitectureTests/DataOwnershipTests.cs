using System.Reflection;
using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Vape.BuildingBlocks.Storage;

namespace Vape.ArchitectureTests;

/// <summary>
/// Each module owns its streams and its tables (docs/adr/0062): no module can write another's stream, read another's
/// events, or name another's tables in its SQL. The project references (ModuleBoundaryTests) keep types apart; these
/// keep the data apart, where SQL text and the shared event store would otherwise let anything through.
/// </summary>
public sealed partial class DataOwnershipTests
{
    private static readonly string[] Modules = ["Organization", "Records", "Content", "Classes", "Coordination", "Funds", "Notifications"];
    private static readonly string Root = FindRoot();

    public static TheoryData<string> EachModule() => new(Modules);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vape.sln not found");
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void A_module_reaches_the_event_store_only_through_its_own_streams(string module)
    {
        // `session.Events` is Marten's whole event store: a stream of any id, every module's events. A module has
        // ModuleStreams<itself> instead, which derives its stream ids and refuses other modules' event types.
        var path = Assembly.Load("Vape." + module).Location;
        using var assembly = AssemblyDefinition.ReadAssembly(path);
        var calls = assembly.MainModule.GetTypes()
            .SelectMany(t => t.Methods.Where(m => m.HasBody).Select(m => (Method: m, Body: m.Body)))
            .SelectMany(m => m.Body.Instructions
                .Where(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference
                {
                    Name: "get_Events", DeclaringType.FullName: "Marten.IDocumentSession" or "Marten.IQuerySession" or "Marten.IDocumentOperations",
                })
                .Select(_ => $"{m.Method.DeclaringType.FullName}.{m.Method.Name}"))
            .Distinct().ToList();
        calls.ShouldBeEmpty($"Vape.{module} reaches Marten's event store directly");
    }

    [Fact]
    public void A_module_writes_no_event_of_another_module_even_into_its_own_stream()
    {
        var foreign = new Vape.Organization.Tree.UnitNamed(Guid.NewGuid(), "Phường Mới", new DateOnly(2026, 1, 1), Guid.NewGuid());
        var refused = Should.Throw<InvalidOperationException>(() => ModuleStreams<Vape.Records.RecordsModule>.Append(null!, Guid.NewGuid(), foreign));
        refused.Message.ShouldContain("UnitNamed");
    }

    [Fact]
    public void Two_modules_keying_a_stream_by_the_same_id_get_two_streams()
    {
        var person = Guid.NewGuid();
        var ids = new[]
        {
            ModuleStreams<Vape.Organization.OrganizationModule>.Id(person), ModuleStreams<Vape.Records.RecordsModule>.Id(person),
            ModuleStreams<Vape.Classes.ClassesModule>.Id(person), ModuleStreams<Vape.Content.ContentModule>.Id(person),
            ModuleStreams<Vape.Coordination.CoordinationModule>.Id(person), ModuleStreams<Vape.Funds.FundsModule>.Id(person),
        };
        ids.Distinct().Count().ShouldBe(ids.Length);
        ids.ShouldNotContain(person);
        ModuleStreams<Vape.Records.RecordsModule>.Id(person).ShouldBe(ModuleStreams<Vape.Records.RecordsModule>.Id(person));
    }

    [Fact]
    public void Stream_ids_are_RFC_9562_name_based_UUIDs()
    {
        // RFC 9562, appendix A.4: the version-5 UUID of "www.example.com" in the DNS namespace.
        StreamIds.NameBased(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com")
            .ShouldBe(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void A_modules_SQL_names_only_its_own_tables(string module)
    {
        var own = module.ToLowerInvariant();
        var folder = Path.Combine(Root, "src", "Modules", module, $"Vape.{module}");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            var sql = file.EndsWith(".sql", StringComparison.Ordinal) ? [StripSqlComments(text)] : StringLiterals(text);
            foreach (var literal in sql)
                foreach (Match match in SchemaReference().Matches(literal))
                {
                    var (schema, name) = (match.Groups[1].Value, match.Groups[2].Value);
                    if (schema == own || schema == "vape" || schema == "public" || Allowed(schema, name, file)) continue;
                    found.Add($"{Path.GetRelativePath(Root, file)}: {schema}.{name}");
                }
        }
        found.Distinct().ShouldBeEmpty($"Vape.{module} names tables of another module or of the event store");
    }

    /// <summary>
    /// The event store is reached through ModuleStreams; SQL may only append to a stream id the module derived (Marten's
    /// own append function, docs/adr/0061) and, in a migration, read its streams' versions.
    /// </summary>
    private static bool Allowed(string schema, string name, string file) =>
        schema == "events" && (name == "mt_quick_append_events" || (name == "mt_streams" && file.EndsWith(".sql", StringComparison.Ordinal)));

    [GeneratedRegex(@"(?<![\w.""])(organization|records|content|classes|coordination|funds|events|wolverine)\.([a-z_][a-z0-9_]*)")]
    private static partial Regex SchemaReference();

    [GeneratedRegex(@"""""""[\s\S]*?""""""|@?\$*""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Literal();

    private static IEnumerable<string> StringLiterals(string code) => Literal().Matches(code).Select(m => m.Value);

    private static string StripSqlComments(string sql) => Regex.Replace(sql, "--[^\n]*", "");
}
