using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A real Janus (Debian's package) started by the project's own deploy/janus/start.sh, in a data dir of its own, on
/// free ports of `ip` (loopback, or an address inside a network namespace the test made). The test is the operator,
/// so it knows the admin key; a client only ever gets what `joinClassMedia` gives.
/// </summary>
public sealed class JanusNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Ip { get; }
    public string AdminKey { get; }
    public string Data { get; } = Path.Combine(Path.GetTempPath(), "vape-janus-" + Guid.NewGuid().ToString("N")[..8]);
    public int HttpPort { get; }
    public int AdminPort { get; }
    public string PublicUrl => $"http://{Ip}:{HttpPort}/janus";
    public string AdminUrl => $"http://{Ip}:{AdminPort}/admin";

    /// <param name="rtpPorts">The UDP ports its media leaves from (`first-last`; start.sh's default if null).</param>
    public JanusNode(string ip = "127.0.0.1", string? netns = null, string? rtpPorts = null)
        : this(ip, netns, rtpPorts, Ports.Free(), Ports.Free(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))) { }

    private JanusNode(string ip, string? netns, string? rtpPorts, int httpPort, int adminPort, string adminKey)
    {
        Ip = ip;
        Netns = netns;
        RtpPorts = rtpPorts;
        HttpPort = httpPort;
        AdminPort = adminPort;
        AdminKey = adminKey;
        var script = Path.Combine(Repo.Root, "deploy", "janus", "start.sh");
        var start = netns is null ? new ProcessStartInfo("bash", [script]) : new ProcessStartInfo("ip", ["netns", "exec", netns, "bash", script]);
        start.Environment["JANUS_DATA"] = Data;
        start.Environment["JANUS_IP"] = ip;
        start.Environment["JANUS_ADMIN_IP"] = ip;
        start.Environment["JANUS_HTTP_PORT"] = HttpPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["JANUS_ADMIN_PORT"] = AdminPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["JANUS_ADMIN_KEY"] = AdminKey;
        start.Environment["JANUS_DEBUG_LEVEL"] = "3";
        if (rtpPorts is not null) start.Environment["JANUS_RTP_PORTS"] = rtpPorts;
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static bool Installed => File.Exists("/usr/bin/janus");

    private string? Netns { get; }
    private string? RtpPorts { get; }

    /// <summary>A node started again where this one (killed) was: same address, ports and admin key, no rooms (as after a crash and restart).</summary>
    public async Task<JanusNode> RestartedAsync()
    {
        await DisposeAsync();
        var node = new JanusNode(Ip, Netns, RtpPorts, HttpPort, AdminPort, AdminKey);
        await node.ReadyAsync();
        return node;
    }

    public bool Dead => _disposed;
    /// <summary>Janus's own process id (start.sh and `ip netns exec` exec it), for its CPU time in /proc.</summary>
    public int Pid => _process.Id;

    /// <summary>
    /// Stops the node's process without ending it (SIGSTOP): its ports still accept connections and nothing answers,
    /// as with a node cut off by a network split. <see cref="Resume"/> lets it go on with its rooms as they were.
    /// </summary>
    public Task Pause() => Signal("-STOP");

    public Task Resume() => Signal("-CONT");

    private async Task Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {_process.Id} exited with {kill.ExitCode}");
    }

    /// <summary>Waits until the admin API answers (Janus loads its plugins first).</summary>
    public async Task ReadyAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"janus exited with {_process.ExitCode}; log in {Data}/janus.log");
            try
            {
                if ((await Admin(new JsonObject { ["janus"] = "ping" }))["janus"]?.GetValue<string>() == "pong") return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100, guard.Token);
        }
    }

    public async Task<JsonObject> Admin(JsonObject request, string path = "")
    {
        request["transaction"] = "t";
        request["admin_secret"] = AdminKey;
        using var response = await _http.PostAsJsonAsync(AdminUrl + path, request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A VideoRoom request through the admin API, as the operator would.</summary>
    public async Task<JsonObject> Room(JsonObject request) =>
        (JsonObject)(await Admin(new JsonObject { ["janus"] = "message_plugin", ["plugin"] = "janus.plugin.videoroom", ["request"] = request }))["response"]!;

    public async Task<bool> RoomExists(int room) => (await Room(new JsonObject { ["request"] = "exists", ["room"] = room }))["exists"]!.GetValue<bool>();

    /// <summary>A client of the Janus API with a token, as a browser is (public URL, no secret).</summary>
    public JanusClient Client(string? token) => new(_http, PublicUrl, token);

    private bool _disposed;

    /// <summary>Kills the node (a test may do it mid-class, as a crash would); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _http.Dispose();
        try { Directory.Delete(Data, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The Janus HTTP API as a browser client speaks it (janus.js does the same requests).</summary>
public sealed class JanusClient(HttpClient http, string url, string? token)
{
    public long Session { get; private set; }

    public async Task<JsonObject> Send(JsonObject request, string path = "")
    {
        request["transaction"] = Guid.NewGuid().ToString("N");
        if (token is not null) request["token"] = token;
        using var response = await http.PostAsJsonAsync(url + path, request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Opens a session; the Janus error code when refused (403: wrong or missing token), else 0.</summary>
    public async Task<int> Open()
    {
        var answer = await Send(new JsonObject { ["janus"] = "create" });
        if (answer["janus"]!.GetValue<string>() == "error") return answer["error"]!["code"]!.GetValue<int>();
        Session = answer["data"]!["id"]!.GetValue<long>();
        return 0;
    }

    public async Task<int> KeepAlive()
    {
        var answer = await Send(new JsonObject { ["janus"] = "keepalive" }, $"/{Session}");
        return answer["janus"]!.GetValue<string>() == "error" ? answer["error"]!["code"]!.GetValue<int>() : 0;
    }

    /// <summary>Attaches to the VideoRoom and sends a `join`; returns the plugin's answer (`joined`, or `error_code`) or the core's error.</summary>
    public async Task<JsonObject> Join(JsonObject body)
    {
        var attached = await Send(new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.videoroom" }, $"/{Session}");
        if (attached["janus"]!.GetValue<string>() == "error") return attached;
        var handle = attached["data"]!["id"]!.GetValue<long>();
        body["request"] = "join";
        var ack = await Send(new JsonObject { ["janus"] = "message", ["body"] = body }, $"/{Session}/{handle}");
        if (ack["janus"]!.GetValue<string>() == "error") return ack;
        // The join's answer comes as an event on the session's long poll.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var events = await http.GetFromJsonAsync<JsonNode>($"{url}/{Session}?maxev=10&rid={Environment.TickCount64}" + (token is null ? "" : "&token=" + Uri.EscapeDataString(token)), guard.Token);
            foreach (var e in events is JsonArray a ? a.ToArray() : [events])
                if (e?["janus"]?.GetValue<string>() == "event" && e["sender"]?.GetValue<long>() == handle)
                    return (JsonObject)e["plugindata"]!["data"]!;
        }
    }
}
