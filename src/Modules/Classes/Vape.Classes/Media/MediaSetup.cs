using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Vape.Classes.Media;

/// <summary>The class's voice and picture through Janus (`Vape:Media`); without a node configured, nothing of it runs and `joinClassMedia` answers MEDIA_OFF.</summary>
internal static class MediaSetup
{
    public static void AddClassMedia(this WebApplicationBuilder builder)
    {
        AddMediaOptions(builder.Services);
        builder.Services.AddSingleton<JanusMetrics>();
        builder.Services.AddHttpClient<JanusAdmin>(http => http.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<MediaRooms>();
        builder.Services.AddSingleton<JoinClassMedia>();
        builder.Services.AddSingleton<Speaking>();
        var enabled = builder.Configuration.GetSection(MediaOptions.Section).Get<MediaOptions>()?.Enabled == true;
        if (!enabled) return;
        builder.Services.AddSingleton<MediaQueue>();
        builder.Services.AddSingleton<CascadeRelays>();
        builder.Services.AddSingleton<ClassRecordings>();
        builder.Services.AddSingleton<ModerationRepair>();
        builder.Services.AddSingleton<SpeakerModeration>();
        builder.Services.AddHostedService<MediaModeration>();
        builder.Services.AddHostedService<NodeWatch>();
        builder.Services.AddSingleton<IConfigureMarten, ListenForModeration>();
        builder.Services.AddSingleton<MediaAccessQueue>();
        builder.Services.AddHostedService<MediaAccess>();
        builder.Services.AddSingleton<IConfigureMarten, ListenForAccess>();
    }

    /// <summary>`Vape:Media`, checked at start: a bad value stops the host with a message naming its key (issue #20).</summary>
    public static void AddMediaOptions(IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaOptions>, NamedProblems>();
    }

    private sealed class ListenForModeration(MediaQueue queue) : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options) => options.Listeners.Add(queue.Listener);
    }

    private sealed class ListenForAccess(MediaAccessQueue access) : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options) => options.Listeners.Add(access.Listener);
    }

    /// <summary>Names the key of each problem (TypedOptionsTests: a bad value is refused naming its key).</summary>
    private sealed class NamedProblems : IValidateOptions<MediaOptions>
    {
        public ValidateOptionsResult Validate(string? name, MediaOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    public static void AddClassMediaDocuments(this StoreOptions options)
    {
        options.Schema.For<MediaRoom>().Index(r => r.Node);
        options.Schema.For<MediaGrant>().Index(g => g.SessionId);
        options.Schema.For<MediaNode>();
        options.Schema.For<MediaPublisher>();
        options.Schema.For<MediaSpeakingEnded>();
        options.Schema.For<MediaRelay>().Index(r => r.RelaySessionId);
    }
}
