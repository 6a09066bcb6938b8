using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vape.LoadClient;

/// <summary>
/// A cascade class with R local rooms: `commune` schedules a parent class at Phường Ba Đình (T01-X001) and R
/// relays of its session at the community learning centre T01-X001-02, relay k hosted by official cb00k. The
/// parent's host joins the parent room and watches the `relayHeadcountChanged` roll-up; each relay host opens its
/// room; the learners hv0001… are spread round-robin over the relays (enrolled in their relay's class, then
/// joined), then every relay host chats at the given rate, all at once.
///
/// Checked: in each relay room, every learner receives every chat message once and every version from the first
/// load message to the last, once and in order; in the parent room, every version after the host's join arrives
/// once, and at the end each relay's latest rolled-up headcount equals what the relay room itself reports (and
/// what the parent's snapshot lists).
/// </summary>
public static class CascadeScenario
{
    public static async Task<Result> RunAsync(Options options, int relays)
    {
        var api = new Api(options.Url);
        var communeToken = await api.TokenAsync("commune");
        var (_, parentSession) = await api.ScheduleClassAsync(communeToken, new
        {
            unitId = await api.UnitIdAsync("T01-X001"), title = "Lớp thử tải: Phòng chống lừa đảo qua mạng", topic = "LEGAL_AWARENESS",
            audience = "PUBLIC", capacity = 100, startsAt = DateTimeOffset.UtcNow.AddMinutes(5), durationMinutes = 120,
        });
        var hostTokens = await api.TokensAsync(relays, k => $"cb{k + 1:000}");
        var hostIds = await api.PersonIdsAsync(hostTokens);
        var relayUnit = await api.UnitIdAsync("T01-X001-02");
        var learnersOf = Enumerable.Range(0, relays).Select(k => Enumerable.Range(0, options.Clients).Where(i => i % relays == k).ToArray()).ToArray();
        var relayClasses = new (string ClassId, Guid SessionId)[relays];
        for (var k = 0; k < relays; k++)
            relayClasses[k] = await api.ScheduleClassAsync(communeToken, new
            {
                unitId = relayUnit, title = $"Phòng tiếp sóng {k + 1}/{relays}: Phòng chống lừa đảo qua mạng", topic = "LEGAL_AWARENESS",
                audience = "PUBLIC", capacity = Math.Max(1, learnersOf[k].Length), hostIds = new[] { hostIds[k] }, relayOfSessionId = parentSession,
            });
        var tokens = await api.TokensAsync(options.Clients, i => $"hv{i + 1:0000}");
        await api.EnrolAsync(tokens, i => relayClasses[i % relays].ClassId);

        // The parent room: its host opens it first, so every roll-up after that reaches it.
        var parentHeard = new List<long>();
        var rolledUp = new Dictionary<Guid, (long Version, int Headcount)>();
        await using var parent = options.Hub("/hubs/classroom", communeToken);
        parent.On<JsonElement>("classroomEvent", e =>
        {
            var version = e.GetProperty("version").GetInt64();
            lock (parentHeard)
            {
                parentHeard.Add(version);
                if (e.GetProperty("type").GetString() != "relayHeadcountChanged") return;
                var data = e.GetProperty("data");
                var relay = data.GetProperty("relaySessionId").GetGuid();
                if (!rolledUp.TryGetValue(relay, out var seen) || seen.Version < version)
                    rolledUp[relay] = (version, data.GetProperty("headcount").GetInt32());
            }
        });
        await parent.StartAsync();
        var parentStart = (await parent.InvokeAsync<JsonElement>("Join", parentSession)).GetProperty("version").GetInt64();

        var hosts = await options.ConnectAsync(relays, k => options.Hub("/hubs/classroom", hostTokens[k]),
            (k, hub) => hub.InvokeAsync<JsonElement>("Join", relayClasses[k].SessionId));

        var measurement = new Measurement(options.Clients, options.Messages);
        var perRelay = learnersOf.Select(l => new Measurement(l.Length, options.Messages)).ToArray();
        var versions = new VersionLog(options.Clients);
        var learners = await options.ConnectAsync(options.Clients, i => options.Hub("/hubs/classroom", tokens[i]), async (i, hub) =>
        {
            hub.On<JsonElement>("classroomEvent", e => Classroom.Heard(e, i, versions, measurement, perRelay[i % relays]));
            var snapshot = await hub.InvokeAsync<JsonElement>("Join", relayClasses[i % relays].SessionId);
            versions.Start(i, snapshot.GetProperty("version").GetInt64());
        });

        var joinedAt = learnersOf.Select(l => l.Length == 0 ? 0 : versions.MaxStart(l)).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(2)); // the last joins' pushes
        var joining = await Classroom.CatchUpAsync(learners, Enumerable.Range(0, options.Clients), versions, i => joinedAt[i % relays] + 1);

        var payload = new string('x', 80);
        var first = new long[relays];
        var last = new long[relays];
        await Task.WhenAll(hosts.Select((hub, k) => options.PaceAsync(async (sequence, sentAt) =>
        {
            last[k] = await hub.InvokeAsync<long>("SendChat", $"tải {sequence} {sentAt} {payload}");
            if (first[k] == 0) first[k] = last[k];
        }, measurement, perRelay[k])));
        await measurement.SettleAsync(TimeSpan.FromSeconds(10));

        var notes = new List<string>();
        var failed = joining.StillMissing > 0;
        var check = versions.Check(i => (first[i % relays], last[i % relays]));
        for (var k = 0; k < relays; k++)
        {
            var r = perRelay[k].Summarise($"relay {k + 1}") with { Versions = versions.Check(i => (first[i % relays], last[i % relays]), learnersOf[k]) };
            notes.Add($"{r.Name,-8} learners {r.Receivers,4}  delivered {r.Delivered,6}  lost {r.Lost}  duplicated {r.Duplicated}  {r.DeliveriesPerSecond,6:0} deliveries/s  " +
                $"p50 {r.P50Ms,6:0.0} ms  p99 {r.P99Ms,7:0.0} ms  versions {first[k]}–{last[k]}: {r.Versions}");
        }
        notes.Add(joining.ToString());

        // The roll-up: what each relay room reports now, against the parent's latest figure per relay.
        var reported = new int[relays];
        for (var k = 0; k < relays; k++)
            reported[k] = (await hosts[k].InvokeAsync<JsonElement>("Join", relayClasses[k].SessionId)).GetProperty("headcount").GetInt32();
        var parentSnapshot = await parent.InvokeAsync<JsonElement>("Join", parentSession);
        var parentEnd = parentSnapshot.GetProperty("version").GetInt64();
        var listed = parentSnapshot.GetProperty("relays").EnumerateArray().ToDictionary(r => r.GetProperty("sessionId").GetGuid(), r => r.GetProperty("headcount").GetInt32());
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            lock (parentHeard) if (parentHeard.Count(v => v > parentStart && v <= parentEnd) >= parentEnd - parentStart) break;
            await Task.Delay(100);
        }
        long parentMissing, parentRepeated, parentOutOfOrder, rollUps;
        int rolledUpSum;
        int[] rolledUpEach;
        lock (parentHeard)
        {
            var inWindow = parentHeard.Where(v => v > parentStart && v <= parentEnd).ToList();
            parentMissing = (parentEnd - parentStart) - inWindow.Distinct().Count();
            parentRepeated = inWindow.Count - inWindow.Distinct().Count();
            parentOutOfOrder = inWindow.Zip(inWindow.Skip(1)).Count(p => p.Second < p.First);
            rollUps = inWindow.Count;
            rolledUpEach = [.. relayClasses.Select(c => rolledUp.TryGetValue(c.SessionId, out var h) ? h.Headcount : -1)];
            rolledUpSum = rolledUpEach.Sum();
        }
        var listedEach = relayClasses.Select(c => listed.GetValueOrDefault(c.SessionId, -1)).ToArray();
        var expected = learnersOf.Select(l => l.Length + 1).ToArray();
        notes.Add($"parent room: versions {parentStart + 1}–{parentEnd} ({rollUps} events heard): gaps {parentMissing} repeated {parentRepeated} " +
            $"out of order {parentOutOfOrder} (arrival order across hosts; a client orders by version)");
        notes.Add($"roll-up: sum of the relays' latest relayHeadcountChanged {rolledUpSum}, relay rooms report {reported.Sum()}, " +
            $"parent snapshot lists {listedEach.Sum()} (total headcount {parentSnapshot.GetProperty("totalHeadcount").GetInt32()}), expected {expected.Sum()} (learners + one host a room)");
        for (var k = 0; k < relays; k++)
            if (rolledUpEach[k] != reported[k] || listedEach[k] != reported[k] || reported[k] != expected[k])
            {
                failed = true;
                notes.Add($"MISMATCH relay {k + 1}: rolled up {rolledUpEach[k]}, room reports {reported[k]}, parent lists {listedEach[k]}, expected {expected[k]}");
            }
        if (parentMissing > 0 || parentRepeated > 0) failed = true;

        foreach (var hub in hosts) await hub.InvokeAsync<long>("End");
        await parent.InvokeAsync<long>("End");
        foreach (var hub in learners.Concat(hosts)) await hub.DisposeAsync();
        return measurement.Summarise($"Vape cascade ({relays} relays)") with { Versions = check, Notes = notes, Failed = failed };
    }
}
