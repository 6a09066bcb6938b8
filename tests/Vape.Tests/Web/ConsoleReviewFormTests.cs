using Microsoft.Playwright;
using Vape.Tests.Content;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The review queue's "Sửa mô tả" (the shared ResourceForm, issue #21): an official changes every field a reviewer
/// may change on a waiting resource (the language picked by its name), saves and approves it; the library's page shows
/// what was saved, the language as "Tiếng Khmer", and the library's API returns every field as typed.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleReviewFormTests(WebHost web)
{
    private readonly ContentApi _api = new(web.App);

    [Fact]
    public async Task An_official_edits_every_field_of_a_waiting_resource_and_the_library_shows_what_was_saved()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Tài liệu chờ duyệt {n}";
        var id = await Submit(title);
        var saved = new
        {
            title = $"Cẩm nang phòng bệnh mùa mưa {n}",
            description = "Cách giữ nước sạch và phòng sốt xuất huyết cho cả nhà.",
            externalUrl = $"https://khuyenhoc.vn/cam-nang/{n}",
            domain = "HEALTH", audience = "ELDERLY", licence = "CC_BY_SA", language = "km",
            author = "Trạm y tế phường Ba Đình", source = "Sở Y tế Hà Nội", subjects = new[] { "sức khỏe", "mùa mưa" }, educationalLevel = "Cơ bản",
        };

        var official = await web.SignedIn("commune");
        await official.GotoAsync("/console/content/review");
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Duyệt tài nguyên thư viện");
        await Expect(official.GetByTestId("review-queue")).ToBeVisibleAsync();
        var item = official.GetByTestId("review-item").Filter(new() { HasText = title });
        // Oldest first, 20 a page: resources other tests left waiting may come first.
        var more = official.GetByRole(AriaRole.Button, new() { Name = "Xem thêm" });
        for (var page = 0; page < 20 && await item.CountAsync() == 0 && await more.CountAsync() > 0; page++)
        {
            var shown = await official.GetByTestId("review-item").CountAsync();
            await more.ClickAsync();
            await Expect(official.GetByTestId("review-item")).Not.ToHaveCountAsync(shown);
        }

        await item.GetByRole(AriaRole.Button, new() { Name = "Sửa mô tả" }).ClickAsync();
        var form = item.GetByTestId("published-edit");
        await form.GetByLabel("Tên tài nguyên").FillAsync(saved.title);
        await form.GetByLabel("Mô tả", new() { Exact = true }).FillAsync(saved.description);
        await form.GetByLabel("Địa chỉ (URL)").FillAsync(saved.externalUrl);
        await form.GetByLabel("Lĩnh vực").SelectOptionAsync(saved.domain);
        await form.GetByLabel("Đối tượng").SelectOptionAsync(saved.audience);
        await form.GetByLabel("Giấy phép").SelectOptionAsync(saved.licence);
        // The language is chosen by its name (ADR 0315): nothing to type, so no code the server would refuse.
        await form.GetByLabel("Ngôn ngữ").SelectOptionAsync(new SelectOptionValue { Label = "Tiếng Khmer" });
        await form.GetByLabel("Tác giả").FillAsync(saved.author);
        await form.GetByLabel("Nguồn").FillAsync(saved.source);
        await form.GetByLabel("Chủ đề (cách nhau bằng dấu phẩy)").FillAsync(string.Join(", ", saved.subjects));
        await form.GetByLabel("Trình độ").FillAsync(saved.educationalLevel);
        await ConsoleChecks.PhoneFriendly(official, "console-review-full-edit");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu mô tả" }).ClickAsync();
        item = official.GetByTestId("review-item").Filter(new() { HasText = saved.title });
        await Expect(item.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã lưu mô tả của “{saved.title}” (phiên bản 2)");
        await item.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Expect(official.GetByTestId("review-done")).ToContainTextAsync($"Đã duyệt “{saved.title}”");

        // The library's page, read by someone signed out: what was saved.
        var reader = await web.Phone();
        await reader.GotoAsync($"/library/{id}");
        var main = reader.Locator("main");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(saved.title);
        await Expect(main).ToContainTextAsync(saved.description);
        await Expect(main).ToContainTextAsync($"{saved.author} · {saved.source}");
        // What the resource is for, under the title: the subject area, audience and language by their names, the level as typed.
        await Expect(reader.GetByTestId("resource-facts").Locator("dd"))
            .ToHaveTextAsync(["Sức khỏe", "Người cao tuổi", saved.educationalLevel, "Tiếng Khmer", "Liên kết", "CC BY-SA"]);
        await Expect(main).ToContainTextAsync("sức khỏe, mùa mưa");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Mở tài liệu" })).ToHaveAttributeAsync("href", saved.externalUrl);
        await WebHost.ShouldPassAxe(reader);

        // The fields the page does not show, as the library's API returns them to anyone.
        var read = await web.App.GraphQL("query($id: ID!) { resource(id: $id) { title description externalUrl domain audience licence language author source subjects educationalLevel status } }",
            new { id });
        read.HasErrors.ShouldBeFalse(read.Body);
        var r = read.Data["resource"]!;
        (r["title"]!.GetValue<string>(), r["description"]!.GetValue<string>(), r["externalUrl"]!.GetValue<string>()).ShouldBe((saved.title, saved.description, saved.externalUrl));
        (r["domain"]!.GetValue<string>(), r["audience"]!.GetValue<string>(), r["licence"]!.GetValue<string>(), r["language"]!.GetValue<string>())
            .ShouldBe((saved.domain, saved.audience, saved.licence, saved.language));
        (r["author"]!.GetValue<string>(), r["source"]!.GetValue<string>(), r["educationalLevel"]!.GetValue<string>()).ShouldBe((saved.author, saved.source, saved.educationalLevel));
        r["subjects"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(saved.subjects);
        r["status"]!.GetValue<string>().ShouldBe("APPROVED");
    }

    private async Task<string> Submit(string title)
    {
        var response = await _api.Org.Mutate("submitResource", new
        {
            title, description = "Mô tả ban đầu của người gửi.", domain = "GENERAL_KNOWLEDGE", audience = "ADULTS", language = "vi",
            format = "LINK", licence = "CC_BY", subjects = new[] { "ban đầu" }, externalUrl = "https://khuyenhoc.vn/tai-nguyen/cho-duyet-" + title.GetHashCode(),
        }, "learner", "id");
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["submitResource"]!["id"]!.GetValue<string>();
    }
}
