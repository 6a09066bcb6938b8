using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vape.Tests.Records;
using Wolverine.Tracking;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The notifications inbox in the app (issue #22): the shell's bell moves live through `/hubs/notifications`, the
/// inbox lists the notification in Vietnamese with a link to what it is about, and marking read clears the bell on
/// every device of the person.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class InboxBrowserTests(WebHost web)
{
    private readonly RecordsApi _records = new(web.App);
    private const string Learner = "learner2";

    private static ILocator Bell(IPage page) => page.GetByTestId("bell");

    /// <summary>The inbox's items shown as unread (with the "Chưa đọc" mark).</summary>
    private static ILocator Unread(IPage page) => page.GetByTestId("notification").Filter(new() { Has = page.Locator(".badge") });

    /// <summary>The official's decision, sent to the host the learner's browser is connected to (one host, no backplane in the tests).</summary>
    private async Task Verify(string entryId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _records.Org.Token("commune"));
        var response = await http.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($input: VerifyRecordEntryInput!) { verifyRecordEntry(input: $input) { recordVersion } }",
            variables = new { input = new { entryId } },
        });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        JsonNode.Parse(body)!["errors"].ShouldBeNull(body);
    }

    [Fact]
    public async Task A_verified_entry_rings_the_learners_bell_live_and_the_inbox_leads_to_the_record()
    {
        // Start from nothing unread (other tests of this collection may have told this learner things).
        (await _records.Org.Mutate("markNotificationsRead", new { all = true }, Learner)).HasErrors.ShouldBeFalse();
        var n = Random.Shared.Next(100_000, 999_999);
        var entry = await _records.DeclareOk(Learner, RecordsApi.Activity(title: $"Lớp tiếng Anh giao tiếp {n}"));
        var another = await _records.DeclareOk(Learner, RecordsApi.Activity(title: $"Câu lạc bộ cờ vua {n}", domain: "CULTURE_AND_ARTS", hours: 1));

        var page = await web.SignedIn(Learner);
        var phone = await web.SignedIn(Learner); // the same person's second device
        await Expect(Bell(page)).ToHaveAccessibleNameAsync("Thông báo");
        await Expect(Bell(phone)).ToHaveAccessibleNameAsync("Thông báo");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await Verify(entry);

        // Live, without a reload: the same document, its bell now says one unread.
        await Expect(Bell(page)).ToHaveAccessibleNameAsync("Thông báo, 1 chưa đọc");
        await Expect(Bell(page)).ToContainTextAsync("1");
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the page was reloaded");
        await Expect(Bell(phone)).ToHaveAccessibleNameAsync("Thông báo, 1 chưa đọc");
        await Verify(another);
        await Expect(Bell(page)).ToHaveAccessibleNameAsync("Thông báo, 2 chưa đọc");

        await Bell(page).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/notifications$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thông báo");
        var item = page.GetByTestId("notification").First;
        await Expect(item).ToContainTextAsync("Hồ sơ học tập: một mục đã được xác nhận");
        await Expect(item.Locator(".badge")).ToHaveTextAsync("Chưa đọc");
        await Expect(item.Locator("time")).ToHaveTextAsync(new Regex("^(Vừa xong|\\d+ phút trước)$"));
        await Expect(Unread(page)).ToHaveCountAsync(2);
        await ConsoleChecks.PhoneFriendly(page, "inbox");

        // One marked read: the bell says one.
        await page.GetByTestId("notification").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc" }).ClickAsync();
        await Expect(Bell(page)).ToHaveAccessibleNameAsync("Thông báo, 1 chưa đọc");
        await Expect(Unread(page)).ToHaveCountAsync(1);

        await item.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ học tập: một mục đã được xác nhận" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/record$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the app left the page");

        await Bell(page).ClickAsync();
        await Bell(phone).ClickAsync();
        await Expect(Unread(phone)).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu tất cả đã đọc" }).ClickAsync();
        await Expect(Bell(page)).ToHaveAccessibleNameAsync("Thông báo");
        await Expect(Bell(page).Locator(".bell-count")).ToHaveCountAsync(0);
        await Expect(Unread(page)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc" })).ToHaveCountAsync(0);
        // The other device hears it too (`notificationsRead`): its bell and its open inbox.
        await Expect(Bell(phone)).ToHaveAccessibleNameAsync("Thông báo");
        await Expect(Unread(phone)).ToHaveCountAsync(0);
        (await web.App.GraphQL("{ unreadNotificationCount }", token: await _records.Org.Token(Learner))).Data["unreadNotificationCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task A_learner_removed_from_a_class_reads_the_class_and_the_reason_in_the_inbox()
    {
        var classes = new Classes.ClassesApi(web.App);
        var n = Random.Shared.Next(100_000, 999_999);
        var id = Classes.ClassesApi.Id(await classes.Schedule($"Lớp vẽ tranh {n}", capacity: 5));
        (await classes.Org.Mutate("enrolLearner", new { classId = id, personId = await classes.Org.PersonId(Learner) }, "commune", "status"))
            .HasErrors.ShouldBeFalse();
        await web.App.Host.ExecuteAndWaitAsync(async () =>
            (await classes.Org.Mutate("removeLearner", new { classId = id, personId = await classes.Org.PersonId(Learner), reason = $"Lớp dành cho thiếu nhi {n}" },
                "commune", "id")).HasErrors.ShouldBeFalse());

        var page = await web.SignedIn(Learner);
        await page.GotoAsync("/notifications");
        var item = page.GetByTestId("notification").Filter(new() { HasText = $"Lớp vẽ tranh {n}" });
        await Expect(item).ToContainTextAsync($"Bạn đã được đưa ra khỏi lớp «Lớp vẽ tranh {n}»");
        await Expect(item).ToContainTextAsync($"Lý do: Lớp dành cho thiếu nhi {n}");
        await Expect(item.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", $"/classes/{id}");
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in_and_sees_no_bell()
    {
        var page = await web.Phone();
        await page.GotoAsync("/notifications");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?next=%2Fnotifications$"));
        await Expect(Bell(page)).ToHaveCountAsync(0);
    }
}
