using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A unit's page "as of" a date in Chromium at 360×640 (issue #21): a village moved from one commune to another on
/// a date is in the old commune's tree (and figures) before it and in the new one's after, and the date stays in the
/// URL across a reload.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleAsOfTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    [Fact]
    public async Task A_village_moved_on_a_date_is_under_its_old_commune_before_it_and_under_the_new_one_after()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var haNoi = await _org.UnitId("T01");
        var (oldName, newName, village) = ($"Xã cũ {n}", $"Xã mới {n}", $"Thôn Chuyển {n}");
        var oldId = await _org.CreatedUnit(haNoi, $"T01-O{n}", oldName, "COMMUNE", "2026-01-01");
        var newId = await _org.CreatedUnit(haNoi, $"T01-N{n}", newName, "COMMUNE", "2026-01-01");
        var villageId = await _org.CreatedUnit(oldId, $"T01-O{n}-V", village, "VILLAGE", "2026-02-01");
        // The move the unit page's form makes, effective from the first of June.
        var moved = await _org.Mutate("moveUnit",
            new { unitId = villageId, newParentId = newId, expectedVersion = (await _org.Unit($"T01-O{n}-V"))["version"]!.GetValue<int>(), effectiveFrom = "2026-06-01" },
            "central", "parent { id }");
        moved.HasErrors.ShouldBeFalse(moved.Body);

        var an = await web.SignedIn("central");
        await an.GotoAsync($"/console/units/{oldId}");
        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(oldName);
        var tree = an.GetByTestId("unit-tree");
        var figures = an.GetByTestId("figures");
        var villageLink = tree.GetByRole(AriaRole.Link, new() { Name = village, Exact = true });
        await Expect(tree).ToContainTextAsync("Không có đơn vị trực thuộc.");
        await Expect(figures).ToContainTextAsync("Đơn vị cấp dưới: 0");

        // Before the move: the old commune's tree holds the village, and its figures count it.
        await an.GetByLabel("Xem như vào ngày").FillAsync("2026-03-15");
        await Expect(an).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?asOf=2026-03-15$"));
        await Expect(an.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đang xem như vào ngày" })).ToBeVisibleAsync();
        await Expect(villageLink).ToBeVisibleAsync();
        await Expect(figures).ToContainTextAsync("Đơn vị cấp dưới: 1");
        await ConsoleChecks.PhoneFriendly(an, "console-as-of-before-move");

        // A reload keeps the date, the tree and the figures as they were.
        await an.ReloadAsync();
        await Expect(an.GetByLabel("Xem như vào ngày")).ToHaveValueAsync("2026-03-15");
        await Expect(villageLink).ToBeVisibleAsync();
        await Expect(figures).ToContainTextAsync("Đơn vị cấp dưới: 1");

        // After the move: no longer under the old commune.
        await an.GetByLabel("Xem như vào ngày").FillAsync("2026-07-01");
        await Expect(an).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?asOf=2026-07-01$"));
        await Expect(tree).ToContainTextAsync("Không có đơn vị trực thuộc.");
        await Expect(villageLink).ToHaveCountAsync(0);
        await Expect(figures).ToContainTextAsync("Đơn vị cấp dưới: 0");

        // The new commune, as of the same two dates: the other way round; the village's link keeps the date.
        await an.GotoAsync($"/console/units/{newId}?asOf=2026-07-01");
        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(newName);
        await Expect(an.GetByLabel("Xem như vào ngày")).ToHaveValueAsync("2026-07-01");
        await Expect(villageLink).ToBeVisibleAsync();
        await Expect(figures).ToContainTextAsync("Đơn vị cấp dưới: 1");
        await Expect(villageLink).ToHaveAttributeAsync("href", $"/console/units/{villageId}?asOf=2026-07-01");
        await an.GetByLabel("Xem như vào ngày").FillAsync("2026-03-15");
        await Expect(tree).ToContainTextAsync("Không có đơn vị trực thuộc.");
        await Expect(figures).ToContainTextAsync("Đơn vị cấp dưới: 0");
        await ConsoleChecks.PhoneFriendly(an, "console-as-of-new-parent-before-move");

        // The village's own page: its parents as they were on the date (the old commune before the move, the new after).
        var parents = an.GetByRole(AriaRole.Navigation, new() { Name = "Cấp trên" });
        await an.GotoAsync($"/console/units/{villageId}?asOf=2026-03-15");
        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(village);
        await Expect(parents.GetByRole(AriaRole.Link).Last).ToHaveTextAsync(oldName);
        await Expect(parents.GetByRole(AriaRole.Link, new() { Name = newName })).ToHaveCountAsync(0);
        await Expect(parents.GetByRole(AriaRole.Link, new() { Name = oldName })).ToHaveAttributeAsync("href", $"/console/units/{oldId}?asOf=2026-03-15");
        await an.GotoAsync($"/console/units/{villageId}?asOf=2026-07-01");
        await Expect(parents.GetByRole(AriaRole.Link).Last).ToHaveTextAsync(newName);
        await an.GotoAsync($"/console/units/{villageId}");
        await Expect(parents.GetByRole(AriaRole.Link).Last).ToHaveTextAsync(newName);
        await an.GotoAsync($"/console/units/{newId}?asOf=2026-07-01");

        // Back to today: the date leaves the URL, and the village is under the new commune.
        await an.GetByRole(AriaRole.Button, new() { Name = "Hôm nay" }).ClickAsync();
        await Expect(an).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/console/units/{newId}$"));
        await Expect(villageLink).ToBeVisibleAsync();
        await an.Context.CloseAsync();
    }
}
