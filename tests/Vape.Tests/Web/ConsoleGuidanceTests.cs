using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Directives in the console, part 2 (issue #21): the centre issues one with a PDF (a refused file first: explained,
/// nothing issued); a commune official downloads it from the inbox and attaches guidance for the commune's subtree;
/// a village official sees that guidance with the directive, and is told in Vietnamese why a village cannot attach
/// its own; an official outside the subtree is refused. The roll-up's overdue drill-down names each unit's officials
/// and the parent it was reported to.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleGuidanceTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    private static string Day(int offset) =>
        DateTime.UtcNow.AddHours(7).Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_directive_with_a_file_reaches_a_commune_whose_guidance_a_village_official_reads()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Về việc xây dựng mô hình học tập {n}";
        var number = $"{n}/KH-TW";
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% ke hoach {n}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var guidanceText = $"Các tổ dân phố họp dân trước ngày 20, báo cáo về phường {n}.";

        // A village official: a member of Ba Đình given a role on its first village for this test.
        var village = await _org.UnitId("T01-X001-01");
        var role = await _org.Mutate("assignRole", new { personId = await _org.PersonId("learner2"), unitId = village, role = "STAFF" }, "commune", "id");
        role.HasErrors.ShouldBeFalse(role.Body);
        var roleId = role.Data["assignRole"]!["id"]!.GetValue<string>();
        try
        {
            var an = await web.SignedIn("central");
            await an.GotoAsync("/console/directives/new");
            await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ban hành văn bản");
            await an.GetByLabel("Số hiệu").FillAsync(number);
            await an.GetByLabel("Tiêu đề").FillAsync(title);
            await an.GetByLabel("Ngày ban hành").FillAsync(Day(-10));
            await an.GetByLabel("Hạn xác nhận đã đọc").FillAsync(Day(-1));
            await an.GetByLabel("Cả cây của các đơn vị được chọn").CheckAsync();
            await an.GetByLabel("Tìm đơn vị để chọn").FillAsync("phuong ba dinh");
            await an.GetByRole(AriaRole.Button, new() { Name = "Tìm đơn vị nhận" }).ClickAsync();
            await an.GetByRole(AriaRole.Button, new() { Name = "Chọn Phường Ba Đình", Exact = true }).ClickAsync();

            // A program is not a document: the page says so in Vietnamese and nothing is issued.
            await an.GetByLabel("Văn bản đính kèm (PDF)").SetInputFilesAsync(new FilePayload { Name = "chuong-trinh.exe", MimeType = "application/octet-stream", Buffer = Encoding.UTF8.GetBytes("MZ ghi chú") });
            await an.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
            await Expect(an.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không nhận loại tệp này.");
            await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ban hành văn bản");
            (await IssuedNumbers()).ShouldNotContain(number);
            await ConsoleChecks.PhoneFriendly(an, "console-issue-file-refused");

            await an.GetByLabel("Văn bản đính kèm (PDF)").SetInputFilesAsync(new FilePayload { Name = "ke-hoach.pdf", MimeType = "application/pdf", Buffer = pdf });
            await an.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
            await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await Expect(an.GetByTestId("documents")).ToContainTextAsync("Tải ke-hoach.pdf");
            (await IssuedNumbers()).Count(x => x == number).ShouldBe(1);

            // Escalations: each overdue unit with its officials and the parent it was reported to.
            var baDinh = an.GetByTestId("overdue-unit").Filter(new() { Has = an.GetByRole(AriaRole.Link, new() { Name = "Phường Ba Đình", Exact = true }) });
            await Expect(baDinh.GetByTestId("escalated")).ToContainTextAsync("Đã báo lên Hà Nội lúc");
            await Expect(baDinh.GetByTestId("officials")).ToContainTextAsync("Lê Văn Cường (Ủy viên thường vụ)");
            await ConsoleChecks.PhoneFriendly(an, "console-rollup-escalations");
            await an.Context.CloseAsync();

            // The commune official downloads the document and attaches guidance for the commune's subtree.
            var cuong = await web.SignedIn("commune");
            await cuong.GotoAsync("/console/directives");
            var item = cuong.GetByTestId("inbox-item").Filter(new() { HasText = title }).Filter(new() { HasText = "Gửi đến: Phường Ba Đình" });
            var file = await cuong.RunAndWaitForDownloadAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "Tải ke-hoach.pdf" }).ClickAsync());
            file.SuggestedFilename.ShouldBe("ke-hoach.pdf");
            (await File.ReadAllBytesAsync((await file.PathAsync())!)).ShouldBe(pdf);
            await item.GetByText("Gửi hướng dẫn thực hiện cho cấp dưới").ClickAsync();
            await item.GetByLabel("Hướng dẫn cho các đơn vị cấp dưới của đơn vị này").FillAsync(guidanceText);
            await item.GetByRole(AriaRole.Button, new() { Name = "Gửi hướng dẫn" }).ClickAsync();
            await Expect(item.GetByTestId("guidance-item")).ToContainTextAsync(guidanceText);
            await ConsoleChecks.PhoneFriendly(cuong, "console-inbox-guidance");
            await cuong.Context.CloseAsync();

            // An official outside the subtree cannot attach guidance for Ba Đình: NOT_ALLOWED, nothing added.
            var directiveId = (await DirectiveIdOf(number))!;
            var outside = await _org.Mutate("attachDirectiveGuidance",
                new { directiveId, unitId = await _org.UnitId("T01-X001"), text = "Hướng dẫn từ nơi khác" }, "sibling-province", "id");
            outside.FirstErrorCode.ShouldBe("NOT_ALLOWED");
            (await GuidanceTexts(directiveId, village)).ShouldBe([guidanceText]);

            // The village official sees the commune's guidance with the directive; a village has no one below to guide.
            var phuc = await web.SignedIn("learner2");
            await phuc.GotoAsync("/console/directives");
            var theirs = phuc.GetByTestId("inbox-item").Filter(new() { HasText = title });
            await Expect(theirs).ToContainTextAsync("Gửi đến: Tổ dân phố số 1 Ba Đình");
            await Expect(theirs.GetByTestId("guidance-item")).ToContainTextAsync(guidanceText);
            await Expect(theirs.GetByTestId("guidance-item")).ToContainTextAsync("Phường Ba Đình");
            await Expect(theirs.GetByTestId("documents")).ToContainTextAsync("Tải ke-hoach.pdf");
            await theirs.GetByText("Gửi hướng dẫn thực hiện cho cấp dưới").ClickAsync();
            await theirs.GetByLabel("Hướng dẫn cho các đơn vị cấp dưới của đơn vị này").FillAsync("Hướng dẫn của tổ");
            await theirs.GetByRole(AriaRole.Button, new() { Name = "Gửi hướng dẫn" }).ClickAsync();
            await Expect(theirs.GetByRole(AriaRole.Alert)).ToContainTextAsync("Chỉ đơn vị trung gian");
            await Expect(theirs.GetByTestId("guidance-item")).ToHaveCountAsync(1);
            (await GuidanceTexts(directiveId, village)).ShouldBe([guidanceText]);
            await ConsoleChecks.PhoneFriendly(phuc, "console-inbox-village-guidance");
            await phuc.Context.CloseAsync();
        }
        finally
        {
            var ended = await _org.Mutate("endRole", new { roleId }, "commune", "id");
            ended.HasErrors.ShouldBeFalse(ended.Body);
        }
    }

    private async Task<List<string>> IssuedNumbers()
    {
        var r = await web.App.GraphQL("query($u: ID!) { issuedDirectives(unitId: $u, first: 100) { nodes { number } } }",
            new { u = await _org.UnitId("TW") }, await _org.Token("central"));
        r.HasErrors.ShouldBeFalse(r.Body);
        return [.. r.Data["issuedDirectives"]!["nodes"]!.AsArray().Select(x => x!["number"]!.GetValue<string>())];
    }

    private async Task<string?> DirectiveIdOf(string number)
    {
        var r = await web.App.GraphQL("query($u: ID!) { issuedDirectives(unitId: $u, first: 100) { nodes { id number } } }",
            new { u = await _org.UnitId("TW") }, await _org.Token("central"));
        return r.Data["issuedDirectives"]!["nodes"]!.AsArray().FirstOrDefault(x => x!["number"]!.GetValue<string>() == number)?["id"]?.GetValue<string>();
    }

    private async Task<List<string>> GuidanceTexts(string directiveId, string unitId)
    {
        var r = await web.App.GraphQL("query($d: ID!, $u: ID!) { directive(id: $d) { guidance(unitId: $u) { text } } }",
            new { d = directiveId, u = unitId }, await _org.Token("central"));
        r.HasErrors.ShouldBeFalse(r.Body);
        return [.. r.Data["directive"]!["guidance"]!.AsArray().Select(x => x!["text"]!.GetValue<string>())];
    }
}
