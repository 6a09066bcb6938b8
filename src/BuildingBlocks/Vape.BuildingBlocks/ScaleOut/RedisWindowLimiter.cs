using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Vape.BuildingBlocks.ScaleOut;

/// <summary>
/// A fixed-window limit counted in Redis, so that a client who spreads requests over several hosts meets
/// one limit, not one per host. If Redis does not answer, the request is let through: a limit must not
/// turn a Redis outage into an outage of the API.
/// </summary>
internal sealed class RedisWindowLimiter(SharedRedis redis, string key, int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        AcquireAsyncCore(permitCount, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
    {
        var windowStart = clock.GetUtcNow().ToUnixTimeSeconds() / (long)window.TotalSeconds;
        var counter = $"vape:limit:{key}:{windowStart}";
        try
        {
            var database = (await redis.ConnectAsync()).GetDatabase();
            var count = await database.StringIncrementAsync(counter, permitCount);
            if (count == permitCount) await database.KeyExpireAsync(counter, window + TimeSpan.FromSeconds(5));
            return count <= permitLimit ? Lease.Granted : Lease.Refused;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Lease.Granted;
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
