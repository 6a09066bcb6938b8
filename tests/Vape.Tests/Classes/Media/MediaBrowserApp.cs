using Microsoft.Playwright;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A host whose Janus runs in a network namespace of its own, with Chromium (fake camera and microphone) in the same
/// namespace; pages load <see cref="MediaPage"/> and talk to Janus at its address there.
/// </summary>
public sealed class MediaBrowserApp : VapeApp, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private System.Net.HttpListener? _page;
    private readonly int _pagePort = Ports.Free();

    private string PageOrigin => $"http://{Namespace.Outside}:{_pagePort}";

    public MediaBrowserApp() : this(new NetworkNamespace()) { }

    private MediaBrowserApp(NetworkNamespace ns) : this(ns, new JanusNode(ns.Inside, ns.Name)) { }

    private MediaBrowserApp(NetworkNamespace ns, JanusNode janus) : base("vape_tests_media_browser", "Development", new()
    {
        ["Vape:Media:Janus:Nodes:0:Name"] = "ns",
        ["Vape:Media:Janus:Nodes:0:AdminUrl"] = janus.AdminUrl,
        ["Vape:Media:Janus:Nodes:0:PublicUrl"] = janus.PublicUrl,
        ["Vape:Media:Janus:Nodes:0:AdminKey"] = janus.AdminKey,
        ["Vape:Media:SweepSeconds"] = "5",
    })
    {
        Namespace = ns;
        Janus = janus;
    }

    public NetworkNamespace Namespace { get; }
    public JanusNode Janus { get; }
    public IBrowser Browser { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Janus.ReadyAsync();
        await InitializeAsync();
        _page = MediaPage.Serve(Namespace.Outside, _pagePort);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Namespace.ChromiumWrapper(),
            Headless = true,
            Args = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
                "--disable-features=WebRtcHideLocalIpsWithMdns", "--unsafely-treat-insecure-origin-as-secure=" + PageOrigin],
        });
    }

    /// <summary>A device: its own browser context, on the media page.</summary>
    public async Task<IPage> Device()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Permissions = ["camera", "microphone"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync(PageOrigin + "/media.html");
        return page;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        _page?.Close();
        await DisposeAsync();
        await Janus.DisposeAsync();
        Namespace.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MediaBrowserCollection : ICollectionFixture<MediaBrowserApp>
{
    public const string Name = "media-browser";
}
