using System.Diagnostics;
using System.Globalization;

namespace Vape.Tests.Support;

/// <summary>
/// The real host in a process of its own on a free loopback port (or on an address of a network namespace pair the
/// test made), as `dotnet run` starts it, for clients that need a real socket (a node tool, a browser). Its output goes to a log file; stopping sends SIGTERM and waits, as Ctrl+C would.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string logFile, string address = "127.0.0.1")
    {
        var baseUrl = $"http://{address}:{Ports.Free()}";
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseUrl);
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        var process = Process.Start(psi)!;
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, baseUrl);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        string? ready = null;
        for (var i = 0; i < 240 && ready != "Healthy"; i++)
        {
            try { ready = await http.GetStringAsync("/health/ready"); }
            catch (HttpRequestException) { await Task.Delay(500); }
        }
        if (ready == "Healthy") return host;
        await host.DisposeAsync();
        throw new InvalidOperationException($"the host did not become ready at {baseUrl} (log: {logFile})");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }
}
