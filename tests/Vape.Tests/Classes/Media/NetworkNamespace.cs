using System.Diagnostics;
using System.Security.Cryptography;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A network namespace this test run makes (as root): a veth pair, `Outside` on the outer end and `Inside` in it,
/// removed afterwards. WebRTC skips loopback (Janus and Chromium both), and tests send traffic only to loopback or
/// into a namespace they made: Janus and Chromium run inside the media namespace (`10.237.N.0/30`, its outer end on
/// the host), the in-memory host reaches Janus's admin API over the pair. <see cref="Behind"/> makes one further out
/// (`10.238.N.0/30`, its outer end in this one), as a village phone behind its weak link.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    public string Name { get; }
    public string Inside { get; }
    public string Outside { get; }
    private readonly string _veth;
    private readonly NetworkNamespace? _outer;
    private readonly string _subnet;

    public NetworkNamespace() : this(null) { }

    private NetworkNamespace(NetworkNamespace? outer)
    {
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal) && geteuid() != 0)
            throw new InvalidOperationException("The media tests make a network namespace and must run as root (CI does): run `dotnet test` as root.");
        if (outer?._outer is not null) throw new InvalidOperationException("A namespace is made behind the media namespace only (one level).");
        _outer = outer;
        var n = RandomNumberGenerator.GetInt32(0, 256);
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var net = outer is null ? "10.237" : "10.238";
        Name = (outer is null ? "vape-media-" : "vape-learner-") + tag;
        _veth = (outer is null ? "vm" : "vl") + tag;
        _subnet = $"{net}.{n}.0/30";
        Outside = $"{net}.{n}.1";
        Inside = $"{net}.{n}.2";
        Run("ip", "netns", "add", Name);
        try
        {
            Run("ip", "link", "add", _veth + "a", "type", "veth", "peer", "name", _veth + "b");
            Run("ip", "link", "set", _veth + "b", "netns", Name);
            if (outer is not null) Run("ip", "link", "set", _veth + "a", "netns", outer.Name);
            OnOuterEnd("ip", "addr", "add", Outside + "/30", "dev", _veth + "a");
            OnOuterEnd("ip", "link", "set", _veth + "a", "up");
            In("ip", "addr", "add", Inside + "/30", "dev", _veth + "b");
            In("ip", "link", "set", _veth + "b", "up");
            In("ip", "link", "set", "lo", "up");
            if (outer is null) return;
            // The host is reached through the outer namespace, which forwards; the host's answers come back by a route
            // to this pair's subnet through the outer namespace (removed with it).
            In("ip", "route", "add", "default", "via", Outside);
            outer.In("sysctl", "-qw", "net.ipv4.ip_forward=1");
            Run("ip", "route", "add", _subnet, "via", outer.Inside);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>A namespace behind this one: all it exchanges with this namespace and the host crosses its own pair.</summary>
    public NetworkNamespace Behind() => new(this);

    /// <summary>
    /// What this namespace downloads is held to `kbit` kbit/s: a token bucket on the outer end of its pair (beyond it,
    /// packets are dropped); what it sends is not touched.
    /// </summary>
    public void Throttle(int kbit) =>
        OnOuterEnd("tc", "qdisc", "replace", "dev", _veth + "a", "root", "tbf", "rate", $"{kbit}kbit", "burst", "3000", "latency", "300ms");

    public void Unthrottle() => OnOuterEnd("tc", "qdisc", "del", "dev", _veth + "a", "root");

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
        if (_outer is null) Try("ip", "link", "del", _veth + "a");
        else
        {
            Try("ip", "route", "del", _subnet);
            Try("ip", "netns", "exec", _outer.Name, "ip", "link", "del", _veth + "a");
        }
        Try("ip", "netns", "del", Name);
        try { File.Delete(Path.Combine(Path.GetTempPath(), Name + "-chromium.sh")); } catch (IOException) { }
    }

    private void In(params string[] args) => Run("ip", ["netns", "exec", Name, .. args]);

    private void OnOuterEnd(params string[] args)
    {
        if (_outer is null) Run(args[0], args[1..]);
        else _outer.In(args);
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
