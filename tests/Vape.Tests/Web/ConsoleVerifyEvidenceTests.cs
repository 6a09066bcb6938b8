using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vape.Tests.Records;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The verification queue's evidence file (issue #21): a learner declares an activity with a file from their record
/// page; the commune official downloads that very file from the queue and rejects the entry with a reason; a sibling
/// province's official cannot fetch the file; the learner reads the outcome and its reason on their record page.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleVerifyEvidenceTests(WebHost web)
{
    private readonly RecordsApi _records = new(web.App);

    [Fact]
    public async Task The_official_downloads_the_learners_evidence_from_the_queue_and_the_learner_reads_the_rejection_reason()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Lớp trồng rau sạch {n}";
        var reason = $"Giấy xác nhận thiếu dấu của câu lạc bộ ({n}).";
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% giay xac nhan {n}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

        var em = await web.SignedIn("learner");
        await em.GotoAsync("/record");
        await em.GetByLabel("Tên hoạt động").FillAsync(title);
        await em.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2026-12-01");
        await em.GetByLabel("Số giờ").FillAsync("1.5");
        await em.GetByLabel("Tệp minh chứng").SetInputFilesAsync(new FilePayload { Name = "giay-xac-nhan.pdf", MimeType = "application/pdf", Buffer = pdf });
        await em.GetByRole(AriaRole.Button, new() { Name = "Gửi khai báo" }).ClickAsync();
        await Expect(em.GetByText("Đã gửi; cán bộ đơn vị sẽ xác nhận.")).ToBeVisibleAsync();
        var entryId = (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray()
            .Single(a => a!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();

        var official = await web.SignedIn("commune");
        await official.GotoAsync("/console/records/verify");
        await official.GetByRole(AriaRole.Button, new() { Name = "Mở hàng chờ để xác nhận" }).ClickAsync();
        await Expect(official.GetByTestId("queue")).ToBeVisibleAsync();
        var item = official.GetByTestId("queue-item").Filter(new() { HasText = title });
        var more = official.GetByRole(AriaRole.Button, new() { Name = "Xem thêm" });
        for (var page = 0; page < 20 && await item.CountAsync() == 0 && await more.CountAsync() > 0; page++)
        {
            var shown = await official.GetByTestId("queue-item").CountAsync();
            await more.ClickAsync();
            await Expect(official.GetByTestId("queue-item")).Not.ToHaveCountAsync(shown);
        }
        await Expect(item).ToContainTextAsync("Hoàng Thị Em");
        var evidence = item.GetByRole(AriaRole.Button, new() { Name = "Tải tệp minh chứng" });
        await ConsoleChecks.Legible(evidence, "the queue's evidence button");
        var file = await official.RunAndWaitForDownloadAsync(() => evidence.ClickAsync());
        file.SuggestedFilename.ShouldEndWith(".pdf");
        (await File.ReadAllBytesAsync((await file.PathAsync())!)).ShouldBe(pdf);
        await ConsoleChecks.PhoneFriendly(official, "console-verify-evidence");

        // A sibling province's official, with her own token, gets the refusal's code and not one byte of the file.
        using (var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) })
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/records/entries/{entryId}/evidence?download"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _records.Org.Token("sibling-province"));
            using var refused = await http.SendAsync(request);
            var body = await refused.Content.ReadAsStringAsync();
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            JsonNode.Parse(body)!["code"]!.GetValue<string>().ShouldBe("NOT_FOUND");
            body.ShouldNotContain($"giay xac nhan {n}");
        }

        await item.GetByRole(AriaRole.Button, new() { Name = "Từ chối", Exact = true }).ClickAsync();
        await item.GetByLabel("Lý do từ chối (người học sẽ đọc)").FillAsync(reason);
        await item.GetByRole(AriaRole.Button, new() { Name = "Gửi từ chối" }).ClickAsync();
        await Expect(item).ToHaveCountAsync(0);

        // The learner: the entry rejected, with the official's reason, and her file still hers to download.
        await em.ReloadAsync();
        var entry = em.GetByTestId("activities").GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(entry).ToContainTextAsync("bị từ chối");
        await Expect(entry).ToContainTextAsync(reason);
        await ConsoleChecks.PhoneFriendly(em, "record-rejected-with-reason");
        await em.Context.CloseAsync();
        await official.Context.CloseAsync();
    }
}
