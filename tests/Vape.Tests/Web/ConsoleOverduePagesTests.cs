using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A directive's overdue drill-down past its first page in Chromium at 360×640 (issue #21): 61 units overdue, the first
/// 50 shown, "Xem thêm đơn vị quá hạn" brings the other 11 (none twice, none missing), each with its officials.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleOverduePagesTests(WebHost web)
{
    private const int Villages = 60;
    private readonly OrganizationApi _org = new(web.App);

    private static string Day(int offset) =>
        DateTime.UtcNow.AddHours(7).Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task GiveOfficial(string unitId, string name)
    {
        var added = await _org.Mutate("addMember", new { homeUnitId = unitId, fullName = name, birthYear = 1980 }, "central", "id");
        added.HasErrors.ShouldBeFalse(added.Body);
        var role = await _org.Mutate("assignRole", new { personId = added.Data["addMember"]!["id"]!.GetValue<string>(), unitId, role = "SECRETARY" }, "central", "id");
        role.HasErrors.ShouldBeFalse(role.Body);
    }

    [Fact]
    public async Task More_than_50_overdue_units_are_read_a_page_at_a_time_none_twice_none_missing_each_with_its_officials()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var communeName = $"Xã quá hạn {n}";
        var communeId = await _org.CreatedUnit(await _org.UnitId("T01"), $"T01-Q{n}", communeName, "COMMUNE");
        // Every third village has a secretary; the others have no official.
        var officials = new Dictionary<string, string?> { [communeName] = null };
        for (var i = 1; i <= Villages; i++)
        {
            var name = $"Thôn {i:00} quá hạn {n}";
            var id = await _org.CreatedUnit(communeId, $"T01-Q{n}-{i:00}", name, "VILLAGE");
            officials[name] = i % 3 == 0 ? $"Bí Thư {i:00} {n}" : null;
            if (officials[name] is { } secretary) await GiveOfficial(id, secretary);
        }
        var issued = await _org.Mutate("issueDirective", new
        {
            issuerUnitId = await _org.UnitId("TW"),
            number = $"{n}/CT-QH",
            title = $"Về việc rà soát đơn vị chậm {n}",
            issuedOn = Day(-10),
            acknowledgeBy = Day(-1),
            targetKind = "SUBTREE",
            targetUnitIds = new[] { communeId },
        }, "central", "id targetCount");
        issued.HasErrors.ShouldBeFalse(issued.Body);
        issued.Data["issueDirective"]!["targetCount"]!.GetValue<int>().ShouldBe(Villages + 1);

        var an = await web.SignedIn("central");
        await an.GotoAsync($"/console/directives/{issued.Data["issueDirective"]!["id"]!.GetValue<string>()}");
        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Về việc rà soát đơn vị chậm {n}");
        await Expect(an.GetByTestId("rollup-total").Locator("td[data-col=overdue]")).ToHaveTextAsync((Villages + 1).ToString(CultureInfo.InvariantCulture));
        var rows = an.GetByTestId("overdue").GetByTestId("overdue-unit");
        var more = an.GetByRole(AriaRole.Button, new() { Name = "Xem thêm đơn vị quá hạn" });
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(more).ToBeVisibleAsync();
        var firstPage = await Names(rows);
        await ConsoleChecks.PhoneFriendly(an, "console-overdue-first-page");

        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(Villages + 1);
        await Expect(more).ToHaveCountAsync(0);
        var all = await Names(rows);
        all.Take(50).ShouldBe(firstPage, "the first page stays where it was");
        all.ShouldBeUnique();
        all.ShouldBe(officials.Keys, ignoreOrder: true);
        foreach (var (unit, secretary) in officials)
        {
            var shown = rows.Filter(new() { Has = an.GetByRole(AriaRole.Link, new() { Name = unit, Exact = true }) }).GetByTestId("officials");
            await Expect(shown).ToHaveTextAsync(secretary is null ? "Đơn vị chưa có cán bộ." : $"Cán bộ: {secretary} (Thư ký)");
        }
        await ConsoleChecks.PhoneFriendly(an, "console-overdue-all-pages");
        await an.Context.CloseAsync();
    }

    private static async Task<List<string>> Names(ILocator rows) =>
        [.. (await rows.Locator("a").AllTextContentsAsync()).Select(t => t.Trim())];
}
