using System.Diagnostics;
using System.Security.Cryptography;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A network namespace this test run makes (as root): a veth pair, `Outside` on the outer end and `Inside` in it,
/// removed afterwards. WebRTC skips loopback (Janus and Chromium both), and tests send traffic only to loopback or
/// into a namespace they made: Janus and Chromium run inside the media namespace (`10.237.N.0/30`, its outer end on
/// the host), the in-memory host reaches Janus's admin API over the pair. <see cref="ThrottleSentFrom"/> makes a weak
/// link of what Janus sends (ADR 0316).
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
            In("ip", "addr", "add", Inside + "/30", "dev", _veth + "b");
            In("ip", "link", "set", _veth + "b", "up");
            In("ip", "link", "set", "lo", "up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// What is sent inside this namespace from UDP ports `port`/`mask` (a Janus node's media) is held to `kbit` kbit/s.
    /// Janus and Chromium both run in here and talk over its loopback: an HTB on `lo` sends those packets through a
    /// class of that rate with a short queue (beyond it, they are dropped) and everything else as before.
    /// </summary>
    public void ThrottleSentFrom(int port, int mask, int kbit)
    {
        In("tc", "qdisc", "replace", "dev", "lo", "root", "handle", "1:", "htb", "default", "10");
        In("tc", "class", "add", "dev", "lo", "parent", "1:", "classid", "1:10", "htb", "rate", "10gbit", "quantum", "200000");
        In("tc", "class", "add", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", "rate", $"{kbit}kbit", "ceil", $"{kbit}kbit",
            "burst", "3000", "cburst", "3000", "quantum", "1514");
        In("tc", "qdisc", "add", "dev", "lo", "parent", "1:20", "handle", "20:", "bfifo", "limit", "3000");
        In("tc", "filter", "add", "dev", "lo", "parent", "1:", "protocol", "ip", "prio", "1", "u32", "match", "ip", "protocol", "17", "0xff",
            "match", "ip", "sport", port.ToString(System.Globalization.CultureInfo.InvariantCulture), $"0x{mask:x}", "flowid", "1:20");
    }

    /// <summary>What went through <see cref="ThrottleSentFrom"/>'s class so far: packets sent and dropped.</summary>
    public (long Sent, long Dropped) ThrottledPackets()
    {
        var start = new ProcessStartInfo("ip", ["netns", "exec", Name, "tc", "-s", "class", "show", "dev", "lo", "classid", "1:20"]) { RedirectStandardOutput = true };
        using var p = Process.Start(start)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var m = System.Text.RegularExpressions.Regex.Match(text, @"Sent \d+ bytes (\d+) pkt \(dropped (\d+)");
        return m.Success ? (long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : (0, 0);
    }

    public void UnthrottleSent() => Try("ip", "netns", "exec", Name, "tc", "qdisc", "del", "dev", "lo", "root");

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

    private void In(params string[] args) => Run("ip", ["netns", "exec", Name, .. args]);

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
