using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vape.LoadClient;

/// <summary>
/// N learners (hv0001…) in one live class across both hosts; the host chats at the given rate. Every learner
/// must receive every chat message once, in version order with no gap; catch-up is not needed when nothing
/// is lost, and a gap counts as lost.
/// </summary>
public static class ClassroomScenario
{
    public static async Task<Result> RunAsync(Options options)
    {
        var api = new Api(options.Url);
        var hostToken = await api.TokenAsync("commune");
        var unitId = (await api.GraphQLAsync("{ unitByCode(code: \"T01-X001-02\") { id } }"))["unitByCode"]!["id"]!.GetValue<string>();
        var scheduled = await api.GraphQLAsync("mutation($i: ScheduleClassInput!) { scheduleClass(input: $i) { id sessions { id } } }", new
        {
            i = new
            {
                unitId, title = "Lớp thử tải: Kỹ năng số cho mọi người", topic = "DIGITAL_SKILLS", audience = "PUBLIC",
                capacity = options.Clients, startsAt = DateTimeOffset.UtcNow.AddMinutes(5), durationMinutes = 120,
            },
        }, hostToken);
        var classId = scheduled["scheduleClass"]!["id"]!.GetValue<string>();
        var sessionId = Guid.Parse(scheduled["scheduleClass"]!["sessions"]![0]!["id"]!.GetValue<string>());

        var tokens = await api.TokensAsync(options.Clients, i => $"hv{i + 1:0000}");
        using (var gate = new SemaphoreSlim(20))
            await Task.WhenAll(tokens.Select(async token =>
            {
                await gate.WaitAsync();
                try { await api.GraphQLAsync("mutation($i: EnrolInClassInput!) { enrolInClass(input: $i) { status } }", new { i = new { classId } }, token); }
                finally { gate.Release(); }
            }));

        await using var host = options.Hub("/hubs/classroom", hostToken);
        await host.StartAsync();
        await host.InvokeAsync<JsonElement>("Join", sessionId);

        var measurement = new Measurement(options.Clients, options.Messages);
        var lastVersion = new long[options.Clients];
        var gaps = new ConcurrentBag<int>();
        var learners = await options.ConnectAsync(options.Clients, i => options.Hub("/hubs/classroom", tokens[i]), async (i, hub) =>
        {
            hub.On<JsonElement>("classroomEvent", e =>
            {
                var version = e.GetProperty("version").GetInt64();
                lock (lastVersion)
                {
                    if (lastVersion[i] != 0 && version != lastVersion[i] + 1 && version > lastVersion[i]) gaps.Add(i);
                    lastVersion[i] = Math.Max(lastVersion[i], version);
                }
                if (e.GetProperty("type").GetString() != "chatPosted") return;
                var parts = e.GetProperty("data").GetProperty("text").GetString()!.Split(' ');
                if (parts is ["tải", var sequence, var sentAt]) measurement.Received(i, long.Parse(sequence), long.Parse(sentAt));
            });
            var snapshot = await hub.InvokeAsync<JsonElement>("Join", sessionId);
            lock (lastVersion) lastVersion[i] = Math.Max(lastVersion[i], snapshot.GetProperty("version").GetInt64());
        });

        var payload = new string('x', 80);
        await options.PaceAsync(measurement, (sequence, sentAt) => host.InvokeAsync<long>("SendChat", $"tải {sequence} {sentAt} {payload}"));
        await measurement.SettleAsync(TimeSpan.FromSeconds(10));
        await host.InvokeAsync<long>("End");
        foreach (var hub in learners) await hub.DisposeAsync();
        if (!gaps.IsEmpty) Console.WriteLine($"classroom: {gaps.Distinct().Count()} learners saw a version gap");
        return measurement.Summarise("Vape classroom (chat)");
    }
}
