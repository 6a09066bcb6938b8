using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vape.Tests.Support;

namespace Vape.Tests.ScaleOut;

/// <summary>
/// The production shape on this machine: `deploy/local/topology.sh` starts Redis, two Vape hosts on the embedded
/// cluster and nginx in front, on ports the OS hands out free when the tests start (not the script's defaults, so
/// a topology someone runs by hand is left alone, nor fixed ones, so that two checkouts can run these tests at the
/// same time). Started once for the tests that use it, stopped after them.
/// </summary>
public sealed class Topology : IAsyncLifetime
{
    public Topology()
    {
        var ports = Ports.Free(7);
        NginxPort = ports[0];
        RedisPort = ports[1];
        HostPorts = [ports[2], ports[3]];
        JanusHttpPort = ports[4];
        JanusAdminPort = ports[5];
        PushPort = ports[6];
        Client = new TopologyClient(Nginx);
    }

    public int NginxPort { get; }
    public int RedisPort { get; }
    public int[] HostPorts { get; }
    public int JanusHttpPort { get; }
    public int JanusAdminPort { get; }

    /// <summary>Where a test's push service stand-in listens: the one push service the hosts accept.</summary>
    public int PushPort { get; }

    public string PushOrigin => $"http://127.0.0.1:{PushPort}";

    public string Directory { get; } = Path.Combine(Repo.Root, "data", "topology-tests");

    public Uri Nginx => new($"http://127.0.0.1:{NginxPort}");

    public Uri HostUri(int index) => new($"http://127.0.0.1:{HostPorts[index]}");

    /// <summary>Requests through nginx for scenarios with many people.</summary>
    public TopologyClient Client { get; }

    public async Task InitializeAsync() => await Script("start");

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Script("stop");
    }

    /// <summary>Runs the topology script with this topology's ports; throws with its output if it fails.</summary>
    public Task Script(string command) =>
        Run("bash", [Path.Combine(Repo.Root, "deploy", "local", "topology.sh"), command], TimeSpan.FromMinutes(10), new()
        {
            ["VAPE_TOPOLOGY_DIR"] = Directory,
            ["VAPE_TOPOLOGY_PORT"] = NginxPort.ToString(CultureInfo.InvariantCulture),
            ["VAPE_HOST_PORTS"] = string.Join(' ', HostPorts),
            ["VAPE_REDIS_PORT"] = RedisPort.ToString(CultureInfo.InvariantCulture),
            ["VAPE_JANUS"] = "1",
            ["VAPE_JANUS_HTTP_PORT"] = JanusHttpPort.ToString(CultureInfo.InvariantCulture),
            ["VAPE_JANUS_ADMIN_PORT"] = JanusAdminPort.ToString(CultureInfo.InvariantCulture),
            ["Vape__WebPush__AllowedOrigins__0"] = PushOrigin, // the hosts inherit the script's environment
            // A job whose host died is taken by the other host after this, not after the default minute (ADR 0279).
            ["Vape__Records__Jobs__LeaseSeconds"] = "10",
            // The host this test run built (the test project references it), not a second build.
            ["VAPE_TOPOLOGY_APP"] = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
        });

    /// <summary>Stops one host: `KILL` as a crash would (kill -9), `TERM` as an orderly shutdown (a deploy).</summary>
    public async Task Stop(int index, string signal)
    {
        var pidFile = Path.Combine(Directory, $"host-{index + 1}.pid");
        var pid = File.ReadAllText(pidFile).Trim();
        using var process = Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
        using var kill = Process.Start("kill", ["-" + signal, pid])!;
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>`seed --load N`: learners hv0001… (and officials cb001…) in the topology's database, for scenarios with many people.</summary>
    public Task SeedLoadPeople(int learners, int officials = 0) =>
        Run("dotnet", [typeof(Program).Assembly.Location, "seed", "--load", learners.ToString(CultureInfo.InvariantCulture), "--officials", officials.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(5), new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Vape__DataPath"] = Path.Combine(Directory, "data"),
            ["Vape__Database"] = "vape",
        });

    /// <summary>`pg_ctl restart -m immediate` of the topology's cluster: every connection cut, no clean shutdown.</summary>
    public Task RestartPostgresImmediately()
    {
        var pgCtl = System.IO.Directory.GetFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).Order().Last();
        string[] restart = ["restart", "-m", "immediate", "-w", "-D", Path.Combine(Directory, "data", "postgres")];
        return Environment.UserName == "root"
            ? Run("runuser", ["-u", "postgres", "--", pgCtl, .. restart], Timeout.InfiniteTimeSpan)
            : Run(pgCtl, restart, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A redis-cli command to the topology's Redis; its outcome is not checked (`shutdown` ends the connection it runs on).</summary>
    public Task Redis(params string[] args) => Run("redis-cli", ["-p", RedisPort.ToString(CultureInfo.InvariantCulture), .. args], Timeout.InfiniteTimeSpan, mustSucceed: false);

    private static async Task Run(string file, IEnumerable<string> args, TimeSpan timeout, Dictionary<string, string>? environment = null, bool mustSucceed = true)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? []) psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (mustSucceed && process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', psi.ArgumentList)} exited {process.ExitCode}: {await output}{await errors}");
    }

    /// <summary>A connection to the topology's database, to check in PostgreSQL what the hosts did.</summary>
    public async Task<Npgsql.NpgsqlConnection> OpenDatabaseAsync()
    {
        var pid = File.ReadAllLines(Path.Combine(Directory, "data", "postgres", "postmaster.pid"));
        var connection = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={pid[3].Trim()};Username=vape;Database=vape;Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    public async Task<string> Token(Uri server, string login)
    {
        using var http = new HttpClient { BaseAddress = server };
        var response = await http.PostAsJsonAsync("/dev/token", new { login });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<JsonNode> GraphQL(Uri server, string query, object? variables = null, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<int> ReadyStatus(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        return (int)(await http.GetAsync("/health/ready")).StatusCode;
    }

    /// <summary>A SignalR client over a real socket, the way a phone connects: WebSockets only, no negotiation, reconnecting.</summary>
    public static HubConnection Hub(Uri server, string path, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(Vape.BuildingBlocks.Hosting.VapeJson.UseHub)
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)])
            .Build();
}

// Alone, after the other collections: two more hosts beside the in-process ones would only measure a 2-core machine.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TopologyCollection : ICollectionFixture<Topology>
{
    public const string Name = "topology";
}
