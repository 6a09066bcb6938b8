using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Requests to join a unit in Chromium at 360×640 (issue #22): a signed-up citizen with no member asks Phường Ba Đình
/// to take them in; the ward's official, on another phone, approves it (the citizen is now the member) or refuses it
/// with a reason (the citizen reads it); the citizen may withdraw; an official of another unit sees no requests.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class MembershipRequestBrowserTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    private async Task<IPage> SignUp()
    {
        var address = "09" + Random.Shared.Next(10_000_000, 99_999_999);
        var page = await web.Phone();
        await page.GotoAsync("/sign-up");
        await page.GetByLabel("Số điện thoại hoặc e-mail").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi mã" }).ClickAsync();
        await Expect(page.GetByText("Đã gửi mã. Mã có hiệu lực trong 10 phút.")).ToBeVisibleAsync();
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        await page.GetByLabel("Mã 6 chữ số").FillAsync(await CitizenApi.LatestCode(http, address));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhận hồ sơ hội viên");
        return page;
    }

    /// <summary>The citizen finds the ward by name, chooses it and sends the request; it waits.</summary>
    private static async Task Ask(IPage page, string fullName)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hoặc xin đơn vị nhận bạn" })).ToBeVisibleAsync();
        await page.GetByLabel("Tên đơn vị").FillAsync("phuong ba dinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm đơn vị" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = BaDinh() }).CheckAsync();
        await page.GetByLabel("Họ và tên").FillAsync(fullName);
        await page.GetByLabel("Năm sinh (không bắt buộc)").FillAsync("2001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        await Expect(page.GetByTestId("join-request")).ToContainTextAsync("Yêu cầu gia nhập Phường Ba Đình của bạn đang chờ duyệt");
    }

    private async Task<IPage> OfficialAtTheWard()
    {
        var official = await web.SignedIn("commune");
        await official.GotoAsync($"/console/units/{await _org.UnitId("T01-X001")}");
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phường Ba Đình");
        return official;
    }

    private static string Name() => $"Đặng Văn Khoa {Random.Shared.Next(100_000, 999_999)}";

    [Fact]
    public async Task A_citizen_asks_the_ward_the_official_approves_on_another_phone_and_the_citizen_is_the_member()
    {
        var name = Name();
        var citizen = await SignUp();
        await Ask(citizen, name);
        await WebHost.ShouldPassAxe(citizen);
        await WebHost.Screenshot(citizen, "join-waiting");

        var official = await OfficialAtTheWard();
        var requests = official.GetByTestId("membership-requests");
        await Expect(requests).ToContainTextAsync(name);
        await Expect(requests).ToContainTextAsync("sinh năm 2001");
        await WebHost.ShouldPassAxe(official);
        await official.GetByRole(AriaRole.Button, new() { Name = $"Duyệt là hội viên mới: {name}" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Đã nhận {name} là hội viên." })).ToBeVisibleAsync();
        await Expect(official.GetByRole(AriaRole.Button, new() { Name = $"Duyệt là hội viên mới: {name}" })).ToHaveCountAsync(0);
        await Expect(official.GetByTestId("members")).ToContainTextAsync(name);
        await WebHost.Screenshot(official, "join-approved-console");
        await official.Context.CloseAsync();

        await citizen.ReloadAsync();
        await Expect(citizen.GetByText($"Bạn đã là hội viên: {name}.")).ToBeVisibleAsync();
        var token = await citizen.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('vape.session')).token");
        var me = await web.App.GraphQL("{ me { person { fullName homeUnit { code } } } }", token: token);
        me.HasErrors.ShouldBeFalse(me.Body);
        me.Data["me"]!["person"]!["fullName"]!.GetValue<string>().ShouldBe(name);
        me.Data["me"]!["person"]!["homeUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        await WebHost.ShouldPassAxe(citizen);
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Xem hồ sơ học tập" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ học tập");
        await Expect(citizen.GetByTestId("bell")).ToBeVisibleAsync();
        await citizen.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refusal_shows_its_reason_and_a_citizen_may_withdraw_a_request()
    {
        var name = Name();
        var citizen = await SignUp();
        await Ask(citizen, name);

        var official = await OfficialAtTheWard();
        await official.GetByRole(AriaRole.Button, new() { Name = $"Từ chối: {name}" }).ClickAsync();
        // A refusal without a reason is not sent (the field is required).
        await official.GetByRole(AriaRole.Button, new() { Name = "Gửi lời từ chối" }).ClickAsync();
        await Expect(official.GetByTestId("membership-requests")).ToContainTextAsync(name);
        await official.GetByLabel("Lý do từ chối (người xin sẽ đọc)").FillAsync("Bạn không sinh hoạt ở phường này; hãy xin chi hội nơi bạn ở.");
        await WebHost.ShouldPassAxe(official);
        await official.GetByRole(AriaRole.Button, new() { Name = "Gửi lời từ chối" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Đã từ chối yêu cầu của {name}." })).ToBeVisibleAsync();
        await official.Context.CloseAsync();

        await citizen.ReloadAsync();
        var state = citizen.GetByTestId("join-request");
        await Expect(state).ToContainTextAsync("Phường Ba Đình đã từ chối yêu cầu của bạn.");
        await Expect(state).ToContainTextAsync("Lý do: Bạn không sinh hoạt ở phường này; hãy xin chi hội nơi bạn ở.");
        await WebHost.ShouldPassAxe(citizen);
        await WebHost.Screenshot(citizen, "join-refused");

        // Asking again, then withdrawing: the official's list no longer has it.
        await Ask(citizen, name);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Rút lại yêu cầu" }).ClickAsync();
        await Expect(citizen.GetByTestId("join-request")).ToContainTextAsync("Bạn đã rút lại yêu cầu gia nhập Phường Ba Đình.");
        var waiting = await web.App.GraphQL("query($u: ID!) { membershipRequests(unitId: $u, first: 100) { nodes { fullName } } }",
            new { u = await _org.UnitId("T01-X001") }, await _org.Token("commune"));
        waiting.Data["membershipRequests"]!["nodes"]!.AsArray().Select(n => n!["fullName"]!.GetValue<string>()).ShouldNotContain(name);
        await citizen.Context.CloseAsync();
    }

    [Fact]
    public async Task An_official_of_another_unit_sees_no_requests_of_the_ward()
    {
        var name = Name();
        var citizen = await SignUp();
        await Ask(citizen, name);
        await citizen.Context.CloseAsync();

        // The official of another province (no demo button: the session the sign-in page would keep is put in place),
        // and a learner: the ward's page shows neither its members nor its requests.
        foreach (var login in new[] { "sibling-province", "learner" })
        {
            var stranger = await web.Phone();
            await stranger.GotoAsync("/sign-in");
            var session = System.Text.Json.JsonSerializer.Serialize(new { token = await _org.Token(login), personId = await _org.PersonId(login), name = login, login });
            await stranger.EvaluateAsync("s => sessionStorage.setItem('vape.session', s)", session);
            await stranger.GotoAsync($"/console/units/{await _org.UnitId("T01-X001")}");
            await Expect(stranger.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phường Ba Đình");
            await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Hội viên sinh hoạt tại đơn vị" })).ToHaveCountAsync(0);
            await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Yêu cầu gia nhập" })).ToHaveCountAsync(0);
            await Expect(stranger.GetByText(name)).ToHaveCountAsync(0);
            await stranger.Context.CloseAsync();
        }
    }

    [GeneratedRegex("^Phường Ba Đình\\b")]
    private static partial Regex BaDinh();
}
