using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vape.LoadClient;

/// <summary>
/// M officials (cb001…, staff of Phường Ba Đình) chatting in K channels: official i belongs to group channel
/// i mod K, opened through GraphQL `createChannel` by the channel's first official (cb001 for channel 1, …) with
/// exactly those members. All M connect across both hosts; the first official of each channel posts at the given
/// rate, the K senders at once. Every other member must receive every message of its channel once, and every
/// version of its channel from the first load message to the last, once and in order.
/// (Not the unit channel of Phường Ba Đình: it holds all the commune's officials, so it cannot be one part of a split.)
/// </summary>
public static class CoordinationScenario
{
    public static async Task<Result> RunAsync(Options options, int officials, int channels)
    {
        var api = new Api(options.Url);
        var tokens = await api.TokensAsync(officials, i => $"cb{i + 1:000}");
        var people = await api.PersonIdsAsync(tokens);
        var channelIds = new Guid[channels];
        for (var k = 0; k < channels; k++)
        {
            var members = Enumerable.Range(0, officials).Where(i => i % channels == k).Select(i => people[i]).ToArray();
            channelIds[k] = await GroupAsync(api, tokens[k], $"Nhóm thử tải {k + 1}/{channels} ({officials} cán bộ)", members);
        }

        // Receiver r is official r + K (the first K officials are the senders).
        var receivers = officials - channels;
        var measurement = new Measurement(receivers, options.Messages);
        var versions = new VersionLog(receivers);
        var connections = await options.ConnectAsync(officials, i => options.Hub("/hubs/coordination", tokens[i]), async (i, hub) =>
        {
            var channelId = channelIds[i % channels];
            var r = i - channels;
            if (r >= 0)
                hub.On<JsonElement>("channelEvent", e =>
                {
                    if (e.GetProperty("channelId").GetGuid() != channelId) return;
                    versions.Heard(r, e.GetProperty("version").GetInt64());
                    if (e.GetProperty("kind").GetString() != "POSTED") return;
                    var parts = e.GetProperty("message").GetProperty("body").GetString()!.Split(' ');
                    if (parts is ["tải", var sequence, var sentAt, ..]) measurement.Received(r, long.Parse(sequence, CultureInfo.InvariantCulture), long.Parse(sentAt, CultureInfo.InvariantCulture));
                });
            var mine = (await hub.InvokeAsync<JsonElement>("Channels")).EnumerateArray().Where(c => c.GetProperty("channelId").GetGuid() == channelId).ToList();
            if (mine.Count != 1) throw new InvalidOperationException($"official {i + 1} is not in load channel {i % channels + 1}");
            if (r >= 0) versions.Start(r, mine[0].GetProperty("version").GetInt64());
        });

        var payload = new string('x', 80);
        var first = new long[channels];
        var last = new long[channels];
        await Task.WhenAll(Enumerable.Range(0, channels).Select(k => options.PaceAsync(async (sequence, sentAt) =>
        {
            var message = await connections[k].InvokeAsync<JsonElement>("Post",
                new { channelId = channelIds[k], messageId = Guid.CreateVersion7(), body = $"tải {sequence} {sentAt} {payload}" });
            last[k] = message.GetProperty("version").GetInt64();
            if (first[k] == 0) first[k] = last[k];
        }, measurement)));
        await measurement.SettleAsync(TimeSpan.FromSeconds(15));
        var check = versions.Check(r => (first[(r + channels) % channels], last[(r + channels) % channels]));
        foreach (var hub in connections) await hub.DisposeAsync();
        return measurement.Summarise($"Vape coordination ({officials} in {channels})") with
        {
            Versions = check,
            Notes = [$"{channels} group channels of {officials / channels}–{(officials + channels - 1) / channels} officials, one sender each; versions {string.Join(", ", first.Zip(last, (f, l) => $"{f}–{l}"))} checked"],
        };
    }

    /// <summary>
    /// The group channel `name` of `creator` with exactly `members`: the one a previous run opened when its members
    /// are the same, else a new one.
    /// </summary>
    private static async Task<Guid> GroupAsync(Api api, string creator, string name, string[] members)
    {
        var mine = (await api.GraphQLAsync("{ channels(first: 100) { nodes { id kind name myRole members { personId } } } }", token: creator))["channels"]!["nodes"]!.AsArray();
        foreach (var c in mine)
            if (c!["kind"]!.GetValue<string>() == "GROUP" && c["name"]!.GetValue<string>() == name && c["myRole"]!.GetValue<string>() == "MODERATOR"
                && c["members"]!.AsArray().Select(m => m!["personId"]!.GetValue<string>()).ToHashSet().SetEquals(members))
                return Guid.Parse(c["id"]!.GetValue<string>());
        var created = await api.GraphQLAsync("mutation($i: CreateChannelInput!) { createChannel(input: $i) { id members { personId } } }",
            new { i = new { kind = "GROUP", name, memberIds = members } }, creator);
        var channel = created["createChannel"]!;
        var got = channel["members"]!.AsArray().Select(m => m!["personId"]!.GetValue<string>()).ToHashSet();
        if (!got.SetEquals(members)) throw new InvalidOperationException($"channel '{name}' has {got.Count} members, not the {members.Length} asked for");
        return Guid.Parse(channel["id"]!.GetValue<string>());
    }
}
