using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A unit's tree past its first page in Chromium at 360×640 (issue #21): a commune with 95 villages shows 50,
/// "Xem thêm đơn vị" brings the other 45 (none twice, none missing, the first 50 where they were), and the appended
/// page is drawn at most 20 rows at a time (at national scale 60 rows at once were one long task of layout and paint).
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleTreePagesTests(WebHost web)
{
    private const int Villages = 95;
    private readonly OrganizationApi _org = new(web.App);

    [Fact]
    public async Task A_tree_past_its_first_page_shows_every_unit_once_and_draws_the_next_page_in_slices()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var communeName = $"Xã nhiều thôn {n}";
        var communeId = await _org.CreatedUnit(await _org.UnitId("T01"), $"T01-P{n}", communeName, "COMMUNE");
        var villages = new List<string>();
        for (var i = 1; i <= Villages; i++)
        {
            var name = $"Thôn {i:00} nhiều thôn {n}";
            await _org.CreatedUnit(communeId, $"T01-P{n}-{i:00}", name, "VILLAGE");
            villages.Add(name);
        }

        var an = await web.SignedIn("central");
        await an.GotoAsync($"/console/units/{communeId}");
        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(communeName);
        var tree = an.GetByTestId("unit-tree");
        var rows = tree.Locator("ul.tree > li .tree-row a");
        var more = an.GetByRole(AriaRole.Button, new() { Name = "Xem thêm đơn vị" });
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(more).ToBeVisibleAsync();
        var firstPage = await Names(rows);

        // Every change to the tree's list from here on: how many rows each one added.
        await an.EvaluateAsync("""
            () => {
              window.__treeAdds = [];
              const list = document.querySelector('[data-testid="unit-tree"] ul.tree');
              new MutationObserver((records) => {
                window.__treeAdds.push(records.reduce((sum, r) => sum + [...r.addedNodes].filter((x) => x.nodeName === 'LI').length, 0));
              }).observe(list, { childList: true });
            }
            """);
        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(Villages);
        await Expect(more).ToHaveCountAsync(0);
        var all = await Names(rows);
        all.Take(50).ShouldBe(firstPage, "the first page stays where it was");
        all.ShouldBeUnique();
        all.ShouldBe(villages, ignoreOrder: true);
        var adds = (await an.EvaluateAsync<int[]>("() => window.__treeAdds")).Where(a => a > 0).ToList();
        adds.Sum().ShouldBe(Villages - 50);
        adds.ShouldAllBe(a => a <= 20, $"an appended page is drawn at most 20 rows at a time: {string.Join(", ", adds)}");
        await ConsoleChecks.PhoneFriendly(an, "console-tree-all-pages");
        await an.Context.CloseAsync();
    }

    private static async Task<List<string>> Names(ILocator rows) =>
        [.. (await rows.AllTextContentsAsync()).Select(t => t.Trim())];
}
