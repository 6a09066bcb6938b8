using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Tests.Platform;

/// <summary>
/// The embedded cluster of a data folder of its own, with hosts as real processes (issue #28): it never outlives
/// every host, even when its starter was killed, and it starts when the port derived from the folder is taken.
/// </summary>
public sealed class EmbeddedClusterTests : IDisposable
{
    private static readonly string HostDll = typeof(Program).Assembly.Location;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "vape-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private string PgData => Path.Combine(_dataPath, "postgres");

    [Fact]
    public async Task The_last_host_stops_the_cluster_even_when_its_starter_was_killed()
    {
        using (var starter = await StartHost())
        {
            var postmaster = RunningPostmaster() ?? throw new InvalidOperationException("no postmaster after the first host started");
            Process.Start("kill", ["-KILL", starter.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            await starter.WaitForExitAsync();
            Alive(postmaster.Pid).ShouldBeTrue("a killed host cannot stop its cluster");

            using var second = await StartHost();
            RunningPostmaster()!.Value.Pid.ShouldBe(postmaster.Pid, "the second host reuses the running cluster");
            await Stop(second);

            await NoPostmasterLeft(postmaster.Pid);
            // What the stop rested on is written beside the cluster: the killed starter's entry removed, the entries
            // the second host saw (only its own), and the ports it started on and asked.
            var stops = await File.ReadAllLinesAsync(PgData + ".stops");
            stops.ShouldContain(l => l.Contains($"removed the entry {starter.Id}-", StringComparison.Ordinal));
            var stop = stops.Last();
            stop.ShouldContain($"process {second.Id} ");
            var seen = System.Text.RegularExpressions.Regex.Match(stop, @"entries seen: \[([^\]]*)\]").Groups[1].Value.Split(", ");
            seen.ShouldContain(e => e.StartsWith($"{second.Id}-", StringComparison.Ordinal));
            stop.ShouldContain($"started on port {postmaster.Port}, running on {postmaster.Port}");
        }
    }

    [Fact]
    public async Task When_the_derived_port_is_taken_the_cluster_runs_on_a_free_one_and_the_next_host_remembers_it()
    {
        var derived = EmbeddedPostgres.DerivePort(Path.GetFullPath(PgData));
        using var holder = new TcpListener(IPAddress.Loopback, derived);
        holder.Start();

        using (var first = await StartHost())
        {
            var running = RunningPostmaster()!.Value;
            running.Port.ShouldNotBe(derived);
            (await File.ReadAllTextAsync(PgData + ".port")).Trim().ShouldBe(running.Port.ToString(CultureInfo.InvariantCulture));
            await Stop(first);
            await NoPostmasterLeft(running.Pid);

            using var next = await StartHost();
            RunningPostmaster()!.Value.Port.ShouldBe(running.Port, "the next host starts the cluster on the remembered port");
            var pid = RunningPostmaster()!.Value.Pid;
            await Stop(next);
            await NoPostmasterLeft(pid);
        }
    }

    /// <summary>A host process on this test's data folder, once /health/ready says Healthy.</summary>
    private async Task<Process> StartHost()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(HostDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Vape__DataPath"] = _dataPath;
        psi.Environment["Vape__DemoData"] = "false";
        var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the host exited ({process.ExitCode}): {await stderr}");
            try
            {
                if (await http.GetStringAsync("/health/ready") == "Healthy") return process;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("the host did not become ready in two minutes");
    }

    private static async Task Stop(Process host)
    {
        Process.Start("kill", ["-TERM", host.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await host.WaitForExitAsync(timeout.Token);
        host.ExitCode.ShouldBe(0);
    }

    private (int Pid, int Port)? RunningPostmaster()
    {
        var file = Path.Combine(PgData, "postmaster.pid");
        if (!File.Exists(file)) return null;
        var lines = File.ReadAllLines(file);
        return lines.Length >= 4 && int.TryParse(lines[0], out var pid) && int.TryParse(lines[3], out var port) && Alive(pid) ? (pid, port) : null;
    }

    private async Task NoPostmasterLeft(int pid)
    {
        // pg_ctl stop -w has returned before the host exits; the check allows the process table a moment.
        for (var i = 0; i < 20 && Alive(pid); i++) await Task.Delay(250);
        Alive(pid).ShouldBeFalse("the last host stops the cluster");
        RunningPostmaster().ShouldBeNull();
    }

    private static bool Alive(int pid) => EmbeddedPostgres.Alive(pid);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        // A test that failed half-way may leave its cluster up: stop it, then remove the folder.
        if (RunningPostmaster() is { } left) Process.Start("kill", ["-TERM", left.Pid.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        for (var i = 0; i < 40 && RunningPostmaster() is not null; i++) Thread.Sleep(250);
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
