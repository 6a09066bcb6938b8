using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Hosting;

namespace Vape.Benchmarks;

/// <summary>
/// The cost limits (ADR 0109) under a flood: a signed-in learner's small query (`units(first: 5)`), one at a time,
/// alone (the baseline) and while four anonymous clients send the 400-alias `searchUnits(first: 1)` document as fast as
/// they can (issue #28: that document once ran 400 searches and slowed everyone 5×). The host keeps its real cost
/// budgets; only the count of anonymous requests is raised, so that the cost limit, not the request count, is what
/// meets the flood. The figure is the learner's p99 (<see cref="P99Column"/>, from every timed query), goal within
/// 1.5× of the baseline's. The set-up checks that the flood is refused (`RATE_LIMITED`) and the learner answered.
/// A spent client's refusals are held (ADR 0163), so the flooders get a few a second; the clean-up prints how many
/// (`Vape__GraphQL__RefusalHoldMilliseconds=0` in the environment measures the side without the hold).
/// </summary>
[Config(typeof(Columns))]
[InProcess]
[WarmupCount(2)]
[IterationCount(15)]
[InvocationCount(1)]
public class CostLimitBenchmark
{
    /// <summary>Queries per call (each timed on its own for the p99).</summary>
    public static int PerCall => Smoke.Size(20, 3);

    private const int Flooders = 4;
    /// <summary>Every timed query of this process, by benchmark method (BenchmarkDotNet runs each method's set-up apart: never cleared).</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentBag<double>> Timed = new();
    private IAlbaHost _host = null!;
    private HttpClient _learner = null!;
    private HttpClient _anonymous = null!;
    private string _flood = null!;
    private CancellationTokenSource? _stopFlood;
    private Task[] _flooders = [];
    private int _flooded, _floodPassed;
    /// <summary>Flood requests answered and the time the flood ran, over every iteration (reported at the end).</summary>
    private static long _floodAnswered, _floodTicks;
    private Stopwatch? _floodClock;

    [GlobalSetup]
    public async Task Setup()
    {
        await BenchHost.FreshDatabaseAsync("vape_bench_cost");
        _host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting(WebHostDefaults.ContentRootKey, BenchHost.ContentRoot());
            web.UseSetting("Vape:Database", "vape_bench_cost");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Vape:RateLimits:AnonymousGraphQLPerMinute", "100000000");
        });
        _anonymous = _host.Server.CreateClient();
        _learner = _host.Server.CreateClient();
        var token = await _anonymous.PostAsJsonAsync("/dev/token", new { login = "learner" });
        var accessToken = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        _learner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        _flood = JsonSerializer.Serialize(new
        {
            query = "{ " + string.Join(" ", Enumerable.Range(0, 400).Select(i => $"a{i}: searchUnits(text: \"Hà Nội\", first: 1) {{ nodes {{ id }} }}")) + " }",
        });

        var refused = await PostAsync(_anonymous, _flood);
        if (!refused.Contains("\"RATE_LIMITED\"")) throw new InvalidOperationException($"the 400-alias document was not refused: {refused[..Math.Min(300, refused.Length)]}");
        var answered = await PostAsync(_learner, SmallQuery);
        if (!answered.Contains("\"nodes\"") || answered.Contains("\"errors\"")) throw new InvalidOperationException($"the learner's query failed: {answered}");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        // How fast the flooders got their refusals: a spent client's refusal is held (ADR 0163).
        if (_floodTicks > 0)
            Console.WriteLine(FormattableString.Invariant(
                $"// flood: {_floodAnswered} refusals in {(double)_floodTicks / Stopwatch.Frequency:F1} s ({_floodAnswered * Stopwatch.Frequency / (double)_floodTicks:F1}/s for {Flooders} clients)"));
        await BenchHost.StopAsync(_host);
    }

    private static readonly string SmallQuery = JsonSerializer.Serialize(new { query = "{ units(first: 5) { nodes { id name } } }" });

    private static async Task<string> PostAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> LearnerQueriesAsync(string name)
    {
        var times = Timed.GetOrAdd(name, _ => []);
        var answered = 0;
        for (var i = 0; i < PerCall; i++)
        {
            var clock = Stopwatch.StartNew();
            var body = await PostAsync(_learner, SmallQuery);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (body.Contains("\"errors\"")) throw new InvalidOperationException($"the learner was refused: {body}");
            answered++;
        }
        return answered;
    }

    [Benchmark(Baseline = true, Description = "a learner's small query, alone")]
    public Task<int> Alone() => LearnerQueriesAsync(nameof(Alone));

    [IterationSetup(Target = nameof(UnderFlood))]
    public void StartFlood()
    {
        _stopFlood = new CancellationTokenSource();
        var stop = _stopFlood.Token;
        _flooded = _floodPassed = 0;
        _floodClock = Stopwatch.StartNew();
        _flooders = Enumerable.Range(0, Flooders).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await PostAsync(_anonymous, _flood);
                Interlocked.Increment(ref _flooded);
                if (!answer.Contains("\"RATE_LIMITED\"")) Interlocked.Increment(ref _floodPassed);
            }
        })).ToArray();
    }

    [Benchmark(Description = "the same, while 4 anonymous clients flood the 400-alias search")]
    public Task<int> UnderFlood() => LearnerQueriesAsync(nameof(UnderFlood));

    [IterationCleanup(Target = nameof(UnderFlood))]
    public void StopFlood()
    {
        _stopFlood?.Cancel();
        Task.WaitAll(_flooders);
        _stopFlood?.Dispose();
        _floodAnswered += _flooded;
        _floodTicks += _floodClock?.ElapsedTicks ?? 0;
        // The flood really ran, and the cost limit refused all of it.
        if (_flooded == 0 || _floodPassed > 0) throw new InvalidOperationException($"flood: {_flooded} sent, {_floodPassed} not refused");
    }


    /// <summary>The p99 of one learner query and its ratio to the baseline's, from every query timed in this process.</summary>
    private sealed class P99Column() : TimedColumn("p99 of one query", "99th percentile of one learner query (ms), and its ratio to the learner's alone")
    {
        protected override string? Value(string method)
        {
            if (P99(method) is not double p99) return null;
            return P99(nameof(Alone)) is double alone && alone > 0
                ? FormattableString.Invariant($"{p99:F2} ms ({p99 / alone:F2}×)")
                : FormattableString.Invariant($"{p99:F2} ms");
        }

        private static double? P99(string method) => Percentile(Timed.TryGetValue(method, out var bag) ? bag : null, 0.99);
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new P99Column());
    }
}
