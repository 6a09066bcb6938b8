using Microsoft.Playwright;
using Vape.Tests.Records;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The verification queue in the console (issue #21, scenario 5): a learner declares an activity; the commune official
/// opens the queue (the purpose asked first: the look is in the learner's access log), verifies it, and rejects
/// another with a reason; the learner's record page shows one verified and one rejected with that reason.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleVerifyTests(WebHost web)
{
    private readonly RecordsApi _records = new(web.App);

    [Fact]
    public async Task A_commune_official_verifies_and_rejects_from_the_queue_and_the_learner_sees_both()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var kept = $"Lớp kỹ năng số {n}";
        var refused = $"Câu lạc bộ đọc sách {n}";
        await _records.DeclareOk("learner", RecordsApi.Activity(title: kept, domain: "DIGITAL_SKILLS", hours: 2, date: "2026-04-02"));
        await _records.DeclareOk("learner", RecordsApi.Activity(title: refused, domain: "CULTURE_AND_ARTS", hours: 1, date: "2026-04-03"));

        var official = await web.SignedIn("commune");
        await official.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Xác nhận hồ sơ học tập" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mục chờ xác nhận");
        // Nothing of anyone's record is on the page before the official opens the queue for verification.
        await Expect(official.GetByTestId("queue")).ToHaveCountAsync(0);
        await Expect(official.Locator("main")).Not.ToContainTextAsync(kept);
        await official.GetByRole(AriaRole.Button, new() { Name = "Mở hàng chờ để xác nhận" }).ClickAsync();

        var keptItem = official.GetByTestId("queue-item").Filter(new() { HasText = kept });
        var refusedItem = official.GetByTestId("queue-item").Filter(new() { HasText = refused });
        // Oldest first, 20 a page: entries other tests left waiting may come first.
        await Expect(official.GetByTestId("queue")).ToBeVisibleAsync();
        var more = official.GetByRole(AriaRole.Button, new() { Name = "Xem thêm" });
        for (var page = 0; page < 20 && (await keptItem.CountAsync() == 0 || await refusedItem.CountAsync() == 0) && await more.CountAsync() > 0; page++)
        {
            var shown = await official.GetByTestId("queue-item").CountAsync();
            await more.ClickAsync();
            await Expect(official.GetByTestId("queue-item")).Not.ToHaveCountAsync(shown);
        }
        await Expect(keptItem).ToContainTextAsync("Kỹ năng số");
        await Expect(keptItem).ToContainTextAsync("Phường Ba Đình");
        await ConsoleChecks.PhoneFriendly(official, "console-verify");
        await keptItem.GetByRole(AriaRole.Button, new() { Name = "Xác nhận", Exact = true }).ClickAsync();
        await Expect(keptItem).ToHaveCountAsync(0);

        await refusedItem.GetByRole(AriaRole.Button, new() { Name = "Từ chối", Exact = true }).ClickAsync();
        await refusedItem.GetByLabel("Lý do từ chối (người học sẽ đọc)").FillAsync("Chưa có xác nhận của câu lạc bộ.");
        await refusedItem.GetByRole(AriaRole.Button, new() { Name = "Gửi từ chối" }).ClickAsync();
        await Expect(refusedItem).ToHaveCountAsync(0);

        // The learner's record page (part 1): one verified, one rejected.
        var learner = await web.SignedIn("learner");
        await learner.GotoAsync("/record");
        var activities = learner.GetByTestId("activities");
        await Expect(activities.Locator("li").Filter(new() { HasText = kept })).ToContainTextAsync("đã xác nhận");
        await Expect(activities.Locator("li").Filter(new() { HasText = refused })).ToContainTextAsync("bị từ chối");

        // The official's look is in the learner's access log, with its purpose.
        var looks = await web.App.GraphQL("{ myRecordAccessLog(first: 20) { nodes { purpose } } }", token: await _records.Org.Token("learner"));
        looks.HasErrors.ShouldBeFalse(looks.Body);
        looks.Data["myRecordAccessLog"]!["nodes"]!.AsArray().ShouldContain(l => l!["purpose"]!.GetValue<string>() == "VERIFICATION");
    }

    [Fact]
    public async Task A_learner_who_opens_the_queue_is_refused_and_sees_no_one()
    {
        var learner = await web.SignedIn("learner2");
        await learner.GotoAsync("/console/records/verify");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Mở hàng chờ để xác nhận" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(learner.GetByTestId("queue-item")).ToHaveCountAsync(0);
    }
}
