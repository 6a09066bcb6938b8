using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Hosting;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The media load (tests/media-load) against a real host: a network namespace the test made with three Janus nodes in
/// it, two Vape's (`Vape:Media:Janus`, "a" and "b": a cascade's centre and relay rooms on different nodes) and one for
/// the baseline (Janus alone, rooms made directly), the real host in a
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
        Nodes = [new JanusNode(ns.Inside, ns.Name), new JanusNode(ns.Inside, ns.Name)];
        Baseline = new JanusNode(ns.Inside, ns.Name);
        // A node busy with hundreds of learners may miss the watch's pings (two seconds each): its room must not move
        // mid-run, so the watch waits for its most misses (ADR 0302), and a join's slow ping is left to the watch (ADR 0318).
        Media = new() { ["Vape:Media:NodeMisses"] = "100" };
        for (var i = 0; i < Nodes.Length; i++)
        {
            Media[$"Vape:Media:Janus:Nodes:{i}:Name"] = NodeNames[i];
            Media[$"Vape:Media:Janus:Nodes:{i}:AdminUrl"] = Nodes[i].AdminUrl;
            Media[$"Vape:Media:Janus:Nodes:{i}:PublicUrl"] = Nodes[i].PublicUrl;
            Media[$"Vape:Media:Janus:Nodes:{i}:AdminKey"] = Nodes[i].AdminKey;
        }
        App = new SetupApp(Media);
    }

    public static IReadOnlyList<string> NodeNames { get; } = ["a", "b"];

    public NetworkNamespace Namespace { get; }

    /// <summary>Vape's nodes ("a", "b"): a class's room goes to the least loaded.</summary>
    public JanusNode[] Nodes { get; }

    /// <summary>The Vape node whose public URL `joinClassMedia` gave.</summary>
    public JanusNode NodeAt(string publicUrl) => Nodes.Single(n => n.PublicUrl == publicUrl);

    /// <summary>A node Vape does not know: the baseline's rooms and tokens are made on it directly.</summary>
    public JanusNode Baseline { get; }

    public Dictionary<string, string?> Media { get; }
    public VapeApp App { get; }
    public string BaseUrl => _host!.BaseUrl;
    public static string Results { get; } = Path.Combine(Repo.Root, "TestResults", "media-load");

    public async Task InitializeAsync()
    {
        MediaLoad.RequireInstalled();
        await Task.WhenAll([.. Nodes.Select(n => n.ReadyAsync()), Baseline.ReadyAsync()]);
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

    /// <summary>Everything this fixture started, each step whatever the others did (a start that failed half way reports its own failure).</summary>
    public Task DisposeAsync() => Cleanup.RunAll(
        async () => { if (_host is not null) await _host.DisposeAsync(); },
        App.DisposeAsync,
        async () => { foreach (var node in Nodes) await node.DisposeAsync(); },
        async () => await Baseline.DisposeAsync(),
        () => { Namespace.Dispose(); return Task.CompletedTask; });
}

[CollectionDefinition(Name)]
public sealed class MediaLoadCollection : ICollectionFixture<MediaLoadApp>
{
    public const string Name = "media-load";
}
