using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>
/// `withdrawnNews` (#21, the console's "withdrawn news", ADR 0153): a unit's withdrawn news with their last text,
/// version and `withdrawnAt`, newest first, for the officials of the unit or above only; the feeds keep leaving them out.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class WithdrawnNewsTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Id, int Version)> Publish(string login, string unitCode, string title)
    {
        var response = await _api.Org.Mutate("publishNews", new { unitId = await _api.Org.UnitId(unitCode), title, body = "Nội dung tin.", @public = false }, login, "id version");
        response.HasErrors.ShouldBeFalse(response.Body);
        return (response.Data["publishNews"]!["id"]!.GetValue<string>(), response.Data["publishNews"]!["version"]!.GetValue<int>());
    }

    private async Task<GraphQLResponse> Withdrawn(string? login, string unitCode, int? first = null, string? after = null) =>
        await app.GraphQL("query($u: ID!, $first: Int, $after: String) { withdrawnNews(unitId: $u, first: $first, after: $after) { nodes { id title version withdrawnAt unit { code } } pageInfo { hasNextPage endCursor } } }",
            new { u = await _api.Org.UnitId(unitCode), first, after }, login is null ? null : await _api.Org.Token(login));

    [Fact]
    public async Task Officials_of_the_unit_or_above_list_its_subtrees_withdrawn_news_newest_first_and_no_one_else_does()
    {
        var kept = await Publish("commune", "T01-X001", "Tin còn đăng");
        var first = await Publish("commune", "T01-X001", "Tin rút trước");
        var second = await Publish("commune", "T01-X001-01", "Tin của tổ dân phố, rút sau");
        var withdrawn = await _api.Org.Mutate("withdrawNews", new { newsId = first.Id, expectedVersion = first.Version }, "commune", "version withdrawnAt");
        withdrawn.HasErrors.ShouldBeFalse(withdrawn.Body);
        withdrawn.Data["withdrawNews"]!["withdrawnAt"].ShouldNotBeNull();
        (await _api.Org.Mutate("withdrawNews", new { newsId = second.Id, expectedVersion = second.Version }, "commune")).HasErrors.ShouldBeFalse();

        foreach (var login in new[] { "commune", "province", "central" })
        {
            var list = await Withdrawn(login, "T01-X001");
            list.HasErrors.ShouldBeFalse(list.Body);
            var nodes = list.Data["withdrawnNews"]!["nodes"]!.AsArray();
            nodes.Select(n => n!["title"]!.GetValue<string>()).ShouldBe(["Tin của tổ dân phố, rút sau", "Tin rút trước"]);
            nodes.ShouldAllBe(n => n!["version"]!.GetValue<int>() == 2 && n["withdrawnAt"] != null);
        }
        // A unit's list is its subtree's: the village's holds only its own.
        var village = await Withdrawn("commune", "T01-X001-01");
        village.Data["withdrawnNews"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe([second.Id]);
        // Paged like every connection.
        var page = await Withdrawn("commune", "T01-X001", first: 1);
        page.Data["withdrawnNews"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var next = await Withdrawn("commune", "T01-X001", first: 1, after: page.Data["withdrawnNews"]!["pageInfo"]!["endCursor"]!.GetValue<string>());
        next.Data["withdrawnNews"]!["nodes"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(first.Id);

        foreach (var (login, code) in new[] { ((string?)null, "NOT_AUTHENTICATED"), ("learner", "NOT_ALLOWED"), ("sibling-province", "NOT_ALLOWED") })
        {
            var refused = await Withdrawn(login, "T01-X001");
            refused.FirstErrorCode.ShouldBe(code, refused.Body);
        }
        (await Withdrawn("commune", "T01")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var badCursor = await Withdrawn("commune", "T01-X001", after: "nonsense");
        badCursor.FirstErrorCode.ShouldBe("INVALID_INPUT");

        // The unit's feed still shows only what is published.
        var feed = await app.GraphQL("query($u: ID!) { news(unitId: $u) { nodes { id } } }", new { u = await _api.Org.UnitId("T01-X001") }, await _api.Org.Token("commune"));
        feed.Data["news"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe([kept.Id]);
    }
}
