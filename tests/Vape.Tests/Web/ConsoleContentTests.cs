using Microsoft.Playwright;
using Vape.Tests.Content;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The console's Content screens (issue #21): a commune official writes news for Ba Đình with a preview and publishes
/// it; a learner of Ba Đình reads it on the news page, then the edit; a second official (the province's) whose edit
/// was read before it is told of the conflict and keeps their text; the item is withdrawn after a confirmation and is
/// listed as withdrawn. The library's review queue: a rejection needs a reason (the server's refusal shown), an approved resource is in the
/// library's search. A learner who opens the screens is refused.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleContentTests(WebHost web)
{
    private readonly ContentApi _api = new(web.App);

    [Fact]
    public async Task An_official_publishes_and_edits_news_a_learner_reads_both_and_a_stale_edit_keeps_its_text()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Ngày hội đọc sách {n}";
        var edited = $"Ngày hội đọc sách {n}: đổi sang chiều thứ Bảy";
        var baDinh = await _api.Org.UnitId("T01-X001");

        var official = await web.SignedIn("commune");
        await official.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Tin của đơn vị" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tin của đơn vị");
        var write = official.GetByTestId("news-write");
        await write.GetByLabel("Tiêu đề").FillAsync(title);
        await write.GetByLabel("Nội dung").FillAsync("Sáng Chủ nhật tại nhà văn hóa phường.\n\nMang theo <b>sách cũ</b> để đổi.");
        await write.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        // The preview is drawn as the learner's news page draws it: paragraphs, the markup shown as text.
        var preview = official.GetByTestId("news-preview");
        await Expect(preview.Locator("p")).ToContainTextAsync(["Bản xem trước", title, "Sáng Chủ nhật tại nhà văn hóa phường.", "Mang theo <b>sách cũ</b> để đổi."]);
        await Expect(preview.Locator("b")).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(official, "console-news-write");
        await write.GetByRole(AriaRole.Button, new() { Name = "Đăng tin" }).ClickAsync();
        await Expect(official.GetByTestId("news-done")).ToContainTextAsync($"Đã đăng tin “{title}”");
        await Expect(write.GetByLabel("Tiêu đề")).ToHaveValueAsync("");
        var item = official.GetByTestId("unit-news-item").Filter(new() { HasText = title });
        await Expect(item).ToContainTextAsync("phiên bản 1");
        await Expect(item).ToContainTextAsync("Trong đơn vị");

        // A learner of Ba Đình reads it on the news page (members only: the unit's feed, not the public board).
        var learner = await web.SignedIn("learner");
        await learner.GotoAsync($"/news?unit={baDinh}");
        await Expect(learner.GetByTestId("news")).ToContainTextAsync(title);

        // The province's official opens the same item for editing (version 1) and types, but has not saved yet.
        var province = await web.SignedIn("province");
        await province.GotoAsync("/console/content/news");
        var stale = province.GetByTestId("unit-news-item").Filter(new() { HasText = title });
        await stale.GetByRole(AriaRole.Button, new() { Name = "Sửa" }).ClickAsync();
        var staleTitle = $"Ngày hội đọc sách {n} (tỉnh sửa)";
        await stale.GetByLabel("Tiêu đề").FillAsync(staleTitle);

        // Meanwhile the commune's official edits it: version 2, and the learner reads the edit.
        await item.GetByRole(AriaRole.Button, new() { Name = "Sửa" }).ClickAsync();
        await item.GetByLabel("Tiêu đề").FillAsync(edited);
        await item.GetByLabel("Nội dung").FillAsync("Chiều thứ Bảy tại nhà văn hóa phường.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Lưu bản sửa" }).ClickAsync();
        await Expect(official.GetByTestId("news-done")).ToContainTextAsync("phiên bản 2");
        await Expect(item).ToContainTextAsync(edited);
        await Expect(item).ToContainTextAsync("Chiều thứ Bảy tại nhà văn hóa phường.");
        await learner.ReloadAsync();
        await Expect(learner.GetByTestId("news")).ToContainTextAsync(edited);
        await Expect(learner.GetByTestId("news")).Not.ToContainTextAsync("Sáng Chủ nhật");

        // The province's save was read at version 1: told of the conflict, its text kept; after reloading, it saves.
        await stale.GetByRole(AriaRole.Button, new() { Name = "Lưu bản sửa" }).ClickAsync();
        await Expect(stale.GetByTestId("news-conflict")).ToContainTextAsync("Có người vừa sửa tin này: tải lại");
        await Expect(stale.GetByLabel("Tiêu đề")).ToHaveValueAsync(staleTitle);
        await ConsoleChecks.PhoneFriendly(province, "console-news-conflict");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Tải lại, giữ chữ của tôi" }).ClickAsync();
        await Expect(stale).ToContainTextAsync("phiên bản 2");
        await Expect(stale.GetByLabel("Tiêu đề")).ToHaveValueAsync(staleTitle);
        await stale.GetByRole(AriaRole.Button, new() { Name = "Lưu bản sửa" }).ClickAsync();
        await Expect(province.GetByTestId("news-done")).ToContainTextAsync("phiên bản 3");

        // Withdrawn after a confirmation: it leaves the learner's feed.
        await official.ReloadAsync();
        var current = official.GetByTestId("unit-news-item").Filter(new() { HasText = staleTitle });
        await current.GetByRole(AriaRole.Button, new() { Name = "Rút tin" }).ClickAsync();
        await Expect(current).ToContainTextAsync($"Rút tin “{staleTitle}”?");
        await current.GetByRole(AriaRole.Button, new() { Name = "Rút tin này" }).ClickAsync();
        await Expect(official.GetByTestId("news-done")).ToContainTextAsync($"Đã rút tin “{staleTitle}”");
        await Expect(official.GetByTestId("unit-news-item").Filter(new() { HasText = $"Ngày hội đọc sách {n}" })).ToHaveCountAsync(0);
        // It stays in the console's list of withdrawn news, with its last text and version (the withdrawal bumped it).
        var gone = official.GetByTestId("withdrawn-news-item").Filter(new() { HasText = staleTitle });
        await Expect(gone).ToContainTextAsync("phiên bản 4");
        await Expect(gone).ToContainTextAsync("Sáng Chủ nhật tại nhà văn hóa phường.");
        await learner.ReloadAsync();
        await Expect(learner.Locator("main")).Not.ToContainTextAsync($"Ngày hội đọc sách {n}");
    }

    [Fact]
    public async Task An_official_rejects_with_a_reason_corrects_and_approves_and_the_approved_resource_is_in_the_library()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var refused = $"Video nấu ăn {n}";
        var kept = $"Hướng dẫn dịch vụ công trực tuyến {n}";
        var refusedId = await Submit(refused);
        await Submit(kept);

        var official = await web.SignedIn("commune");
        await official.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Duyệt tài nguyên thư viện" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Duyệt tài nguyên thư viện");
        var refusedItem = official.GetByTestId("review-item").Filter(new() { HasText = refused });
        var keptItem = official.GetByTestId("review-item").Filter(new() { HasText = kept });
        await Expect(official.GetByTestId("review-queue")).ToBeVisibleAsync();
        // Oldest first, 20 a page: resources other tests left waiting may come first.
        var more = official.GetByRole(AriaRole.Button, new() { Name = "Xem thêm" });
        for (var page = 0; page < 20 && await keptItem.CountAsync() == 0 && await more.CountAsync() > 0; page++)
        {
            var shown = await official.GetByTestId("review-item").CountAsync();
            await more.ClickAsync();
            await Expect(official.GetByTestId("review-item")).Not.ToHaveCountAsync(shown);
        }

        await refusedItem.GetByRole(AriaRole.Button, new() { Name = "Mở để xem" }).ClickAsync();
        await Expect(refusedItem.GetByTestId("review-details")).ToContainTextAsync("Hướng dẫn từng bước");
        await Expect(refusedItem.GetByTestId("review-details")).ToContainTextAsync("CC BY");
        await ConsoleChecks.PhoneFriendly(official, "console-review");

        // A rejection without a reason is the server's INVALID_INPUT, its sentence shown; nothing changes.
        await refusedItem.GetByRole(AriaRole.Button, new() { Name = "Từ chối", Exact = true }).ClickAsync();
        await refusedItem.GetByLabel("Lý do từ chối (người gửi sẽ đọc)").FillAsync("   ");
        await refusedItem.GetByRole(AriaRole.Button, new() { Name = "Gửi từ chối" }).ClickAsync();
        var alert = refusedItem.GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveAttributeAsync("data-code", "INVALID_INPUT");
        await Expect(alert).ToContainTextAsync("Hãy nêu lý do từ chối.");
        (await Status(refusedId)).ShouldBe("SUBMITTED");
        await ConsoleChecks.PhoneFriendly(official, "console-review-reason");

        await refusedItem.GetByLabel("Lý do từ chối (người gửi sẽ đọc)").FillAsync("Không thuộc lĩnh vực khuyến học.");
        await refusedItem.GetByRole(AriaRole.Button, new() { Name = "Gửi từ chối" }).ClickAsync();
        await Expect(official.GetByTestId("review-done")).ToContainTextAsync($"Đã từ chối “{refused}”");
        await Expect(refusedItem).ToHaveCountAsync(0);
        (await Status(refusedId)).ShouldBe("REJECTED: Không thuộc lĩnh vực khuyến học.");

        // The reviewer corrects the title before approving (the version read is sent; the decision is still to make).
        var corrected = kept + " (bản sửa)";
        await keptItem.GetByRole(AriaRole.Button, new() { Name = "Sửa mô tả" }).ClickAsync();
        await keptItem.GetByLabel("Tên tài nguyên").FillAsync(corrected);
        await ConsoleChecks.PhoneFriendly(official, "console-review-edit");
        await keptItem.GetByRole(AriaRole.Button, new() { Name = "Lưu mô tả" }).ClickAsync();
        await Expect(keptItem.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã lưu mô tả của “{corrected}” (phiên bản 2)");
        await Expect(keptItem.GetByRole(AriaRole.Heading)).ToHaveTextAsync(corrected);

        await keptItem.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Expect(official.GetByTestId("review-done")).ToContainTextAsync($"Đã duyệt “{corrected}”");
        await Expect(keptItem).ToHaveCountAsync(0);

        // The library's search (the learner's screen) finds the approved one, not the rejected one.
        var learner = await web.SignedIn("learner");
        await learner.GotoAsync("/library");
        await learner.GetByLabel("Tìm tài liệu").FillAsync(kept);
        await learner.GetByLabel("Tìm tài liệu").PressAsync("Enter");
        await Expect(learner.Locator("main")).ToContainTextAsync(corrected);
        await Expect(learner.Locator("main")).Not.ToContainTextAsync(refused);
    }

    [Fact]
    public async Task A_learner_who_opens_the_content_screens_is_refused_and_the_calls_they_make_are_too()
    {
        var learner = await web.SignedIn("learner2");
        foreach (var (path, shot) in new[] { ("/console/content/news", "console-news-learner"), ("/console/content/review", "console-review-learner") })
        {
            await learner.GotoAsync(path);
            await Expect(learner.GetByTestId("not-official")).ToBeVisibleAsync();
            await Expect(learner.GetByTestId("news-write")).ToHaveCountAsync(0);
            await Expect(learner.GetByTestId("review-queue")).ToHaveCountAsync(0);
            await ConsoleChecks.PhoneFriendly(learner, shot);
        }

        // What the screens would ask, asked directly: refused by the server, whatever the page shows.
        var token = await _api.Org.Token("learner2");
        var baDinh = await _api.Org.UnitId("T01-X001");
        var queue = await web.App.GraphQL("query($u: ID!) { resourcesToReview(unitId: $u) { nodes { id } } }", new { u = baDinh }, token);
        queue.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var publish = await _api.Org.MutateAs(token, "publishNews", new { unitId = baDinh, title = "Tin giả", body = "Không được đăng." }, "id");
        publish.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    private async Task<string> Submit(string title)
    {
        var response = await _api.Org.Mutate("submitResource", new
        {
            title, description = "Hướng dẫn từng bước cho người mới bắt đầu.", domain = "DIGITAL_SKILLS", audience = "ADULTS", language = "vi",
            format = "LINK", licence = "CC_BY", author = "Hội Khuyến học phường Ba Đình", subjects = new[] { "chuyển đổi số" },
            externalUrl = "https://khuyenhoc.vn/tai-nguyen/" + title.GetHashCode(),
        }, "learner", "id status reviewUnit { code }");
        response.HasErrors.ShouldBeFalse(response.Body);
        response.Data["submitResource"]!["reviewUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        return response.Data["submitResource"]!["id"]!.GetValue<string>();
    }

    /// <summary>The resource's state as its submitter reads it: the status, and the reason of a rejection.</summary>
    private async Task<string> Status(string id)
    {
        var response = await web.App.GraphQL("query($id: ID!) { resource(id: $id) { status rejectionReason } }", new { id }, await _api.Org.Token("learner"));
        response.HasErrors.ShouldBeFalse(response.Body);
        var r = response.Data["resource"]!;
        return r["status"]!.GetValue<string>() + (r["rejectionReason"]?.GetValue<string>() is { } reason ? ": " + reason : "");
    }
}
