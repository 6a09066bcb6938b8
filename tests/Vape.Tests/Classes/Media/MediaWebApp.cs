using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vape.BuildingBlocks.Hosting;
using Vape.Tests.Support;
using Vape.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The web app's live class with picture and sound, as a person meets it: Janus and Debian's Chromium (fake camera and
/// microphone) in a network namespace the test made, the real host in a process of its own listening on the pair's
/// outside address (serving src/Web/dist and Debian's janus.js), an in-process host on the same database for setting
/// classes up. Every check reads the pages' own `RTCPeerConnection`s through `getStats()`.
/// </summary>
public sealed class MediaWebApp : IAsyncLifetime
{
    private sealed class SetupApp(Dictionary<string, string?> media) : VapeApp("vape_tests_media_web", "Development", media);

    private IPlaywright? _playwright;
    private HostProcess? _host;
    private readonly int _redisPort = Ports.Free();
    private RedisProcess? _redis;

    public MediaWebApp() : this(new NetworkNamespace()) { }

    private MediaWebApp(NetworkNamespace ns)
    {
        Namespace = ns;
        // Two nodes: a test kills the one its class is on (the others' classes go to the node left). Their media leaves
        // from ports in one block (JanusPorts), so that a test can throttle what Janus sends and nothing else.
        Nodes = [new JanusNode(ns.Inside, ns.Name, "20480-20991"), new JanusNode(ns.Inside, ns.Name, "20992-21503")];
        // Pages read the room's publishers only when the hub says they changed: a poll of an hour never comes in a test,
        // so every picture a page receives here came by the push (ADR 0268).
        Media = new() { ["Vape:Media:SweepSeconds"] = "5", ["Vape:Media:PublishersPollSeconds"] = "3600" };
        // The two hosts share the hub through Redis, as hosts behind a balancer do: a room's event committed by either
        // (the cascade's relay loop runs on whichever holds its lock) reaches the pages on the other.
        Media["ConnectionStrings:Redis"] = $"127.0.0.1:{_redisPort}";
        for (var i = 0; i < Nodes.Length; i++)
        {
            Media[$"Vape:Media:Janus:Nodes:{i}:Name"] = ((char)('a' + i)).ToString();
            Media[$"Vape:Media:Janus:Nodes:{i}:AdminUrl"] = Nodes[i].AdminUrl;
            Media[$"Vape:Media:Janus:Nodes:{i}:PublicUrl"] = Nodes[i].PublicUrl;
            Media[$"Vape:Media:Janus:Nodes:{i}:AdminKey"] = Nodes[i].AdminKey;
            // Janus (as root in the namespace) writes a recorded class's files here; both hosts read them (ADR 0235).
            Media[$"Vape:Media:Janus:Nodes:{i}:RecordingDir"] = Path.Combine(Recordings, ((char)('a' + i)).ToString());
        }
        // VAPE_MEDIA_KEEP_MJR=/some/folder keeps a run's converted .mjr files there, to inspect with janus-pp-rec.
        if (Environment.GetEnvironmentVariable("VAPE_MEDIA_KEEP_MJR") is { Length: > 0 } keep) Media["Vape:Media:KeepRecordingSources"] = keep;
        App = new SetupApp(Media);
    }

    /// <summary>The nodes' recording folders, one per node, removed with the fixture.</summary>
    public string Recordings { get; } = Path.Combine(Path.GetTempPath(), $"vape-recordings-{Guid.NewGuid():N}");

    public NetworkNamespace Namespace { get; }
    public JanusNode[] Nodes { get; }

    /// <summary>The block of UDP ports both nodes send media from (20480–21503), as a port and a mask for `tc`.</summary>
    public static (int Port, int Mask) JanusPorts => (20480, 0xfc00);

    /// <summary>The node named in `Vape:Media:Janus:Nodes` ("a", "b").</summary>
    public JanusNode Node(string name) => Nodes[name[0] - 'a'];
    public Dictionary<string, string?> Media { get; }

    /// <summary>Every node a test killed is started again (same address and ports), so the next test has both.</summary>
    public async Task RestartDeadNodes()
    {
        for (var i = 0; i < Nodes.Length; i++)
            if (Nodes[i].Dead) Nodes[i] = await Nodes[i].RestartedAsync();
    }
    public VapeApp App { get; }
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => _host!.BaseUrl;
    public static string Screenshots { get; } = Path.Combine(Repo.Root, "TestResults", "media-web");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Nodes.Select(n => n.ReadyAsync()));
        _redis = await RedisProcess.StartAsync(_redisPort);
        await App.InitializeAsync();
        await App.ResetAsync();
        var dist = Path.Combine(Repo.Root, "src", "Web", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
            throw new InvalidOperationException("src/Web/dist is missing: the host's build (VapeWebBuild) should have built the web app.");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Vape__Database"] = "vape_tests_media_web",
            ["Vape__DataPath"] = App.Host.Services.GetRequiredService<VapePaths>().DataPath,
            ["Vape__WebRoot"] = dist,
            ["Vape__RateLimits__AnonymousGraphQLPerMinute"] = "1000000",
            ["Vape__Classes__RoomOpensMinutesBefore"] = "2880",
        };
        foreach (var (key, value) in Media) environment[key.Replace(":", "__")] = value!;
        _host = await HostProcess.StartAsync(environment, Path.Combine(Screenshots, "host.log"), Namespace.Outside);
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Namespace.ChromiumWrapper(),
            Headless = true,
            Args = Arguments,
        });
    }

    private IBrowser? _on2G;

    /// <summary>
    /// A second Chromium whose network quality estimator is forced to 2G (Chromium's own switch): its pages'
    /// `navigator.connection.effectiveType` is "2g", as on a weak village link.
    /// </summary>
    public async Task<IBrowser> BrowserOn2G() => _on2G ??= await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Namespace.ChromiumWrapper(),
        Headless = true,
        Args = [.. Arguments, "--force-effective-connection-type=2G"],
    });

    private string[] Arguments => ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
        "--disable-features=WebRtcHideLocalIpsWithMdns", "--unsafely-treat-insecure-origin-as-secure=" + BaseUrl];

    /// <summary>
    /// Everything this fixture started, each step whatever the others did: a start that failed half way (Janus not ready,
    /// no web build) leaves no browser or host to stop, and its own failure is what the run reports.
    /// </summary>
    public Task DisposeAsync() => Cleanup.RunAll(
        async () => { if (_on2G is not null) await _on2G.DisposeAsync(); },
        async () => { if (Browser is not null) await Browser.DisposeAsync(); },
        () => { _playwright?.Dispose(); return Task.CompletedTask; },
        async () => { if (_host is not null) await _host.DisposeAsync(); },
        App.DisposeAsync,
        async () => { foreach (var node in Nodes) await node.DisposeAsync(); },
        async () => { if (_redis is not null) await _redis.DisposeAsync(); },
        () => { Namespace.Dispose(); return Task.CompletedTask; },
        () => { if (Directory.Exists(Recordings)) Directory.Delete(Recordings, recursive: true); return Task.CompletedTask; });

    /// <summary>
    /// Records every `RTCPeerConnection` the page makes (janus.js's own), so the test reads what the page really
    /// receives; nothing else of the page changes.
    /// </summary>
    private const string RecordPeerConnections = """
        window.__pcs = [];
        window.RTCPeerConnection = class extends window.RTCPeerConnection {
          constructor(...args) { super(...args); window.__pcs.push(this); }
        };
        """;

    private readonly List<IBrowserContext> _opened = [];

    /// <summary>
    /// Closes every window a test opened (each test class calls it when its test ends): a page left open goes on
    /// publishing or decoding, and the collection's later tests then ran beside a dozen live classes (2026-12-07).
    /// </summary>
    public async Task CloseWindows()
    {
        IBrowserContext[] opened;
        lock (_opened)
        {
            opened = [.. _opened];
            _opened.Clear();
        }
        foreach (var context in opened)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Its browser was closed already (a test's own, e.g. one in a namespace of its own).
            }
        }
    }

    /// <summary>A phone (360×640, touch: the low simulcast layer) or a wide desktop window, signed in as a demo login.</summary>
    public async Task<IPage> SignedIn(string login, bool phone = true, IBrowser? browser = null)
    {
        var context = await (browser ?? Browser).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 640 } : new ViewportSize { Width = 1280, Height = 800 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            IsMobile = phone,
            HasTouch = phone,
            Permissions = ["camera", "microphone"],
        });
        lock (_opened) _opened.Add(context);
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(RecordPeerConnections);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.Locator($"button[data-login='{login}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^(?!.*/sign-in)"));
        return page;
    }

    public sealed record Received(long FramesDecoded, long VideoPackets, long FrameWidth, long AudioSamples, long AudioPackets, long SentAudioPackets, long SentVideoPackets);

    /// <summary>What the page's open peer connections have received and sent so far.</summary>
    public static async Task<Received> Stats(IPage page)
    {
        var s = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const out = { framesDecoded: 0, videoPackets: 0, frameWidth: 0, audioSamples: 0, audioPackets: 0, sentAudioPackets: 0, sentVideoPackets: 0 };
              for (const pc of window.__pcs) {
                if (pc.signalingState === 'closed') continue;
                (await pc.getStats()).forEach(s => {
                  if (s.type === 'inbound-rtp' && s.kind === 'video') { out.framesDecoded += s.framesDecoded || 0; out.videoPackets += s.packetsReceived || 0; out.frameWidth = Math.max(out.frameWidth, s.frameWidth || 0); }
                  if (s.type === 'inbound-rtp' && s.kind === 'audio') { out.audioSamples += s.totalSamplesReceived || 0; out.audioPackets += s.packetsReceived || 0; }
                  if (s.type === 'outbound-rtp' && s.kind === 'audio') out.sentAudioPackets += s.packetsSent || 0;
                  if (s.type === 'outbound-rtp' && s.kind === 'video') out.sentVideoPackets += s.packetsSent || 0;
                });
              }
              return out;
            }
            """);
        long L(string name) => s.GetProperty(name).GetInt64();
        return new Received(L("framesDecoded"), L("videoPackets"), L("frameWidth"), L("audioSamples"), L("audioPackets"), L("sentAudioPackets"), L("sentVideoPackets"));
    }

    /// <summary>Polls the page's stats until the condition holds against a first reading (never a fixed sleep).</summary>
    public static async Task<Received> Until(IPage page, Func<Received, Received, bool> condition, string what)
    {
        var first = await Stats(page);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var now = await Stats(page);
            if (condition(first, now)) return now;
            if (guard.IsCancellationRequested) throw new TimeoutException($"{what}: first {first}, last {now}");
            await Task.Delay(200);
        }
    }

    public static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await WebHost.Capture(page, Path.Combine(Screenshots, name + ".png"));
    }
}

[CollectionDefinition(Name)]
public sealed class MediaWebCollection : ICollectionFixture<MediaWebApp>
{
    public const string Name = "media-web";
}
