using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The dashboards' subtree filter (issue #21): the centre's official finds a commune two levels down by folded search,
/// every chart's table shows that commune's figures as the API gives them, the choice is in the URL (a reload keeps
/// it); a commune's official who puts a unit outside their tree in the URL gets the API's refusal, no figures.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleDashboardSubtreeTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    [Fact]
    public async Task The_centre_picks_a_commune_two_levels_down_by_search_and_every_table_shows_its_figures()
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var baDinh = await _org.UnitId("T01-X001");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var token = await _org.Token("central");
        var api = await web.App.GraphQL("""
            query($u: ID!, $y: Int!) {
              unit(id: $u) { statistics { members } }
              recordStatistics(unitId: $u, year: $y) { total { people hidden } }
              directiveCompletion(unitId: $u) { directives total { units } }
              classAttendanceByMonth(unitId: $u) { months { month sessions } }
            }
            """, new { u = baDinh, y = year }, token);
        api.HasErrors.ShouldBeFalse(api.Body);

        var official = await web.SignedIn("central");
        await official.GotoAsync("/console/dashboards");
        await Expect(official.GetByTestId("dash-within")).ToContainTextAsync("Đang xem: Hội Khuyến học Việt Nam");
        await official.GetByLabel("Tìm một đơn vị trong cây của tôi").FillAsync("phuong ba dinh");
        await official.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await official.GetByTestId("dash-found").GetByRole(AriaRole.Button, new() { Name = "Phường Ba Đình", Exact = true }).ClickAsync();
        await Expect(official).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"within={baDinh}"));
        await Expect(official.GetByTestId("dash-within")).ToContainTextAsync("Đang xem: Phường Ba Đình.");

        async Task Tables()
        {
            foreach (var section in new[] { "dash-members", "dash-hours", "dash-attendance", "dash-directives" })
                await Expect(official.GetByTestId(section)).ToHaveAttributeAsync("aria-busy", "false");
            var members = official.GetByTestId("dash-members").GetByRole(AriaRole.Table);
            await Expect(members).ToContainTextAsync("Hội viên và đơn vị của Phường Ba Đình");
            await Expect(members.Locator("tbody tr").Last).ToContainTextAsync(api.Data["unit"]!["statistics"]!["members"]!.GetValue<long>().ToString("N0", vi));

            var hours = official.GetByTestId("dash-hours").GetByRole(AriaRole.Table);
            await Expect(hours).ToContainTextAsync($"Số giờ học năm {year} của Phường Ba Đình");
            var total = api.Data["recordStatistics"]!["total"]!;
            var people = total["hidden"]!.GetValue<bool>() ? "< 5" : total["people"]!.GetValue<int>().ToString("N0", vi);
            await Expect(hours.Locator("tbody tr").Last.Locator("td").First).ToHaveTextAsync(people);

            var attendance = official.GetByTestId("dash-attendance").GetByRole(AriaRole.Table);
            await Expect(attendance).ToContainTextAsync("Các buổi học của Phường Ba Đình");
            var months = api.Data["classAttendanceByMonth"]!["months"]!.AsArray();
            var rows = attendance.Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(months.Count);
            for (var i = 0; i < months.Count; i++)
                await Expect(rows.Nth(i).Locator("td").First).ToHaveTextAsync(months[i]!["sessions"]!.GetValue<int>().ToString("N0", vi));

            var directives = official.GetByTestId("dash-directives").GetByRole(AriaRole.Table);
            var completion = api.Data["directiveCompletion"]!;
            await Expect(directives).ToContainTextAsync(
                $"Văn bản do Phường Ba Đình và cấp dưới ban hành ({completion["directives"]!.GetValue<int>().ToString("N0", vi)} văn bản)");
            await Expect(directives.Locator("tbody tr").Last.Locator("td").First).ToHaveTextAsync(completion["total"]!["units"]!.GetValue<int>().ToString("N0", vi));
        }

        await Tables();
        await ConsoleChecks.PhoneFriendly(official, "console-dashboards-within");
        await official.ReloadAsync();
        await Expect(official.GetByTestId("dash-within")).ToContainTextAsync("Đang xem: Phường Ba Đình.");
        await Tables();
        await official.GetByRole(AriaRole.Button, new() { Name = "Xem cả cây Hội Khuyến học Việt Nam" }).ClickAsync();
        await Expect(official.GetByTestId("dash-within")).ToContainTextAsync("Đang xem: Hội Khuyến học Việt Nam");
        await Expect(official).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("within="));
        await official.Context.CloseAsync();
    }

    [Fact]
    public async Task A_unit_outside_my_tree_put_in_the_url_is_refused_by_the_api_the_page_calls()
    {
        var haiPhong = await _org.UnitId("T18");
        var commune = await web.SignedIn("commune");
        await commune.GotoAsync($"/console/dashboards?within={haiPhong}");
        foreach (var section in new[] { "dash-hours", "dash-attendance", "dash-directives" })
        {
            var alert = commune.GetByTestId(section).GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("Bạn không có quyền làm việc này");
            await Expect(commune.GetByTestId(section).GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        }
        await WebHost.ShouldPassAxe(commune);

        var token = await _org.Token("commune");
        foreach (var query in new[]
                 {
                     "query($u: ID!) { recordStatistics(unitId: $u, year: 2026) { total { people } } }",
                     "query($u: ID!) { directiveCompletion(unitId: $u) { directives } }",
                     "query($u: ID!) { classAttendanceByMonth(unitId: $u) { months { sessions } } }",
                 })
            (await web.App.GraphQL(query, new { u = haiPhong }, token)).FirstErrorCode.ShouldBe("NOT_ALLOWED", query);
        await commune.Context.CloseAsync();
    }
}
