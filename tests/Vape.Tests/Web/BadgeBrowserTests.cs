using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vape.Tests.Records;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Open Badges in the app (docs/adr/0193): the learner downloads a credential from the record page, and anyone checks
/// it on `/verify`, opened as the QR code opens it, or by uploading the downloaded file, on a phone, under axe.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BadgeBrowserTests(WebHost web)
{
    private readonly RecordsApi _api = new(web.App);

    [Fact]
    public async Task A_downloaded_credential_checks_valid_on_the_verify_page_and_a_changed_one_does_not()
    {
        var title = $"Lớp thư pháp {Random.Shared.Next(100_000, 999_999)}";
        var entry = await _api.DeclareOk("learner", RecordsApi.Activity(title: title));
        (await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune", "recordVersion")).HasErrors.ShouldBeFalse();

        var em = await web.SignedIn("learner");
        await em.GotoAsync("/record");
        await em.GetByTestId("badge-candidates").GetByRole(AriaRole.Listitem).Filter(new() { HasText = title })
            .GetByRole(AriaRole.Button, new() { Name = "Cấp chứng nhận số" }).ClickAsync();
        var badge = em.GetByTestId("badges").GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(badge).ToBeVisibleAsync();
        await Expect(badge.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("alt", $"Mã QR mở trang kiểm tra chứng nhận {title}");
        await WebHost.ShouldPassAxe(em);
        var download = await em.RunAndWaitForDownloadAsync(() => badge.GetByRole(AriaRole.Button, new() { Name = "Tải chứng nhận (JSON)" }).ClickAsync());
        // Kept outside the context: Playwright deletes a context's downloads when it closes.
        var file = Path.Combine(Path.GetTempPath(), $"vape-badge-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var verifyUrl = new Uri(saved["verifyUrl"]!.GetValue<string>());
        await em.Context.CloseAsync();

        // As the QR code opens it: anonymous, on a phone.
        var anyone = await web.Phone();
        await anyone.GotoAsync(verifyUrl.PathAndQuery);
        var result = anyone.GetByTestId("verify-result");
        await Expect(result).ToContainTextAsync("Chứng nhận hợp lệ");
        await Expect(result).ToContainTextAsync(title);
        await WebHost.ShouldPassAxe(anyone);
        await WebHost.Screenshot(anyone, "verify-valid");

        // The downloaded file, uploaded; then the credential with one character of its payload changed, pasted.
        await anyone.GotoAsync("/verify");
        await anyone.GetByLabel("Hoặc chọn tệp chứng nhận").SetInputFilesAsync(file);
        await Expect(anyone.GetByTestId("verify-result")).ToContainTextAsync("Chứng nhận hợp lệ");
        var jwt = saved["credential"]!.GetValue<string>();
        var dot = jwt.IndexOf('.') + 10;
        var changed = jwt[..dot] + (jwt[dot] == 'A' ? 'B' : 'A') + jwt[(dot + 1)..];
        await anyone.GetByLabel("Chứng nhận (VC-JWT)").FillAsync(changed);
        await anyone.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra" }).ClickAsync();
        await Expect(anyone.GetByTestId("verify-result")).ToContainTextAsync("Chứng nhận không hợp lệ");
        await anyone.Context.CloseAsync();
        File.Delete(file);
    }
}
