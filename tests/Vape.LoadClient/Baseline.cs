using Microsoft.AspNetCore.SignalR.Client;

namespace Vape.LoadClient;

/// <summary>
/// The bare hub (`/hubs/baseline`, no Vape logic) through the same nginx, hosts and Redis backplane: `receivers`
/// connections spread round-robin over `groups` groups, one sender per group broadcasting `Messages` messages at
/// `Rate` a second, all senders at once. The same shape as the Vape scenario it stands beside.
/// </summary>
public static class Baseline
{
    public static async Task<Result> RunAsync(Options options, int receivers, int groups = 1)
    {
        var measurement = new Measurement(receivers, options.Messages);
        var run = Guid.NewGuid().ToString("N")[..8];
        string Group(int k) => $"load-{run}-{k}";
        var connections = await options.ConnectAsync(receivers, _ => options.Hub("/hubs/baseline"), async (i, hub) =>
        {
            hub.On<long, long, string>("message", (sequence, sentAt, _) => measurement.Received(i, sequence, sentAt));
            await hub.InvokeAsync("Join", Group(i % groups));
        });
        var senders = new List<HubConnection>();
        for (var k = 0; k < groups; k++)
        {
            var sender = options.Hub("/hubs/baseline");
            await sender.StartAsync();
            senders.Add(sender);
        }
        var payload = new string('x', 120);
        await Task.WhenAll(senders.Select((sender, k) =>
            options.PaceAsync((sequence, sentAt) => sender.InvokeAsync("Broadcast", Group(k), sequence, sentAt, payload), measurement)));
        await measurement.SettleAsync(TimeSpan.FromSeconds(10));
        foreach (var hub in connections.Concat(senders)) await hub.DisposeAsync();
        return measurement.Summarise(groups == 1 ? "bare hub (1 group)" : $"bare hub ({groups} groups)");
    }
}
