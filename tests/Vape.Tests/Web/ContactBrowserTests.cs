using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A member's phone and e-mail in Chromium at 360×640 (issue #22, ADR 0185): added after the code sent to the new
/// address, a wrong code refused, and removed.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ContactBrowserTests(WebHost web)
{
    [Fact]
    public async Task A_member_adds_an_email_with_the_code_sent_to_it_a_wrong_code_is_refused_and_the_email_is_removed()
    {
        var address = $"hoc.vien.{Random.Shared.Next(100_000, 999_999)}@example.vn";
        var page = await web.SignedIn("learner");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Số điện thoại, e-mail" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Số điện thoại và e-mail");
        await WebHost.ShouldPassAxe(page);

        await page.GetByLabel("Số điện thoại hoặc e-mail mới").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi mã đến địa chỉ mới" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã gửi mã đến h***@example.vn" })).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "contact-code-sent");

        // A wrong code: refused with its sentence, nothing saved.
        await page.GetByLabel("Mã 6 chữ số").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mã không đúng hoặc đã hết hạn");
        await Expect(page.GetByTestId("contact")).Not.ToContainTextAsync(address);

        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        await page.GetByLabel("Mã 6 chữ số").FillAsync(await CitizenApi.LatestCode(http, address));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu." })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contact")).ToContainTextAsync($"E-mail: {address}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "contact-saved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa e-mail" }).ClickAsync();
        await Expect(page.GetByTestId("contact")).Not.ToContainTextAsync(address);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Xóa e-mail" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
