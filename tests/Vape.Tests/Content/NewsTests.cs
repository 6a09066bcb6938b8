using System.Text.Json.Nodes;
using Vape.Content.News;
using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>News of activities: publishing, feeds with cursors and visibility, Markdown that is safe to show.</summary>
[Collection(VapeCollection.Name)]
public sealed class NewsTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> Publish(string? login, string unitCode, string title, bool isPublic = true, string body = "Hội Khuyến học **phường** tổ chức trao học bổng.") =>
        await _api.Org.Mutate("publishNews", new { unitId = await _api.Org.UnitId(unitCode), title, body, @public = isPublic }, login, "id title html public unit { code }");

    private async Task<string[]> Feed(string? login, string? unitCode, int first = 20)
    {
        var unitId = unitCode is null ? null : await _api.Org.UnitId(unitCode);
        var response = await app.GraphQL("query($u: ID, $f: Int) { news(unitId: $u, first: $f) { nodes { title } } }", new { u = unitId, f = first },
            login is null ? null : await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["news"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToArray();
    }

    [Fact]
    public async Task Public_news_is_in_the_public_feed_and_the_feeds_of_the_units_above_it()
    {
        var published = await Publish("commune", "T01-X001", "Trao 50 suất học bổng");
        published.HasErrors.ShouldBeFalse(published.Body);
        published.Data["publishNews"]!["html"]!.GetValue<string>().ShouldBe("<p>Hội Khuyến học <strong>phường</strong> tổ chức trao học bổng.</p>\n");
        await Publish("sibling-province", "T18", "Hải Phòng phát động tháng khuyến học");

        (await Feed(null, null)).ShouldBe(["Hải Phòng phát động tháng khuyến học", "Trao 50 suất học bổng"]);
        (await Feed(null, "T01")).ShouldBe(["Trao 50 suất học bổng"]);
        (await Feed(null, "T01-X001")).ShouldBe(["Trao 50 suất học bổng"]);
        (await Feed(null, "T01-X002")).ShouldBeEmpty();
        (await Feed(null, "TW")).Length.ShouldBe(2);
    }

    [Fact]
    public async Task News_for_the_subtree_only_is_seen_by_its_members_and_officials_and_nobody_else()
    {
        (await Publish("commune", "T01-X001", "Họp chi hội tháng 12", isPublic: false)).HasErrors.ShouldBeFalse();

        (await Feed("learner", "T01-X001")).ShouldBe(["Họp chi hội tháng 12"]);
        (await Feed("commune", "T01-X001")).ShouldBe(["Họp chi hội tháng 12"]);
        (await Feed("province", "T01")).ShouldBe(["Họp chi hội tháng 12"]);
        (await Feed(null, "T01-X001")).ShouldBeEmpty();
        (await Feed("learner-hp", "T01-X001")).ShouldBeEmpty();
        (await Feed("sibling-province", "TW")).ShouldBeEmpty();
        (await Feed("learner", null)).ShouldBeEmpty();
    }

    private async Task<JsonNode?> Item(string? login, string id)
    {
        var response = await app.GraphQL("query($id: ID!) { newsItem(id: $id) { title public unit { code } } }", new { id },
            login is null ? null : await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["newsItem"];
    }

    [Fact]
    public async Task One_item_is_read_by_its_id_by_whoever_may_see_it_in_a_feed_and_by_nobody_else()
    {
        var open = (await Publish("commune", "T01-X001", "Tin công khai")).Data["publishNews"]!["id"]!.GetValue<string>();
        var closed = (await Publish("commune", "T01-X001", "Tin nội bộ", isPublic: false)).Data["publishNews"]!["id"]!.GetValue<string>();
        // Older than any page of the feed the web app reads: found by its id all the same.
        for (var i = 0; i < 3; i++) await Publish("commune", "T01-X001", $"Tin sau {i}");

        (await Item(null, open))!["title"]!.GetValue<string>().ShouldBe("Tin công khai");
        (await Item("learner-hp", open))!["unit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        (await Item("learner", closed))!["public"]!.GetValue<bool>().ShouldBeFalse();
        (await Item("province", closed)).ShouldNotBeNull();
        // Not to be seen, withdrawn or unknown: the same null, so nobody learns that an item exists.
        (await Item(null, closed)).ShouldBeNull();
        (await Item("learner-hp", closed)).ShouldBeNull();
        (await Item("sibling-province", closed)).ShouldBeNull();
        (await Item(null, Guid.CreateVersion7().ToString())).ShouldBeNull();
        var version = (await app.GraphQL("query($id: ID!) { newsItem(id: $id) { version } }", new { id = open })).Data["newsItem"]!["version"]!.GetValue<int>();
        (await _api.Org.Mutate("withdrawNews", new { newsId = open, expectedVersion = version }, "commune")).HasErrors.ShouldBeFalse();
        (await Item(null, open)).ShouldBeNull();
        (await app.GraphQL("{ newsItem(id: \"không phải id\") { title } }")).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task The_feed_pages_with_cursors_newest_first()
    {
        for (var i = 1; i <= 5; i++) await Publish("province", "T01", $"Tin số {i}");
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await app.GraphQL("query($a: String) { news(first: 2, after: $a) { nodes { title } pageInfo { hasNextPage endCursor } } }", new { a = after });
            var news = page.Data["news"]!;
            seen.AddRange(news["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
            after = news["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? news["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after is not null);
        seen.ShouldBe(["Tin số 5", "Tin số 4", "Tin số 3", "Tin số 2", "Tin số 1"]);
        (await app.GraphQL("{ news(after: \"không phải con trỏ\") { nodes { title } } }")).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Script_in_Markdown_is_shown_as_text_and_never_runs()
    {
        var body = "# Tiêu đề\n<script>alert('x')</script>\n<img src=x onerror=alert(1)>\n[bấm vào](javascript:alert(1)) và [trang hội](https://khuyenhoc.vn/tin?a=1&b=2)\n![ảnh\" onerror=\"x](https://khuyenhoc.vn/a.jpg)";
        var response = await Publish("commune", "T01-X001", "Tin có mã độc", body: body);
        var html = response.Data["publishNews"]!["html"]!.GetValue<string>();
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("javascript:");
        html.ShouldNotContain("\" onerror");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("<h1>Tiêu đề</h1>");
        html.ShouldContain("<a href=\"https://khuyenhoc.vn/tin?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">trang hội</a>");
        html.ShouldContain("<img src=\"https://khuyenhoc.vn/a.jpg\" alt=\"ảnh&quot; onerror=&quot;x\" loading=\"lazy\">");
    }

    [Fact]
    public void Markdown_lists_quotes_and_code_render_and_stay_escaped()
    {
        Markdown.ToHtml("- một\n- *hai*\n\n1. ba\n\n> trích\n\n```\n<b>mã</b>\n```").ShouldBe(
            "<ul>\n<li>một</li>\n<li><em>hai</em></li>\n</ul>\n<ol>\n<li>ba</li>\n</ol>\n<blockquote>trích</blockquote>\n<pre><code>&lt;b&gt;mã&lt;/b&gt;\n</code></pre>\n");
    }

    [Theory]
    [InlineData(null, "NOT_AUTHENTICATED")]
    [InlineData("learner", "NOT_ALLOWED")]
    [InlineData("sibling-province", "NOT_ALLOWED")]
    [InlineData("commune", null)]
    [InlineData("province", null)]
    [InlineData("central", null)]
    public async Task Only_officials_of_the_unit_or_above_publish_its_news(string? login, string? expected)
    {
        var response = await Publish(login, "T01-X001", "Tin của Ba Đình");
        if (expected is null) response.HasErrors.ShouldBeFalse(response.Body);
        else
        {
            response.FirstErrorCode.ShouldBe(expected);
            (await Feed(null, null)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task An_empty_title_or_body_is_refused_and_nothing_is_published()
    {
        (await Publish("commune", "T01-X001", "  ")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Publish("commune", "T01-X001", "Tiêu đề", body: "")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Publish("commune", "T01-X001", new string('a', 301))).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Feed("commune", null)).ShouldBeEmpty();
    }
}
