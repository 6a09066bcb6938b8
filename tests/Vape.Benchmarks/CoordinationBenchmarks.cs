using System.Text.Json;
using Alba;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Hosting;
using Vape.BuildingBlocks.ScaleOut;
using Vape.Coordination.Messages;
using Vape.Coordination.Realtime;

namespace Vape.Benchmarks;

/// <summary>
/// A message to a 200-member channel, side by side in one host: Vape (post through `/hubs/coordination`:
/// checks, the stream row, the commit, the push straight after it (docs/adr/0044, 0052)) against a bare SignalR hub broadcasting the
/// same payload to 200 connections: the `channelEvent` object Vape sends, copied from the wire, received by both sides'
/// clients as the same JSON object. One operation = one message delivered to all 200 connections.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(10)]
[InvocationCount(16)]
public class CoordinationBroadcastBenchmark
{
    /// <summary>200; 20 in the smoke mode (<see cref="Smoke"/>).</summary>
    public static int Members => Smoke.Size(200, 20);
    private CoordinationBench _bench = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _bench = await CoordinationBench.StartAsync(Members, baseline: true);
        // Where the time goes: when the sender's call returns, when the first and the last member have the message;
        // the two sides taking turns, message by message, after as many turns to warm up.
        Console.WriteLine("// " + await _bench.ProfileAsync(Smoke.Size(100, 1)));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _bench.DisposeAsync();

    [Benchmark(Baseline = true, Description = "bare hub: Clients.Group(200).SendAsync(same payload)")]
    public Task Bare() => _bench.BroadcastBareAsync();

    [Benchmark(Description = "Vape: Post → commit → channel:{id} (200)")]
    public Task Vape() => _bench.PostAsync();
}

/// <summary>
/// The same channel and connections, 20 messages from one sender in a row: each call awaited, the deliveries not (the
/// shape of the classroom's chat benchmark). One operation = 20 messages delivered to all 200 connections (4,000
/// deliveries); where <see cref="CoordinationBroadcastBenchmark"/> measures a message's latency, this measures how
/// many deliveries a second a channel carries.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(10)]
[InvocationCount(4)]
public class CoordinationStreamBenchmark
{
    public const int Messages = 20;
    private CoordinationBench _bench = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _bench = await CoordinationBench.StartAsync(CoordinationBroadcastBenchmark.Members, baseline: true);
        var (bare, vape, ratio) = await TakingTurns.MeasureAsync(Bare, Vape, turns: Smoke.Size(30, 1), warmUp: Smoke.Size(10, 0));
        Console.WriteLine(FormattableString.Invariant($"// taking turns (30 each): bare median {bare:0.0} ms, Vape median {vape:0.0} ms, deliveries per second ratio {ratio:0.00}"));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _bench.DisposeAsync();

    [Benchmark(Baseline = true, Description = "bare hub: 20 × Clients.Group(200).SendAsync(same payload)")]
    public Task Bare() => _bench.BroadcastBareAsync(Messages);

    [Benchmark(Description = "Vape: 20 × Post → commit → channel:{id} (200)")]
    public Task Vape() => _bench.PostAsync(Messages);
}

/// <summary>
/// How many deliveries a second a 200-member channel carries when its members post at once: 10 members each post
/// 10 messages in a row (each call awaited), all ten at the same time; one operation = 100 messages delivered to all
/// 200 connections (20,000 deliveries). The bare hub gets the same ten senders relaying the same payload. This is the
/// figure of the issue ("deliveries per second"); <see cref="CoordinationBroadcastBenchmark"/> is a message's latency
/// (docs/adr/0056).
/// </summary>
[InProcess]
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(10)]
[InvocationCount(2)]
public class CoordinationThroughputBenchmark
{
    public const int Senders = 10;
    public const int Messages = 10;
    private CoordinationBench _bench = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _bench = await CoordinationBench.StartAsync(CoordinationBroadcastBenchmark.Members, baseline: true);
        using var sets = new PostBatchProfile();
        var (bare, vape, ratio) = await TakingTurns.MeasureAsync(Bare, Vape, turns: Smoke.Size(30, 1), warmUp: Smoke.Size(10, 0));
        Console.WriteLine($"// the channel's writer while taking turns: {sets}");
        Console.WriteLine(FormattableString.Invariant(
            $"// {Senders} senders × {Messages} messages, taking turns (30 each): bare median {bare:0.0} ms, Vape median {vape:0.0} ms, deliveries per second: bare {Deliveries / bare * 1000:N0}, Vape {Deliveries / vape * 1000:N0}, ratio {ratio:0.00}"));
    }

    private static int Deliveries => Senders * Messages * CoordinationBroadcastBenchmark.Members;

    [GlobalCleanup]
    public async Task Cleanup() => await _bench.DisposeAsync();

    [Benchmark(Baseline = true, Description = "bare hub: 10 senders × 10 × Clients.Group(200).SendAsync(same payload)")]
    public Task Bare() => _bench.BroadcastBareAsync(Senders, Messages);

    [Benchmark(Description = "Vape: 10 senders × 10 × Post → commit → channel:{id} (200)")]
    public Task Vape() => _bench.PostAsync(Senders, Messages);
}

/// <summary>Catch-up after a reconnect: 1,000 missed messages in one `CatchUp` call (time; bytes in the docs, from <see cref="CoordinationBench.CatchUpBytesAsync"/>).</summary>
[InProcess]
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(10)]
public class CoordinationCatchUpBenchmark
{
    /// <summary>1,000; 50 in the smoke mode.</summary>
    public static int Missed => Smoke.Size(1_000, 50);

    private CoordinationBench _bench = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _bench = await CoordinationBench.StartAsync(members: 2, baseline: false);
        await _bench.FillAsync(Missed);
        var (json, messagePack) = await _bench.CatchUpBytesAsync();
        Console.WriteLine($"// catch-up of {Missed:N0} messages: {json:N0} bytes as JSON, {messagePack:N0} bytes as MessagePack");
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _bench.DisposeAsync();

    [Benchmark(Description = "CatchUp(version 0) → 1,000 events (JSON protocol)")]
    public Task<int> CatchUp() => _bench.CatchUpAsync(Missed);
}

/// <summary>A host with a GROUP channel of N synthetic members, each connected to the coordination hub (and to the bare hub).</summary>
public sealed class CoordinationBench : IAsyncDisposable
{
    /// <summary>Made fresh for each host (<see cref="BenchHost.FreshDatabaseAsync"/>).</summary>
    public const string Database = "vape_bench_coordination";

    private IAlbaHost _host = null!;
    private readonly List<HubConnection> _connections = [];
    private readonly List<HubConnection> _vapeHubs = [];
    private readonly List<HubConnection> _bareHubs = [];
    private HubConnection _sender = null!;
    private HubConnection _bareSender = null!;
    private Guid _channel;
    private int _pending;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonElement _payload;
    private readonly List<string> _tokens = [];

    public static async Task<CoordinationBench> StartAsync(int members, bool baseline)
    {
        var bench = new CoordinationBench();
        await bench.InitAsync(members, baseline);
        return bench;
    }

    private async Task InitAsync(int members, bool baseline)
    {
        await BenchHost.FreshDatabaseAsync(Database);
        _host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting(WebHostDefaults.ContentRootKey, BenchHost.ContentRoot());
            web.UseSetting("Vape:Database", Database);
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Vape:Hubs:CallsPerSecond", "1000000");
            web.UseSetting("Vape:LoadTest:BaselineHub", "true");
        });
        var database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var reset = database.CreateCommand("truncate coordination.channels cascade; truncate coordination.connections"))
            await reset.ExecuteNonQueryAsync();

        _channel = Guid.CreateVersion7();
        var people = Enumerable.Range(0, members).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var cmd = database.CreateCommand("""
            insert into organization.people (id, full_name, home_unit_id, joined_on)
            select p, 'Người đo tải', (select id from organization.units order by code limit 1), current_date from unnest(@p) p;
            insert into coordination.channels (id, kind, name, created_at) values (@c, 'GROUP', 'Đo tải', now());
            insert into coordination.channel_members (channel_id, person_id, role, source) select @c, p, 'MEMBER', 'MANUAL' from unnest(@p) p;
            """))
        {
            cmd.Parameters.AddWithValue("c", _channel);
            cmd.Parameters.AddWithValue("p", people);
            await cmd.ExecuteNonQueryAsync();
        }
        var paths = _host.Services.GetRequiredService<VapePaths>();
        var issuer = new LocalTokenIssuer(paths.Keys, TimeProvider.System);
        foreach (var person in people) _tokens.Add(issuer.Issue(new LoginIdentity(person, "bench", "Người đo tải"), TimeSpan.FromHours(2)));

        foreach (var token in _tokens)
        {
            var hub = Connect(CoordinationHub.Path, token);
            // Read as JSON like the bare hub's string, not bound to records: the clients run in this process too.
            hub.On<JsonElement>(CoordinationHub.Events.ChannelEvent, _ => Delivered());
            await hub.StartAsync();
            await hub.InvokeAsync<object>("Channels");
            _connections.Add(hub);
            _vapeHubs.Add(hub);
            if (baseline)
            {
                var bare = Connect(BaselineHub.Path, token);
                bare.On<JsonElement>("payload", _ => Delivered());
                await bare.StartAsync();
                await bare.InvokeAsync("Join", _channel.ToString());
                _connections.Add(bare);
                _bareHubs.Add(bare);
            }
        }
        _sender = _connections[0];
        _bareSender = baseline ? _connections[1] : _connections[0];

        // The bare hub sends what Vape sends: one posted event as a member received it.
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_sender.On<JsonElement>(CoordinationHub.Events.ChannelEvent, e => heard.TrySetResult(e.Clone())))
            await PostOnceAsync();
        _payload = await heard.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private HubConnection Connect(string path, string token)
    {
        var server = _host.Server;
        return new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.WebSocketFactory = async (context, ct) =>
                await server.CreateWebSocketClient().ConnectAsync(new Uri(context.Uri + "?access_token=" + token), ct);
        }).Build();
    }

    private void Delivered()
    {
        _firstDelivered?.Invoke();
        if (Interlocked.Decrement(ref _pending) == 0) _all.TrySetResult();
    }

    private Task Expect(int deliveries)
    {
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pending, deliveries);
        return _all.Task;
    }

    private const string Body = "Kính gửi các đồng chí: báo cáo tổng kết năm học trước ngày 15/12.";

    /// <summary>One post from this member's connection, with a fresh message id.</summary>
    private Task<MessageView> Post(HubConnection hub) => hub.InvokeAsync<MessageView>("Post", new PostRequest(_channel, Guid.CreateVersion7(), Body));

    /// <summary>The bare hub relays the captured payload from this connection.</summary>
    private Task Relay(HubConnection hub) => hub.InvokeAsync("Relay", _channel.ToString(), _payload);

    private async Task<MessageView> PostOnceAsync()
    {
        var all = Expect(_tokens.Count);
        var message = await Post(_sender);
        await all.WaitAsync(TimeSpan.FromSeconds(60));
        return message;
    }

    public async Task PostAsync() => await PostOnceAsync();

    /// <summary>N posts in a row from one member, each call awaited; returns when every member has all N.</summary>
    public Task PostAsync(int messages) => PostAsync(1, messages);

    /// <summary>`senders` members post `messages` each, all at once (each sender's calls in a row); returns when every member has them all.</summary>
    public Task PostAsync(int senders, int messages) => FromEachAsync(_vapeHubs, senders, messages, Post);

    /// <summary>N relays in a row from one member's bare connection.</summary>
    public Task BroadcastBareAsync(int messages) => BroadcastBareAsync(1, messages);

    /// <summary>The same senders' bare connections relay the same payload, all at once.</summary>
    public Task BroadcastBareAsync(int senders, int messages) => FromEachAsync(_bareHubs, senders, messages, Relay);

    private async Task FromEachAsync(List<HubConnection> hubs, int senders, int messages, Func<HubConnection, Task> send)
    {
        var all = Expect(_tokens.Count * senders * messages);
        await Task.WhenAll(hubs.Take(senders).Select(async hub =>
        {
            for (var i = 0; i < messages; i++) await send(hub);
        }));
        await all.WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>
    /// Median milliseconds of N sends of each side, taking turns (which side goes first alternates), after N turns to
    /// warm up: the call's return, the first delivery, the last delivery; and the ratio of the last deliveries' medians
    /// (bare / Vape: Vape's rate as a fraction of the bare hub's). Taking turns, both sides meet the same state of the
    /// machine, which BenchmarkDotNet's one-side-then-the-other runs do not.
    /// </summary>
    public async Task<string> ProfileAsync(int count)
    {
        async Task<(double Returned, double First, double Last)> Once(Func<Task> send)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var first = 0.0;
            _firstDelivered = () => { if (first == 0) first = clock.Elapsed.TotalMilliseconds; };
            var all = Expect(_tokens.Count);
            await send();
            var returned = clock.Elapsed.TotalMilliseconds;
            await all.WaitAsync(TimeSpan.FromSeconds(60));
            var last = clock.Elapsed.TotalMilliseconds;
            _firstDelivered = null;
            return (returned, first, last);
        }
        Task PostOne() => Post(_sender);
        Task RelayOne() => Relay(_bareSender);
        var vape = new List<(double, double, double)>();
        var bare = new List<(double, double, double)>();
        for (var i = 0; i < 2 * count; i++)
        {
            (double, double, double) v, b;
            if (i % 2 == 0)
            {
                v = await Once(PostOne);
                b = await Once(RelayOne);
            }
            else
            {
                b = await Once(RelayOne);
                v = await Once(PostOne);
            }
            if (i < count) continue;
            vape.Add(v);
            bare.Add(b);
        }
        static double MedianLast(List<(double R, double F, double L)> xs) => TakingTurns.Median(xs.Select(x => x.L));
        static string Median(List<(double R, double F, double L)> xs) =>
            $"returned {TakingTurns.Median(xs.Select(x => x.R)):F1} ms, first delivery {TakingTurns.Median(xs.Select(x => x.F)):F1} ms, last {MedianLast(xs):F1} ms";
        // One more post with the activities of the host (Wolverine, Npgsql, ASP.NET Core) written down.
        var trace = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using (var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => trace.Enqueue($"{(a.StartTimeUtc.Ticks - DateTime.UtcNow.Ticks) / 10_000.0 + System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}+{a.Duration.TotalMilliseconds:F1} {a.Source.Name}:{a.DisplayName}"),
        })
        {
            System.Diagnostics.ActivitySource.AddActivityListener(listener);
            var once = await Once(PostOne);
            trace.Enqueue($"returned {once.Returned:F1}, first {once.First:F1}, last {once.Last:F1}");
        }
        return $"profile (median of {count}, taking turns): Vape {Median(vape)}; bare {Median(bare)}; ratio {MedianLast(bare) / MedianLast(vape):0.00}\n// trace: " + string.Join("\n// ", trace);
    }

    private Action? _firstDelivered;

    public async Task BroadcastBareAsync()
    {
        var all = Expect(_tokens.Count);
        await Relay(_bareSender);
        await all.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Writes N messages into the channel's stream directly (the hub would take N calls).</summary>
    public async Task FillAsync(int count)
    {
        var database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = database.CreateCommand("""
            insert into coordination.messages (id, channel_id, author_id, body, priority, posted_version, version, posted_at)
            select gen_random_uuid(), @c, (select person_id from coordination.channel_members where channel_id = @c limit 1),
                   'Tin số ' || v || ': đề nghị các đơn vị rà soát danh sách hội viên và gửi báo cáo về Hội cấp trên.', 'NORMAL', v, v, now()
              from generate_series((select version from coordination.channels where id = @c) + 1, (select version from coordination.channels where id = @c) + @n) v;
            insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at)
            select channel_id, posted_version, 'POSTED', id, author_id, posted_at from coordination.messages m where channel_id = @c
               and not exists (select 1 from coordination.channel_events e where e.channel_id = m.channel_id and e.version = m.posted_version);
            -- History, not a change to push: marked as pushed (docs/adr/0052).
            update coordination.channels set version = (select max(posted_version) from coordination.messages where channel_id = @c),
                   pushed_version = (select max(posted_version) from coordination.messages where channel_id = @c) where id = @c;
            """);
        cmd.Parameters.AddWithValue("c", _channel);
        cmd.Parameters.AddWithValue("n", count);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Everything since version 0: the post of the set-up and the <paramref name="filled"/> messages written after it.</summary>
    public async Task<int> CatchUpAsync(int filled)
    {
        var results = await _connections[^1].InvokeAsync<List<CatchUpResult>>("CatchUp", new[] { new ChannelPosition(_channel, 0) });
        var count = results[0].Events.Count;
        if (count != filled + 1) throw new InvalidOperationException($"caught up {count} events");
        return count;
    }

    /// <summary>The size of the catch-up answer as each protocol writes it.</summary>
    public async Task<(int Json, int MessagePack)> CatchUpBytesAsync()
    {
        var results = await _connections[^1].InvokeAsync<List<CatchUpResult>>("CatchUp", new[] { new ChannelPosition(_channel, 0) });
        var json = JsonSerializer.SerializeToUtf8Bytes(results, VapeJson.Hub).Length;
        var messagePack = MessagePack.MessagePackSerializer.Serialize(results, Vape.BuildingBlocks.Realtime.HubMessagePack.Options).Length;
        return (json, messagePack);
    }


    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        await BenchHost.StopAsync(_host);
    }
}
