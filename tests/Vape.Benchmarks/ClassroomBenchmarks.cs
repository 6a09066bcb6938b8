using System.Diagnostics;
using System.Globalization;
using Alba;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Hosting;
using Vape.Classes.Catalogue;
using Vape.Classes.Classroom;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Benchmarks;

/// <summary>
/// The classroom hub with 1,000 connected learners against a bare SignalR hub with 1,000 connections, in one
/// run on the same machine (both in-memory servers, the real .NET client over WebSockets):
/// chat broadcast (20 messages, each delivered to every learner: deliveries per second), and, measured once in
/// the setup, memory per connected learner and join-to-snapshot latency with 1,000 learners present.
/// `dotnet run -c Release --project tests/Vape.Benchmarks -- --filter '*Classroom*'` (about 3 minutes).
/// </summary>
[Config(typeof(InProcessMonitoring))]
public class ClassroomBroadcastBenchmark
{
    /// <summary>1,000; 20 in the smoke mode (<see cref="Smoke"/>).</summary>
    public static int Learners => Smoke.Size(1_000, 20);

    /// <summary>Late joiners timed for join-to-snapshot: 200; 2 in the smoke mode.</summary>
    private static int Joiners => Smoke.Size(200, 2);
    public const int Messages = 20;

    /// <summary>Learners chatting at once in the second chat figure, each sending `Messages / Senders` lines one after another.</summary>
    public const int Senders = 5;
    private const string Text = "Các bạn mở trang 12 của tài liệu, chúng ta cùng làm bài tập về nhận biết tin nhắn lừa đảo nhé!";

    private IAlbaHost _vape = null!;
    private WebApplication _bare = null!;
    private HubConnection _host = null!;
    private HubConnection _bareSender = null!;
    private readonly List<HubConnection> _connections = [];
    private List<HubConnection> _bareLearnersSending = [];
    private List<HubConnection> _vapeLearnersSending = [];
    private Guid _sessionId;
    private long _received;
    private long _expected;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GlobalSetup]
    public async Task Setup()
    {
        _bare = await BareHub.StartAsync();
        var bareServer = _bare.GetTestServer();
        var before = Memory();
        for (var i = 0; i < Learners; i++) _connections.Add(await Listen(Connect(bareServer, "/bare", null), c => c.InvokeAsync("Join")));
        var bareBytes = (Memory() - before) / Learners;
        _bareLearnersSending = _connections.Take(Senders).ToList();
        _bareSender = Connect(bareServer, "/bare", null);
        await _bareSender.StartAsync();

        await BenchHost.FreshDatabaseAsync("vape_bench_classes");
        _vape = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting(WebHostDefaults.ContentRootKey, BenchHost.ContentRoot());
            web.UseSetting("Vape:Database", "vape_bench_classes");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Vape:Hubs:CallsPerSecond", "1000000");
            web.UseSetting("Vape:Classes:RoomOpensMinutesBefore", "2880");
            if (Environment.GetEnvironmentVariable("VAPE_INHOST") is not null) web.UseSetting("Vape:LoadTest:BaselineHub", "true");
        });
        var services = _vape.Services;
        await Vape.BuildingBlocks.Storage.ModuleData.ResetAllDataAsync(services);
        var commune = (await services.GetRequiredService<ILoginDirectory>().FindAsync("commune", CancellationToken.None))!;
        var unit = (await services.GetRequiredService<Vape.Organization.Contracts.IOrganizationQueries>().ManagedUnitsAsync(commune.PersonId, CancellationToken.None))[0];
        using var scope = services.CreateScope();
        var c = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<CommunityClass>(new ScheduleClass(unit, "Lớp đo tải", null,
            LearningDomain.DigitalSkills, ClassAudience.Public, null, 10_000, null, null, null, null, null, false,
            DateTimeOffset.UtcNow.AddDays(1), 120, null, commune.PersonId));
        await using (var cmd = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("select id from classes.sessions where class_id = @c"))
        {
            cmd.Parameters.AddWithValue("c", c.Id);
            _sessionId = (Guid)(await cmd.ExecuteScalarAsync())!;
        }
        var issuer = services.GetRequiredService<LocalTokenIssuer>();
        var people = Enumerable.Range(0, Learners + Joiners).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var cmd = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            """
            insert into organization.people (id, full_name, home_unit_id, joined_on)
            select p, 'Học viên', (select id from organization.units order by code limit 1), current_date from unnest(@p) p;
            insert into classes.enrolments (class_id, person_id, status, since) select @c, unnest(@p), 'ENROLLED', now();
            """))
        {
            cmd.Parameters.AddWithValue("c", c.Id);
            cmd.Parameters.AddWithValue("p", people.ToArray());
            await cmd.ExecuteNonQueryAsync();
        }
        string Token(Guid person) => issuer.Issue(new LoginIdentity(person, "bench", "Học viên"), TimeSpan.FromHours(2));

        var server = _vape.Server;
        _host = Connect(server, ClassroomHub.Path, Token(commune.PersonId));
        await _host.StartAsync();
        await _host.InvokeAsync<ClassroomSnapshot>("Join", _sessionId);
        before = Memory();
        var vapeLearners = new List<HubConnection>();
        for (var i = 0; i < Learners; i++)
            vapeLearners.Add(await Listen(Connect(server, ClassroomHub.Path, Token(people[i])), h => h.InvokeAsync<ClassroomSnapshot>("Join", _sessionId)));
        var vapeBytes = (Memory() - before) / Learners;
        _connections.AddRange(vapeLearners);
        _vapeLearnersSending = vapeLearners.Take(Senders).ToList();

        // Join-to-snapshot with 1,000 learners present: 200 more learners, one after another, each on a fresh connection.
        var latencies = new List<double>();
        for (var i = Learners; i < Learners + Joiners; i++)
        {
            var hub = Connect(server, ClassroomHub.Path, Token(people[i]));
            await hub.StartAsync();
            var clock = Stopwatch.StartNew();
            var snapshot = await hub.InvokeAsync<ClassroomSnapshot>("Join", _sessionId);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (snapshot.Headcount < Learners) throw new InvalidOperationException($"headcount {snapshot.Headcount}");
            // They leave again, so that both broadcasts go to exactly 1,000 learners.
            await hub.DisposeAsync();
        }
        latencies.Sort();

        if (Environment.GetEnvironmentVariable("VAPE_INHOST") is not null) await InHostBaselineAsync(server, people.Take(Learners).Select(Token).ToList());
        var (bareMedian, vapeMedian, ratio) = await TakingTurns.MeasureAsync(Bare, Classroom, turns: Smoke.Size(10, 1), warmUp: Smoke.Size(2, 0));
        var sendShare = TakingTurns.Median(_sendShares);
        _sendShares.Clear();
        var (bareTogether, vapeTogether, ratioTogether) = await TakingTurns.MeasureAsync(BareTogether, ClassroomTogether, turns: Smoke.Size(10, 1), warmUp: Smoke.Size(2, 0));

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"memory per connected learner: bare hub {bareBytes:N0} B, Vape classroom {vapeBytes:N0} B, ratio {(double)vapeBytes / bareBytes:0.00}\n" +
            $"join-to-snapshot with {Learners:N0}+ learners present ({Joiners} joins): p50 {latencies[Joiners / 2 - 1]:0.0} ms, p99 {latencies[Joiners * 99 / 100 - 1]:0.0} ms\n" +
            $"chat, taking turns (10 each): bare median {bareMedian:0.0} ms, classroom median {vapeMedian:0.0} ms, deliveries per second ratio {ratio:0.00}; the host's last SendChat returned at {sendShare:P0} of a classroom turn (median)\n" +
            $"chat, {Senders} learners at once, taking turns (10 each): bare median {bareTogether:0.0} ms, classroom median {vapeTogether:0.0} ms, deliveries per second ratio {ratioTogether:0.00}\n");
        Console.WriteLine(figures);
        PerformanceFile.NoteSetUp(typeof(ClassroomBroadcastBenchmark), "memory per connected learner", "bare hub connection", string.Create(CultureInfo.InvariantCulture,
            $"{(double)vapeBytes / bareBytes:0.00}× (Vape classroom {vapeBytes:N0} B, bare hub {bareBytes:N0} B, {Learners:N0} learners)"));
        PerformanceFile.NoteSetUp(typeof(ClassroomBroadcastBenchmark), string.Create(CultureInfo.InvariantCulture, $"join-to-snapshot with {Learners:N0} present"), "—", string.Create(CultureInfo.InvariantCulture,
            $"p50 {latencies[Joiners / 2 - 1]:0.0} ms, p99 {latencies[Joiners * 99 / 100 - 1]:0.0} ms ({Joiners} joins)"));
        if (Smoke.On) return;
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await File.WriteAllTextAsync(Path.Combine("BenchmarkDotNet.Artifacts", "classroom-figures.txt"), figures);
    }

    /// <summary>
    /// With `VAPE_INHOST=1`: the bare hub inside the Vape host as well (`BaselineHub`, as the coordination benchmark
    /// uses), 1,000 more connections relaying the same object. Its turns against the separate bare hub show what the
    /// host's environment costs, and its turns against the classroom what the classroom's own path costs.
    /// </summary>
    private async Task InHostBaselineAsync(TestServer server, List<string> tokens)
    {
        foreach (var token in tokens)
            _connections.Add(await Listen(Connect(server, Vape.BuildingBlocks.ScaleOut.BaselineHub.Path, token), h => h.InvokeAsync("Join", "room"), "payload"));
        var relay = Connect(server, Vape.BuildingBlocks.ScaleOut.BaselineHub.Path, tokens[0]);
        await relay.StartAsync();
        _connections.Add(relay);
        var payload = System.Text.Json.JsonSerializer.SerializeToElement(new ClassroomEventMessage(Guid.Empty, 1, "chatPosted", DateTimeOffset.UtcNow,
            new ChatPosted(Guid.CreateVersion7(), Guid.Empty, "Người dẫn lớp", Text, DateTimeOffset.UtcNow)), VapeJson.Options);
        async Task InHost()
        {
            Expect(Messages);
            for (var i = 0; i < Messages; i++) await relay.InvokeAsync("Relay", "room", payload);
            await _done.Task.WaitAsync(TimeSpan.FromMinutes(10));
        }
        var (separate, inHost, environment) = await TakingTurns.MeasureAsync(Bare, InHost, turns: 10, warmUp: 2);
        var (inHost2, classroom, code) = await TakingTurns.MeasureAsync(InHost, Classroom, turns: 10, warmUp: 2);
        Console.WriteLine(FormattableString.Invariant(
            $"// bare hub in its own app {separate:0.0} ms vs inside the Vape host {inHost:0.0} ms: {environment:0.00}; inside the host {inHost2:0.0} ms vs classroom {classroom:0.0} ms: {code:0.00}"));
    }

    private static long Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(true);
    }

    /// <summary>Counts the chat lines `hub` hears (as `method`: the classroom's event, or what the in-host bare hub relays), after it starts and joins.</summary>
    private async Task<HubConnection> Listen(HubConnection hub, Func<HubConnection, Task> join, string method = ClassroomBroadcaster.Method)
    {
        hub.On<ClassroomEventMessage>(method, e =>
        {
            if (e.Type == "chatPosted" && Interlocked.Increment(ref _received) == Volatile.Read(ref _expected)) _done.TrySetResult();
        });
        await hub.StartAsync();
        await join(hub);
        return hub;
    }

    private void Expect(int perLearner)
    {
        Interlocked.Exchange(ref _received, 0);
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _expected, (long)perLearner * Learners);
    }

    [Benchmark(Baseline = true, Description = "bare SignalR hub: 20 messages to 1,000 connections")]
    public async Task Bare()
    {
        Expect(Messages);
        for (var i = 0; i < Messages; i++) await _bareSender.InvokeAsync("Send", Text);
        await _done.Task.WaitAsync(TimeSpan.FromMinutes(10));
    }

    [Benchmark(Description = "classroom: 20 chat messages to 1,000 learners")]
    public async Task Classroom()
    {
        Expect(Messages);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Messages; i++) await _host.InvokeAsync<long>("SendChat", Text);
        var sent = clock.Elapsed.TotalMilliseconds;
        await _done.Task.WaitAsync(TimeSpan.FromMinutes(10));
        _sendShares.Add(sent / clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Per classroom turn: the part of it until the host's last `SendChat` returned (near 1: the sender paces the chat, not the fan-out).</summary>
    private readonly List<double> _sendShares = [];

    /// <summary>
    /// `Senders` learners of the room chat at once, each waiting for its own call before the next line, as phones do:
    /// the room's throughput rather than one sender's round trips. The same shape on both sides.
    /// </summary>
    private Task BareTogether() => Together(_bareLearnersSending, s => s.InvokeAsync("Send", Text));

    private Task ClassroomTogether() => Together(_vapeLearnersSending, s => s.InvokeAsync<long>("SendChat", Text));

    private async Task Together(List<HubConnection> senders, Func<HubConnection, Task> send)
    {
        Expect(Messages);
        await Task.WhenAll(senders.Select(async sender =>
        {
            for (var i = 0; i < Messages / Senders; i++) await send(sender);
        }));
        await _done.Task.WaitAsync(TimeSpan.FromMinutes(10));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var c in _connections) await c.DisposeAsync();
        await _host.DisposeAsync();
        await _bareSender.DisposeAsync();
        await BenchHost.StopAsync(_vape);
        await _bare.DisposeAsync();
    }

    private static HubConnection Connect(TestServer server, string path, string? token) =>
        new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            o.WebSocketFactory = async (context, ct) =>
            {
                var uri = token is null ? context.Uri : new Uri(context.Uri + "?access_token=" + token);
                return await server.CreateWebSocketClient().ConnectAsync(uri, ct);
            };
        }).AddJsonProtocol(VapeJson.UseHub).Build();

}

/// <summary>In this process (no separate build), five measured runs after one warm-up.</summary>
public sealed class InProcessMonitoring : ManualConfig
{
    public InProcessMonitoring() => AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
}

/// <summary>The baseline: a bare hub that broadcasts the same payload to a group, nothing stored.</summary>
public sealed class BareHub : Hub
{
    private static long _version;

    public Task Join() => Groups.AddToGroupAsync(Context.ConnectionId, "room");

    public Task Send(string text)
    {
        var version = Interlocked.Increment(ref _version);
        var message = new ClassroomEventMessage(Guid.Empty, version, "chatPosted", DateTimeOffset.UtcNow,
            new ChatPosted(Guid.CreateVersion7(), Guid.Empty, "Người dẫn lớp", text, DateTimeOffset.UtcNow));
        return Clients.Group("room").SendAsync("classroomEvent", message);
    }

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR().AddJsonProtocol(o => VapeJson.Apply(o.PayloadSerializerOptions));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync();
        return app;
    }
}
