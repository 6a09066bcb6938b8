using System.Diagnostics;
using System.Security.Cryptography;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A network namespace this test run makes (as root): a veth pair, `10.237.N.1` outside and `10.237.N.2` inside,
/// removed afterwards. WebRTC skips loopback (Janus and Chromium both), and tests send traffic only to loopback or
/// into a namespace they made: Janus and Chromium run inside it, the in-memory host reaches Janus's admin API over
/// the pair.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    public string Name { get; }
    public string Inside { get; }
    public string Outside { get; }
    private readonly string _veth;

    public NetworkNamespace()
    {
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal) && geteuid() != 0)
            throw new InvalidOperationException("The media tests make a network namespace and must run as root (CI does): run `dotnet test` as root.");
        var n = RandomNumberGenerator.GetInt32(0, 256);
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        Name = "vape-media-" + tag;
        _veth = "vm" + tag;
        Outside = $"10.237.{n}.1";
        Inside = $"10.237.{n}.2";
        Run("ip", "netns", "add", Name);
        try
        {
            Run("ip", "link", "add", _veth + "a", "type", "veth", "peer", "name", _veth + "b");
            Run("ip", "link", "set", _veth + "b", "netns", Name);
            Run("ip", "addr", "add", Outside + "/30", "dev", _veth + "a");
            Run("ip", "link", "set", _veth + "a", "up");
            Run("ip", "netns", "exec", Name, "ip", "addr", "add", Inside + "/30", "dev", _veth + "b");
            Run("ip", "netns", "exec", Name, "ip", "link", "set", _veth + "b", "up");
            Run("ip", "netns", "exec", Name, "ip", "link", "set", "lo", "up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    /// <summary>A script that runs Chromium inside the namespace (Playwright talks to it over a pipe, not the network).</summary>
    public string ChromiumWrapper()
    {
        var path = Path.Combine(Path.GetTempPath(), Name + "-chromium.sh");
        File.WriteAllText(path, $"#!/bin/sh\nexec ip netns exec {Name} /usr/bin/chromium \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        Try("ip", "link", "del", _veth + "a");
        Try("ip", "netns", "del", Name);
        try { File.Delete(Path.Combine(Path.GetTempPath(), Name + "-chromium.sh")); } catch (IOException) { }
    }

    private static void Run(string file, params string[] args)
    {
        if (Try(file, args) is { } error) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {error}");
    }

    private static string? Try(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? null : error.Trim();
    }
}
