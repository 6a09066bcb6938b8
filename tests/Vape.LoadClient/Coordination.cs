using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vape.LoadClient;

/// <summary>
/// M officials (cb001…, staff of Phường Ba Đình, so members of its unit channel) connected across both hosts;
/// one of them posts at the given rate. Every member must receive every message once.
/// </summary>
public static class CoordinationScenario
{
    public static async Task<Result> RunAsync(Options options, int officials)
    {
        var api = new Api(options.Url);
        var tokens = await api.TokensAsync(officials, i => $"cb{i + 1:000}");
        var measurement = new Measurement(officials - 1, options.Messages);
        Guid channelId = default;
        var members = await options.ConnectAsync(officials, i => options.Hub("/hubs/coordination", tokens[i]), async (i, hub) =>
        {
            var channels = await hub.InvokeAsync<JsonElement>("Channels");
            var unit = channels.EnumerateArray().First(c => c.GetProperty("kind").GetString() == "UNIT" && c.GetProperty("name").GetString()!.Contains("Ba Đình"));
            channelId = unit.GetProperty("channelId").GetGuid();
            if (i == 0) return; // the sender
            hub.On<JsonElement>("channelEvent", e =>
            {
                if (e.GetProperty("kind").GetString() != "POSTED") return;
                var parts = e.GetProperty("message").GetProperty("body").GetString()!.Split(' ');
                if (parts is ["tải", var sequence, var sentAt, ..]) measurement.Received(i - 1, long.Parse(sequence), long.Parse(sentAt));
            });
        });
        var payload = new string('x', 80);
        await options.PaceAsync(measurement, (sequence, sentAt) =>
            members[0].InvokeAsync<JsonElement>("Post", new { channelId, messageId = Guid.CreateVersion7(), body = $"tải {sequence} {sentAt} {payload}" }));
        await measurement.SettleAsync(TimeSpan.FromSeconds(15));
        foreach (var hub in members) await hub.DisposeAsync();
        return measurement.Summarise($"Vape coordination ({officials})");
    }
}
