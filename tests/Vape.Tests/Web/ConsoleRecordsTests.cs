using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Records;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The console's Records screens (issue #21): a member's record read with a purpose asked first (the learner sees the
/// look in their access log), title proposals confirmed and rejected, the subtree's statistics with small cells hidden,
/// and a sibling province's official who can neither see nor read Hà Nội's people.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleRecordsTests(WebHost web)
{
    private readonly RecordsApi _records = new(web.App);

    private const string PersonRecordDocument = "ConsolePersonRecord";

    [Fact]
    public async Task An_official_opens_a_members_record_after_giving_a_purpose_and_the_learner_sees_the_look()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var entry = await _records.DeclareOk("learner", RecordsApi.Activity(title: $"Lớp sơ cứu {n}", domain: "HEALTH", hours: 3, date: "2026-05-04"));
        (await _records.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune", "recordVersion")).HasErrors.ShouldBeFalse();
        var baDinh = await _records.Org.UnitId("T01-X001");

        var official = await web.SignedIn("commune");
        var sent = new ConcurrentQueue<string>();
        official.Request += (_, r) =>
        {
            if (r.Url.EndsWith("/graphql", StringComparison.Ordinal) && r.PostData is { } body) sent.Enqueue(body);
        };
        await official.GotoAsync($"/console/units/{baDinh}");
        await official.GetByLabel("Tìm hội viên trong cây (gõ không dấu cũng được)").FillAsync("hoang thi em");
        await official.GetByRole(AriaRole.Button, new() { Name = "Tìm hội viên", Exact = true }).ClickAsync();
        await official.GetByTestId("member-results").GetByRole(AriaRole.Button, new() { Name = "Xem hồ sơ học tập: Hoàng Thị Em" }).ClickAsync();

        // The purpose first: nothing of the record is asked for, or shown, until one is chosen.
        var dialog = official.GetByRole(AriaRole.Dialog, new() { Name = "Hồ sơ học tập của Hoàng Thị Em" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Group, new() { Name = "Mục đích xem hồ sơ" })).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("person-record")).ToHaveCountAsync(0);
        sent.ShouldNotContain(b => b.Contains(PersonRecordDocument));
        await ConsoleChecks.PhoneFriendly(official, "console-record-purpose");
        // Submitting without a purpose reads nothing (the choice is required).
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mở hồ sơ với mục đích này" }).ClickAsync();
        await Expect(dialog.GetByTestId("person-record")).ToHaveCountAsync(0);
        sent.ShouldNotContain(b => b.Contains(PersonRecordDocument));

        await dialog.GetByLabel("Hỗ trợ học tập").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mở hồ sơ với mục đích này" }).ClickAsync();
        var record = dialog.GetByTestId("person-record");
        await Expect(record).ToBeVisibleAsync();
        sent.ShouldContain(b => b.Contains(PersonRecordDocument) && b.Contains("SUPPORT"));
        // The learner's consent is TOTALS (the default): hours by domain and titles, not the activities.
        await Expect(record.GetByRole(AriaRole.Table).Filter(new() { HasText = "Năm 2026" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Sức khỏe" })).ToBeVisibleAsync();
        await Expect(record.GetByTestId("totals-only")).ToBeVisibleAsync();
        await Expect(record).Not.ToContainTextAsync($"Lớp sơ cứu {n}");
        await ConsoleChecks.PhoneFriendly(official, "console-record");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Đóng" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // The learner, on their own phone: the look, with its purpose, in "who looked at my record".
        var learner = await web.SignedIn("learner");
        await learner.GotoAsync("/record");
        await Expect(learner.GetByTestId("access-log").Locator("li").Filter(new() { HasText = "Lê Văn Cường" }).Filter(new() { HasText = "mục đích: hỗ trợ học tập" }).First)
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_official_opens_the_proposals_with_a_purpose_and_confirms_one_and_a_stale_second_decision_shows_the_servers_refusal()
    {
        // 2025's rules and learning, apart from the other tests' 2026: Trần Văn Phúc learns 4 verified hours in 2 domains.
        (await _records.Org.Mutate("setTitleRules", new { year = 2025, minHours = 3, minDomains = 2, familyShare = 0.6m, groupShare = 0.6m, minGroupMembers = 3 }, "central", "year"))
            .HasErrors.ShouldBeFalse();
        foreach (var (title, domain) in new[] { ("Lớp tin học buổi tối 2025", "DIGITAL_SKILLS"), ("Câu lạc bộ khoa học 2025", "SCIENCE") })
        {
            var entry = await _records.DeclareOk("learner2", RecordsApi.Activity(title: title, domain: domain, hours: 2, date: "2025-03-02"));
            (await _records.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune", "recordVersion")).HasErrors.ShouldBeFalse();
        }

        // The province's official opens Hà Nội's proposals first and leaves the page open.
        var province = await web.SignedIn("province");
        await province.GotoAsync("/console/records/titles");
        await OpenProposals(province, "Hà Nội");
        var stale = province.GetByTestId("proposal").Filter(new() { HasText = "Công dân học tập · Trần Văn Phúc" });
        await Expect(stale.GetByTestId("proposal-status")).ToHaveTextAsync("chờ quyết định");

        // The commune's official, from the console's menu: the purpose first, then the list; confirms Phúc's title.
        var official = await web.SignedIn("commune");
        await official.GotoAsync("/console");
        await official.GetByRole(AriaRole.Link, new() { Name = "Danh hiệu đề xuất" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Danh hiệu đề xuất");
        await Expect(official.GetByRole(AriaRole.Group, new() { Name = "Mục đích xem hồ sơ" })).ToBeVisibleAsync();
        await OpenProposals(official, "Phường Ba Đình");
        var phuc = official.GetByTestId("proposal").Filter(new() { HasText = "Công dân học tập · Trần Văn Phúc" });
        await Expect(phuc).ToContainTextAsync("4 giờ, 2 lĩnh vực");
        await Expect(phuc.GetByTestId("proposal-status")).ToHaveTextAsync("chờ quyết định");
        await ConsoleChecks.PhoneFriendly(official, "console-proposals");
        await phuc.GetByRole(AriaRole.Button, new() { Name = "Công nhận" }).ClickAsync();
        await Expect(phuc.GetByTestId("proposal-status")).ToHaveTextAsync("đã công nhận");
        await Expect(phuc.GetByRole(AriaRole.Button, new() { Name = "Công nhận" })).ToHaveCountAsync(0);

        // The province, on its stale page, rejects it: the server's Vietnamese refusal is shown and nothing changes.
        await stale.GetByRole(AriaRole.Button, new() { Name = "Từ chối", Exact = true }).ClickAsync();
        await stale.GetByLabel("Lý do từ chối").FillAsync("Chưa đủ minh chứng.");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Gửi từ chối" }).ClickAsync();
        await Expect(stale.GetByRole(AriaRole.Alert)).ToContainTextAsync("Đề xuất này đã được quyết định trước đó.");
        await Expect(stale.GetByTestId("proposal-status")).ToHaveTextAsync("chờ quyết định");
        await WebHost.ShouldPassAxe(province);

        // The learner's record page shows the title; the proposals' look (EVALUATION) is in their access log.
        var learner = await web.SignedIn("learner2");
        await learner.GotoAsync("/record");
        await Expect(learner.GetByTestId("access-log")).ToContainTextAsync("mục đích: đánh giá, xét danh hiệu");
        await Expect(learner.GetByTestId("record-titles")).ToContainTextAsync("Công dân học tập · 2025");
        var titles = await _records.MyRecord("learner2");
        titles["titles"]!.AsArray().ShouldContain(t => t!["kind"]!.GetValue<string>() == "LEARNING_CITIZEN" && t["year"]!.GetValue<int>() == 2025);
    }

    [Fact]
    public async Task An_official_sees_the_subtrees_statistics_with_the_small_cells_hidden_as_the_api_hides_them()
    {
        await _records.DeclareOk("learner", RecordsApi.Activity(title: "Câu lạc bộ ngoại ngữ", domain: "FOREIGN_LANGUAGES", hours: 1, date: "2026-02-02"));
        var baDinh = await _records.Org.UnitId("T01-X001");
        var api = await web.App.GraphQL("query($u: ID!) { recordStatistics(unitId: $u, year: 2026) { total { hidden } domains { domain people hidden } } }", new { u = baDinh }, await _records.Org.Token("commune"));
        api.HasErrors.ShouldBeFalse(api.Body);
        api.Data["recordStatistics"]!["total"]!["hidden"]!.GetValue<bool>().ShouldBeTrue("Ba Đình has fewer than 5 learners in 2026");

        var official = await web.SignedIn("commune");
        await official.GotoAsync("/console");
        await official.GetByRole(AriaRole.Link, new() { Name = "Thống kê học tập" }).ClickAsync();
        var table = official.GetByRole(AriaRole.Table, new() { Name = "Thống kê học tập năm 2026 của Phường Ba Đình" });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tổng cộng" })).ToContainTextAsync("< 5");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tổng cộng" })).ToContainTextAsync("ẩn");
        // Each domain's row as the API gives it: "< 5" where it hides the cell, the number of people otherwise.
        var languages = api.Data["recordStatistics"]!["domains"]!.AsArray().Single(d => d!["domain"]!.GetValue<string>() == "FOREIGN_LANGUAGES")!;
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ngoại ngữ" }).GetByRole(AriaRole.Cell).First)
            .ToHaveTextAsync(languages["hidden"]!.GetValue<bool>() ? "< 5" : languages["people"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));
        await Expect(table).Not.ToContainTextAsync("Câu lạc bộ ngoại ngữ");
        await ConsoleChecks.PhoneFriendly(official, "console-record-statistics");
    }

    [Fact]
    public async Task A_sibling_provinces_official_is_not_offered_Ha_Nois_people_and_the_calls_the_screens_make_are_refused()
    {
        var baDinh = await _records.Org.UnitId("T01-X001");
        var learner = await _records.Org.PersonId("learner");
        var before = (await _records.MyRecord("learner")).ToJsonString();
        var dung = await web.Phone();
        await ConsoleChecks.SignInWithoutTheButton(dung, "sibling-province");

        // Ba Đình's page: no member is listed, so no record can be opened from it.
        await dung.GotoAsync($"/console/units/{baDinh}");
        await Expect(dung.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phường Ba Đình");
        await Expect(dung.GetByRole(AriaRole.Button, new() { Name = "Xem hồ sơ học tập" })).ToHaveCountAsync(0);
        // The proposals and statistics screens offer her own province only.
        await dung.GotoAsync("/console/records/titles");
        await Expect(dung.GetByLabel("Đơn vị").Locator("option")).ToHaveTextAsync(["Hải Phòng"]);
        await WebHost.ShouldPassAxe(dung);

        // The screens' calls for Hà Nội's people, with her token: NOT_ALLOWED, no data, no look written.
        var token = await _records.Org.Token("sibling-province");
        foreach (var (query, variables) in new (string, object)[]
        {
            ($"query {PersonRecordDocument}($p: ID!) {{ record(personId: $p, purpose: SUPPORT) {{ personId years {{ year hours }} }} }}", new { p = learner }),
            ("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 20) { nodes { id subjectName hours } } }", new { u = baDinh }),
            ("query($u: ID!) { recordStatistics(unitId: $u, year: 2026) { total { people hours } } }", new { u = baDinh }),
        })
        {
            var answer = await web.App.GraphQL(query, variables, token);
            answer.FirstErrorCode.ShouldBe("NOT_ALLOWED", answer.Body);
            answer.Body.ShouldNotContain("\"hours\":");
        }
        (await _records.MyRecord("learner")).ToJsonString().ShouldBe(before);
    }

    /// <summary>The proposals screen for 2025 at one of my units, opened for evaluation.</summary>
    private static async Task OpenProposals(IPage page, string unit)
    {
        await page.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await page.GetByLabel("Năm").FillAsync("2025");
        await page.GetByLabel("Năm").PressAsync("Tab");
        await Expect(page.GetByTestId("proposals")).ToHaveCountAsync(0);
        await page.GetByLabel("Đánh giá, xét danh hiệu").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở danh sách đề xuất" }).ClickAsync();
        await Expect(page.GetByTestId("proposals")).ToBeVisibleAsync();
    }
}
