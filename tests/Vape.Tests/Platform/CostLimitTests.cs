using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>A host with small cost budgets (ADR 0109): 2,000 points a minute anonymous, 3,000 signed in.</summary>
public sealed class CostLimitApp() : VapeApp("vape_tests_cost", "Development", Budgets)
{
    public static Dictionary<string, string?> Budgets => new()
    {
        ["Vape:GraphQL:AnonymousCostPerMinute"] = "2000",
        ["Vape:GraphQL:SignedInCostPerMinute"] = "3000",
    };
}

[CollectionDefinition(Name)]
public sealed class CostLimitCollection : ICollectionFixture<CostLimitApp>
{
    public const string Name = "cost-limit";
}

/// <summary>
/// Limits count the work a document asks for (issue #28, ADR 0109): the cost is known before anything runs, comes back
/// in `extensions.cost`, and is charged to the client's minute on a count every host shares; over it: RATE_LIMITED
/// with a Vietnamese message, and nothing runs. The client is an address here (set on the request, no traffic leaves).
/// </summary>
[Collection(CostLimitCollection.Name)]
public sealed class CostLimitTests(CostLimitApp app)
{
    private const string Small = "{ units(first: 5) { nodes { id name } } }";

    internal static string Aliases(int count) =>
        "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"s{i}: searchUnits(text: \"Hà\", first: 1) {{ nodes {{ id }} }} ")) + "}";

    /// <summary>A client address of its own for each test run (only written on the request: nothing is sent there).</summary>
    internal static string NewClient() => $"127.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}";

    internal static async Task<(int Status, JsonNode Json)> Ask(VapeApp host, string client, string query, string? token = null)
    {
        var (status, json, _) = await Answer(host, client, query, token);
        return (status, json);
    }

    /// <summary>As <see cref="Ask"/>, with the Retry-After header.</summary>
    internal static async Task<(int Status, JsonNode Json, string? RetryAfter)> Answer(VapeApp host, string client, string query, string? token = null)
    {
        var result = await host.Host.Scenario(s =>
        {
            s.Post.Json(new { query }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(client));
            if (token is not null) s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        var retryAfter = result.Context.Response.Headers.RetryAfter.ToString();
        return (result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!, retryAfter.Length > 0 ? retryAfter : null);
    }

    internal static long Cost(JsonNode json, string name) => json["extensions"]!["cost"]![name]!.GetValue<long>();

    /// <summary>Starts at the beginning of a minute's window when the current one is about to end, so that two requests share one.</summary>
    internal static async Task FreshWindow(VapeApp host)
    {
        var (_, probe) = await Ask(host, NewClient(), "{ __typename }");
        var reset = Cost(probe, "resetInSeconds");
        if (reset < 15) await Task.Delay(TimeSpan.FromSeconds(reset + 1));
    }

    [Fact]
    public async Task A_small_query_is_answered_with_its_cost_and_what_is_left_of_the_minute()
    {
        await FreshWindow(app);
        var client = NewClient();
        var (status, first) = await Ask(app, client, Small);
        status.ShouldBe(200, first.ToJsonString());
        first["data"]!["units"]!["nodes"]!.AsArray().Count.ShouldBeGreaterThan(0);
        var cost = Cost(first, "requested");
        cost.ShouldBeGreaterThan(1);
        Cost(first, "spent").ShouldBe(cost);
        Cost(first, "limit").ShouldBe(2000);

        var (_, second) = await Ask(app, client, Small);
        Cost(second, "spent").ShouldBe(2 * cost);
    }

    [Fact]
    public async Task The_400_alias_search_document_is_refused_before_it_runs_and_other_clients_are_answered()
    {
        await FreshWindow(app);
        var flooder = NewClient();
        var (status, refused) = await Ask(app, flooder, Aliases(400));
        status.ShouldBe(429, refused.ToJsonString());
        refused["data"].ShouldBeNull();
        var error = refused["errors"]![0]!;
        error["extensions"]!["code"]!.GetValue<string>().ShouldBe("RATE_LIMITED");
        error["message"]!.GetValue<string>().ShouldContain("điểm");
        Cost(refused, "requested").ShouldBeGreaterThanOrEqualTo(400 * 100);

        // Its minute is spent: even a small query waits, and a document is not even read (a broken one is not INVALID_INPUT).
        // Another address, and a signed-in person, are answered.
        (await Ask(app, flooder, Small)).Status.ShouldBe(429);
        var (unread, notRead) = await Ask(app, flooder, "{ units(first: ");
        unread.ShouldBe(429, notRead.ToJsonString());
        notRead["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("RATE_LIMITED");
        Cost(notRead, "limit").ShouldBe(2000);
        (await Ask(app, NewClient(), Small)).Status.ShouldBe(200);
        (await Ask(app, flooder, Small, await app.TokenFor("learner"))).Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_signed_in_person_has_a_budget_too()
    {
        // The refusal is held up to a second (ADR 0163): near a minute's end the next question lands in a fresh one.
        await FreshWindow(app);
        var token = await app.TokenFor("learner2");
        var (status, refused) = await Ask(app, NewClient(), Aliases(400), token);
        status.ShouldBe(429, refused.ToJsonString());
        Cost(refused, "limit").ShouldBe(3000);
        // The person, from any address.
        (await Ask(app, NewClient(), Small, token)).Status.ShouldBe(429);
    }

    [Fact]
    public async Task Two_hosts_count_one_budget_per_client()
    {
        var second = new CostLimitApp();
        await second.InitializeAsync();
        try
        {
            var (client, spent) = await SpentOnOneHostRefusedOnTheOther(app, second);
            // No Redis here: the count is PostgreSQL's.
            (await CountedInPostgres(second, client)).ShouldBe(spent);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    /// <summary>
    /// Two hosts on one shared count (ADR 0109): a client spends about 1,500 points on host A; its next 1,500 on host B
    /// are over the 2,000 and refused there (RATE_LIMITED, the Vietnamese message, Retry-After); another client is
    /// answered on both. Returns the client and what it spent.
    /// </summary>
    internal static async Task<(string Client, long Spent)> SpentOnOneHostRefusedOnTheOther(VapeApp a, VapeApp b)
    {
        await FreshWindow(a);
        var client = NewClient();
        var (here, answered) = await Ask(a, client, Aliases(15));
        here.ShouldBe(200, answered.ToJsonString());
        var (there, refused, retryAfter) = await Answer(b, client, Aliases(15));
        there.ShouldBe(429, refused.ToJsonString());
        refused["data"].ShouldBeNull();
        var error = refused["errors"]![0]!;
        error["extensions"]!["code"]!.GetValue<string>().ShouldBe("RATE_LIMITED");
        error["message"]!.GetValue<string>().ShouldContain("đã dùng hết");
        Cost(refused, "limit").ShouldBe(2000);
        var spent = Cost(refused, "spent");
        spent.ShouldBe(Cost(answered, "spent") + Cost(refused, "requested"));
        retryAfter.ShouldBe(Cost(refused, "resetInSeconds").ToString(System.Globalization.CultureInfo.InvariantCulture));
        int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await Ask(b, NewClient(), Small)).Status.ShouldBe(200);
        (await Ask(a, NewClient(), Small)).Status.ShouldBe(200);
        return (client, spent);
    }

    /// <summary>What PostgreSQL's count (`vape.graphql_cost`) holds for an address client.</summary>
    internal static async Task<long> CountedInPostgres(VapeApp host, string client)
    {
        await using var command = host.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("select coalesce(sum(spent), 0)::bigint from vape.graphql_cost where client = @c");
        command.Parameters.AddWithValue("c", "address:" + client);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
