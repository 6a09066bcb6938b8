using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Vape.LoadClient;

// Bounded load scenarios against a running topology (deploy/local/topology.sh start), each side by side with
// the same shape on a bare SignalR hub through the same nginx, hosts and Redis backplane.
//
//   dotnet run -c Release --project tests/Vape.LoadClient -- [--url http://127.0.0.1:8080] [--clients 2000]
//       [--messages 100] [--rate 4] [--officials 200] [--channels 10] [--relays 10]
//       [--scenario baseline|classroom|coordination|cascade|all]
//
// The hosts must map the baseline hub (Vape__LoadTest__BaselineHub=true); the learners hv0001… and officials
// cb001… must exist (`seed --load N --officials M` on the topology's database). The default rate stays under
// the hub limit of 5 calls a second per connection, so each sender is throttled like any host would be. See
// README, "Load". Exits 1 on any lost or duplicated delivery, version gap, or roll-up mismatch.
var options = Options.Parse(args);
if (Options.OpenFilesLimit() is long limit && limit < options.Clients + 200)
{
    Console.Error.WriteLine($"load: this process may open {limit} files, too few for {options.Clients} connections: raise it first (ulimit -n 20000).");
    return 2;
}
Console.WriteLine($"load: {options.Url}, {options.Clients} clients, {options.Officials} officials in {options.Channels} channels, " +
    $"{options.Relays} relays, {options.Messages} messages at {options.Rate}/s, scenario {options.Scenario}");

var pairs = new List<(Result Bare, Result? Vape)>();
void Report(Result bare, Result? vape)
{
    pairs.Add((bare, vape));
    Print(bare, vape);
}
static void Print(Result bare, Result? vape)
{
    Console.WriteLine(bare);
    if (vape is null) return;
    Console.WriteLine(vape);
    foreach (var note in vape.Notes) Console.WriteLine("    " + note);
    Console.WriteLine($"    ratio {vape.Name}: {vape.DeliveriesPerSecond / bare.DeliveriesPerSecond:0.00} (Vape deliveries/s ÷ bare deliveries/s)");
}

Result? oneGroup = null;
if (options.Scenario is "all" or "baseline" or "classroom")
{
    oneGroup = await Baseline.RunAsync(options, options.Clients);
    if (options.Scenario == "baseline") Report(oneGroup, null);
}
if (options.Scenario is "all" or "classroom") Report(oneGroup!, await ClassroomScenario.RunAsync(options));
if (options.Scenario is "all" or "coordination")
{
    var officials = options.Officials;
    var channels = Math.Min(options.Channels, officials / 2);
    Report(await Baseline.RunAsync(options, officials - channels, channels), await CoordinationScenario.RunAsync(options, officials, channels));
}
if (options.Scenario is "all" or "cascade")
{
    var relays = Math.Min(options.Relays, Math.Min(options.Officials, options.Clients));
    Report(await Baseline.RunAsync(options, options.Clients, relays), await CascadeScenario.RunAsync(options, relays));
}

Console.WriteLine();
Console.WriteLine("summary");
foreach (var (bare, vape) in pairs) Print(bare, vape);
var failed = pairs.SelectMany(p => new[] { p.Bare, p.Vape }).OfType<Result>().Where(r => !r.Ok).ToList();
if (Options.Throttled > 0) Console.WriteLine($"senders were told RATE_LIMITED {Options.Throttled} times and sent those messages again a second later");
foreach (var r in failed) Console.WriteLine($"FAILED: {r.Name}");
return failed.Count > 0 ? 1 : 0;

public sealed record Options(Uri Url, int Clients, int Messages, int Rate, string Scenario, int Officials, int Channels, int Relays)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(new Uri(Value("--url", "http://127.0.0.1:8080")), int.Parse(Value("--clients", "2000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--messages", "100"), CultureInfo.InvariantCulture), int.Parse(Value("--rate", "4"), CultureInfo.InvariantCulture), Value("--scenario", "all"), int.Parse(Value("--officials", "200"), CultureInfo.InvariantCulture),
            int.Parse(Value("--channels", "10"), CultureInfo.InvariantCulture), int.Parse(Value("--relays", "10"), CultureInfo.InvariantCulture));
    }

    public HubConnection Hub(string path, string? token = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(Url, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .Build();

    /// <summary>The soft limit on open files of this process (Linux), or null when unknown.</summary>
    public static long? OpenFilesLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            return line is null ? null : long.TryParse(line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var soft) ? soft : null;
        }
        catch (IOException) { return null; }
    }

    /// <summary>
    /// Connects `count` clients, a few at a time (a storm of 2,000 handshakes at once only measures the accept
    /// queue). If any fails, says how many and why (the first distinct reasons), after all attempts have ended.
    /// </summary>
    public async Task<List<HubConnection>> ConnectAsync(int count, Func<int, HubConnection> create, Func<int, HubConnection, Task> joined)
    {
        var connections = new HubConnection[count];
        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Client, Exception Error)>();
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(50);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                connections[i] = create(i);
                await connections[i].StartAsync();
                await joined(i, connections[i]);
            }
            catch (Exception e) { failures.Add((i, e)); }
            finally { gate.Release(); }
        }));
        if (!failures.IsEmpty)
        {
            var reasons = failures.GroupBy(f => $"{f.Error.GetType().Name}: {f.Error.Message}").OrderByDescending(g => g.Count()).Take(5)
                .Select(g => $"{g.Count()} × {g.Key} (first client {g.Min(f => f.Client) + 1})");
            foreach (var c in connections.Where(c => c is not null)) await c.DisposeAsync();
            throw new InvalidOperationException($"{failures.Count} of {count} connections failed after {clock.Elapsed.TotalSeconds:0} s:\n  " + string.Join("\n  ", reasons));
        }
        Console.WriteLine($"  {count} connected and joined in {clock.Elapsed.TotalSeconds:0.0} s");
        return [.. connections];
    }

    /// <summary>How often a sender was told RATE_LIMITED and sent the same message again (over the whole run).</summary>
    internal static long Throttled;

    /// <summary>
    /// Sends `Messages` messages at `Rate` a second through `send(sequence, sentAt)`, the first counted as sent in
    /// each measurement. A send that comes back late does not make the next ones go in a burst: consecutive sends
    /// stay at least 1/Rate apart, as a person typing would, so a sender keeps under the hub's limit of calls a
    /// second. If the hub still says RATE_LIMITED (calls bunched on the way), the sender waits a second and sends
    /// the same message again (the refused call did nothing); its latency counts from the first attempt.
    /// </summary>
    public async Task PaceAsync(Func<long, long, Task> send, params Measurement[] measurements)
    {
        var interval = TimeSpan.FromSeconds(1.0 / Rate);
        var clock = Stopwatch.StartNew();
        var previous = TimeSpan.MinValue;
        for (long sequence = 1; sequence <= Messages; sequence++)
        {
            var due = interval * (sequence - 1);
            if (previous != TimeSpan.MinValue && previous + interval > due) due = previous + interval;
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            previous = clock.Elapsed;
            var now = Stopwatch.GetTimestamp();
            foreach (var measurement in measurements) measurement.Sent(now);
            while (true)
            {
                try
                {
                    await send(sequence, now);
                    break;
                }
                catch (HubException e) when (e.Message.Contains("RATE_LIMITED", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref Throttled);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    previous = clock.Elapsed;
                }
            }
        }
    }
}
