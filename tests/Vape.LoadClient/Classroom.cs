using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vape.LoadClient;

/// <summary>
/// N learners (hv0001…) in one live class across both hosts; the host chats at the given rate. Every learner
/// must receive every chat message once, and every version of the room from the first chat message to the last,
/// once and in order (no gap).
/// </summary>
public static class ClassroomScenario
{
    public static async Task<Result> RunAsync(Options options)
    {
        var api = new Api(options.Url);
        var hostToken = await api.TokenAsync("commune");
        var unitId = await api.UnitIdAsync("T01-X001-02");
        var (classId, sessionId) = await api.ScheduleClassAsync(hostToken, new
        {
            unitId, title = "Lớp thử tải: Kỹ năng số cho mọi người", topic = "DIGITAL_SKILLS", audience = "PUBLIC",
            capacity = options.Clients, startsAt = DateTimeOffset.UtcNow.AddMinutes(5), durationMinutes = 120,
        });

        var tokens = await api.TokensAsync(options.Clients, i => $"hv{i + 1:0000}");
        await api.EnrolAsync(tokens, _ => classId);

        await using var host = options.Hub("/hubs/classroom", hostToken);
        await host.StartAsync();
        await host.InvokeAsync<JsonElement>("Join", sessionId);

        var measurement = new Measurement(options.Clients, options.Messages);
        var versions = new VersionLog(options.Clients);
        var learners = await options.ConnectAsync(options.Clients, i => options.Hub("/hubs/classroom", tokens[i]), async (i, hub) =>
        {
            hub.On<JsonElement>("classroomEvent", e => Classroom.Heard(e, i, versions, measurement));
            var snapshot = await hub.InvokeAsync<JsonElement>("Join", sessionId);
            versions.Start(i, snapshot.GetProperty("version").GetInt64());
        });

        var payload = new string('x', 80);
        long first = 0, last = 0;
        await options.PaceAsync(async (sequence, sentAt) =>
        {
            last = await host.InvokeAsync<long>("SendChat", $"tải {sequence} {sentAt} {payload}");
            if (first == 0) first = last;
        }, measurement);
        await measurement.SettleAsync(TimeSpan.FromSeconds(10));
        var joining = versions.Skipped(_ => first);
        var check = versions.Check(_ => (first, last));
        await host.InvokeAsync<long>("End");
        foreach (var hub in learners) await hub.DisposeAsync();
        return measurement.Summarise("Vape classroom (chat)") with
        {
            Versions = check,
            Notes = [$"versions {first}–{last} checked; while the others joined, {joining.Receivers} learners missed {joining.Versions} join pushes (a client catches those up with CatchUp)"],
        };
    }
}

/// <summary>What the classroom scenarios share.</summary>
internal static class Classroom
{
    /// <summary>A `classroomEvent`: its version into the log, a load chat line into the measurement.</summary>
    public static void Heard(JsonElement e, int receiver, VersionLog versions, params Measurement[] measurements)
    {
        versions.Heard(receiver, e.GetProperty("version").GetInt64());
        if (e.GetProperty("type").GetString() != "chatPosted") return;
        var parts = e.GetProperty("data").GetProperty("text").GetString()!.Split(' ');
        if (parts is ["tải", var sequence, var sentAt, ..])
            foreach (var m in measurements) m.Received(receiver, long.Parse(sequence), long.Parse(sentAt));
    }
}
