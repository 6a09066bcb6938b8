using System.Net.Http.Json;
using System.Text;
using Alba;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Vape.Benchmarks;

/// <summary>
/// The price of the GraphQL layer: the 34 provinces through `/graphql` against a plain endpoint that reads the
/// same rows of `organization.units` (the active children of the centre, by code, one page) with one Npgsql command
/// on the host's data source and writes the same fields as JSON, in the same in-memory host, side by side. The
/// set-up checks that both answer the same units in the same order.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class GraphQLOverheadBenchmark
{
    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private string _graphQLBody = null!;
    private string _centreId = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        await BenchHost.FreshDatabaseAsync("vape_bench");
        _host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting(WebHostDefaults.ContentRootKey, BenchHost.ContentRoot());
            web.UseSetting("Vape:Database", "vape_bench");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Vape:RateLimits:AnonymousGraphQLPerMinute", "100000000");
            web.UseSetting("Vape:GraphQL:AnonymousCostPerMinute", "100000000000");
            web.UseSetting("Vape:GraphQL:SignedInCostPerMinute", "100000000000");
            web.ConfigureServices(s => s.AddSingleton<IStartupFilter, PlainEndpoint>());
        });
        _client = _host.Server.CreateClient();
        var root = await _client.PostAsJsonAsync("/graphql", new { query = "{ units { nodes { id } } }" });
        var json = System.Text.Json.JsonDocument.Parse(await root.Content.ReadAsStringAsync());
        _centreId = json.RootElement.GetProperty("data").GetProperty("units").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        _graphQLBody = System.Text.Json.JsonSerializer.Serialize(new
        {
            query = "query($p: ID) { units(parentId: $p, first: 40) { nodes { id code name } } }",
            variables = new { p = _centreId },
        });
        var plain = await Nodes(await _client.GetAsync("/bench/units?parentId=" + _centreId));
        using var content = new StringContent(_graphQLBody, Encoding.UTF8, "application/json");
        var graphQL = await Nodes(await _client.PostAsync("/graphql", content));
        if (plain.Count != 34 || !plain.SequenceEqual(graphQL))
            throw new InvalidOperationException($"the plain endpoint found {plain.Count} units, GraphQL {graphQL.Count}, or not the same: [{string.Join(", ", plain)}] vs [{string.Join(", ", graphQL)}]");
    }

    private static async Task<List<string>> Nodes(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("units").GetProperty("nodes").EnumerateArray()
            .Select(n => $"{Guid.Parse(n.GetProperty("id").GetString()!)} {n.GetProperty("code").GetString()} {n.GetProperty("name").GetString()}").ToList();
    }


    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Baseline = true, Description = "plain endpoint, same rows by one Npgsql command")]
    public async Task<int> Plain()
    {
        var response = await _client.GetAsync("/bench/units?parentId=" + _centreId);
        return await Checked(response);
    }

    [Benchmark(Description = "POST /graphql")]
    public async Task<int> GraphQL()
    {
        using var content = new StringContent(_graphQLBody, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/graphql", content);
        return await Checked(response);
    }

    /// <summary>A refused or failed request is fast and would look like a win: stop the run instead.</summary>
    private static async Task<int> Checked(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("\"T34\"") || body.Contains("\"errors\""))
            throw new InvalidOperationException($"unexpected answer {(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
        return body.Length;
    }

    /// <summary>The baseline: what a hand-written REST endpoint for the same page would do.</summary>
    private sealed class PlainEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench/units", branch => branch.Run(async http =>
            {
                var parentId = Guid.Parse(http.Request.Query["parentId"]!);
                await using var cmd = http.RequestServices.GetRequiredService<NpgsqlDataSource>().CreateCommand(
                    "select id, code, name from organization.units where parent_id = @parent and status = 'Active' order by code limit 41");
                cmd.Parameters.AddWithValue("parent", parentId);
                var units = new List<(Guid Id, string Code, string Name)>();
                await using (var reader = await cmd.ExecuteReaderAsync(http.RequestAborted))
                    while (await reader.ReadAsync(http.RequestAborted)) units.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
                await http.Response.WriteAsJsonAsync(new { data = new { units = new { nodes = units.Take(40).Select(u => new { id = u.Id, code = u.Code, name = u.Name }) } } });
            }));
            next(app);
        };
    }
}
