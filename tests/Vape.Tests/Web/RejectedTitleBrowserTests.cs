using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vape.BuildingBlocks.Auth;
using Vape.Records.Contracts;
using Vape.Tests.Records;
using Wolverine.Tracking;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A household's Learning Family proposal that an official rejects (ADR 0309): each member of the household reads on
/// `/record` that it was not confirmed and the official's reason; someone outside the household reads nothing of it,
/// and nobody holds the title.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RejectedTitleBrowserTests(WebHost web)
{
    private readonly RecordsApi _records = new(web.App);

    [Fact]
    public async Task The_members_of_a_household_read_its_rejected_Learning_Family_and_the_reason_and_nobody_else_does()
    {
        // 2023, a year no other test decides in: a new household of two in Sóc Sơn, both learning 4 hours in 2 domains.
        (await _records.Org.Mutate("setTitleRules", new { year = 2023, minHours = 3, minDomains = 2, familyShare = 0.5m, groupShare = 0.6m, minGroupMembers = 3 }, "central", "year"))
            .HasErrors.ShouldBeFalse();
        var n = Random.Shared.Next(100_000, 999_999);
        var socSon = await _records.Org.UnitId("T01-X003");
        var household = Guid.CreateVersion7();
        var (first, second) = ($"Lương Văn Khải {n}", $"Lương Thị Mai {n}");
        var members = new List<Guid>();
        foreach (var name in new[] { first, second })
            await web.App.Host.ExecuteAndWaitAsync(async () =>
            {
                var added = await _records.Org.Mutate("addMember", new { homeUnitId = socSon, fullName = name, birthYear = 1980, householdId = household }, "province", "id");
                added.HasErrors.ShouldBeFalse(added.Body);
                members.Add(Guid.Parse(added.Data["addMember"]!["id"]!.GetValue<string>()));
            });
        foreach (var person in members)
        {
            await _records.Attend(RecordsApi.Attendance(person, Guid.Parse(socSon), LearningDomain.DigitalSkills, 120, date: new DateOnly(2023, 4, 6)));
            await _records.Attend(RecordsApi.Attendance(person, Guid.Parse(socSon), LearningDomain.Science, 120, "Khoa học nhà nông", new DateOnly(2023, 6, 1)));
        }

        var proposals = await web.App.GraphQL("""
            query($u: ID!) { titleProposals(unitId: $u, year: 2023, purpose: EVALUATION, first: 100) { nodes { id kind subjectId status } } }
            """, new { u = socSon }, await _records.Org.Token("province"));
        proposals.HasErrors.ShouldBeFalse(proposals.Body);
        var family = proposals.Data["titleProposals"]!["nodes"]!.AsArray()
            .Single(p => p!["kind"]!.GetValue<string>() == "LEARNING_FAMILY" && p["subjectId"]!.GetValue<string>() == household.ToString())!;
        var reason = $"Hộ chưa đăng ký thi đua Gia đình học tập năm 2023 ({n}).";
        var rejected = await _records.Org.Mutate("rejectTitle", new { unitId = socSon, year = 2023, proposalId = family["id"]!.GetValue<string>(), reason }, "province", "status");
        rejected.HasErrors.ShouldBeFalse(rejected.Body);

        var page = await SignedInAs(members[0], first);
        await page.GotoAsync("/record");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ học tập");
        var shown = page.GetByTestId("rejected-titles").Locator("li");
        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown).ToContainTextAsync("Gia đình học tập · 2023");
        await Expect(shown).ToContainTextAsync($"Lý do từ chối: {reason}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đề xuất danh hiệu không được công nhận" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("record-titles")).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(page, "record-rejected-title");

        // The other member reads the same; someone outside the household reads none of it.
        var other = await Rejections(Token(members[1], second));
        other.Select(r => (r!["kind"]!.GetValue<string>(), r["year"]!.GetValue<int>(), r["reason"]!.GetValue<string>())).ShouldBe([("LEARNING_FAMILY", 2023, reason)]);
        (await Rejections(await _records.Org.Token("learner"))).ShouldNotContain(r => r!["reason"]!.GetValue<string>() == reason);
    }

    private string Token(Guid person, string name) =>
        web.App.Host.Services.GetRequiredService<LocalTokenIssuer>().Issue(new LoginIdentity(person, $"p-{person:N}", name), TimeSpan.FromHours(1));

    /// <summary>A member with no demo login: a token of the tests' issuer, kept as the app keeps its session.</summary>
    private async Task<IPage> SignedInAs(Guid person, string name)
    {
        var page = await web.Phone();
        await page.GotoAsync("/sign-in");
        await page.EvaluateAsync("""
            s => sessionStorage.setItem('vape.session', JSON.stringify(s))
            """, new { token = Token(person, name), personId = person.ToString(), name, login = $"p-{person:N}" });
        return page;
    }

    private async Task<JsonArray> Rejections(string token)
    {
        var mine = await web.App.GraphQL("{ myRecord { titles { kind year } rejectedTitles { kind year reason } } }", token: token);
        mine.HasErrors.ShouldBeFalse(mine.Body);
        mine.Data["myRecord"]!["titles"]!.AsArray().ShouldNotContain(t => t!["year"]!.GetValue<int>() == 2023);
        return mine.Data["myRecord"]!["rejectedTitles"]!.AsArray();
    }
}
