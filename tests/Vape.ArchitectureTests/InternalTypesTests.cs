namespace Vape.ArchitectureTests;

/// <summary>
/// Internal by default (docs/adr/0169, 0250): every public type of a module's runtime and of BuildingBlocks has a
/// reason <see cref="PublicTypeReasons"/> states, found by rule from the compiled assemblies; anything else is internal.
/// </summary>
public sealed class InternalTypesTests
{
    private static readonly string[] Assemblies = ["Vape.BuildingBlocks", .. PublicTypeReasons.Modules.Select(m => "Vape." + m)];

    public static TheoryData<string> EachAssembly() => new(Assemblies);

    [Theory]
    [MemberData(nameof(EachAssembly))]
    public void Every_public_type_has_a_reason_to_be_public(string assembly)
    {
        var reasons = PublicTypeReasons.For(assembly);
        if (Environment.GetEnvironmentVariable("VAPE_WRITE_TYPE_REASONS") is { Length: > 0 } path)
            File.AppendAllLines(path, reasons.TopLevel.Where(t => t.IsPublic).GroupBy(t => reasons.Reasons.GetValueOrDefault(t, "none"))
                .Select(g => $"{assembly}\t{g.Key}\t{g.Count()}").Prepend($"{assembly}\tinternal\t{reasons.TopLevel.Count(t => !t.IsPublic)}"));
        var offenders = reasons.Unexplained.ToList();
        offenders.ShouldBeEmpty($"public in {assembly} with no reason (docs/adr/0250): make them internal, or state the reason in PublicTypeReasons");
    }

    [Theory]
    [InlineData("Vape.Organization", "Vape.Organization.OrganizationModule", PublicTypeReasons.EntryPoint)]
    [InlineData("Vape.BuildingBlocks", "Vape.BuildingBlocks.Modules.VapeModule", PublicTypeReasons.NamedByAnotherAssembly)]
    [InlineData("Vape.Classes", "Vape.Classes.Classroom.ClassroomHub", PublicTypeReasons.Hub)]
    [InlineData("Vape.Classes", "Vape.Classes.Classroom.ClassroomEnded", PublicTypeReasons.NamedByTypeOf)]
    [InlineData("Vape.Coordination", "Vape.Coordination.Realtime.Typing", PublicTypeReasons.SentToHubClients)]
    public void The_rules_see_the_kinds_they_judge(string assembly, string type, string reason)
    {
        // Guards the test above against passing vacuously: a type of each kind keeps its reason.
        var reasons = PublicTypeReasons.For(assembly).Reasons;
        reasons.Single(r => r.Key.FullName == type).Value.ShouldBe(reason);
    }

    [Theory]
    [InlineData("Vape.Funds", "Vape.Funds.GraphQL.CreateFundInput")]
    [InlineData("Vape.Organization", "Vape.Organization.GraphQL.RenameUnitInput")]
    public void A_record_is_not_named_by_typeof_in_the_members_the_compiler_writes(string assembly, string type)
    {
        // A record's EqualityContract is typeof(Self): that alone once kept about 350 types public (docs/adr/0250).
        var reasons = PublicTypeReasons.For(assembly).Reasons;
        reasons.Keys.Where(t => t.FullName == type).ShouldBeEmpty();
    }

    [Fact]
    public void Every_kind_of_reason_is_found_somewhere()
    {
        var found = Assemblies.SelectMany(a => PublicTypeReasons.For(a).Reasons.Values).ToHashSet();
        string[] kinds = [PublicTypeReasons.NamedByAnotherAssembly, PublicTypeReasons.WolverineHandler, PublicTypeReasons.WolverineMessageOrDependency,
            PublicTypeReasons.FrameworkSubtype, PublicTypeReasons.FrameworkTypeArgument, PublicTypeReasons.NamedByTypeOf, PublicTypeReasons.Hub,
            PublicTypeReasons.SentToHubClients, PublicTypeReasons.EntryPoint, PublicTypeReasons.Exposed];
        kinds.Where(k => !found.Contains(k)).ShouldBeEmpty();
    }
}
