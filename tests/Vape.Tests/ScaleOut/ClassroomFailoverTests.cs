using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vape.Tests.ScaleOut;

/// <summary>A live class over two hosts when one of them dies.</summary>
[Collection(TopologyCollection.Name)]
[Trait("Category", "Topology")]
public sealed class ClassroomFailoverTests(Topology topology)
{
    /// <summary>40 in the default run; `VAPE_FAILOVER_LEARNERS=2000` for the size (README, "Load").</summary>
    private static readonly int Learners = int.TryParse(Environment.GetEnvironmentVariable("VAPE_FAILOVER_LEARNERS"), out var n) && n > 0 ? n : 40;

    /// <summary>
    /// One learner's phone: keeps every event by version; after a reconnect it joins again and asks for what it
    /// missed, and when a live event skips versions (a host died between its commit and its broadcast) it asks too.
    /// </summary>
    private sealed class Phone
    {
        private readonly object _gate = new();
        private readonly SortedDictionary<long, string> _events = [];
        private readonly HashSet<long> _pushed = [];
        private long _joinedAt;
        private readonly Guid _sessionId;
        public long Last { get; private set; }
        public int Duplicates { get; private set; }
        public List<(long After, long[] Versions, bool Snapshot)> CatchUps { get; } = [];
        public HubConnection Hub { get; }

        public Phone(Uri server, string token, Guid sessionId)
        {
            _sessionId = sessionId;
            Hub = Topology.Hub(server, "/hubs/classroom", token);
            Hub.On<JsonElement>("classroomEvent", e =>
            {
                var version = e.GetProperty("version").GetInt64();
                long before;
                lock (_gate) before = Last;
                Add(version, e.GetProperty("type").GetString()!, live: true);
                if (version > before + 1) _ = Task.Run(() => CatchUp(before, rejoin: false));
            });
            Hub.Reconnected += async _ =>
            {
                long last;
                lock (_gate) last = Last;
                await CatchUp(last, rejoin: true);
            };
        }

        private async Task CatchUp(long after, bool rejoin)
        {
            if (rejoin) await Retrying(Hub, "Join", _sessionId);
            var caughtUp = await Retrying(Hub, "CatchUp", after);
            var versions = caughtUp.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()).ToArray();
            var snapshot = caughtUp.TryGetProperty("snapshot", out var s) && s.ValueKind == JsonValueKind.Object ? s : (JsonElement?)null;
            lock (_gate)
            {
                CatchUps.Add((after, versions, snapshot is not null));
                // Too far behind for events: a fresh snapshot stands for everything up to its version.
                if (snapshot is { } fresh)
                {
                    var at = fresh.GetProperty("version").GetInt64();
                    for (var v = after + 1; v <= at; v++) _events.TryAdd(v, "snapshot");
                    Last = Math.Max(Last, at);
                }
            }
            foreach (var e in caughtUp.GetProperty("events").EnumerateArray())
                Add(e.GetProperty("version").GetInt64(), e.GetProperty("type").GetString()!, live: false);
        }

        /// <summary>The join's snapshot stands for every event up to its version; pushes of older events that arrive after it are not news.</summary>
        public void Start(long version)
        {
            lock (_gate)
            {
                _joinedAt = version;
                foreach (var older in _events.Keys.Where(v => v < version).ToList()) _events.Remove(older);
                _events.TryAdd(version, "snapshot");
                Last = Math.Max(Last, version);
            }
        }

        private void Add(long version, string type, bool live)
        {
            lock (_gate)
            {
                // The same event pushed twice is a duplicate delivery. An event that both a catch-up and a push
                // carried (the catch-up read it after its commit, before its broadcast arrived) is the client's
                // merge by version, and is kept once.
                if (live && !_pushed.Add(version)) Duplicates++;
                if (_events.ContainsKey(version) || version < _joinedAt) return;
                _events[version] = type;
                Last = Math.Max(Last, version);
            }
        }

        public long[] Versions()
        {
            lock (_gate) return [.. _events.Keys];
        }
    }

    /// <summary>What the app does: while a host is busy (taking over the learners of the other) it may answer UNAVAILABLE, which says to try again.</summary>
    private static async Task<JsonElement> Retrying(HubConnection hub, string method, object argument)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await hub.InvokeAsync<JsonElement>(method, argument);
            }
            catch (HubException e) when (e.Message.Contains("UNAVAILABLE: ") && attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }

    [Fact]
    public async Task After_kill_9_of_a_host_every_learner_reconnects_through_nginx_and_recovers_what_it_missed_with_no_gap_and_no_duplicate()
    {
        await topology.SeedLoadPeople(Learners);
        var hostToken = await topology.Client.Token("commune");
        var (sessionId, tokens) = await topology.Client.ClassWithLearners(Learners, "Lớp học qua hai máy chủ");

        // The host teaches from host 2, which stays up; the learners come through nginx and land on both hosts.
        await using var teacher = Topology.Hub(topology.HostUri(1), "/hubs/classroom", hostToken);
        await teacher.StartAsync();
        await teacher.InvokeAsync<JsonElement>("Join", sessionId);
        var phones = tokens.Select(t => new Phone(topology.Nginx, t, sessionId)).ToList();
        try
        {
            await TopologyClient.Flood(Learners, 32, int.MaxValue, async i =>
            {
                await phones[i].Hub.StartAsync();
                phones[i].Start((await Retrying(phones[i].Hub, "Join", sessionId)).GetProperty("version").GetInt64());
            }, () => { });

            long last = 0;
            for (var i = 1; i <= 30; i++)
            {
                if (i == 11) await topology.Stop(0, "KILL");
                last = (await Retrying(teacher, "SendChat", $"Câu số {i}: mọi người nghe rõ không?")).GetInt64();
                await Task.Delay(220); // under the hub's 5 calls a second
            }

            for (var wait = 0; wait < 200 && phones.Any(p => p.Last < last); wait++) await Task.Delay(100);
            foreach (var phone in phones)
            {
                phone.Hub.State.ShouldBe(HubConnectionState.Connected);
                phone.Duplicates.ShouldBe(0);
                var versions = phone.Versions();
                versions[^1].ShouldBeGreaterThanOrEqualTo(last);
                // No gap: from the first event it heard to the last, every version is there once.
                versions.ShouldBe(Enumerable.Range((int)versions[0], versions.Length).Select(v => (long)v).ToArray());
                // A catch-up returns exactly the events after the version the phone had, in order.
                foreach (var (after, caught, snapshot) in phone.CatchUps)
                {
                    // A small class never falls 500 events behind (the catch-up limit), so it never needs a snapshot;
                    // in a class of 2,000 the departures and returns of half the class can exceed it.
                    if (Learners <= 100) snapshot.ShouldBeFalse();
                    caught.ShouldBe(Enumerable.Range((int)after + 1, caught.Length).Select(v => (long)v).ToArray());
                }
            }
            phones.Count(p => p.CatchUps.Count > 0).ShouldBeGreaterThan(0); // some phones were on the host that died
        }
        finally
        {
            foreach (var phone in phones) await phone.Hub.DisposeAsync();
            await topology.Script("start");
        }
    }
}
