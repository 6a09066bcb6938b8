using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>The open learning-resource library: submission and moderation, folded search with facets, views and ratings.</summary>
[Collection(VapeCollection.Name)]
public sealed class LibraryTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> Submit(string? login, string title, string format = "VIDEO", string licence = "CC_BY", string audience = "ELDERLY",
        string domain = "DIGITAL_SKILLS") =>
        await _api.Org.Mutate("submitResource", new
        {
            title, description = "Hướng dẫn dùng điện thoại thông minh, nộp hồ sơ trực tuyến.", domain, audience, language = "vi", format, licence,
            author = "Hội Khuyến học Việt Nam", subjects = new[] { "chuyển đổi số" }, educationalLevel = "Cơ bản", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1",
            collections = new[] { "Học tập suốt đời" },
        }, login, "id status reviewUnit { code }");

    private async Task<string> SubmitOk(string title, string format = "VIDEO", string licence = "CC_BY", string audience = "ELDERLY", bool approve = true)
    {
        var response = await Submit("learner", title, format, licence, audience);
        response.HasErrors.ShouldBeFalse(response.Body);
        var id = response.Data["submitResource"]!["id"]!.GetValue<string>();
        if (approve) (await Review("approveResource", "commune", id)).HasErrors.ShouldBeFalse();
        return id;
    }

    private async Task<GraphQLResponse> Review(string mutation, string? login, string resourceId, string? reason = "Nội dung không phù hợp.") =>
        await _api.Org.Mutate(mutation, mutation == "rejectResource" ? new { resourceId, reason } : (object)new { resourceId }, login,
            "status rejectionReason");

    private async Task<string[]> Search(string? text, string facets = "{}")
    {
        var response = await app.GraphQL($"query($s: String) {{ resources(search: $s, facets: {facets}) {{ nodes {{ title }} }} }}", new { s = text });
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["resources"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToArray();
    }

    [Fact]
    public async Task A_submitted_resource_is_public_only_once_an_official_approves_it()
    {
        var submitted = await Submit("learner", "Kỹ năng số cho người cao tuổi");
        submitted.Data["submitResource"]!["status"]!.GetValue<string>().ShouldBe("SUBMITTED");
        submitted.Data["submitResource"]!["reviewUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        var id = submitted.Data["submitResource"]!["id"]!.GetValue<string>();
        (await Search(null)).ShouldBeEmpty();
        (await app.GraphQL("query($id: ID!) { resource(id: $id) { title } }", new { id })).Data["resource"].ShouldBeNull();
        (await app.GraphQL("query($id: ID!) { resource(id: $id) { title } }", new { id }, await _api.Org.Token("learner"))).Data["resource"].ShouldNotBeNull();
        var queue = await app.GraphQL("query($u: ID!) { resourcesToReview(unitId: $u) { nodes { id } } }", new { u = await _api.Org.UnitId("T01") },
            await _api.Org.Token("province"));
        queue.Data["resourcesToReview"]!["nodes"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id);

        (await Review("approveResource", "commune", id)).Data["approveResource"]!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        (await Search(null)).ShouldBe(["Kỹ năng số cho người cao tuổi"]);
        (await app.GraphQL("query($id: ID!) { resource(id: $id) { title } }", new { id })).Data["resource"]!["title"]!.GetValue<string>()
            .ShouldBe("Kỹ năng số cho người cao tuổi");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_keeps_the_resource_out_of_the_library()
    {
        var id = await SubmitOk("Tài liệu quảng cáo", approve: false);
        (await Review("rejectResource", "commune", id, "  ")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        var rejected = await Review("rejectResource", "commune", id);
        rejected.Data["rejectResource"]!["status"]!.GetValue<string>().ShouldBe("REJECTED");
        (await Search(null)).ShouldBeEmpty();
        var mine = await app.GraphQL("query($id: ID!) { resource(id: $id) { status rejectionReason } }", new { id }, await _api.Org.Token("learner"));
        mine.Data["resource"]!["rejectionReason"]!.GetValue<string>().ShouldBe("Nội dung không phù hợp.");
        (await app.GraphQL("query($id: ID!) { resource(id: $id) { status } }", new { id }, await _api.Org.Token("learner2"))).Data["resource"].ShouldBeNull();
    }

    [Fact]
    public async Task Search_folds_diacritics_and_đ_and_puts_exact_matches_first()
    {
        await SubmitOk("Ky nang so co ban");
        await SubmitOk("Kỹ năng số cho người cao tuổi");
        await SubmitOk("Đọc sách cùng con");
        (await Search("kỹ năng số")).ShouldBe(["Kỹ năng số cho người cao tuổi", "Ky nang so co ban"]);
        (await Search("ky nang so")).ShouldBe(["Ky nang so co ban", "Kỹ năng số cho người cao tuổi"]);
        (await Search("doc sach")).ShouldBe(["Đọc sách cùng con"]);
        (await Search("ĐỌC SÁCH")).ShouldBe(["Đọc sách cùng con"]);
        (await Search("thiên văn")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Facets_filter_and_count_the_results()
    {
        await SubmitOk("Video kỹ năng số", "VIDEO", "CC_BY", "ELDERLY");
        await SubmitOk("Sách điện tử kỹ năng số", "EPUB", "CC_BY_SA", "ADULTS");
        await SubmitOk("Bài nghe kỹ năng số", "AUDIO", "CC_BY", "ADULTS");
        (await Search("kỹ năng số", "{ licence: CC_BY }")).Order().ShouldBe(["Bài nghe kỹ năng số", "Video kỹ năng số"]);
        (await Search(null, "{ licence: CC_BY, audience: ADULTS }")).ShouldBe(["Bài nghe kỹ năng số"]);
        var response = await app.GraphQL("{ resources(facets: { audience: ADULTS }) { facets { format { value count } licence { value count } audience { value count } } } }");
        var facets = response.Data["resources"]!["facets"]!;
        facets["format"]!.AsArray().Select(f => $"{f!["value"]}:{f["count"]}").Order().ShouldBe(["AUDIO:1", "EPUB:1"]);
        facets["licence"]!.AsArray().Select(f => $"{f!["value"]}:{f["count"]}").Order(StringComparer.Ordinal).ShouldBe(["CC_BY:1", "CC_BY_SA:1"]);
        // The audience facet counts every audience, so that the reader can switch.
        facets["audience"]!.AsArray().Select(f => $"{f!["value"]}:{f["count"]}").Order().ShouldBe(["ADULTS:2", "ELDERLY:1"]);

        // A facet value goes back as a filter just as it came (the enum's GraphQL name), and finds what it counted.
        foreach (var facet in facets["licence"]!.AsArray())
        {
            var back = await app.GraphQL("query($l: ResourceLicence) { resources(facets: { licence: $l, audience: ADULTS }) { nodes { title } } }",
                new { l = facet!["value"]!.GetValue<string>() });
            back.HasErrors.ShouldBeFalse(back.Body);
            back.Data["resources"]!["nodes"]!.AsArray().Count.ShouldBe(facet["count"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_search_of_ten_thousand_characters_is_refused()
    {
        var response = await app.GraphQL("query($s: String) { resources(search: $s) { nodes { title } } }", new { s = new string('a', 10_000) });
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Views_and_ratings_are_counted_and_a_second_rating_replaces_the_first()
    {
        var id = await SubmitOk("Kỹ năng số cho người cao tuổi");
        await _api.Org.Mutate("viewResource", new { resourceId = id }, null, "views");
        (await _api.Org.Mutate("viewResource", new { resourceId = id }, null, "views")).Data["viewResource"]!["views"]!.GetValue<int>().ShouldBe(2);
        await _api.Org.Mutate("rateResource", new { resourceId = id, stars = 5 }, "learner", "ratingCount");
        await _api.Org.Mutate("rateResource", new { resourceId = id, stars = 3 }, "learner", "ratingCount");
        var rated = await _api.Org.Mutate("rateResource", new { resourceId = id, stars = 5 }, "learner2", "ratingCount ratingAverage");
        rated.Data["rateResource"]!["ratingCount"]!.GetValue<int>().ShouldBe(2);
        rated.Data["rateResource"]!["ratingAverage"]!.GetValue<double>().ShouldBe(4);
        (await _api.Org.Mutate("rateResource", new { resourceId = id, stars = 6 }, "learner", "ratingCount")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Org.Mutate("rateResource", new { resourceId = id, stars = 4 }, null, "ratingCount")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        var pending = await SubmitOk("Chưa duyệt", approve: false);
        (await _api.Org.Mutate("rateResource", new { resourceId = pending, stars = 4 }, "learner", "ratingCount")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Org.Mutate("viewResource", new { resourceId = pending }, null, "views")).FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Bad_submissions_are_refused_and_nothing_is_stored()
    {
        var bad = await _api.Org.Mutate("submitResource", new
        {
            title = "Tài nguyên", domain = "HEALTH", audience = "EVERYONE", language = "vi", format = "LINK", licence = "OTHER", externalUrl = "javascript:alert(1)",
        }, "learner", "id");
        bad.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Submit(null, "Ẩn danh")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        var queue = await app.GraphQL("query($u: ID!) { resourcesToReview(unitId: $u) { nodes { id } } }", new { u = await _api.Org.UnitId("TW") },
            await _api.Org.Token("central"));
        queue.Data["resourcesToReview"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    /// <summary>
    /// The server's rule for `language` (a 2–3 letter ISO 639 code) holds whatever a client offers: the console's list
    /// (ADR 0315) is a convenience, not the check. A name, a tag with a region, a digit or nothing is refused with the
    /// Vietnamese sentence, on submission and on edit, and nothing is stored or changed.
    /// </summary>
    [Theory]
    [InlineData("Tiếng Việt")]
    [InlineData("vi-VN")]
    [InlineData("v")]
    [InlineData("khmr")]
    [InlineData("k1")]
    [InlineData(" ")]
    public async Task A_language_that_is_not_a_2_or_3_letter_code_is_refused_and_changes_nothing(string language)
    {
        const string message = "Ngôn ngữ là mã ISO 639 (ví dụ `vi`, `en`).";
        var input = new
        {
            title = "Sách nói tiếng Khmer", description = "Truyện cổ tích đọc bằng tiếng Khmer.", domain = "CULTURE_AND_ARTS", audience = "CHILDREN",
            language, format = "AUDIO", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/khmer",
        };
        var submitted = await _api.Org.Mutate("submitResource", input, "learner", "id");
        (submitted.FirstErrorCode, submitted.FirstErrorMessage).ShouldBe(("INVALID_INPUT", message));
        var queue = await app.GraphQL("query($u: ID!) { resourcesToReview(unitId: $u) { nodes { id } } }", new { u = await _api.Org.UnitId("TW") },
            await _api.Org.Token("central"));
        queue.Data["resourcesToReview"]!["nodes"]!.AsArray().ShouldBeEmpty();

        var id = await SubmitOk("Kỹ năng số");
        var before = await app.GraphQL("query($id: ID!) { resource(id: $id) { language version title } }", new { id });
        var edited = await _api.Org.Mutate("editResource", new
        {
            resourceId = id, expectedVersion = before.Data["resource"]!["version"]!.GetValue<int>(), input.title, input.description, input.domain,
            input.audience, language, input.format, input.licence, input.externalUrl,
        }, "commune", "version");
        (edited.FirstErrorCode, edited.FirstErrorMessage).ShouldBe(("INVALID_INPUT", message));
        (await app.GraphQL("query($id: ID!) { resource(id: $id) { language version title } }", new { id })).Data.ToJsonString()
            .ShouldBe(before.Data.ToJsonString());
    }

    [Theory]
    [InlineData("approveResource", null, "NOT_AUTHENTICATED")]
    [InlineData("approveResource", "learner", "NOT_ALLOWED")]
    [InlineData("approveResource", "sibling-province", "NOT_ALLOWED")]
    [InlineData("approveResource", "commune", null)]
    [InlineData("approveResource", "province", null)]
    [InlineData("approveResource", "central", null)]
    [InlineData("rejectResource", null, "NOT_AUTHENTICATED")]
    [InlineData("rejectResource", "learner", "NOT_ALLOWED")]
    [InlineData("rejectResource", "sibling-province", "NOT_ALLOWED")]
    [InlineData("rejectResource", "commune", null)]
    [InlineData("rejectResource", "province", null)]
    [InlineData("rejectResource", "central", null)]
    public async Task Only_officials_of_the_reviewing_unit_or_above_review(string mutation, string? login, string? expected)
    {
        var id = await SubmitOk("Kỹ năng số", approve: false);
        var response = await Review(mutation, login, id);
        if (expected is null) response.HasErrors.ShouldBeFalse(response.Body);
        else
        {
            response.FirstErrorCode.ShouldBe(expected);
            (await app.GraphQL("query($id: ID!) { resource(id: $id) { status } }", new { id }, await _api.Org.Token("learner")))
                .Data["resource"]!["status"]!.GetValue<string>().ShouldBe("SUBMITTED");
        }
    }
}
