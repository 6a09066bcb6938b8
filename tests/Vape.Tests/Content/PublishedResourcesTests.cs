using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>
/// `publishedResources` (ADR 0290): the approved resources reviewed in a unit's subtree, newest first, searched folded,
/// for the unit's officials and those above only; an official withdrawing someone else's resource gives a reason the
/// submitter reads, and a blank one changes nothing.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PublishedResourcesTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Submit(string title)
    {
        var response = await _api.Org.Mutate("submitResource", new
        {
            title, description = "Hướng dẫn cho người mới.", domain = "DIGITAL_SKILLS", audience = "ADULTS", language = "vi",
            format = "LINK", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1",
        }, "learner", "id");
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["submitResource"]!["id"]!.GetValue<string>();
    }

    private async Task<GraphQLResponse> Published(string? login, string unitCode, string? search = null) =>
        await app.GraphQL("query($u: ID!, $s: String) { publishedResources(unitId: $u, search: $s) { nodes { id title } } }",
            new { u = await _api.Org.UnitId(unitCode), s = search }, login is null ? null : await _api.Org.Token(login));

    private static string[] Titles(GraphQLResponse response)
    {
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["publishedResources"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToArray();
    }

    private async Task<JsonNode> Read(string id)
    {
        var response = await app.GraphQL("query($id: ID!) { resource(id: $id) { status version withdrawalReason } }", new { id }, await _api.Org.Token("learner"));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["resource"]!;
    }

    [Fact]
    public async Task A_unit_and_the_units_above_list_what_it_approved_newest_first_and_others_are_refused()
    {
        var older = await Submit("Kỹ năng số cơ bản");
        var newer = await Submit("Đọc sách cùng con");
        await Submit("Chờ duyệt vẫn chưa đăng");
        foreach (var id in new[] { older, newer })
            (await _api.Org.Mutate("approveResource", new { resourceId = id }, "commune")).HasErrors.ShouldBeFalse();

        Titles(await Published("commune", "T01-X001")).ShouldBe(["Đọc sách cùng con", "Kỹ năng số cơ bản"]);
        Titles(await Published("province", "T01")).ShouldBe(["Đọc sách cùng con", "Kỹ năng số cơ bản"]);
        Titles(await Published("commune", "T01-X001", "doc sach")).ShouldBe(["Đọc sách cùng con"]);
        Titles(await Published("sibling-province", "T18")).ShouldBeEmpty();

        (await Published(null, "T01-X001")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await Published("learner", "T01-X001")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var sibling = await Published("sibling-province", "T01-X001");
        sibling.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        sibling.FirstErrorMessage!.ShouldContain("Chỉ cán bộ của đơn vị");
        (await Published("commune", "T01-X001", new string('a', 201))).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task An_official_withdraws_someone_elses_resource_only_with_a_reason_the_submitter_reads()
    {
        var id = await Submit("Sổ tay sức khỏe");
        (await _api.Org.Mutate("approveResource", new { resourceId = id }, "commune")).HasErrors.ShouldBeFalse();
        var version = (await Read(id))["version"]!.GetValue<int>();

        var blank = await _api.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version, reason = "   " }, "commune");
        blank.FirstErrorCode.ShouldBe("INVALID_INPUT");
        blank.FirstErrorMessage!.ShouldContain("Hãy nêu lý do rút tài nguyên");
        (await _api.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version }, "province")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Read(id))["status"]!.GetValue<string>().ShouldBe("APPROVED");
        (await Read(id))["version"]!.GetValue<int>().ShouldBe(version);

        var done = await _api.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version, reason = " Nội dung đã cũ. " }, "commune", "status");
        done.HasErrors.ShouldBeFalse(done.Body);
        var read = await Read(id);
        read["status"]!.GetValue<string>().ShouldBe("WITHDRAWN");
        read["withdrawalReason"]!.GetValue<string>().ShouldBe("Nội dung đã cũ.");
        Titles(await Published("commune", "T01-X001")).ShouldBeEmpty();
    }
}
