using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.GraphQL;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// Fields that fan out cost what they do (issue #28, ADR 0162): each declares its points next to it, and a document
/// asking for it is charged them (`extensions.cost.requested`, known before anything runs). Every id here is new, so
/// nothing is found and nothing changes; the charge is the same.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class FieldCostTests(VapeApp app)
{
    private static readonly string U = Guid.NewGuid().ToString(), V = Guid.NewGuid().ToString();

    /// <summary>
    /// Each declared field (type.field), its points, and a document that asks for it with what it is charged: the
    /// field's points plus one for every other field selected (GraphQL.NET's count; a connection's `first` multiplies
    /// only its list).
    /// </summary>
    public static TheoryData<string, int, string, int> Declared => new()
    {
        { "Unit.statistics", 50, $$"""{ unit(id: "{{U}}") { statistics { members } } }""", 1 + 50 + 1 },
        { "Unit.childrenAsOf", 10, $$"""{ unit(id: "{{U}}") { childrenAsOf(date: "2026-01-01", first: 2) { pageInfo { hasNextPage } } } }""", 1 + 10 + 1 + 1 },
        { "Directive.rollup", 50, $$"""{ directive(id: "{{U}}") { rollup { unit { id } } } }""", 1 + 50 + 1 + 1 },
        { "Directive.units", 10, $$"""{ directive(id: "{{U}}") { units(first: 2) { pageInfo { hasNextPage } } } }""", 1 + 10 + 1 + 1 },
        { "Query.recordStatistics", 100, $$"""{ recordStatistics(unitId: "{{U}}", year: 2026) { year } }""", 100 + 1 },
        { "Query.titleProposals", 100, $$"""{ titleProposals(unitId: "{{U}}", year: 2026, purpose: EVALUATION, first: 2) { pageInfo { hasNextPage } } }""", 100 + 1 + 1 },
        { "Query.entriesToVerify", 20, """{ entriesToVerify(purpose: VERIFICATION, first: 2) { pageInfo { hasNextPage } } }""", 20 + 1 + 1 },
        { "UnitLedger.verification", 100, $$"""{ unitLedger(unitId: "{{U}}") { verification { valid } } }""", 1 + 100 + 1 },
        { "Query.directiveCompletion", 50, $$"""{ directiveCompletion(unitId: "{{U}}") { directives } }""", 50 + 1 },
        { "Query.classAttendanceByMonth", 50, $$"""{ classAttendanceByMonth(unitId: "{{U}}") { asOf } }""", 50 + 1 },
        { "Query.fundsTotals", 50, $$"""{ fundsTotals(unitId: "{{U}}") { unitId } }""", 50 + 1 },
        { "Query.fundsAwards", 10, $$"""{ fundsAwards(unitId: "{{U}}", first: 2) { pageInfo { hasNextPage } } }""", 10 + 1 + 1 },
        { "Query.resources", 100, """{ resources(search: "toán", first: 2) { pageInfo { hasNextPage } } }""", 100 + 1 + 1 },
        { "Mutation.moveUnit", 50, $$"""mutation { moveUnit(input: { unitId: "{{U}}", newParentId: "{{V}}", expectedVersion: 1 }) { id } }""", 50 + 1 },
        { "Mutation.mergeUnit", 50, $$"""mutation { mergeUnit(input: { unitId: "{{U}}", successorId: "{{V}}", expectedVersion: 1 }) { id } }""", 50 + 1 },
        { "Mutation.importUnits", 100, $$"""mutation { importUnits(input: { unitId: "{{U}}", csvBase64: "" }) { ok } }""", 100 + 1 },
        { "Mutation.importMembers", 100, $$"""mutation { importMembers(input: { unitId: "{{U}}", csvBase64: "" }) { ok } }""", 100 + 1 },
        {
            "Mutation.issueDirective", 100,
            $$"""mutation { issueDirective(input: { issuerUnitId: "{{U}}", number: "01/KH", title: "Kế hoạch", issuedOn: "2026-01-05", acknowledgeBy: "2026-01-20", targetKind: SUBTREE }) { id } }""",
            100 + 1
        },
    };

    [Theory]
    [MemberData(nameof(Declared))]
    public async Task A_document_asking_for_a_costly_field_is_charged_its_points(string field, int points, string document, int charged)
    {
        DeclaredCosts(app)[field].ShouldBe(points);
        var (_, json) = await CostLimitTests.Ask(app, CostLimitTests.NewClient(), document, await app.TokenFor("central"));
        CostLimitTests.Cost(json, "requested").ShouldBe(charged, json.ToJsonString());
    }

    [Fact]
    public async Task A_costly_field_in_a_list_is_charged_once_for_each_item_asked_for()
    {
        // units 1, nodes 1, then statistics (50) and its members (1) for each of the three units asked for.
        var (_, json) = await CostLimitTests.Ask(app, CostLimitTests.NewClient(), "{ units(first: 3) { nodes { statistics { members } } } }");
        CostLimitTests.Cost(json, "requested").ShouldBe(1 + 1 + 3 * (50 + 1), json.ToJsonString());
    }

    [Fact]
    public void Every_declared_cost_has_its_case_here_and_its_line_in_the_ADR()
    {
        var cases = Declared.Select(row => (string)row[0]).Order().ToList();
        DeclaredCosts(app).Keys.Order().ShouldBe(cases);
        var adr = File.ReadAllText(Path.Combine(Repo.Root, "docs", "adr", "0162-fields-that-fan-out-declare-their-cost.md"));
        foreach (var (field, points) in DeclaredCosts(app))
            adr.ShouldContain($"| `{field}` | {points} |");
    }

    /// <summary>Every field of the schema with declared points, as type.field.</summary>
    private static Dictionary<string, int> DeclaredCosts(VapeApp app)
    {
        var schema = app.Host.Services.GetRequiredService<VapeSchema>();
        schema.Initialize();
        return schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(type => type.Fields.Where(f => f.DeclaredCost() is not null).Select(f => (Key: $"{type.Name}.{f.Name}", Points: f.DeclaredCost()!.Value)))
            .ToDictionary(f => f.Key, f => f.Points);
    }
}
