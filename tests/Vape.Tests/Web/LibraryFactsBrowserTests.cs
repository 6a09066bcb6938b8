using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vape.Tests.Content;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// What a library resource is for (issue #21): the public page lists its subject area, audience, level, language by
/// its name, format and licence under the title; the library's list tags each result's audience and language, and
/// filters by subject area and audience as by format. The console's language is a choice of names whose every value
/// the server accepts (ADR 0315); a code outside the list that a resource already has stays as it is.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LibraryFactsBrowserTests(WebHost web)
{
    private readonly ContentApi _api = new(web.App);

    [Fact]
    public async Task A_learner_filters_the_library_by_subject_area_and_audience_and_reads_what_a_resource_is_for()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var (khmer, youth) = ($"Truyện cổ Khmer cho ông bà {n}", $"Lập trình cho thanh niên {n}");
        var khmerId = await Submit(khmer, domain: "HEALTH", audience: "ELDERLY", language: "km", format: "VIDEO", licence: "CC_BY_SA", level: "Cơ bản");
        await Submit(youth, domain: "DIGITAL_SKILLS", audience: "YOUTH", language: "vi", format: "DOCUMENT", licence: "CC_0", level: null);

        var page = await web.SignedIn("learner2");
        await page.GotoAsync("/library");
        await page.GetByLabel("Tìm tài liệu").FillAsync(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Tìm tài liệu").PressAsync("Enter");
        var card = (string title) => page.Locator("li.card").Filter(new() { HasText = title });
        await Expect(card(khmer).Locator(".tag")).ToHaveTextAsync(["Video", "Người cao tuổi", "Tiếng Khmer"]);
        // Vietnamese, the library's own language, is not tagged.
        await Expect(card(youth).Locator(".tag")).ToHaveTextAsync(["Tài liệu", "Thanh niên"]);

        var domains = page.GetByRole(AriaRole.Group, new() { Name = "Lĩnh vực" });
        var audiences = page.GetByRole(AriaRole.Group, new() { Name = "Đối tượng" });
        await Expect(domains.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Kỹ năng số (1)", "Sức khỏe (1)"]);
        await Expect(audiences.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Người cao tuổi (1)", "Thanh niên (1)"]);
        await ConsoleChecks.PhoneFriendly(page, "library-facets");

        await domains.GetByRole(AriaRole.Button, new() { Name = "Sức khỏe (1)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/library\\?q={n}&domain=HEALTH$"));
        await Expect(domains.GetByRole(AriaRole.Button, new() { Name = "Sức khỏe (1)" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("li.card h2")).ToHaveTextAsync([khmer]);
        // Each facet counts over the others: within health, one audience is left.
        await Expect(audiences.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Người cao tuổi (1)"]);

        // Health off, young people on: the other resource alone.
        await domains.GetByRole(AriaRole.Button, new() { Name = "Sức khỏe (1)" }).ClickAsync();
        await audiences.GetByRole(AriaRole.Button, new() { Name = "Thanh niên (1)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/library\\?q={n}&audience=YOUTH$"));
        await Expect(page.Locator("li.card h2")).ToHaveTextAsync([youth]);
        await page.ReloadAsync();
        await Expect(page.Locator("li.card h2")).ToHaveTextAsync([youth]);
        await Expect(audiences.GetByRole(AriaRole.Button, new() { Name = "Thanh niên (1)" })).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GotoAsync($"/library?q={n}");
        await card(khmer).GetByRole(AriaRole.Link, new() { Name = khmer }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(khmer);
        var facts = page.GetByTestId("resource-facts");
        await Expect(facts.Locator("dt")).ToHaveTextAsync(["Lĩnh vực", "Đối tượng", "Trình độ", "Ngôn ngữ", "Định dạng", "Giấy phép"]);
        await Expect(facts.Locator("dd")).ToHaveTextAsync(["Sức khỏe", "Người cao tuổi", "Cơ bản", "Tiếng Khmer", "Video", "CC BY-SA"]);
        await ConsoleChecks.PhoneFriendly(page, "library-resource-facts");

        // The same page in English names the language in English.
        await page.GotoAsync("/");
        await page.EvaluateAsync("localStorage.setItem('vape.locale', 'en')");
        await page.GotoAsync($"/library/{khmerId}");
        await Expect(facts.Locator("dd")).ToHaveTextAsync(["Health", "Older people", "Cơ bản", "Khmer", "Video", "CC BY-SA"]);

        // A resource without a level lists no level; a public-domain dedication is named as such.
        await page.EvaluateAsync("localStorage.setItem('vape.locale', 'vi')");
        await page.GotoAsync($"/library?q={n}");
        await card(youth).GetByRole(AriaRole.Link, new() { Name = youth }).ClickAsync();
        await Expect(facts.Locator("dt")).ToHaveTextAsync(["Lĩnh vực", "Đối tượng", "Ngôn ngữ", "Định dạng", "Giấy phép"]);
        await Expect(facts.Locator("dd")).ToHaveTextAsync(["Kỹ năng số", "Thanh niên", "Tiếng Việt", "Tài liệu", "CC0"]);
    }

    [Fact]
    public async Task Every_language_the_console_offers_is_one_the_server_accepts_and_a_code_outside_the_list_is_kept()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Từ điển Việt – Đức cho người đi làm {n}";
        var id = await Submit(title, domain: "FOREIGN_LANGUAGES", audience: "ADULTS", language: "de", format: "DOCUMENT", licence: "CC_BY", level: null);

        var official = await web.SignedIn("commune");
        await official.GotoAsync("/console/content/library");
        await official.GetByLabel("Tìm tài nguyên đã đăng").FillAsync(title);
        await official.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var item = official.GetByTestId("published-item").Filter(new() { HasText = title });
        await item.GetByRole(AriaRole.Button, new() { Name = "Sửa" }).ClickAsync();
        var language = item.GetByLabel("Ngôn ngữ");
        (await language.EvaluateAsync<string>("e => e.tagName")).ShouldBe("SELECT", "the language is chosen, not typed");
        // German is not in the list: the resource's own code is offered first, by the browser's name for it.
        await Expect(language).ToHaveValueAsync("de");
        await Expect(language.Locator("option:checked")).ToHaveTextAsync("Tiếng Đức");

        var options = await language.Locator("option").EvaluateAllAsync<string[][]>("os => os.map(o => [o.value, o.textContent])");
        var offered = options.Skip(1).ToDictionary(o => o[0], o => o[1]);
        offered.Count.ShouldBe(22);
        offered["vi"].ShouldBe("Tiếng Việt");
        offered["en"].ShouldBe("Tiếng Anh");
        offered["km"].ShouldBe("Tiếng Khmer");
        offered["hmn"].ShouldBe("Tiếng H’Mông");
        offered["tyz"].ShouldBe("Tiếng Tày");
        offered.ShouldAllBe(o => o.Value.StartsWith("Tiếng ", StringComparison.Ordinal), "each by its Vietnamese name, never its code");
        await Expect(language.Locator("optgroup")).ToHaveCountAsync(2);
        await ConsoleChecks.PhoneFriendly(official, "console-published-language");

        // Saved without touching the language: a new version (submitted 1, approved 2, saved 3), still German.
        await item.GetByRole(AriaRole.Button, new() { Name = "Lưu mô tả" }).ClickAsync();
        await Expect(official.GetByTestId("published-done")).ToContainTextAsync($"Đã lưu mô tả của “{title}”");
        var read = await Read(id);
        (read["language"]!.GetValue<string>(), read["version"]!.GetValue<int>()).ShouldBe(("de", 3));

        // Each code the form offers, sent as the form sends it, is taken by the server.
        var version = 3;
        foreach (var code in offered.Keys)
        {
            var edited = await _api.Org.Mutate("editResource", new
            {
                resourceId = id, expectedVersion = version, title, description = "Từ thông dụng nơi làm việc.", domain = "FOREIGN_LANGUAGES",
                audience = "ADULTS", language = code, format = "DOCUMENT", licence = "CC_BY", externalUrl = $"https://khuyenhoc.vn/tai-nguyen/tu-dien-{n}",
            }, "commune", "language version");
            edited.HasErrors.ShouldBeFalse($"{code}: {edited.Body}");
            (edited.Data["editResource"]!["language"]!.GetValue<string>(), edited.Data["editResource"]!["version"]!.GetValue<int>()).ShouldBe((code, ++version));
        }
    }

    private async Task<System.Text.Json.Nodes.JsonNode> Read(string id)
    {
        var read = await web.App.GraphQL("query($id: ID!) { resource(id: $id) { language version } }", new { id });
        read.HasErrors.ShouldBeFalse(read.Body);
        return read.Data["resource"]!;
    }

    private async Task<string> Submit(string title, string domain, string audience, string language, string format, string licence, string? level)
    {
        var submitted = await _api.Org.Mutate("submitResource", new
        {
            title, description = "Từ thông dụng nơi làm việc.", domain, audience, language, format, licence, educationalLevel = level,
            author = "Hội Khuyến học phường Ba Đình", externalUrl = "https://khuyenhoc.vn/tai-nguyen/" + Uri.EscapeDataString(title),
        }, "learner", "id");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        var id = submitted.Data["submitResource"]!["id"]!.GetValue<string>();
        var approved = await _api.Org.Mutate("approveResource", new { resourceId = id }, "commune", "status");
        approved.HasErrors.ShouldBeFalse(approved.Body);
        return id;
    }
}
