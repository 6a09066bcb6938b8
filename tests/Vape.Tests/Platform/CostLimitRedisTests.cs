using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
            await FreshWindow(a);
            var client = NewClient();
            // About 1,500 points each: the first is answered, the second is over the 2,000 (host A refuses it).
            var (first, answered) = await Ask(a, client, Aliases(15));
            first.ShouldBe(200, answered.ToJsonString());
            (await Ask(a, client, Aliases(15))).Status.ShouldBe(429);

            // Host B has not seen the client: it charges the shared count and refuses even a small query.
            var (status, refused, retryAfter) = await Answer(b, client, "{ __typename }");
            status.ShouldBe(429, refused.ToJsonString());
            refused["data"].ShouldBeNull();
            var error = refused["errors"]![0]!;
            error["extensions"]!["code"]!.GetValue<string>().ShouldBe("RATE_LIMITED");
            error["message"]!.GetValue<string>().ShouldContain("đã dùng hết");
            Cost(refused, "limit").ShouldBe(2000);
            var spent = Cost(refused, "spent");
            spent.ShouldBe(2 * Cost(answered, "requested") + Cost(refused, "requested"));
            retryAfter.ShouldBe(Cost(refused, "resetInSeconds").ToString());
            int.Parse(retryAfter!).ShouldBeInRange(1, 60);

            // Another client is answered on either host.
            (await Ask(b, NewClient(), "{ units(first: 5) { nodes { id } } }")).Status.ShouldBe(200);
            (await Ask(a, NewClient(), "{ units(first: 5) { nodes { id } } }")).Status.ShouldBe(200);

            // The count was Redis's: its key holds what was spent, and PostgreSQL's table has no line for the client.
            var connection = await b.Host.Services.GetRequiredService<SharedRedis>().ConnectAsync();
            var server = connection.GetServer(connection.GetEndPoints()[0]);
            var keys = new List<RedisKey>();
            await foreach (var key in server.KeysAsync(pattern: $"vape:cost:*:address:{client}:*")) keys.Add(key);
            keys.Count.ShouldBe(1);
            ((long)await connection.GetDatabase().StringGetAsync(keys[0])).ShouldBe(spent);
            var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(keys[0]);
            ttl.ShouldNotBeNull();
            ttl.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(65));
            await using var lines = b.Host.Services.GetRequiredService<NpgsqlDataSource>()
                .CreateCommand("select count(*) from vape.graphql_cost where client = @c");
            lines.Parameters.AddWithValue("c", "address:" + client);
            ((long)(await lines.ExecuteScalarAsync())!).ShouldBe(0);
        }
        finally
        {
            await b.DisposeAsync();
            await a.DisposeAsync();
        }
    }
}
