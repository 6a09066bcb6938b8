using System.Diagnostics;
using System.Security.Cryptography;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A learner's own network namespace behind the media namespace, as a village phone behind its weak link: a veth pair
/// from the media namespace (where Janus is) to this one, where a Chromium of its own runs. Everything the learner's
/// page receives from Janus crosses the pair, so `tc` on the media side's end throttles what the learner downloads
/// (and nothing else). The host is reached through the media namespace (it forwards; a route back is added outside,
/// on the pair this run made). Removed afterwards.
/// </summary>
public sealed class ThrottledLearner : IDisposable
{
    private readonly NetworkNamespace _media;
    private readonly string _veth;
    private readonly string _subnet;

    public string Name { get; }

    public ThrottledLearner(NetworkNamespace media)
    {
        _media = media;
        var n = RandomNumberGenerator.GetInt32(0, 256);
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        Name = "vape-learner-" + tag;
        _veth = "vl" + tag;
        _subnet = $"10.238.{n}.0/30";
        var (gateway, inside) = ($"10.238.{n}.1", $"10.238.{n}.2");
        Run("ip", "netns", "add", Name);
        try
        {
            Run("ip", "link", "add", _veth + "a", "type", "veth", "peer", "name", _veth + "b");
            Run("ip", "link", "set", _veth + "a", "netns", media.Name);
            Run("ip", "link", "set", _veth + "b", "netns", Name);
            InMedia("ip", "addr", "add", gateway + "/30", "dev", _veth + "a");
            InMedia("ip", "link", "set", _veth + "a", "up");
            InMedia("sysctl", "-qw", "net.ipv4.ip_forward=1");
            Run("ip", "netns", "exec", Name, "ip", "addr", "add", inside + "/30", "dev", _veth + "b");
            Run("ip", "netns", "exec", Name, "ip", "link", "set", _veth + "b", "up");
            Run("ip", "netns", "exec", Name, "ip", "link", "set", "lo", "up");
            Run("ip", "netns", "exec", Name, "ip", "route", "add", "default", "via", gateway);
            // The host listens outside, on the media pair's outer address: its answers to the learner go back through the media namespace.
            Run("ip", "route", "add", _subnet, "via", media.Inside);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>What the learner downloads is held to `kbit` kbit/s (a token bucket on the media side's end: beyond it, packets are dropped).</summary>
    public void Throttle(int kbit) =>
        InMedia("tc", "qdisc", "replace", "dev", _veth + "a", "root", "tbf", "rate", $"{kbit}kbit", "burst", "3000", "latency", "300ms");

    public void Unthrottle() => InMedia("tc", "qdisc", "del", "dev", _veth + "a", "root");

    /// <summary>A script that runs Chromium inside the learner's namespace (Playwright talks to it over a pipe).</summary>
    public string ChromiumWrapper()
    {
        var path = Path.Combine(Path.GetTempPath(), Name + "-chromium.sh");
        File.WriteAllText(path, $"#!/bin/sh\nexec ip netns exec {Name} /usr/bin/chromium \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        Try("ip", "route", "del", _subnet);
        Try("ip", "netns", "exec", _media.Name, "ip", "link", "del", _veth + "a");
        Try("ip", "netns", "del", Name);
        try { File.Delete(Path.Combine(Path.GetTempPath(), Name + "-chromium.sh")); } catch (IOException) { }
    }

    private void InMedia(params string[] args) => Run("ip", ["netns", "exec", _media.Name, .. args]);

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
