using Microsoft.Extensions.DependencyInjection;
using Vape.Classes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>A host with one Janus node (started for the collection on loopback) and a clock the test moves (token expiry).</summary>
public sealed class MediaApp : VapeApp, IAsyncLifetime
{
    public MediaApp() : this(new JanusNode()) { }

    private MediaApp(JanusNode janus) : base("vape_tests_media", "Development", new()
    {
        ["Vape:Media:Janus:Nodes:0:Name"] = "a",
        ["Vape:Media:Janus:Nodes:0:AdminUrl"] = janus.AdminUrl,
        ["Vape:Media:Janus:Nodes:0:PublicUrl"] = janus.PublicUrl,
        ["Vape:Media:Janus:Nodes:0:AdminKey"] = janus.AdminKey,
        ["Vape:Media:SweepSeconds"] = "1",
    }) => Janus = janus;

    public JanusNode Janus { get; }

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new ClassesClock(Clock));

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Janus.ReadyAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Janus.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaApp>
{
    public const string Name = "media";
}
