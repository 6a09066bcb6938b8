using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Directives in the console (issue #21, scenario 1): the centre issues one to Hà Nội's subtree from the form; a
/// commune official in a second browser context reads and implements it from the inbox; the centre's roll-up moves
/// without a reload (the notifications hub's push), with the commune's report and its PDF (the same bytes downloaded; an
/// official of another province is refused the file), and the units still overdue are in the drill-down.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleDirectiveTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    private static string Day(int offset) =>
        DateTime.UtcNow.AddHours(7).Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string NotificationSockets = """
        (() => {
          const Native = window.WebSocket, open = (window.__notificationSockets = new Set());
          window.WebSocket = class extends Native {
            constructor(url, protocols) {
              super(url, protocols);
              if (String(url).includes("/hubs/notifications")) {
                open.add(this);
                this.addEventListener("close", () => open.delete(this));
              }
            }
          };
        })();
        """;

    [Fact]
    public async Task The_centre_issues_to_Ha_Nois_subtree_a_commune_implements_it_and_the_rollup_moves_without_reload()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Về việc tổng kết năm học tập {n}";
        var haNoiUnits = (await web.App.GraphQL("{ unitByCode(code: \"T01\") { statistics { units } } }")).Data["unitByCode"]!["statistics"]!["units"]!.GetValue<long>() + 1;

        var an = await web.SignedIn("central");
        // Every WebSocket the page opens to /hubs/notifications, while it is open: the bell's connection serves the
        // roll-up too, so a page never holds two.
        await an.Context.AddInitScriptAsync(NotificationSockets);
        await an.ReloadAsync();
        await an.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await an.GetByRole(AriaRole.Link, new() { Name = "Văn bản chỉ đạo" }).ClickAsync();
        await an.GetByRole(AriaRole.Link, new() { Name = "Ban hành văn bản" }).ClickAsync();
        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ban hành văn bản");
        await an.GetByLabel("Số hiệu").FillAsync($"{n}/CT-TW");
        await an.GetByLabel("Tiêu đề").FillAsync(title);
        await an.GetByLabel("Trích yếu").FillAsync("Các cấp hội tổng kết và báo cáo kết quả.");
        // Issued ten days ago, to be read by yesterday: every unit that has not read it is overdue.
        await an.GetByLabel("Ngày ban hành").FillAsync(Day(-10));
        await an.GetByLabel("Hạn xác nhận đã đọc").FillAsync(Day(-1));
        await an.GetByLabel("Cả cây của các đơn vị được chọn").CheckAsync();
        await an.GetByLabel("Tìm đơn vị để chọn").FillAsync("ha noi");
        await an.GetByRole(AriaRole.Button, new() { Name = "Tìm đơn vị nhận" }).ClickAsync();
        await an.GetByRole(AriaRole.Button, new() { Name = "Chọn Hà Nội", Exact = true }).ClickAsync();
        await Expect(an.GetByTestId("chosen")).ToContainTextAsync("Hà Nội");
        await ConsoleChecks.PhoneFriendly(an, "console-issue");
        await an.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();

        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var total = an.GetByTestId("rollup-total");
        await Expect(total.Locator("td[data-col=units]")).ToHaveTextAsync(haNoiUnits.ToString("N0", new CultureInfo("vi-VN")));
        await Expect(total.Locator("td[data-col=read]")).ToHaveTextAsync("0");
        await Expect(an.GetByTestId("rollup-subtrees")).ToContainTextAsync("Hà Nội");
        await Expect(an.GetByTestId("rollup-subtrees")).Not.ToContainTextAsync("Hải Phòng");
        var overdue = an.GetByTestId("overdue");
        await Expect(overdue.GetByRole(AriaRole.Link, new() { Name = "Phường Ba Đình", Exact = true })).ToBeVisibleAsync();
        await Expect(overdue.GetByRole(AriaRole.Link, new() { Name = "Phường Hoàn Kiếm", Exact = true })).ToBeVisibleAsync();
        await Expect(an.GetByTestId("live")).ToHaveTextAsync("Tự cập nhật khi các đơn vị xác nhận.");
        await ConsoleChecks.PhoneFriendly(an, "console-rollup-before");
        (await an.EvaluateAsync<int>("() => window.__notificationSockets.size")).ShouldBe(1, "one /hubs/notifications connection a page");
        await an.EvaluateAsync("() => { window.__sameDocument = true; }");

        // A commune official, in a browser context of their own, reads and implements it.
        var cuong = await web.SignedIn("commune");
        await cuong.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await cuong.GetByRole(AriaRole.Link, new() { Name = "Văn bản chỉ đạo" }).ClickAsync();
        var item = cuong.GetByTestId("inbox-item").Filter(new() { HasText = title });
        await Expect(item.GetByTestId("inbox-status")).ToHaveTextAsync("Chưa nhận");
        await Expect(item).ToContainTextAsync("Quá hạn");
        await Expect(item).ToContainTextAsync("Phường Ba Đình");
        await ConsoleChecks.PhoneFriendly(cuong, "console-inbox");
        await item.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã đọc" }).ClickAsync();
        await Expect(item.GetByTestId("inbox-status")).ToHaveTextAsync("Đã đọc");

        await Expect(total.Locator("td[data-col=read]")).ToHaveTextAsync("1");
        await Expect(overdue.GetByRole(AriaRole.Link, new() { Name = "Phường Ba Đình", Exact = true })).ToHaveCountAsync(0);
        await Expect(overdue.GetByRole(AriaRole.Link, new() { Name = "Phường Hoàn Kiếm", Exact = true })).ToBeVisibleAsync();

        await item.GetByLabel("Báo cáo thực hiện").FillAsync("Đã tổ chức hội nghị tổng kết ở 4 tổ dân phố.");
        var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% bao cao {n}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        await item.GetByLabel("Tệp kèm báo cáo (PDF hoặc ảnh)").SetInputFilesAsync(new FilePayload { Name = "bao-cao.pdf", MimeType = "application/pdf", Buffer = pdf });
        await item.GetByRole(AriaRole.Button, new() { Name = "Báo cáo đã thực hiện" }).ClickAsync();
        await Expect(item.GetByTestId("inbox-status")).ToHaveTextAsync("Đã thực hiện");
        await Expect(total.Locator("td[data-col=implemented]")).ToHaveTextAsync("1");
        // The report and its file reach the centre's open roll-up; the centre downloads the same bytes.
        var reported = an.GetByTestId("report").Filter(new() { HasText = "Phường Ba Đình" });
        await Expect(reported).ToContainTextAsync("Đã tổ chức hội nghị tổng kết ở 4 tổ dân phố.");
        var download = await an.RunAndWaitForDownloadAsync(() => reported.GetByRole(AriaRole.Button, new() { Name = "Tải bao-cao.pdf" }).ClickAsync());
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(pdf);
        // An official of another province may not read it.
        var id = an.Url.Split('/').Last().Split('?')[0];
        var files = await web.App.GraphQL("query($id: ID!) { directive(id: $id) { units(status: IMPLEMENTED, first: 5) { nodes { reportFiles { url } } } } }",
            new { id }, await _org.Token("central"));
        var url = files.Data["directive"]!["units"]!["nodes"]![0]!["reportFiles"]![0]!["url"]!.GetValue<string>();
        using (var outsider = new HttpRequestMessage(HttpMethod.Get, url))
        {
            outsider.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await _org.Token("sibling-province"));
            (await web.App.Host.Server.CreateClient().SendAsync(outsider)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        }
        (await an.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the roll-up changed without a reload");
        await WebHost.Screenshot(an, "console-rollup-after");

        // The drill-down into Hà Nội: Ba Đình's branch implemented, Hoàn Kiếm overdue.
        await an.GetByRole(AriaRole.Link, new() { Name = "Xem nhánh Hà Nội" }).ClickAsync();
        await Expect(an.GetByRole(AriaRole.Heading, new() { Name = "Tổng hợp dưới: Hà Nội" })).ToBeVisibleAsync();
        var baDinhRow = an.GetByTestId("rollup-subtrees").GetByRole(AriaRole.Row).Filter(new() { HasText = "Phường Ba Đình" });
        await Expect(baDinhRow.Locator("td[data-col=implemented]")).ToHaveTextAsync("1");
        await Expect(overdue.GetByRole(AriaRole.Link, new() { Name = "Phường Hoàn Kiếm", Exact = true })).ToBeVisibleAsync();
        await ConsoleChecks.PhoneFriendly(an, "console-rollup-drill");
        await an.Context.CloseAsync();
        await cuong.Context.CloseAsync();
    }
}
