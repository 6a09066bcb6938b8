using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A member who lost their device, in Chromium at 360×640: a code to the e-mail on file gets them back to their record
/// (ADR 0186); an address no one has reads the same; five wrong codes lock the code until a new one is asked for.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RecoveryBrowserTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    private HttpClient Http() => new() { BaseAddress = new Uri(web.BaseUrl) };

    private static string Address() => $"hv.{Guid.NewGuid():N}@example.vn";

    /// <summary>Trần Văn Phúc puts the address on file (a code to it, confirmed), as the contact screen does.</summary>
    private async Task OnFile(string address)
    {
        (await _org.Mutate("requestContactChange", new { address }, "learner2")).HasErrors.ShouldBeFalse();
        using var http = Http();
        (await _org.Mutate("confirmContactChange", new { address, code = await CitizenApi.LatestCode(http, address) }, "learner2")).HasErrors.ShouldBeFalse();
    }

    private async Task<IPage> AskForCode(string address)
    {
        var page = await web.Phone();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mất điện thoại hoặc thiết bị? Khôi phục tài khoản" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Khôi phục tài khoản");
        await page.GetByLabel("Số điện thoại hoặc e-mail trong hồ sơ").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi mã khôi phục" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Nếu địa chỉ này có trong hồ sơ hội viên, mã khôi phục đã được gửi đến đó. Mã có hiệu lực trong 10 phút.");
        return page;
    }

    private static async Task EnterCode(IPage page, string code)
    {
        await page.GetByLabel("Mã khôi phục 6 chữ số").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục", Exact = true }).ClickAsync();
    }

    private async Task<int> MailboxCount(string address)
    {
        using var http = Http();
        var response = await http.PostAsJsonAsync("/dev/mailbox", new { address });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetArrayLength();
    }

    [Fact]
    public async Task A_member_who_lost_their_device_recovers_with_a_code_to_the_email_on_file_and_sees_their_record()
    {
        var address = Address();
        await OnFile(address);

        var page = await AskForCode(address);
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "recover-code");
        using var http = Http();
        await EnterCode(page, await CitizenApi.LatestCode(http, address));

        await Expect(page).ToHaveURLAsync(new Regex("/record$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ học tập");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("bell")).ToBeVisibleAsync(); // a member again: the inbox is theirs
        await WebHost.ShouldPassAxe(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_address_no_member_has_reads_the_same_and_gets_no_code()
    {
        var known = Address();
        await OnFile(known);
        var unknown = Address();

        var knownPage = await AskForCode(known);
        var unknownPage = await AskForCode(unknown);
        (await unknownPage.Locator("main").InnerTextAsync()).Replace(unknown, "").ShouldBe((await knownPage.Locator("main").InnerTextAsync()).Replace(known, ""));
        (await MailboxCount(unknown)).ShouldBe(0);
        (await MailboxCount(known)).ShouldBe(2); // the contact change's code, then the recovery's

        // A code for it is refused with the words of any wrong code.
        using var http = Http();
        await EnterCode(unknownPage, await CitizenApi.LatestCode(http, known));
        await EnterCode(knownPage, "000000" == await CitizenApi.LatestCode(http, known) ? "111111" : "000000");
        await Expect(unknownPage.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Mã không đúng hoặc đã hết hạn. Hãy kiểm tra lại hoặc xin mã mới.");
        await Expect(knownPage.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Mã không đúng hoặc đã hết hạn. Hãy kiểm tra lại hoặc xin mã mới.");
        await Expect(unknownPage).ToHaveURLAsync(new Regex("/recover$"));
        await knownPage.Context.CloseAsync();
        await unknownPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_code_until_a_new_one_is_asked_for()
    {
        var address = Address();
        await OnFile(address);
        var page = await AskForCode(address);
        using var http = Http();
        var right = await CitizenApi.LatestCode(http, address);
        var wrong = right == "000000" ? "111111" : "000000";

        for (var i = 1; i <= 5; i++)
        {
            await EnterCode(page, wrong);
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(i < 5
                ? "Mã không đúng hoặc đã hết hạn. Hãy kiểm tra lại hoặc xin mã mới."
                : "Bạn đã nhập sai mã 5 lần nên mã này đã bị khóa. Hãy xin mã mới (mỗi giờ được tối đa 5 mã).");
        }
        await Expect(page.GetByLabel("Mã khôi phục 6 chữ số")).ToHaveCountAsync(0);
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "recover-locked");

        // The lock is the server's: the right code no longer works, and nothing was linked.
        var late = await http.PostAsJsonAsync("/auth/local/recovery/token", new { address, code = right });
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CitizenApi.ProblemCode(late)).ShouldBe("CODE_INVALID");

        // A new code opens it again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Xin mã mới" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi mã khôi phục" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        (await MailboxCount(address)).ShouldBe(3); // the contact change's code and two recovery codes
        await EnterCode(page, await CitizenApi.LatestCode(http, address));
        await Expect(page).ToHaveURLAsync(new Regex("/record$"));
        await page.Context.CloseAsync();
    }
}
