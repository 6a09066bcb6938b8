using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vape.Tests.Content;
using Wolverine.Tracking;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// "Tài nguyên tôi đã gửi" (issue #21): a learner submits three resources; the commune's official rejects one and
/// withdraws another after approving it. The learner's page lists the three with their states and both reasons,
/// opens the withdrawn one and reads the reason there; the withdrawal's notification leads to the list. Another
/// person's list shows none of them, and someone signed out is sent to sign in and refused by the API.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MyResourcesBrowserTests(WebHost web)
{
    private readonly ContentApi _api = new(web.App);

    [Fact]
    public async Task A_submitter_sees_each_resource_with_its_state_and_the_officials_reasons_and_nobody_else_does()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var (waiting, rejected, withdrawn) = ($"Sách nói cổ tích {n}", $"Quảng cáo khóa học {n}", $"Sổ tay trồng rau {n}");
        var rejectedReason = $"Nội dung quảng cáo, không thuộc khuyến học ({n}).";
        var withdrawnReason = $"Tài liệu đã cũ, có bản mới hơn ({n}).";
        await Submit(waiting);
        var rejectedId = await Submit(rejected);
        var withdrawnId = await Submit(withdrawn);
        (await _api.Org.Mutate("rejectResource", new { resourceId = rejectedId, reason = rejectedReason }, "commune", "status")).HasErrors.ShouldBeFalse();
        var approved = await _api.Org.Mutate("approveResource", new { resourceId = withdrawnId }, "commune", "version");
        approved.HasErrors.ShouldBeFalse(approved.Body);
        await web.App.Host.ExecuteAndWaitAsync(async () =>
            (await _api.Org.Mutate("withdrawResource", new
            {
                resourceId = withdrawnId, expectedVersion = approved.Data["approveResource"]!["version"]!.GetValue<int>(), reason = withdrawnReason,
            }, "commune", "status")).HasErrors.ShouldBeFalse());

        var page = await web.SignedIn("learner");
        await page.GotoAsync("/library");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài nguyên tôi đã gửi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tài nguyên tôi đã gửi");
        var card = (string title) => page.GetByTestId("my-resource").Filter(new() { HasText = title });
        await Expect(card(waiting).GetByTestId("resource-state")).ToHaveTextAsync("Chờ duyệt");
        await Expect(card(rejected).GetByTestId("resource-state").Locator("p")).ToHaveTextAsync(["Bị từ chối", $"Lý do từ chối: {rejectedReason}"]);
        await Expect(card(withdrawn).GetByTestId("resource-state").Locator("p")).ToHaveTextAsync(["Đã bị rút khỏi thư viện", $"Lý do rút: {withdrawnReason}"]);
        // Newest first: the three in the reverse order of their submission.
        await Expect(page.GetByTestId("my-resource").Filter(new() { HasText = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Locator("h2"))
            .ToHaveTextAsync([withdrawn, rejected, waiting]);
        await ConsoleChecks.PhoneFriendly(page, "my-resources");

        await card(withdrawn).GetByRole(AriaRole.Link, new() { Name = withdrawn }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(withdrawn);
        await Expect(page.GetByTestId("resource-state")).ToContainTextAsync($"Lý do rút: {withdrawnReason}");
        await WebHost.ShouldPassAxe(page);

        // The withdrawal's notification leads to the list (before: the library's search, where the resource is not).
        await page.GotoAsync("/notifications");
        var told = page.GetByTestId("notification").Filter(new() { HasText = withdrawn });
        await Expect(told).ToContainTextAsync($"Lý do: {withdrawnReason}");
        await told.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/library/mine$"));
        await Expect(card(rejected)).ToBeVisibleAsync();

        // Another person's list holds none of them; someone signed out is sent to sign in, and the API refuses them.
        var other = await web.SignedIn("learner2");
        await other.GotoAsync("/library/mine");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tài nguyên tôi đã gửi");
        await Expect(other.Locator("main")).Not.ToContainTextAsync(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mine = await web.App.GraphQL("{ myResources(first: 100) { nodes { title } } }", token: await _api.Org.Token("learner2"));
        mine.HasErrors.ShouldBeFalse(mine.Body);
        mine.Body.ShouldNotContain(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var anonymous = await web.Phone();
        await anonymous.GotoAsync("/library/mine");
        await Expect(anonymous).ToHaveURLAsync(new Regex("/sign-in\\?next=%2Flibrary%2Fmine$"));
        (await web.App.GraphQL("{ myResources { nodes { title } } }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    private async Task<string> Submit(string title)
    {
        var submitted = await _api.Org.Mutate("submitResource", new
        {
            title, description = "Tài liệu của hội viên gửi thư viện.", domain = "CULTURE_AND_ARTS", audience = "ADULTS", language = "vi",
            format = "LINK", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/" + Uri.EscapeDataString(title),
        }, "learner", "id");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        return submitted.Data["submitResource"]!["id"]!.GetValue<string>();
    }
}
