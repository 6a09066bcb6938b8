using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A unit's tree past its first page in Chromium at 360×640 (issue #21): a commune with 95 villages shows 50,
/// "Xem thêm đơn vị" brings the other 45 (none twice, none missing, the first 50 where they were), and each page, the
/// first as the appended one, is drawn at most 20 rows at a time (at national scale 60 rows at once were one long task
/// of layout and paint, and so were the 50 children of a unit opened).
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
        // Every change to the tree from the page's start: how many rows each one added (a list put in with its rows
        // counts them all).
        await an.AddInitScriptAsync("""
            window.__treeAdds = [];
            new MutationObserver((records) => {
              let rows = 0;
              for (const r of records)
                for (const n of r.addedNodes)
                  if (n.nodeType === 1 && n.closest('[data-testid="unit-tree"]'))
                    rows += (n.nodeName === 'LI' ? 1 : 0) + n.querySelectorAll('li').length;
              if (rows > 0) window.__treeAdds.push(rows);
            }).observe(document, { childList: true, subtree: true });
            """);
        await an.GotoAsync($"/console/units/{communeId}");
        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(communeName);
        var tree = an.GetByTestId("unit-tree");
        var rows = tree.Locator("ul.tree > li .tree-row a");
        var more = an.GetByRole(AriaRole.Button, new() { Name = "Xem thêm đơn vị" });
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(more).ToBeVisibleAsync();
        var firstPage = await Names(rows);

        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(Villages);
        await Expect(more).ToHaveCountAsync(0);
        var all = await Names(rows);
        all.Take(50).ShouldBe(firstPage, "the first page stays where it was");
        all.ShouldBeUnique();
        all.ShouldBe(villages, ignoreOrder: true);
        var adds = (await an.EvaluateAsync<int[]>("() => window.__treeAdds")).ToList();
        adds.Sum().ShouldBe(Villages);
        adds.ShouldAllBe(a => a <= 20, $"each page is drawn at most 20 rows at a time: {string.Join(", ", adds)}");
        await ConsoleChecks.PhoneFriendly(an, "console-tree-all-pages");
        await an.Context.CloseAsync();
    }

    /// <summary>
    /// Hà Nội's unit page on a phone (Lighthouse's tree page, issue #21): the second column (members, requests,
    /// imports, officials, history, changes) comes below the tree, and a block of it far below the first screen is not
    /// laid out or painted until it nears it (`content-visibility: auto`), its text in the page all the same. Before:
    /// the whole 4,000 px page was styled and laid out in one task when the unit arrived (docs/web.md, "The tree
    /// page's blocking time").
    /// </summary>
    [Fact]
    public async Task The_unit_pages_second_column_is_drawn_as_it_nears_the_screen()
    {
        var chair = await web.SignedIn("province");
        await chair.GotoAsync($"/console/units/{await _org.UnitId("T01")}");
        await Expect(chair.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hà Nội");
        var history = chair.GetByTestId("history");
        await Expect(history.Locator("li").First).ToContainTextAsync("Hà Nội");
        await Expect(chair.GetByTestId("unit-tree").Locator("ul.tree > li").First).ToBeAttachedAsync();

        const string rendered = "(id) => document.querySelector(`[data-testid='${id}'] li`).checkVisibility({ contentVisibilityAuto: true })";
        (await chair.EvaluateAsync<bool>(rendered, "history")).ShouldBeFalse("the history, below the tree on a 360×640 screen, is not drawn yet");
        await history.ScrollIntoViewIfNeededAsync();
        await chair.WaitForFunctionAsync(rendered, "history");
        await chair.Context.CloseAsync();
    }

    private static async Task<List<string>> Names(ILocator rows) =>
        [.. (await rows.AllTextContentsAsync()).Select(t => t.Trim())];
}
