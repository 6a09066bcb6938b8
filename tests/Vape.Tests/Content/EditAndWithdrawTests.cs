using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>
/// `myResources`, and edit and withdraw for news and resources (ADR 0074): kept in history, readable by the author and
/// the officials who may review; a withdrawn item leaves the public lists and search; only the author or the unit's
/// officials may act; a stale `expectedVersion` is VERSION_CONFLICT; a refused call changes nothing.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class EditAndWithdrawTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string ResourceFields = "id title status version rejectionReason withdrawnAt";

    private static object ResourceInput(string title, string? resourceId = null, int? expectedVersion = null) => new
    {
        resourceId, title, description = "Hướng dẫn dùng điện thoại thông minh.", domain = "DIGITAL_SKILLS", audience = "ELDERLY", language = "vi",
        format = "VIDEO", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1", expectedVersion,
    };

    private static JsonNode Ok(GraphQLResponse response, string field)
    {
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data[field]!;
    }

    private async Task<string> Submit(string title, string login = "learner") =>
        (Ok(await _api.Org.Mutate("submitResource", new
        {
            title, description = "Hướng dẫn dùng điện thoại thông minh.", domain = "DIGITAL_SKILLS", audience = "ELDERLY", language = "vi",
            format = "VIDEO", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1",
        }, login, "id"), "submitResource"))["id"]!.GetValue<string>();

    private async Task<GraphQLResponse> Review(string login, string resourceId, bool approve = true) =>
        await _api.Org.Mutate(approve ? "approveResource" : "rejectResource",
            approve ? new { resourceId } : (object)new { resourceId, reason = "Đường dẫn không mở được." }, login, ResourceFields);

    private async Task<string[]> Search(string? text = null)
    {
        var response = await app.GraphQL("query($s: String) { resources(search: $s) { nodes { title } } }", new { s = text });
        return (Ok(response, "resources"))["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToArray();
    }

    private async Task<GraphQLResponse> Resource(string? login, string id) =>
        await app.GraphQL($"query($id: ID!) {{ resource(id: $id) {{ {ResourceFields} history {{ nodes {{ version title status writtenBy }} }} }} }}",
            new { id }, login is null ? null : await _api.Org.Token(login));

    private async Task<GraphQLResponse> Mine(string? login, string? status = null, int? first = null, string? after = null) =>
        await app.GraphQL("query($s: ResourceStatus, $first: Int, $after: String) { myResources(status: $s, first: $first, after: $after) { nodes { id title status rejectionReason } pageInfo { hasNextPage endCursor } } }",
            new { s = status, first, after }, login is null ? null : await _api.Org.Token(login));

    [Fact]
    public async Task My_resources_lists_what_I_submitted_with_its_review_state_newest_first()
    {
        var approved = await Submit("Kỹ năng số cho người cao tuổi");
        var rejected = await Submit("Sổ tay an toàn mạng");
        var waiting = await Submit("Học tiếng Anh qua bài hát");
        await Submit("Tài nguyên của người khác", "learner2");
        (await Review("commune", approved)).HasErrors.ShouldBeFalse();
        (await Review("commune", rejected, approve: false)).HasErrors.ShouldBeFalse();

        var page1 = Ok(await Mine("learner", first: 2), "myResources");
        page1["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe([waiting, rejected]);
        page1["nodes"]![1]!["status"]!.GetValue<string>().ShouldBe("REJECTED");
        page1["nodes"]![1]!["rejectionReason"]!.GetValue<string>().ShouldBe("Đường dẫn không mở được.");
        page1["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var page2 = Ok(await Mine("learner", first: 2, after: page1["pageInfo"]!["endCursor"]!.GetValue<string>()), "myResources");
        page2["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe([approved]);
        page2["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        (Ok(await Mine("learner", "SUBMITTED"), "myResources"))["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe([waiting]);
        (Ok(await Mine("commune"), "myResources"))["nodes"]!.AsArray().ShouldBeEmpty();
        (await Mine(null)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        var bad = await Mine("learner", after: "không phải con trỏ");
        bad.FirstErrorCode.ShouldBe("INVALID_INPUT");
        bad.FirstErrorMessage!.ShouldContain("Con trỏ phân trang");
    }

    [Fact]
    public async Task News_is_edited_with_its_history_kept_and_withdrawn_from_every_feed()
    {
        var baDinh = await _api.Org.UnitId("T01-X001");
        var published = Ok(await _api.Org.Mutate("publishNews", new { unitId = baDinh, title = "Khai giảng lớp tin học", body = "Thứ Bảy này, tại nhà văn hóa." },
            "commune", "id version"), "publishNews");
        var id = published["id"]!.GetValue<string>();
        published["version"]!.GetValue<int>().ShouldBe(1);
        const string Fields = "id title body version editedAt history { nodes { version title body writtenBy } }";
        async Task<GraphQLResponse> Edit(string? login, string title, int? expectedVersion, string body = "Chủ nhật này, tại nhà văn hóa.") =>
            await _api.Org.Mutate("editNews", new { newsId = id, title, body, expectedVersion }, login, "id title version");
        async Task<JsonNode?> InFeed(string? login, string? unit = null)
        {
            var response = await app.GraphQL($"query($u: ID) {{ news(unitId: $u, first: 100) {{ nodes {{ {Fields} }} }} }}", new { u = unit },
                login is null ? null : await _api.Org.Token(login));
            return response.Data["news"]!["nodes"]!.AsArray().SingleOrDefault(n => n!["id"]!.GetValue<string>() == id);
        }

        // Refused callers first: nothing changes, whatever they sent.
        foreach (var (login, code) in new[] { ((string?)null, "NOT_AUTHENTICATED"), ("learner", "NOT_ALLOWED"), ("sibling-province", "NOT_ALLOWED") })
        {
            var refused = await Edit(login, "   ", 1);
            refused.FirstErrorCode.ShouldBe(code, refused.Body);
            (await _api.Org.Mutate("withdrawNews", new { newsId = id, expectedVersion = 1 }, login)).FirstErrorCode.ShouldBe(code);
        }
        var blank = await Edit("commune", "   ", 1);
        blank.FirstErrorCode.ShouldBe("INVALID_INPUT");
        blank.FirstErrorMessage!.ShouldContain("Tiêu đề tin");
        (await _api.Org.Mutate("editNews", new { newsId = Guid.CreateVersion7().ToString(), title = "Tin", body = "Nội dung" }, "commune")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await InFeed(null))!["version"]!.GetValue<int>().ShouldBe(1);

        (Ok(await Edit("commune", "Khai giảng lớp tin học (đổi ngày)", 1), "editNews"))["version"]!.GetValue<int>().ShouldBe(2);
        // Two officials edited from version 1: the second hears VERSION_CONFLICT and the first's text stays.
        var stale = await Edit("province", "Bản sửa của tỉnh", 1);
        stale.FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        stale.FirstErrorMessage!.ShouldContain("tải lại");
        var shown = (await InFeed("province", baDinh))!;
        shown["title"]!.GetValue<string>().ShouldBe("Khai giảng lớp tin học (đổi ngày)");
        shown["history"]!["nodes"]!.AsArray().Select(v => (v!["version"]!.GetValue<int>(), v["title"]!.GetValue<string>(), v["body"]!.GetValue<string>()))
            .ShouldBe([(1, "Khai giảng lớp tin học", "Thứ Bảy này, tại nhà văn hóa.")]);
        shown["history"]!["nodes"]![0]!["writtenBy"]!.GetValue<string>().ShouldBe(await _api.Org.PersonId("commune"));

        // A reader who may not review sees the news, and its history is refused alone.
        var asLearner = await app.GraphQL($"query($u: ID) {{ news(unitId: $u) {{ nodes {{ {Fields} }} }} }}", new { u = baDinh }, await _api.Org.Token("learner"));
        asLearner.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var learnersNode = asLearner.Data["news"]!["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == id)!;
        learnersNode["title"]!.GetValue<string>().ShouldBe("Khai giảng lớp tin học (đổi ngày)");
        learnersNode["history"].ShouldBeNull();

        // Province (an ancestor) withdraws: gone from the public feed and from the unit's, for everyone.
        (await _api.Org.Mutate("withdrawNews", new { newsId = id, expectedVersion = 1 }, "province")).FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (Ok(await _api.Org.Mutate("withdrawNews", new { newsId = id, expectedVersion = 2 }, "province", "version"), "withdrawNews"))["version"]!.GetValue<int>().ShouldBe(3);
        (await InFeed(null)).ShouldBeNull();
        (await InFeed("commune", baDinh)).ShouldBeNull();
        (await InFeed("learner", baDinh)).ShouldBeNull();
        var again = await Edit("commune", "Sửa sau khi rút", 3);
        again.FirstErrorCode.ShouldBe("ALREADY_WITHDRAWN");
        again.FirstErrorMessage!.ShouldContain("đã được rút");
    }

    [Fact]
    public async Task A_resource_edited_by_its_submitter_goes_back_to_review_and_a_withdrawn_one_leaves_search()
    {
        var id = await Submit("Kỹ năng số cho người cao tuổi");
        (await Review("commune", id)).HasErrors.ShouldBeFalse();
        (await Search()).ShouldBe(["Kỹ năng số cho người cao tuổi"]);
        var version = (Ok(await Resource("learner", id), "resource"))["version"]!.GetValue<int>();

        foreach (var (login, code) in new[] { ((string?)null, "NOT_AUTHENTICATED"), ("learner2", "NOT_ALLOWED"), ("sibling-province", "NOT_ALLOWED") })
        {
            var refused = await _api.Org.Mutate("editResource", ResourceInput("   ", id, version), login);
            refused.FirstErrorCode.ShouldBe(code, refused.Body);
            (await _api.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version }, login)).FirstErrorCode.ShouldBe(code);
        }
        (await _api.Org.Mutate("editResource", ResourceInput("   ", id, version), "learner")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Org.Mutate("editResource", ResourceInput("Bản cũ", id, version - 1), "learner")).FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (await Search()).ShouldBe(["Kỹ năng số cho người cao tuổi"]);

        // The submitter's own edit waits for review again: out of search until an official approves it.
        var edited = Ok(await _api.Org.Mutate("editResource", ResourceInput("Kỹ năng số cho người cao tuổi (bản 2)", id, version), "learner", ResourceFields), "editResource");
        edited["status"]!.GetValue<string>().ShouldBe("SUBMITTED");
        edited["version"]!.GetValue<int>().ShouldBe(version + 1);
        (await Search()).ShouldBeEmpty();
        (await Review("commune", id)).HasErrors.ShouldBeFalse();
        (await Search()).ShouldBe(["Kỹ năng số cho người cao tuổi (bản 2)"]);
        // A reviewer's edit keeps the decision.
        var current = (Ok(await Resource("commune", id), "resource"))["version"]!.GetValue<int>();
        (Ok(await _api.Org.Mutate("editResource", ResourceInput("Kỹ năng số cho người cao tuổi (bản 3)", id, current), "commune", ResourceFields), "editResource"))
            ["status"]!.GetValue<string>().ShouldBe("APPROVED");
        (await Search()).ShouldBe(["Kỹ năng số cho người cao tuổi (bản 3)"]);

        // History: the submitter and the reviewing unit's officials read it; another learner reads the resource, not its history.
        var history = (Ok(await Resource("province", id), "resource"))["history"]!["nodes"]!.AsArray();
        history.Select(v => (v!["title"]!.GetValue<string>(), v["status"]!.GetValue<string>()))
            .ShouldBe([("Kỹ năng số cho người cao tuổi (bản 2)", "APPROVED"), ("Kỹ năng số cho người cao tuổi", "APPROVED")]);
        (Ok(await Resource("learner", id), "resource"))["history"]!["nodes"]!.AsArray().Count.ShouldBe(2);
        var other = await Resource("learner2", id);
        other.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        other.Data["resource"]!["title"]!.GetValue<string>().ShouldBe("Kỹ năng số cho người cao tuổi (bản 3)");
        other.Data["resource"]!["history"].ShouldBeNull();

        // Withdrawn by its submitter: out of search and ratings, still in their own list, and no longer reviewable.
        current = (Ok(await Resource("learner", id), "resource"))["version"]!.GetValue<int>();
        var withdrawn = Ok(await _api.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = current }, "learner", ResourceFields), "withdrawResource");
        withdrawn["status"]!.GetValue<string>().ShouldBe("WITHDRAWN");
        withdrawn["withdrawnAt"].ShouldNotBeNull();
        (await Search()).ShouldBeEmpty();
        (await Search("Kỹ năng")).ShouldBeEmpty();
        (await Resource(null, id)).Data["resource"].ShouldBeNull();
        (await _api.Org.Mutate("rateResource", new { resourceId = id, stars = 5 }, "learner2")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await Review("commune", id)).FirstErrorCode.ShouldBe("ALREADY_WITHDRAWN");
        (await _api.Org.Mutate("withdrawResource", new { resourceId = id }, "learner")).FirstErrorCode.ShouldBe("ALREADY_WITHDRAWN");
        (Ok(await Mine("learner", "WITHDRAWN"), "myResources"))["nodes"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id);
    }
}
