using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The served host trusting a second issuer, a standards OpenID Connect provider on 127.0.0.1 (the stand-in, over
/// https with a certificate made for the test, which this Chromium is told to trust by its key's hash; ADR 0205), and
/// listing it to the web app (`Vape:Citizens:ClientId`): the app signs people in there with MSAL.
/// </summary>
public sealed class OidcWebHost : WebHost
{
    public OidcWebHost() : base(new SetupApp()) { }

    private sealed class SetupApp() : VapeApp("vape_tests_web_oidc", "Development", []);

    public OidcProviderStandIn Provider { get; private set; } = null!;

    protected override string Database => "vape_tests_web_oidc";

    protected override string LogName => "host-oidc.log";

    public override async Task InitializeAsync()
    {
        Provider = await OidcProviderStandIn.StartAsync(tls: true);
        // The app renews a minute before the end: with 75 s tokens, a renewal comes some 15 s after the sign-in.
        Provider.AccessTokenLifetime = TimeSpan.FromSeconds(75);
        await base.InitializeAsync();
    }

    protected override Task<IReadOnlyDictionary<string, string>> HostEnvironment() => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
    {
        ["Vape__Citizens__Authority"] = Provider.BackChannel,
        ["Vape__Citizens__Issuer"] = Provider.Issuer,
        ["Vape__Citizens__Audience"] = OidcProviderStandIn.Audience,
        ["Vape__Citizens__RequireHttpsMetadata"] = "false",
        ["Vape__Citizens__ClientId"] = OidcProviderStandIn.ClientId,
        ["Vape__Citizens__Scopes"] = OidcProviderStandIn.Scope,
        ["Vape__Citizens__BrowserAuthority"] = Provider.Issuer,
    });

    protected override IEnumerable<string> BrowserArgs => ["--ignore-certificate-errors-spki-list=" + Provider.SpkiHash];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>Sign-in at an external issuer through MSAL in Chromium at 360×640 (issues #19 and #22; ADR 0204).</summary>
[Trait("Category", "Browser")]
public sealed class ExternalSignInBrowserTests(OidcWebHost web) : IClassFixture<OidcWebHost>
{
    private readonly OrganizationApi _org = new(web.App);

    /// <summary>At the provider's page: the user name, then back to the app.</summary>
    private static async Task SignInAtProvider(IPage page, string user)
    {
        await page.GotoAsync("/sign-in");
        await WebHost.ShouldPassAxe(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập bằng tài khoản công dân" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập tại nhà cung cấp" })).ToBeVisibleAsync();
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    [Fact]
    public async Task A_linked_citizen_signs_in_at_the_provider_and_is_their_member_and_signs_out_there()
    {
        // The provider's account "em" is linked to the learner by the commune's claim code (through the API).
        var user = "em" + Random.Shared.Next(100_000, 999_999);
        var code = (await _org.Mutate("issueClaimCode", new { personId = await _org.PersonId("learner") }, "commune", "code")).Data["issueClaimCode"]!["code"]!.GetValue<string>();
        // Through the served host, which trusts the provider (the in-process one does not).
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", web.Provider.Token(OidcProviderStandIn.SubjectOf(user)));
        var claimed = await http.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($i: ClaimMembershipInput!) { claimMembership(input: $i) { person { fullName } } }",
            variables = new { i = new { code } },
        });
        (await claimed.Content.ReadAsStringAsync()).ShouldContain("Hoàng Thị Em");

        var page = await web.Phone();
        await SignInAtProvider(page, user);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xin chào, Hoàng Thị Em");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        web.Provider.Grants.ShouldContain("authorization_code"); // the code, exchanged with its PKCE verifier
        // Tokens in this tab only: nothing of MSAL's or the session in localStorage or cookies.
        (await page.EvaluateAsync<string[]>("""
            () => {
              const token = JSON.parse(sessionStorage.getItem('vape.session')).token;
              return Object.keys(localStorage).filter(k => /accesstoken|refreshtoken|idtoken|vape\.session/i.test(k) || localStorage.getItem(k).includes(token));
            }
            """)).ShouldBeEmpty();
        (await page.Context.CookiesAsync()).Where(c => c.Value.Length > 100).ShouldBeEmpty();
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "external-signed-in");

        // Silent renewal: before the access token ends, a new one from the refresh token, with no page shown; the app
        // goes on with it (a wait for the renewal, not a timed assertion).
        const string Token = "() => JSON.parse(sessionStorage.getItem('vape.session')).token";
        var before = await page.EvaluateAsync<string>(Token);
        await page.WaitForFunctionAsync($"before => ({Token})() !== before", before, new() { Timeout = 120_000 });
        web.Provider.Grants.ShouldContain("refresh_token");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ học tập");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập bằng tài khoản công dân" })).ToBeVisibleAsync();
        web.Provider.SignOuts.ShouldBeGreaterThan(0);
        (await page.EvaluateAsync<string?>("() => sessionStorage.getItem('vape.session')")).ShouldBeNull();
        await page.GotoAsync("/record");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?next="));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_account_not_linked_to_a_member_comes_back_to_the_claim_screen()
    {
        var page = await web.Phone();
        var refused = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400 && r.Url.StartsWith(web.BaseUrl, StringComparison.Ordinal)) refused.Add($"{r.Status} {new Uri(r.Url).AbsolutePath}"); };
        await SignInAtProvider(page, "moi" + Random.Shared.Next(100_000, 999_999));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhận hồ sơ hội viên");
        await Expect(page.GetByTestId("bell")).ToHaveCountAsync(0);
        // The shell asks a member's roles only: an account with no member asked and was refused (403) before.
        refused.ShouldBeEmpty();
        await WebHost.ShouldPassAxe(page);
        await WebHost.Screenshot(page, "external-claim");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_host_lists_the_provider_to_the_app_and_a_host_without_one_lists_none()
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        var listed = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/auth/providers"))!["providers"]!.AsArray();
        listed.Count.ShouldBe(1);
        listed[0]!["kind"]!.GetValue<string>().ShouldBe("citizens");
        listed[0]!["authority"]!.GetValue<string>().ShouldBe(web.Provider.Issuer);
        listed[0]!["protocolMode"]!.GetValue<string>().ShouldBe("OIDC");
        var none = await web.App.Host.Server.CreateClient().GetStringAsync("/auth/providers");
        none.ShouldBe("""{"providers":[]}""");
    }
}
