using System.Net.Http.Json;
using System.Text;
using Alba;
using BenchmarkDotNet.Attributes;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vape.Organization.Tree;

namespace Vape.Benchmarks;

/// <summary>
/// The price of the GraphQL layer: the 34 provinces through `/graphql` against a plain endpoint that runs the
/// same Marten query and writes the same fields as JSON, in the same in-memory host, side by side.
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
        _host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting(WebHostDefaults.ContentRootKey, HostContentRoot());
            web.UseSetting("Vape:Database", "vape_bench");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Vape:RateLimits:AnonymousGraphQLPerMinute", "100000000");
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
    }

    private static string HostContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return Path.Combine(dir.FullName, "src", "Host", "Vape.Host");
        throw new InvalidOperationException("run the benchmarks from the repository");
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _host.DisposeAsync();

    [Benchmark(Baseline = true, Description = "plain endpoint, same Marten query")]
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
                var session = http.RequestServices.GetRequiredService<IQuerySession>();
                var units = await session.Query<Unit>().Where(u => u.ParentId == parentId)
                    .OrderBy(u => u.Code).Take(41).ToListAsync(http.RequestAborted);
                await http.Response.WriteAsJsonAsync(new { data = new { units = new { nodes = units.Take(40).Select(u => new { id = u.Id, code = u.Code, name = u.Name }) } } });
            }));
            next(app);
        };
    }
}
