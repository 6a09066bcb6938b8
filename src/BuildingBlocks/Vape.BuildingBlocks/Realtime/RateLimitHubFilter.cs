using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// At most N hub calls a second per connection (token bucket, default 5). A connection lives on one host,
/// so its bucket may live there too. Over the limit the call fails with RATE_LIMITED; others are unaffected.
/// </summary>
internal sealed class RateLimitHubFilter(IOptions<HubLimitsOptions> options, TimeProvider clock) : IHubFilter
{
    private readonly double _perSecond = options.Value.CallsPerSecond;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocation.Context.Items;
        if (items[typeof(RateLimitHubFilter)] is not Bucket bucket)
            items[typeof(RateLimitHubFilter)] = bucket = new Bucket(_perSecond, clock.GetTimestamp());
        if (!bucket.TryTake(clock.GetTimestamp(), clock.TimestampFrequency))
            throw HubErrors.Create(ErrorCodes.RateLimited, $"Quá {_perSecond:0} lần gọi mỗi giây; hãy chậm lại.");
        return await next(invocation);
    }

    private sealed class Bucket(double capacity, long start)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private long _last = start;

        public bool TryTake(long now, long frequency)
        {
            lock (this)
            {
                _tokens = Math.Min(_capacity, _tokens + (now - _last) * _capacity / frequency);
                _last = now;
                if (_tokens < 1) return false;
                _tokens -= 1;
                return true;
            }
        }
    }
}
