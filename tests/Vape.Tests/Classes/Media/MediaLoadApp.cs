using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Hosting;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The media load (tests/media-load) against a real host: a network namespace the test made with two Janus nodes in it,
/// one Vape's (`Vape:Media:Janus`) and one for the baseline (Janus alone, rooms made directly), the real host in a
/// process of its own on the pair's outside address (the load client asks `joinClassMedia` there), and an in-process
/// host on the same database for setting the class up and holding the learners' hub connections.
/// </summary>
public sealed class MediaLoadApp : IAsyncLifetime
{
    private sealed class SetupApp(Dictionary<string, string?> media) : VapeApp("vape_tests_media_load", "Development", media);

    private HostProcess? _host;

    public MediaLoadApp() : this(new NetworkNamespace()) { }

    private MediaLoadApp(NetworkNamespace ns)
    {
        Namespace = ns;
        Vape = new JanusNode(ns.Inside, ns.Name);
        Baseline = new JanusNode(ns.Inside, ns.Name);
        Media = new()
        {
            ["Vape:Media:Janus:Nodes:0:Name"] = "a",
            ["Vape:Media:Janus:Nodes:0:AdminUrl"] = Vape.AdminUrl,
            ["Vape:Media:Janus:Nodes:0:PublicUrl"] = Vape.PublicUrl,
            ["Vape:Media:Janus:Nodes:0:AdminKey"] = Vape.AdminKey,
        };
        App = new SetupApp(Media);
    }

    public NetworkNamespace Namespace { get; }

    /// <summary>The node Vape places the class's room on.</summary>
    public JanusNode Vape { get; }

    /// <summary>A node Vape does not know: the baseline's rooms and tokens are made on it directly.</summary>
    public JanusNode Baseline { get; }

    public Dictionary<string, string?> Media { get; }
    public VapeApp App { get; }
    public string BaseUrl => _host!.BaseUrl;
    public static string Results { get; } = Path.Combine(Repo.Root, "TestResults", "media-load");

    public async Task InitializeAsync()
    {
        MediaLoad.RequireInstalled();
        await Task.WhenAll(Vape.ReadyAsync(), Baseline.ReadyAsync());
        await App.InitializeAsync();
        await App.ResetAsync();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Vape__Database"] = "vape_tests_media_load",
            ["Vape__DataPath"] = App.Host.Services.GetRequiredService<VapePaths>().DataPath,
            ["Vape__Classes__RoomOpensMinutesBefore"] = "2880",
        };
        foreach (var (key, value) in Media) environment[key.Replace(":", "__")] = value!;
        _host = await HostProcess.StartAsync(environment, Path.Combine(Results, "host.log"), Namespace.Outside);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await App.DisposeAsync();
        await Vape.DisposeAsync();
        await Baseline.DisposeAsync();
        Namespace.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MediaLoadCollection : ICollectionFixture<MediaLoadApp>
{
    public const string Name = "media-load";
}
