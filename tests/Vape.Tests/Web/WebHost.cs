using System.Diagnostics;
using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vape.BuildingBlocks.Hosting;
using Vape.Tests.Support;

namespace Vape.Tests.Web;

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebHost>
{
    public const string Name = "web";
}

/// <summary>
/// The web app as a person meets it: the real host in a process of its own on a real port (as `dotnet run` starts it,
/// serving src/Web/dist), its database shared with an in-process host the tests use to set things up, and Debian's
/// Chromium (/usr/bin/chromium, never a downloaded browser) driven by Playwright at 360×640. Screenshots go to
/// TestResults/web.
/// </summary>
public class WebHost : IAsyncLifetime
{
    public WebHost() : this(new SetupApp()) { }

    /// <summary>Another host (its own database, more configuration, more browser switches): <see cref="OidcWebHost"/>.</summary>
    protected WebHost(VapeApp app) => App = app;

    /// <summary>The in-process host on the same database: for setting things up through GraphQL and the hubs.</summary>
    public VapeApp App { get; }

    private sealed class SetupApp() : VapeApp("vape_tests_web", "Development", []);

    /// <summary>The database of both hosts.</summary>
    protected virtual string Database => "vape_tests_web";

    /// <summary>Configuration of the served host beyond the common one (environment variables).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> HostEnvironment() => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    protected virtual string LogName => "host.log";

    /// <summary>Chromium switches beyond <see cref="LoopbackOnly"/>.</summary>
    protected virtual IEnumerable<string> BrowserArgs => [];

    public const string Chromium = "/usr/bin/chromium";
    private Process? _process;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public static string Screenshots { get; } = Path.Combine(Repo.Root, "TestResults", "web");

    public virtual async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await App.ResetAsync();
        // VAPE_WEB_DIST: another build of the app (figures before a change, docs/web.md); otherwise this checkout's.
        var dist = Environment.GetEnvironmentVariable("VAPE_WEB_DIST") is { Length: > 0 } other ? other : Path.Combine(Repo.Root, "src", "Web", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
            throw new InvalidOperationException("src/Web/dist is missing: the host's build (VapeWebBuild) should have built the web app.");
        var port = Ports.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        var paths = App.Host.Services.GetRequiredService<VapePaths>();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(BaseUrl);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Vape__Database"] = Database;
        psi.Environment["Vape__DataPath"] = paths.DataPath;
        psi.Environment["Vape__WebRoot"] = dist;
        psi.Environment["Vape__RateLimits__AnonymousGraphQLPerMinute"] = "1000000";
        psi.Environment["Vape__GraphQL__AnonymousCostPerMinute"] = "1000000000";
        psi.Environment["Vape__GraphQL__SignedInCostPerMinute"] = "1000000000";
        // As the in-process hosts (VapeApp): the tests open tomorrow's classes at once.
        psi.Environment["Vape__Classes__RoomOpensMinutesBefore"] = "2880";
        // Class reminders would ring the demo learners' bell at any moment of a test that counts it (InboxBrowserTests
        // failed so in CI on 2026-12-07): the first sweep is an hour after the start.
        psi.Environment["Vape__Classes__ReminderSweepSeconds"] = "3600";
        foreach (var (key, value) in await HostEnvironment()) psi.Environment[key] = value;
        _process = Process.Start(psi)!;
        Directory.CreateDirectory(Screenshots);
        var log = new StreamWriter(Path.Combine(Screenshots, LogName)) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        string? ready = null;
        for (var i = 0; i < 240 && ready != "Healthy"; i++)
        {
            try { ready = await http.GetStringAsync("/health/ready"); }
            catch (HttpRequestException) { await Task.Delay(500); }
        }
        if (ready != "Healthy") throw new InvalidOperationException("the web host did not become ready at " + BaseUrl);

        Directory.CreateDirectory(Screenshots);
        // A first write on a fresh host generates its handler code (seconds on a loaded machine): wait as a person would.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = [.. LoopbackOnly, .. BrowserArgs] });
    }

    /// <summary>
    /// Chromium's own background services (component updates, Google sign-in, safe browsing) look up Google's host
    /// names through the system's DNS server even under Playwright's defaults, and tests may send traffic to 127.0.0.1
    /// only: inside this browser every host name but localhost resolves to nothing, before any DNS query is made
    /// (checked with strace: no connect() to port 53 is left; a UDP connect() to a public IPv6 address remains, which
    /// Chromium uses to learn whether IPv6 is routable, and which sends no packet).
    /// </summary>
    internal static readonly string[] LoopbackOnly =
    [
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pings",
    ];

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        await App.DisposeAsync();
    }

    /// <summary>A phone: its own browser context (cookies, storage) at 360×640, in Vietnamese, in Viet Nam's time.</summary>
    public async Task<IPage> Phone()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 640 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person does: the demo login's button.</summary>
    public async Task<IPage> SignedIn(string login, IPage? page = null)
    {
        page ??= await Phone();
        await page.GotoAsync("/sign-in");
        await page.Locator($"button[data-login='{login}']").ClickAsync();
        // The app leaves /sign-in with history.replaceState. WaitForURLAsync compares the URL the client knows, then
        // waits for the *next* navigation event: when the event of this one arrives in between, it waits for one that
        // never comes (seen: 30 s timeouts in 2 of ~40 sign-ins on a busy machine). The assertion polls the URL instead.
        await Assertions.Expect(page).ToHaveURLAsync(NotSignIn);
        return page;
    }

    private static readonly System.Text.RegularExpressions.Regex NotSignIn = new("^(?!.*/sign-in)");

    /// <summary>
    /// The page as it is, for a person reading the run (TestResults/web); never an assertion. A full-page capture waits
    /// for the browser to paint the whole page: in CI on 2026-12-08 one, right after a download on a loaded machine,
    /// waited 30 s and failed a test whose every check had passed. Then the screen's part is taken, and when that is
    /// not painted either, a note says so beside where the picture would be and the test goes on to its next check.
    /// </summary>
    public static Task Screenshot(IPage page, string name) => Capture(page, Path.Combine(Screenshots, name + ".png"));

    /// <summary>The page to a PNG at <paramref name="path"/>, as <see cref="Screenshot"/> takes it (the media tests' pictures too).</summary>
    public static async Task Capture(IPage page, string path)
    {
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        catch (TimeoutException full)
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Timeout = 10_000 });
                await File.WriteAllTextAsync(Path.ChangeExtension(path, ".txt"), $"only the screen: the whole page was not painted in time ({full.Message.Split('\n')[0]})\n");
            }
            catch (TimeoutException screen)
            {
                await File.WriteAllTextAsync(Path.ChangeExtension(path, ".txt"), $"no picture: {screen.Message.Split('\n')[0]}\n");
            }
        }
    }

    /// <summary>axe-core on the page as it is: no serious or critical violation (the list says which and where).</summary>
    public static async Task ShouldPassAxe(IPage page)
    {
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        bad.ShouldBeEmpty(string.Join("\n", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
