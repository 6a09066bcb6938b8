using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.LoadClient;

// Bounded load scenarios against a running topology (deploy/local/topology.sh start), each side by side with
// the same scenario on a bare SignalR hub through the same nginx, hosts and Redis backplane.
//
//   dotnet run -c Release --project tests/Vape.LoadClient -- [--url http://127.0.0.1:8080] [--clients 2000]
//       [--messages 100] [--rate 20] [--scenario baseline|all]
//
// The hosts must map the baseline hub (Vape__LoadTest__BaselineHub=true) and allow a sender more than the
// default 5 calls a second (Vape__Hubs__CallsPerSecond=1000): see README "Load".
var options = Options.Parse(args);
Console.WriteLine($"load: {options.Url}, {options.Clients} clients, {options.Messages} messages at {options.Rate}/s");

var results = new List<Result>();
results.Add(await Baseline.RunAsync(options));
foreach (var r in results) Console.WriteLine(r);
return results.Any(r => r.Lost > 0 || r.Duplicated > 0) ? 1 : 0;

public sealed record Options(Uri Url, int Clients, int Messages, int Rate, string Scenario)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(new Uri(Value("--url", "http://127.0.0.1:8080")), int.Parse(Value("--clients", "2000")),
            int.Parse(Value("--messages", "100")), int.Parse(Value("--rate", "20")), Value("--scenario", "all"));
    }

    public HubConnection Hub(string path, string? token = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(Url, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .Build();

    /// <summary>Connects `count` clients, a few at a time (a storm of 2,000 handshakes at once only measures the accept queue).</summary>
    public async Task<List<HubConnection>> ConnectAsync(int count, Func<int, HubConnection> create, Func<int, HubConnection, Task> joined)
    {
        var connections = new HubConnection[count];
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
            finally { gate.Release(); }
        }));
        return [.. connections];
    }

    /// <summary>Sends `Messages` messages at `Rate` a second through `send(sequence, sentAt)`.</summary>
    public async Task PaceAsync(Measurement measurement, Func<long, long, Task> send)
    {
        var interval = TimeSpan.FromSeconds(1.0 / Rate);
        var clock = Stopwatch.StartNew();
        for (long sequence = 1; sequence <= Messages; sequence++)
        {
            var due = interval * (sequence - 1);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            var now = Stopwatch.GetTimestamp();
            measurement.Sent(now);
            await send(sequence, now);
        }
    }
}

/// <summary>The bare hub: N receivers in one group across both hosts, one sender broadcasting.</summary>
public static class Baseline
{
    public static async Task<Result> RunAsync(Options options)
    {
        var measurement = new Measurement(options.Clients, options.Messages);
        var group = "load-" + Guid.NewGuid().ToString("N")[..8];
        var receivers = await options.ConnectAsync(options.Clients, _ => options.Hub("/hubs/baseline"), async (i, hub) =>
        {
            hub.On<long, long, string>("message", (sequence, sentAt, _) => measurement.Received(i, sequence, sentAt));
            await hub.InvokeAsync("Join", group);
        });
        await using var sender = options.Hub("/hubs/baseline");
        await sender.StartAsync();
        var payload = new string('x', 120);
        await options.PaceAsync(measurement, (sequence, sentAt) => sender.InvokeAsync("Broadcast", group, sequence, sentAt, payload));
        await measurement.SettleAsync(TimeSpan.FromSeconds(10));
        foreach (var hub in receivers) await hub.DisposeAsync();
        return measurement.Summarise("bare hub");
    }
}
