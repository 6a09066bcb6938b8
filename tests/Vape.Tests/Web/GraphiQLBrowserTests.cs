using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// GraphiQL at /graphql as a newcomer opens it in Chromium (issue #25): its own introspection query is answered, so the
/// docs explorer lists the schema's root types and opens them. Served by the host itself (no CDN), on 127.0.0.1.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class GraphiQLBrowserTests(WebHost web)
{
    [Fact]
    public async Task The_GraphiQL_page_shows_the_docs_explorer_with_the_root_types_and_their_fields()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith(".map", StringComparison.Ordinal) && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) failed.Add($"{r.Status} {r.Url}"); };

        await page.GotoAsync("/graphql");
        await Expect(page).ToHaveTitleAsync("Vape · GraphQL");
        await page.Locator("button[aria-label='Show Documentation Explorer']").ClickAsync();

        var explorer = page.Locator("section[aria-label='Documentation Explorer']");
        await Expect(explorer).ToContainTextAsync("Root Types");
        await Expect(explorer.Locator(".graphiql-doc-explorer-root-type", new() { HasText = "query" })).ToBeVisibleAsync();
        await Expect(explorer.Locator(".graphiql-doc-explorer-root-type", new() { HasText = "mutation" })).ToBeVisibleAsync();
        await Expect(explorer).ToContainTextAsync("query: Query");
        await Expect(explorer).ToContainTextAsync("mutation: Mutation");
        await Expect(explorer).Not.ToContainTextAsync("too nested");

        // The root type opens: its fields come from the same introspection.
        await explorer.GetByRole(AriaRole.Link, new() { Name = "Query", Exact = true }).First.ClickAsync();
        await Expect(explorer).ToContainTextAsync("unitByCode");
        await WebHost.Screenshot(page, "graphiql-docs");

        failed.ShouldBeEmpty(string.Join("\n", failed));
        await context.DisposeAsync();
    }
}
