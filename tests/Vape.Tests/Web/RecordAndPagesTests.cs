using System.Text.Json;
using Microsoft.Playwright;
using Vape.Tests.Classes;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The learner's record as an official's look leaves it, the export, every page under axe-core, and what the app
/// shows for each kind of bad answer (issue #19, scenarios 5–7).
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RecordAndPagesTests(WebHost web)
{
    private readonly ClassesApi _api = new(web.App);

    [Fact]
    public async Task An_officials_look_appears_in_the_learners_access_log_and_the_export_downloads_files_that_parse()
    {
        var learner = await _api.Org.Token("learner");
        var me = (await web.App.GraphQL("{ me { personId } }", token: learner)).Data["me"]!["personId"]!.GetValue<string>();
        var look = await web.App.GraphQL("query($p: ID!) { record(personId: $p, purpose: SUPPORT) { personId } }", new { p = me }, await _api.Org.Token("commune"));
        look.HasErrors.ShouldBeFalse(look.Body);

        var em = await web.SignedIn("learner");
        await em.GotoAsync("/record");
        await Expect(em.GetByTestId("access-log")).ToContainTextAsync("Lê Văn Cường");
        await Expect(em.GetByTestId("access-log")).ToContainTextAsync("hỗ trợ học tập");
        await WebHost.ShouldPassAxe(em);
        await WebHost.Screenshot(em, "record-access-log");

        var json = await em.RunAndWaitForDownloadAsync(() => em.GetByRole(AriaRole.Button, new() { Name = "Tải JSON" }).ClickAsync());
        json.SuggestedFilename.ShouldBe("ho-so-hoc-tap.json");
        using var parsed = JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!));
        parsed.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
        parsed.RootElement.GetRawText().ShouldContain(me);

        var csv = await em.RunAndWaitForDownloadAsync(() => em.GetByRole(AriaRole.Button, new() { Name = "Tải CSV" }).ClickAsync());
        var lines = (await File.ReadAllLinesAsync((await csv.PathAsync())!)).Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBeGreaterThan(0);
        lines[0].ShouldContain(",");
        await em.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_passes_axe_without_serious_or_critical_violations_in_Vietnamese_and_in_English()
    {
        var c = await _api.Schedule($"Sức khỏe cộng đồng {Random.Shared.Next(100_000, 999_999)}");
        var anonymous = await web.Phone();
        await anonymous.GotoAsync("/sign-in");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(anonymous);
        await WebHost.Screenshot(anonymous, "sign-in");
        await anonymous.GotoAsync("/no-such-page");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Không có trang này." })).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(anonymous);

        var em = await web.SignedIn("learner");
        foreach (var (path, heading, name) in new[]
        {
            ("/", "Xin chào, Hoàng Thị Em", "home"),
            ("/classes", "Lớp học", "catalogue"),
            ($"/classes/{c["id"]}", c["title"]!.GetValue<string>(), "class"),
            ("/record", "Hồ sơ học tập", "record"),
            ("/library", "Thư viện", "library"),
        })
        {
            await em.GotoAsync(path);
            await Expect(em.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Expect(em.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đang tải" })).ToHaveCountAsync(0);
            await WebHost.ShouldPassAxe(em);
            await WebHost.Screenshot(em, "page-" + name);
        }
        var resource = em.Locator("ul.cards a").First;
        if (await resource.CountAsync() > 0)
        {
            await resource.ClickAsync();
            await Expect(em.GetByRole(AriaRole.Link, new() { Name = "Mở tài liệu" }).Or(em.GetByText("Giấy phép")).First).ToBeAttachedAsync();
            await WebHost.ShouldPassAxe(em);
            await WebHost.Screenshot(em, "page-resource");
        }

        // English: the whole catalogue switches, and the page still passes.
        await em.GotoAsync("/classes");
        await em.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(em.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Classes");
        (await em.EvaluateAsync<string>("document.documentElement.lang")).ShouldBe("en");
        await WebHost.ShouldPassAxe(em);
        await WebHost.Screenshot(em, "page-catalogue-en");
        await em.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Expect(em.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lớp học");
        await anonymous.Context.CloseAsync();
        await em.Context.CloseAsync();
    }

    [Fact]
    public async Task The_app_is_installable_and_its_shell_opens_offline_saying_what_needs_the_network()
    {
        var page = await web.Phone();
        await page.GotoAsync("/classes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lớp học");
        using var manifest = JsonDocument.Parse(await page.EvaluateAsync<string>("fetch('/manifest.webmanifest').then(r => r.text())"));
        manifest.RootElement.GetProperty("start_url").GetString().ShouldBe("/");
        manifest.RootElement.GetProperty("display").GetString().ShouldBe("standalone");
        manifest.RootElement.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("sizes").GetString()).ShouldContain("512x512");
        (await page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(r => !!r.active)")).ShouldBeTrue();

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/library");
        await Expect(page.GetByText("Bạn đang ngoại tuyến.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" })).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "offline-shell");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The server's answers for refusals and failures that a test cannot cause on a healthy host (a rate limit, a
    /// conflict, a database away, our own bug) are given to the page in the exact shape the host sends them
    /// (README "Conventions"); NOT_ENROLLED comes from the real hub.
    /// </summary>
    [Theory]
    [InlineData("NOT_ALLOWED", 403, "Bạn không có quyền làm việc này. Nếu cần, hãy nhờ cán bộ đơn vị của bạn.")]
    [InlineData("RATE_LIMITED", 429, "Bạn gửi quá nhiều yêu cầu. Hãy chờ một phút rồi thử lại.")]
    [InlineData("VERSION_CONFLICT", 200, "Có người vừa thay đổi nội dung này. Hãy tải lại trang để xem bản mới rồi làm lại.")]
    [InlineData("UNAVAILABLE", 200, "Máy chủ tạm thời gián đoạn. Hãy chờ vài giây rồi thử lại.")]
    [InlineData("INTERNAL", 200, "Có lỗi phía máy chủ, không phải do bạn. Hãy thử lại sau; nếu vẫn lỗi, báo cho cán bộ mã 0HNABCDEF123.")]
    public async Task A_bad_answer_from_the_server_is_a_Vietnamese_sentence_saying_what_to_do(string code, int status, string expected)
    {
        var em = await web.SignedIn("learner");
        var raw = $"System.InvalidOperationException: {code} at Vape.Classes.Catalogue.Browse() in /src/x.cs:line 42";
        await em.RouteAsync("**/graphql", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = status,
            ContentType = "application/graphql-response+json; charset=utf-8",
            Body = JsonSerializer.Serialize(new
            {
                errors = new[] { new { message = raw, extensions = new { code, correlationId = "0HNABCDEF123:00000001" } } },
                data = (object?)null,
            }),
        }));
        await em.GotoAsync("/classes");
        var alert = em.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync(expected);
        (await alert.InnerTextAsync()).ShouldNotContain("Exception");
        (await alert.InnerTextAsync()).ShouldNotContain(code);
        await Expect(alert.GetByRole(AriaRole.Button, new() { Name = "Thử lại" })).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(em);
        await WebHost.Screenshot(em, "error-" + code);

        // Once the server answers again, "Thử lại" brings the page back.
        await em.UnrouteAllAsync();
        await alert.GetByRole(AriaRole.Button, new() { Name = "Thử lại" }).ClickAsync();
        await Expect(em.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(em.GetByRole(AriaRole.Search)).ToBeVisibleAsync();
        await em.Context.CloseAsync();
    }

    [Fact]
    public async Task The_hubs_refusal_of_a_learner_without_a_place_is_shown_in_Vietnamese()
    {
        var c = await _api.Schedule($"Lớp chưa đăng ký {Random.Shared.Next(100_000, 999_999)}");
        var teacher = await web.SignedIn("commune");
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        await teacher.GotoAsync($"/live/{session}");
        await Expect(teacher.Locator("[data-status=live]")).ToBeVisibleAsync();

        var phuc = await web.SignedIn("learner2");
        await phuc.GotoAsync($"/live/{session}");
        await Expect(phuc.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Bạn chưa có chỗ trong lớp này. Hãy đăng ký lớp trước.Thử lại");
        await WebHost.ShouldPassAxe(phuc);
        await WebHost.Screenshot(phuc, "error-NOT_ENROLLED");
        await teacher.Context.CloseAsync();
        await phuc.Context.CloseAsync();
    }
}
