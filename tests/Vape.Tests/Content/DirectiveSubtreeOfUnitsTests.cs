using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>
/// SUBTREE and LEVELS from chosen units (`targetUnitIds`): the centre sends to Hà Nội's subtree only, as the officials'
/// console offers it (issue #21, scenario 1); chosen units outside the issuer's tree are refused and nothing is issued.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class DirectiveSubtreeOfUnitsTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_centre_sends_to_Ha_Nois_subtree_and_no_other_province_receives_it()
    {
        var id = await _api.IssueOk("central", "TW", "SUBTREE", unitCodes: ["T01"]);
        var rollup = await _api.Rollup("central", id);
        var haNoiAndBelow = await _api.UnitsBelow("T01") + 1;
        rollup["total"]!["units"]!.GetValue<int>().ShouldBe(haNoiAndBelow);
        ContentApi.Subtree(rollup, "T01")!["units"]!.GetValue<int>().ShouldBe(haNoiAndBelow);
        ContentApi.Subtree(rollup, "T18").ShouldBeNull();

        // Ba Đình's official has it; Hải Phòng's has nothing.
        var commune = await app.GraphQL("{ myDirectives { nodes { directive { id } unit { code } } } }", token: await _api.Org.Token("commune"));
        commune.Data["myDirectives"]!["nodes"]!.AsArray().Select(n => n!["directive"]!["id"]!.GetValue<string>()).ShouldContain(id);
        var sibling = await app.GraphQL("{ myDirectives { nodes { directive { id } } } }", token: await _api.Org.Token("sibling-province"));
        sibling.Data["myDirectives"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Levels_count_down_from_each_chosen_unit()
    {
        var id = await _api.IssueOk("central", "TW", "LEVELS", levels: 1, unitCodes: ["T01-X001"]);
        // Ba Đình and its four units one level down.
        (await _api.Rollup("central", id))["total"]!["units"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task A_chosen_root_outside_the_issuers_tree_is_refused_and_nothing_is_issued()
    {
        var refused = await _api.Issue("province", "T01", "SUBTREE", unitCodes: ["T18"]);
        refused.FirstErrorCode.ShouldBe("INVALID_INPUT");
        refused.Body.ShouldContain("không thuộc cây của đơn vị ban hành");
        var issued = await app.GraphQL("query($u: ID!) { issuedDirectives(unitId: $u) { nodes { id } } }",
            new { u = await _api.Org.UnitId("T01") }, await _api.Org.Token("province"));
        issued.Data["issuedDirectives"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }
}
