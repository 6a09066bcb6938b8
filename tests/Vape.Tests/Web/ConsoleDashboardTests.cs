using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The dashboards in Chromium at 360×640 (issue #21): members and units over time and learning hours by domain, each a
/// chart with its table, the figures the API gives for the subtree and the as-of date, axe-clean and without sideways
/// scrolling; a learner is told they hold no role.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleDashboardTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    [Fact]
    public async Task An_official_sees_members_over_time_and_hours_by_domain_as_charts_with_their_tables()
    {
        var baDinh = await _org.UnitId("T01-X001");
        var now = await web.App.GraphQL("query($id: ID!) { unit(id: $id) { statistics { members units } } }", new { id = baDinh });
        var members = now.Data["unit"]!["statistics"]!["members"]!.GetValue<long>();
        var vi = CultureInfo.GetCultureInfo("vi-VN");

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync("/console");
        await cuong.GetByRole(AriaRole.Link, new() { Name = "Biểu đồ" }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Biểu đồ");
        await Expect(cuong.GetByTestId("dash-members")).ToHaveAttributeAsync("aria-busy", "false");
        var table = cuong.GetByTestId("dash-members").GetByRole(AriaRole.Table);
        await Expect(table).ToContainTextAsync("Hội viên và đơn vị của Phường Ba Đình vào cuối mỗi tháng");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(6);
        await Expect(table.Locator("tbody tr").Last).ToContainTextAsync(members.ToString("N0", vi));
        await Expect(cuong.GetByTestId("dash-members").Locator("svg rect")).ToHaveCountAsync(6);
        await Expect(cuong.GetByTestId("dash-hours")).ToHaveAttributeAsync("aria-busy", "false");
        var hours = cuong.GetByTestId("dash-hours").GetByRole(AriaRole.Table);
        // Every domain is listed (none learned is 0), so the chart's size is known before its figures.
        await Expect(hours.Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(hours.Locator("tbody tr", new() { HasText = "Ngoại ngữ" })).ToBeVisibleAsync();
        await Expect(hours).ToContainTextAsync($"Số giờ học năm {DateTime.UtcNow.AddHours(7).Year} của Phường Ba Đình theo lĩnh vực");
        await Expect(hours.Locator("tbody tr").Last).ToContainTextAsync("Tổng");
        await ConsoleChecks.PhoneFriendly(cuong, "console-dashboards");

        // A date before Ba Đình was formed (2025-07-01): its months say "chưa có" (not yet), not zero.
        await cuong.GetByLabel("Tính đến ngày").FillAsync("2000-03-31");
        await cuong.GetByLabel("Tính đến ngày").DispatchEventAsync("change");
        await Expect(table.Locator("tbody tr").Last).ToContainTextAsync("03/2000");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("10/1999");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("chưa có");
        await WebHost.ShouldPassAxe(cuong);
        await cuong.Context.CloseAsync();

        var learner = await web.SignedIn("learner");
        await learner.GotoAsync("/console/dashboards");
        await Expect(learner.GetByTestId("not-official")).ToBeVisibleAsync();
        await learner.Context.CloseAsync();
    }

    [Fact]
    public async Task An_official_sees_directive_completion_by_level_and_class_attendance_by_month_as_charts_with_their_tables()
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var issued = await _org.Mutate("issueDirective", new
        {
            issuerUnitId = await _org.UnitId("T01-X001"), number = $"{Guid.NewGuid():N}"[..8] + "/KH-BĐ", title = "Về việc tổ chức tháng học tập",
            summary = "Các chi hội triển khai.", issuedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), acknowledgeBy = today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            targetKind = "SUBTREE",
        }, "commune", "id");
        issued.HasErrors.ShouldBeFalse(issued.Body);
        var figures = await web.App.GraphQL("query($u: ID!) { directiveCompletion(unitId: $u) { directives total { units read } levels { level } } }",
            new { u = await _org.UnitId("T01-X001") }, await _org.Token("commune"));
        var completion = figures.Data["directiveCompletion"]!;

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync("/console/dashboards");
        var directives = cuong.GetByTestId("dash-directives");
        await Expect(directives).ToHaveAttributeAsync("aria-busy", "false");
        var table = directives.GetByRole(AriaRole.Table);
        await Expect(table).ToContainTextAsync($"Văn bản do Phường Ba Đình và cấp dưới ban hành ({completion["directives"]!.GetValue<int>().ToString("N0", vi)} văn bản)");
        var levels = completion["levels"]!.AsArray().Count;
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(levels + 1);
        await Expect(table.Locator("tbody tr").Last.Locator("th")).ToHaveTextAsync("Tổng");
        await Expect(table.Locator("tbody tr").Last.Locator("td").First).ToHaveTextAsync(completion["total"]!["units"]!.GetValue<int>().ToString("N0", vi));
        await Expect(directives.Locator("svg g")).ToHaveCountAsync(levels);

        await Expect(cuong.GetByTestId("dash-attendance")).ToHaveAttributeAsync("aria-busy", "false");
        var attendance = cuong.GetByTestId("dash-attendance").GetByRole(AriaRole.Table);
        await Expect(attendance).ToContainTextAsync("Các buổi học của Phường Ba Đình và cấp dưới kết thúc trong mỗi tháng");
        await Expect(attendance.Locator("tbody tr")).ToHaveCountAsync(6);
        await Expect(attendance.Locator("tbody tr").Last).ToContainTextAsync($"{today:MM/yyyy}");
        await Expect(cuong.GetByTestId("dash-attendance").Locator("svg g")).ToHaveCountAsync(6);
        await ConsoleChecks.PhoneFriendly(cuong, "console-dashboards-directives-attendance");
        await cuong.Context.CloseAsync();
    }

    /// <summary>
    /// Each section holds the chart and table it expects while its figures load, so nothing on the first screen moves as
    /// they arrive one after another (Lighthouse found a layout shift of 0.20 to 0.58 before: each section grew from its
    /// loading line and pushed the ones under it down). The shifts are read from Chromium's own layout-shift entries.
    /// </summary>
    [Fact]
    public async Task The_dashboards_do_not_move_while_their_figures_arrive()
    {
        var cuong = await web.SignedIn("commune");
        await cuong.Context.AddInitScriptAsync("""
            window.__shifts = [];
            new PerformanceObserver((list) => {
              for (const e of list.getEntries())
                if (!e.hadRecentInput)
                  window.__shifts.push({ value: e.value, from: e.sources.map((s) => s.node?.closest?.("[data-testid]")?.dataset.testid ?? s.node?.nodeName ?? "?").join(",") });
            }).observe({ type: "layout-shift", buffered: true });
            """);
        await cuong.GotoAsync("/console/dashboards");
        foreach (var section in new[] { "dash-members", "dash-hours", "dash-attendance", "dash-directives" })
            await Expect(cuong.GetByTestId(section)).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(cuong.GetByTestId("dash-members").Locator("tbody tr").First).Not.ToContainTextAsync("…");
        var shifts = await cuong.EvaluateAsync<System.Text.Json.JsonElement>(
            "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(window.__shifts)))))");
        var total = shifts.EnumerateArray().Sum(s => s.GetProperty("value").GetDouble());
        total.ShouldBeLessThan(0.02, shifts.ToString());
        await cuong.Context.CloseAsync();
    }

    /// <summary>
    /// The first screen's work comes first (docs/web.md, "The dashboards' blocking time"): the bell's live connection
    /// (SignalR's chunk, the hub's negotiation) starts only once every GraphQL request of the page has been answered (my
    /// roles and the four sections' figures), and a section far below the first screen is not laid out or painted
    /// until it nears it (`content-visibility: auto`), its figures in its table all the same. Before: the hub was
    /// negotiated with the page's first effects, beside the roles' request, and every section was drawn at once.
    /// </summary>
    [Fact]
    public async Task The_dashboards_first_screen_comes_before_the_bells_hub_and_the_sections_below_it()
    {
        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync("/console/dashboards");
        foreach (var section in new[] { "dash-members", "dash-hours", "dash-attendance", "dash-directives" })
            await Expect(cuong.GetByTestId(section)).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(cuong.GetByTestId("dash-directives").GetByRole(AriaRole.Table)).ToContainTextAsync("Tổng");

        // The order of the page's own requests, as the browser timed them (no duration is asserted).
        var order = await cuong.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => new Promise((done) => {
              const look = () => {
                const all = performance.getEntriesByType("resource");
                const hub = all.find((e) => e.name.includes("/hubs/notifications/negotiate"));
                if (!hub) return setTimeout(look, 100);
                const graphql = all.filter((e) => e.name.endsWith("/graphql") && e.startTime < hub.startTime);
                done({ before: graphql.length, unanswered: graphql.filter((e) => e.responseEnd > hub.startTime).length });
              };
              look();
            })
            """);
        order.GetProperty("before").GetInt32().ShouldBeGreaterThanOrEqualTo(5, order.ToString());
        order.GetProperty("unanswered").GetInt32().ShouldBe(0, order.ToString());

        const string rendered = "(id) => document.querySelector(`[data-testid='${id}'] table`).checkVisibility({ contentVisibilityAuto: true })";
        (await cuong.EvaluateAsync<bool>(rendered, "dash-members")).ShouldBeTrue("the first section is on the first screen");
        (await cuong.EvaluateAsync<bool>(rendered, "dash-directives")).ShouldBeFalse("the last section, far below a 360×640 screen, is not drawn yet");
        await cuong.GetByTestId("dash-directives").ScrollIntoViewIfNeededAsync();
        await cuong.WaitForFunctionAsync(rendered, "dash-directives");
        await cuong.Context.CloseAsync();
    }
}
