using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Realtime;

internal static class RealtimeSetup
{
    public static void AddVapeRealtime(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = builder.Configuration.GetValue<long>("Vape:Hubs:MaxMessageBytes", 32 * 1024);
                o.EnableDetailedErrors = false;
                o.AddFilter<RateLimitHubFilter>();
            })
            .AddJsonProtocol(o => VapeJson.Apply(o.PayloadSerializerOptions))
            .AddMessagePackProtocol();
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("vape"));
        builder.Services.AddSingleton<RateLimitHubFilter>();
        builder.Services.AddSingleton<IUserIdProvider, PersonIdProvider>();
    }

    private sealed class PersonIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) => connection.User.PersonId()?.ToString();
    }
}
