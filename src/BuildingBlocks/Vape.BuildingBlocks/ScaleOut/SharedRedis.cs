using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.ScaleOut;

/// <summary>
/// The one Redis connection of a host, when `ConnectionStrings:Redis` is set: the SignalR backplane and the
/// limits every host must agree on use it. Without it a single host needs nothing but PostgreSQL.
/// </summary>
public sealed class SharedRedis : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    public SharedRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start without Redis and keep trying: a host serves its own connections while Redis is away.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        options.ChannelPrefix = RedisChannel.Literal("vape");
        Options = options;
        _connection = new(async () => await ConnectionMultiplexer.ConnectAsync(options));
    }

    public ConfigurationOptions Options { get; }

    public Task<IConnectionMultiplexer> ConnectAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }
}

/// <summary>Ready only while Redis answers: without it, messages from other hosts do not arrive here.</summary>
internal sealed class RedisReadyCheck(SharedRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var connection = await redis.ConnectAsync();
            await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("Redis reachable");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis unreachable: other hosts' messages do not reach this host's connections");
        }
    }
}

internal static class SharedRedisSetup
{
    public static SharedRedis? AddSharedRedis(this IServiceCollection services, ConnectionStringOptions connections)
    {
        if (connections.Redis is not { Length: > 0 } connectionString) return null;
        var redis = new SharedRedis(connectionString);
        services.AddSingleton(redis);
        services.AddHealthChecks().AddCheck<RedisReadyCheck>("redis", tags: ["ready"]);
        return redis;
    }
}
