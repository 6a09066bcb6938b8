using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Vape.BuildingBlocks.ScaleOut;
using Vape.Tests.Support;
using static Vape.Tests.Platform.CostLimitTests;

namespace Vape.Tests.Platform;

/// <summary>A host with CostLimitApp's small budgets, counting them in Redis (`ConnectionStrings:Redis`, ADR 0109).</summary>
public sealed class CostLimitRedisApp(RedisProcess redis) : VapeApp("vape_tests_cost_redis", "Development", Settings(redis))
{
    private static Dictionary<string, string?> Settings(RedisProcess redis)
    {
        var settings = CostLimitApp.Budgets;
        settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        return settings;
    }
}

/// <summary>
/// Issue #28's shared count in Redis (ADR 0109): two hosts on one Redis (started by the test on a free 127.0.0.1
/// port) count one budget per client, and that count is Redis's, not PostgreSQL's. (The PostgreSQL path, two hosts
/// on one database: <see cref="CostLimitTests.Two_hosts_count_one_budget_per_client"/>.)
/// </summary>
public sealed class CostLimitRedisTests
{
    [Fact]
    public async Task A_client_that_spent_its_minute_on_one_host_is_refused_on_the_other_and_others_are_answered()
    {
        await using var redis = await RedisProcess.StartAsync();
        var a = new CostLimitRedisApp(redis);
        var b = new CostLimitRedisApp(redis);
        await a.InitializeAsync();
        await b.InitializeAsync();
        try
        {
            var (client, spent) = await SpentOnOneHostRefusedOnTheOther(a, b);

            // The count was Redis's: its key holds what was spent and expires, and PostgreSQL's table has nothing for the client.
            var connection = await b.Host.Services.GetRequiredService<SharedRedis>().ConnectAsync();
            var server = connection.GetServer(connection.GetEndPoints()[0]);
            var keys = new List<RedisKey>();
            await foreach (var key in server.KeysAsync(pattern: $"vape:cost:*:address:{client}:*")) keys.Add(key);
            keys.Count.ShouldBe(1);
            ((long)await connection.GetDatabase().StringGetAsync(keys[0])).ShouldBe(spent);
            var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(keys[0]);
            ttl.ShouldNotBeNull();
            ttl.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(65));
            (await CountedInPostgres(b, client)).ShouldBe(0);
        }
        finally
        {
            await b.DisposeAsync();
            await a.DisposeAsync();
        }
    }
}
