using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>
/// The directive-completion dashboard through GraphQL (issue #21): the directives issued within a subtree, their
/// targets received / read / implemented / overdue per level as at the end of a day; the unit's officials and those above only.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class DirectiveCompletionTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> Completion(string login, string unitCode, string? asOf = null) =>
        await app.GraphQL("""
            query($u: ID!, $asOf: Date) { directiveCompletion(unitId: $u, asOf: $asOf) {
              asOf directives unit { code } total { units received read implemented overdue }
              levels { level counts { units received read implemented overdue } } } }
            """, new { u = await _api.Org.UnitId(unitCode), asOf }, await _api.Org.Token(login));

    private async Task<JsonNode> CompletionOk(string login, string unitCode, string? asOf = null)
    {
        var response = await Completion(login, unitCode, asOf);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["directiveCompletion"]!;
    }

    private static int Count(JsonNode node, string name) => node["total"]![name]!.GetValue<int>();

    [Fact]
    public async Task The_directives_issued_in_my_subtree_add_up_per_level_as_they_stood_at_the_end_of_the_day()
    {
        var id = await _api.IssueOk("commune", "T01-X001", issuedOn: ContentApi.Day(-10), acknowledgeBy: ContentApi.Day(-2));
        (await _api.Acknowledge("commune", id, "T01-X001-01", "READ")).HasErrors.ShouldBeFalse();
        (await _api.Report("commune", id, "T01-X001-02")).HasErrors.ShouldBeFalse();
        var below = await _api.UnitsBelow("T01-X001");

        var today = await CompletionOk("commune", "T01-X001");
        today["asOf"]!.GetValue<string>().ShouldBe(ContentApi.Today);
        today["directives"]!.GetValue<int>().ShouldBe(1);
        Count(today, "units").ShouldBe(below);
        Count(today, "received").ShouldBe(2);
        Count(today, "read").ShouldBe(2);
        Count(today, "implemented").ShouldBe(1);
        Count(today, "overdue").ShouldBe(below - 2);
        var levels = today["levels"]!.AsArray();
        levels.First()!["level"]!.GetValue<int>().ShouldBe(1);
        levels.Sum(l => l!["counts"]!["units"]!.GetValue<int>()).ShouldBe(below);
        levels.Sum(l => l!["counts"]!["read"]!.GetValue<int>()).ShouldBe(2);

        // Yesterday nobody had read it yet, and its acknowledgement deadline (the day before) had passed for all.
        var yesterday = await CompletionOk("commune", "T01-X001", ContentApi.Day(-1));
        Count(yesterday, "units").ShouldBe(below);
        Count(yesterday, "read").ShouldBe(0);
        Count(yesterday, "overdue").ShouldBe(below);
        // Before it was issued: nothing.
        var before = await CompletionOk("commune", "T01-X001", ContentApi.Day(-11));
        before["directives"]!.GetValue<int>().ShouldBe(0);
        Count(before, "units").ShouldBe(0);
        before["levels"]!.AsArray().ShouldBeEmpty();

        // Hà Nội issues one too: the province counts both, Ba Đình only its own (Hà Nội's is not issued in its subtree).
        await _api.IssueOk("province", "T01");
        var province = await CompletionOk("province", "T01");
        province["directives"]!.GetValue<int>().ShouldBe(2);
        Count(province, "units").ShouldBe(await _api.UnitsBelow("T01") + below);
        Count(province, "read").ShouldBe(2);
        (await CompletionOk("commune", "T01-X001"))["directives"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("sibling-province", "T01")]
    [InlineData("commune", "T01")]
    [InlineData("learner", "T01-X001")]
    public async Task Someone_not_an_official_of_the_unit_or_above_is_refused(string login, string unitCode)
    {
        await _api.IssueOk("province", "T01");
        var response = await Completion(login, unitCode);
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_date_after_today_is_refused()
    {
        var response = await Completion("commune", "T01-X001", ContentApi.Day(1));
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldContain("không được sau hôm nay");
    }
}
