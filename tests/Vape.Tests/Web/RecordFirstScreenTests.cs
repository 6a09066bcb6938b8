using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Vape.Tests.Classes;
using Vape.Tests.Records;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The record page of a learner with hundreds of activities (issue #19: Lighthouse's total blocking time on
/// `/record`): the first screen draws a bounded page of them, the rest comes on demand. The long tasks of opening it
/// on a 4× slowed CPU go to TestResults/web/record-long-tasks.json, never into an assertion.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RecordFirstScreenTests(WebHost web, ITestOutputHelper output)
{
    private const int Activities = 300;
    private const int PageSize = 20;

    private const string Recorder = """
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: "longtask", buffered: true });
        """;

    [Fact]
    public async Task A_record_of_hundreds_of_activities_opens_with_one_page_of_them_and_shows_more_on_demand()
    {
        var api = new ClassesApi(web.App);
        var (personId, token) = (await api.NewLearners(1))[0];
        for (var i = 0; i < Activities; i++)
        {
            var declared = await web.App.GraphQL("mutation($i: DeclareActivityInput!) { declareActivity(input: $i) { entry { id } } }",
                new { i = RecordsApi.Activity(title: $"Hoạt động số {i + 1:D3}", date: new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hours: 1) },
                token);
            declared.HasErrors.ShouldBeFalse(declared.Body);
        }

        var page = await web.Phone();
        var session = JsonSerializer.Serialize(new { token, personId = personId.ToString(), name = "Học viên Số 1" });
        await page.Context.AddInitScriptAsync($"sessionStorage.setItem('vape.session', {JsonSerializer.Serialize(session)});" + Recorder);
        await page.GotoAsync("/sign-in"); // the shell and its scripts in the cache, as after any first visit
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = 4 });
        await page.GotoAsync("/record");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ học tập");
        var list = page.GetByTestId("activities").Locator("> li");
        await Expect(list.First).ToContainTextAsync($"Hoạt động số {Activities:D3}"); // the latest first
        await Expect(page.GetByTestId("access-log").Or(page.GetByText("Chưa có ai xem hồ sơ của bạn."))).ToBeVisibleAsync();
        var longTasks = await page.EvaluateAsync<JsonElement>("() => window.__longTasks");
        var tasks = longTasks.EnumerateArray().Select(t => t.GetProperty("duration").GetDouble()).ToList();
        var report = JsonSerializer.Serialize(new
        {
            date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            activities = Activities,
            cpuThrottling = 4,
            rowsOnFirstScreen = await list.CountAsync(),
            longTasks = tasks.Count,
            longTasksOver50ms = tasks.Count(d => d > 50),
            longestTaskMs = tasks.Count == 0 ? 0 : Math.Round(tasks.Max()),
            blockingMs = Math.Round(tasks.Sum(d => Math.Max(0, d - 50))),
        }, new JsonSerializerOptions { WriteIndented = true });
        Directory.CreateDirectory(WebHost.Screenshots);
        await File.WriteAllTextAsync(Path.Combine(WebHost.Screenshots, "record-long-tasks.json"), report);
        output.WriteLine(report);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = 1 });

        // One page of activities on the first screen, whatever the record holds; the next on demand, in order.
        await Expect(list).ToHaveCountAsync(PageSize);
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "record-long");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem thêm hoạt động" }).ClickAsync();
        await Expect(list).ToHaveCountAsync(2 * PageSize);
        await Expect(list.Nth(PageSize)).ToContainTextAsync($"Hoạt động số {Activities - PageSize:D3}");
        (await list.AllInnerTextsAsync()).Select(t => t[..16]).Distinct().Count().ShouldBe(2 * PageSize, "no activity twice");
        await page.Context.CloseAsync();
    }
}
