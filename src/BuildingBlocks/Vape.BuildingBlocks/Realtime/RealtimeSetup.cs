using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Hosting;
using Vape.BuildingBlocks.ScaleOut;

namespace Vape.BuildingBlocks.Realtime;

internal static class RealtimeSetup
{
    public static void AddVapeRealtime(this WebApplicationBuilder builder, SharedRedis? redis)
    {
        var maxMessageBytes = builder.Configuration.Bound<HubLimitsOptions>(HubLimitsOptions.Section).MaxMessageBytes;
        var signalR = builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = maxMessageBytes;
                o.EnableDetailedErrors = false;
                o.AddFilter<HubErrorFilter>();
                o.AddFilter<RateLimitHubFilter>();
                o.AddFilter<OpenConnections>();
                o.AddFilter<HubTextFilter>();
            })
            .AddJsonProtocol(VapeJson.UseHub)
            .AddMessagePackProtocol(o => o.SerializerOptions = HubMessagePack.Options);
        FrameLimit.Apply(builder.Services, maxMessageBytes);
        if (redis is not null)
        {
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = redis.Options;
                o.ConnectionFactory = async _ => await redis.ConnectAsync();
            });
            // The Redis manager behind one that reaches this host's own connections while Redis is away.
            builder.Services.AddSingleton(typeof(RedisHubLifetimeManager<>));
            builder.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(LocalFallbackHubLifetimeManager<>));
        }
        builder.Services.AddSingleton<HubErrorFilter>();
        builder.Services.AddSingleton<OrderedSends>();
        builder.Services.AddSingleton<RateLimitHubFilter>();
        builder.Services.AddSingleton<OpenConnections>();
        builder.Services.AddSingleton<HubTextFilter>();
        builder.Services.AddSingleton<IUserIdProvider, PersonIdProvider>();
    }

    private sealed class PersonIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) => connection.User.PersonId()?.ToString();
    }
}
