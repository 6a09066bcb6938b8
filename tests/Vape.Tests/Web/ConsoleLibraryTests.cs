using Microsoft.Playwright;
using Vape.Tests.Content;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The console's published resources (issue #21 Content): Ba Đình's official finds a resource the commune approved,
/// edits it and the library's page shows the new title; the province's official, whose edit was read before, is told
/// of the conflict and keeps their text; a sibling province's official sees none of it and the API refuses their
/// edit; a withdrawal without a reason is refused, one with a reason takes the resource out of the anonymous
/// reader's search.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleLibraryTests(WebHost web)
{
    private readonly ContentApi _api = new(web.App);

    [Fact]
    public async Task An_official_edits_and_withdraws_a_published_resource_a_stale_edit_keeps_its_text_and_a_sibling_province_sees_none()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Sổ tay đọc sách cho ông bà {n}";
        var edited = $"Sổ tay đọc sách cho ông bà {n} (bản mới)";
        var staleTitle = $"Sổ tay đọc sách {n} (tỉnh sửa)";
        var id = await SubmitApproved(title);

        var official = await web.SignedIn("commune");
        await official.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Tài nguyên đã đăng" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tài nguyên đã đăng trong thư viện");
        // Folded search: "so tay doc sach" finds "Sổ tay đọc sách".
        var item = await Find(official, $"so tay doc sach cho ong ba {n}", title);
        await ConsoleChecks.PhoneFriendly(official, "console-published");

        // The province's official opens the same resource for editing and types, but has not saved yet.
        var province = await web.SignedIn("province");
        await province.GotoAsync("/console/content/library");
        var stale = await Find(province, title, title);
        await stale.GetByRole(AriaRole.Button, new() { Name = "Sửa" }).ClickAsync();
        await stale.GetByLabel("Tên tài nguyên").FillAsync(staleTitle);

        // The commune's official edits the title and the audience: the library's public page shows the new title.
        await item.GetByRole(AriaRole.Button, new() { Name = "Sửa" }).ClickAsync();
        await item.GetByLabel("Tên tài nguyên").FillAsync(edited);
        await item.GetByLabel("Đối tượng").SelectOptionAsync("ELDERLY");
        await ConsoleChecks.PhoneFriendly(official, "console-published-edit");
        await item.GetByRole(AriaRole.Button, new() { Name = "Lưu mô tả" }).ClickAsync();
        await Expect(official.GetByTestId("published-done")).ToContainTextAsync($"Đã lưu mô tả của “{edited}”");
        var reader = await web.Phone();
        await reader.GotoAsync($"/library/{id}");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(edited);

        // The province's save was read at the older version: the conflict, its text kept.
        await stale.GetByRole(AriaRole.Button, new() { Name = "Lưu mô tả" }).ClickAsync();
        await Expect(stale.GetByTestId("published-conflict")).ToContainTextAsync("Có người vừa sửa tài nguyên này: tải lại");
        await Expect(stale.GetByLabel("Tên tài nguyên")).ToHaveValueAsync(staleTitle);
        await ConsoleChecks.PhoneFriendly(province, "console-published-conflict");
        (await Title(id)).ShouldBe(edited);

        // A sibling province's official: none of Ba Đình's resources in their list, and the API refuses their edit.
        var sibling = await web.Phone();
        await ConsoleChecks.SignInWithoutTheButton(sibling, "sibling-province");
        await sibling.GotoAsync("/console/content/library");
        await Expect(sibling.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tài nguyên đã đăng trong thư viện");
        await sibling.GetByLabel("Tìm tài nguyên đã đăng").FillAsync(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await sibling.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Expect(sibling.GetByTestId("published-empty")).ToBeVisibleAsync();
        await Expect(sibling.GetByTestId("published-item")).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(sibling, "console-published-sibling");
        var version = await Version(id);
        var refused = await _api.Org.Mutate("editResource", new
        {
            resourceId = id, title = "Tỉnh khác sửa", description = "Không được sửa.", domain = "CULTURE_AND_ARTS", audience = "ADULTS", language = "vi",
            format = "LINK", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/" + n, expectedVersion = version,
        }, "sibling-province");
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        refused.FirstErrorMessage!.ShouldContain("Chỉ người gửi hoặc cán bộ của đơn vị duyệt");
        (await Title(id)).ShouldBe(edited);
        (await Version(id)).ShouldBe(version);

        // Withdrawn: a blank reason is the server's INVALID_INPUT (nothing changes), then with a reason, after the second question.
        await official.ReloadAsync();
        item = await Find(official, edited, edited);
        await item.GetByRole(AriaRole.Button, new() { Name = "Rút khỏi thư viện" }).ClickAsync();
        await item.GetByLabel("Lý do rút (người gửi sẽ đọc)").FillAsync("  ");
        await item.GetByRole(AriaRole.Button, new() { Name = "Rút khỏi thư viện" }).ClickAsync();
        await Expect(item).ToContainTextAsync($"Rút “{edited}” khỏi thư viện?");
        await item.GetByRole(AriaRole.Button, new() { Name = "Có, rút khỏi thư viện" }).ClickAsync();
        var alert = item.GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveAttributeAsync("data-code", "INVALID_INPUT");
        await Expect(alert).ToContainTextAsync("Hãy nêu lý do rút tài nguyên");
        await ConsoleChecks.PhoneFriendly(official, "console-published-withdraw-refused");
        (await Version(id)).ShouldBe(version);

        await item.GetByRole(AriaRole.Button, new() { Name = "Thôi" }).ClickAsync();
        await item.GetByLabel("Lý do rút (người gửi sẽ đọc)").FillAsync("Tài liệu đã cũ, có bản mới hơn.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Rút khỏi thư viện" }).ClickAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Có, rút khỏi thư viện" }).ClickAsync();
        await Expect(official.GetByTestId("published-done")).ToContainTextAsync($"Đã rút “{edited}” khỏi thư viện");
        await Expect(official.GetByTestId("published-item").Filter(new() { HasText = edited })).ToHaveCountAsync(0);

        // Gone from the anonymous reader's search; the submitter reads why.
        await reader.GotoAsync("/library");
        await reader.GetByLabel("Tìm tài liệu").FillAsync(edited);
        await reader.GetByLabel("Tìm tài liệu").PressAsync("Enter");
        // (The reader opened it before: it stays under "Tài liệu tôi mở gần đây", kept offline, but the search finds nothing.)
        await Expect(reader.Locator("main")).ToContainTextAsync("Không tìm thấy tài liệu nào.");
        var mine = await web.App.GraphQL("query($id: ID!) { resource(id: $id) { status withdrawalReason } }", new { id }, await _api.Org.Token("learner"));
        mine.Data["resource"]!["status"]!.GetValue<string>().ShouldBe("WITHDRAWN");
        mine.Data["resource"]!["withdrawalReason"]!.GetValue<string>().ShouldBe("Tài liệu đã cũ, có bản mới hơn.");
    }

    /// <summary>Searches the list and returns the one card of that title.</summary>
    private static async Task<ILocator> Find(IPage page, string search, string title)
    {
        await page.GetByLabel("Tìm tài nguyên đã đăng").FillAsync(search);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var item = page.GetByTestId("published-item").Filter(new() { HasText = title });
        await Expect(item).ToHaveCountAsync(1);
        return item;
    }

    private async Task<string> SubmitApproved(string title)
    {
        var submitted = await _api.Org.Mutate("submitResource", new
        {
            title, description = "Cách chọn sách chữ to và đọc cùng cháu.", domain = "CULTURE_AND_ARTS", audience = "ADULTS", language = "vi",
            format = "LINK", licence = "CC_BY", subjects = new[] { "đọc sách" }, externalUrl = "https://khuyenhoc.vn/tai-nguyen/" + title.GetHashCode(),
        }, "learner", "id");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        var id = submitted.Data["submitResource"]!["id"]!.GetValue<string>();
        var approved = await _api.Org.Mutate("approveResource", new { resourceId = id }, "commune", "status");
        approved.HasErrors.ShouldBeFalse(approved.Body);
        return id;
    }

    private async Task<string> Title(string id) => (await Read(id))["title"]!.GetValue<string>();

    private async Task<int> Version(string id) => (await Read(id))["version"]!.GetValue<int>();

    private async Task<System.Text.Json.Nodes.JsonNode> Read(string id)
    {
        var response = await web.App.GraphQL("query($id: ID!) { resource(id: $id) { title version } }", new { id }, await _api.Org.Token("commune"));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["resource"]!;
    }
}
