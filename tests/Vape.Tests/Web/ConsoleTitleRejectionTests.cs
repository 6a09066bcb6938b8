using Microsoft.Playwright;
using Vape.Records.Contracts;
using Vape.Tests.Records;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A Learning Family proposal rejected from the console (issue #21): a reason of blanks is refused with the server's
/// Vietnamese message and changes nothing; a real reason rejects it, the proposal shows "rejected" and the reason to
/// whoever opens the proposals next, and no member of the household holds the title.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleTitleRejectionTests(WebHost web)
{
    private readonly RecordsApi _records = new(web.App);

    [Fact]
    public async Task The_province_rejects_a_Learning_Family_with_a_reason_and_a_blank_reason_changes_nothing()
    {
        // 2024, apart from the other tests' years: the Nguyễn Đình household of Sóc Sơn, two of three members learning 4 hours in 2 domains.
        (await _records.Org.Mutate("setTitleRules", new { year = 2024, minHours = 3, minDomains = 2, familyShare = 0.6m, groupShare = 0.6m, minGroupMembers = 3 }, "central", "year"))
            .HasErrors.ShouldBeFalse();
        var socSon = Guid.Parse(await _records.Org.UnitId("T01-X003"));
        // The seeded household is the one of the Nguyễn Đình clan (other tests add households of their own to Sóc Sơn).
        var clan = Guid.Parse(await _records.Org.UnitId("T01-X003-02"));
        var family = (await _records.Organization.MembersAsync(clan, false, default)).Where(m => m.HouseholdId is not null).Select(m => m.PersonId).Order().ToList();
        family.Count.ShouldBe(3);
        foreach (var person in family.Take(2))
        {
            await _records.Attend(RecordsApi.Attendance(person, socSon, LearningDomain.DigitalSkills, 120, date: new DateOnly(2024, 4, 6)));
            await _records.Attend(RecordsApi.Attendance(person, socSon, LearningDomain.Science, 120, "Khoa học nhà nông", new DateOnly(2024, 6, 1)));
        }
        await _records.Attend(RecordsApi.Attendance(family[2], socSon, LearningDomain.Health, 60, "Sơ cứu ban đầu", new DateOnly(2024, 6, 2)));

        var province = await web.SignedIn("province");
        await province.GotoAsync("/console/records/titles");
        await OpenProposals(province);
        var household = province.GetByTestId("proposal").Filter(new() { HasText = "Gia đình học tập · Hộ gia đình" });
        await Expect(household).ToContainTextAsync("2/3 thành viên đạt tiêu chí");
        await Expect(household.GetByTestId("proposal-status")).ToHaveTextAsync("chờ quyết định");

        // A reason of blanks passes the browser's "required" but not the server: its message, and the proposal still waits.
        await household.GetByRole(AriaRole.Button, new() { Name = "Từ chối", Exact = true }).ClickAsync();
        await household.GetByLabel("Lý do từ chối").FillAsync("   ");
        await household.GetByRole(AriaRole.Button, new() { Name = "Gửi từ chối" }).ClickAsync();
        await Expect(household.GetByRole(AriaRole.Alert)).ToContainTextAsync("Hãy nhập lý do từ chối.");
        await Expect(household.GetByTestId("proposal-status")).ToHaveTextAsync("chờ quyết định");
        await WebHost.ShouldPassAxe(province);

        var reason = "Hộ chưa đăng ký thi đua Gia đình học tập năm 2024.";
        await household.GetByLabel("Lý do từ chối").FillAsync(reason);
        await household.GetByRole(AriaRole.Button, new() { Name = "Gửi từ chối" }).ClickAsync();
        await Expect(household.GetByTestId("proposal-status")).ToHaveTextAsync("đã từ chối");
        await Expect(household).ToContainTextAsync($"Lý do: {reason}");
        await Expect(household.GetByRole(AriaRole.Button, new() { Name = "Công nhận" })).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(province, "console-proposal-rejected");

        // Opened afresh: the decision and its reason are the server's, not the page's memory.
        await province.ReloadAsync();
        await OpenProposals(province);
        await Expect(household.GetByTestId("proposal-status")).ToHaveTextAsync("đã từ chối");
        await Expect(household).ToContainTextAsync($"Lý do: {reason}");
        foreach (var person in family)
        {
            var record = await _records.Record("province", person.ToString(), "EVALUATION");
            record.HasErrors.ShouldBeFalse(record.Body);
            record.Data["record"]!["titles"]!.AsArray().ShouldNotContain(t => t!["kind"]!.GetValue<string>() == "LEARNING_FAMILY" && t["year"]!.GetValue<int>() == 2024);
        }
        await province.Context.CloseAsync();
    }

    private static async Task OpenProposals(IPage page)
    {
        await page.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Hà Nội" });
        await page.GetByLabel("Năm").FillAsync("2024");
        await page.GetByLabel("Năm").PressAsync("Tab");
        await page.GetByLabel("Đánh giá, xét danh hiệu").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở danh sách đề xuất" }).ClickAsync();
        await Expect(page.GetByTestId("proposals")).ToBeVisibleAsync();
    }
}
