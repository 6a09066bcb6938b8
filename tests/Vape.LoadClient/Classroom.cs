using System.Globalization;
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

        var all = Enumerable.Range(0, options.Clients).ToArray();
        var joined = versions.MaxStart(all);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the last joins' pushes
        var joining = await Classroom.CatchUpAsync(learners, all, versions, _ => joined + 1);

        var payload = new string('x', 80);
        long first = 0, last = 0;
        await options.PaceAsync(async (sequence, sentAt) =>
        {
            last = await host.InvokeAsync<long>("SendChat", $"tải {sequence} {sentAt} {payload}");
            if (first == 0) first = last;
        }, measurement);
        await measurement.SettleAsync(TimeSpan.FromSeconds(10));
        var check = versions.Check(_ => (first, last));
        await host.InvokeAsync<long>("End");
        foreach (var hub in learners) await hub.DisposeAsync();
        return measurement.Summarise("Vape classroom (chat)") with
        {
            Versions = check,
            Notes = [$"versions {first}–{last} checked", joining.ToString()],
            Failed = joining.StillMissing > 0,
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
            foreach (var m in measurements) m.Received(receiver, long.Parse(sequence, CultureInfo.InvariantCulture), long.Parse(sentAt, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Before the chat, what a client does when a live event skips versions: every receiver that missed pushes
    /// while the others were joining (its connection joins the room's group just after its own join commits) asks
    /// `CatchUp` from before the first version it missed, up to `until` (exclusive, the room's version once all
    /// joined). Returns how many receivers missed how many versions, and how many are still missing afterwards.
    /// </summary>
    public static async Task<CatchUpReport> CatchUpAsync(IReadOnlyList<HubConnection> hubs, IEnumerable<int> receivers, VersionLog versions, Func<int, long> until)
    {
        var missed = receivers.Select(i => (Receiver: i, Missing: versions.Missing(i, until(i)))).Where(m => m.Missing.Count > 0).ToList();
        foreach (var (i, missing) in missed)
        {
            var caughtUp = await hubs[i].InvokeAsync<JsonElement>("CatchUp", missing[0] - 1);
            if (caughtUp.GetProperty("snapshot") is { ValueKind: JsonValueKind.Object } snapshot) versions.Start(i, snapshot.GetProperty("version").GetInt64());
            foreach (var e in caughtUp.GetProperty("events").EnumerateArray()) versions.Heard(i, e.GetProperty("version").GetInt64());
        }
        return new CatchUpReport(missed.Count, missed.Sum(m => m.Missing.Count), missed.Sum(m => versions.Missing(m.Receiver, until(m.Receiver)).Count));
    }
}

public sealed record CatchUpReport(int Receivers, long Missed, long StillMissing)
{
    public override string ToString() =>
        $"while the others joined, {Receivers} learners missed {Missed} join pushes; CatchUp brought them back, {StillMissing} still missing";
}
