using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>A citizen in Chromium at 360×640: signs up with a one-time code, claims the member record with the commune's code (issue #22).</summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CitizenSignUpBrowserTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    /// <summary>The code as the person reads it on their phone: from the development mailbox of the host they use.</summary>
    private async Task<string> CodeFromMailbox(string address)
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        return await CitizenApi.LatestCode(http, address);
    }

    private async Task<IPage> SignUp(string address)
    {
        var page = await web.Phone();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chưa có tài khoản? Đăng ký bằng số điện thoại hoặc e-mail" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng ký tài khoản");
        await page.GetByLabel("Số điện thoại hoặc e-mail").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi mã" }).ClickAsync();
        await Expect(page.GetByText("Đã gửi mã. Mã có hiệu lực trong 10 phút.")).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(page);
        await page.GetByLabel("Mã 6 chữ số").FillAsync(await CodeFromMailbox(address));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhận hồ sơ hội viên");
        return page;
    }

    private static string Phone() => "09" + Random.Shared.Next(10_000_000, 99_999_999);

    [Fact]
    public async Task A_citizen_signs_up_with_a_code_claims_the_member_record_with_the_communes_code_and_sees_the_record()
    {
        var issued = await _org.Mutate("issueClaimCode", new { personId = await _org.PersonId("learner2") }, "commune", "code");
        var claimCode = issued.Data["issueClaimCode"]!["code"]!.GetValue<string>();

        var page = await SignUp(Phone());
        await WebHost.ShouldPassAxe(page);
        // No member yet, so no inbox: no bell (asking for its count would be refused and sign the citizen out).
        await Expect(page.GetByTestId("bell")).ToHaveCountAsync(0);
        await WebHost.Screenshot(page, "claim");
        await page.GetByLabel("Mã nhận hội viên").FillAsync(claimCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận hồ sơ" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/record$")); // polled: see WebHost.SignedIn
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ học tập");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("bell")).ToBeVisibleAsync(); // a member now: the inbox is theirs
        await WebHost.Screenshot(page, "claimed-record");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_wrong_claim_codes_lock_the_claim()
    {
        var page = await SignUp(Phone());
        for (var i = 1; i <= 5; i++)
        {
            await page.GetByLabel("Mã nhận hội viên").FillAsync($"SAIMA-000{i}X");
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhận hồ sơ" }).ClickAsync();
            var expected = i < 5 ? "Không nhận được hồ sơ với mã này." : "Bạn đã nhập sai mã quá nhiều lần; việc nhận hồ sơ tạm khóa.";
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(expected);
        }
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "claim-locked");
        await page.Context.CloseAsync();
    }
}
