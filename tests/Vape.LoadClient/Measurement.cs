using System.Collections.Concurrent;
using System.Diagnostics;

namespace Vape.LoadClient;

/// <summary>
/// What every receiver heard: each message carries a sequence number and the sender's timestamp (same process,
/// so one clock). From it: deliveries per second, latency percentiles, lost and duplicated deliveries.
/// </summary>
public sealed class Measurement(int receivers, int messages)
{
    private readonly ConcurrentDictionary<(int Receiver, long Sequence), byte> _seen = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private long _duplicates;
    private long _firstSent;
    private long _lastReceived;

    public void Sent(long timestamp) => Interlocked.CompareExchange(ref _firstSent, timestamp, 0);

    public void Received(int receiver, long sequence, long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_seen.TryAdd((receiver, sequence), 0))
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        _latencies.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
        long last;
        while (now > (last = Interlocked.Read(ref _lastReceived)) && Interlocked.CompareExchange(ref _lastReceived, now, last) != last) { }
    }

    public long Expected => (long)receivers * messages;

    public long Delivered => _seen.Count;

    /// <summary>Waits until every delivery arrived or nothing new arrived for `quiet`.</summary>
    public async Task SettleAsync(TimeSpan quiet)
    {
        var last = -1L;
        var still = Stopwatch.StartNew();
        while (Delivered < Expected)
        {
            await Task.Delay(100);
            if (Delivered != last) { last = Delivered; still.Restart(); }
            else if (still.Elapsed > quiet) break;
        }
    }

    public Result Summarise(string name)
    {
        var sorted = _latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        var seconds = _lastReceived > _firstSent ? Stopwatch.GetElapsedTime(_firstSent, _lastReceived).TotalSeconds : double.NaN;
        return new Result(name, receivers, messages, Delivered, Expected - Delivered, Interlocked.Read(ref _duplicates),
            Delivered / seconds, Percentile(0.50), Percentile(0.99));
    }
}

/// <summary>
/// The stream versions each receiver heard, in the order they arrived. A window [from, to] of a room's versions
/// (what its sender's calls returned) must reach every receiver of that room: each version once, in order.
/// </summary>
public sealed class VersionLog(int receivers)
{
    private readonly List<long>[] _heard = [.. Enumerable.Range(0, receivers).Select(_ => new List<long>())];
    private readonly long[] _start = new long[receivers];

    /// <summary>The version a receiver's snapshot (or channel list) stood at: later versions are what it must hear.</summary>
    public void Start(int receiver, long version)
    {
        lock (_heard[receiver]) _start[receiver] = Math.Max(_start[receiver], version);
    }

    public void Heard(int receiver, long version)
    {
        lock (_heard[receiver]) _heard[receiver].Add(version);
    }

    /// <summary>The highest version any of `receivers` started at: the room's version once they have all joined.</summary>
    public long MaxStart(IEnumerable<int> receivers) => receivers.Max(i => { lock (_heard[i]) return _start[i]; });

    /// <summary>The versions after a receiver's start and before `until` that it has not heard.</summary>
    public List<long> Missing(int receiver, long until)
    {
        HashSet<long> heard;
        long start;
        lock (_heard[receiver]) { heard = [.. _heard[receiver]]; start = _start[receiver]; }
        var missing = new List<long>();
        for (var v = start + 1; v < until; v++)
            if (!heard.Contains(v)) missing.Add(v);
        return missing;
    }

    /// <summary>For every receiver i, the versions window(i) = [from, to]: missing, heard twice, heard after a later one.</summary>
    public VersionCheck Check(Func<int, (long From, long To)> window, IEnumerable<int>? only = null)
    {
        long missing = 0, repeated = 0, outOfOrder = 0;
        var affected = 0;
        foreach (var i in only ?? Enumerable.Range(0, receivers))
        {
            var (from, to) = window(i);
            List<long> heard;
            lock (_heard[i]) heard = [.. _heard[i].Where(v => v >= from && v <= to)];
            var distinct = heard.Distinct().Count();
            var m = (to - from + 1) - distinct;
            var r = heard.Count - distinct;
            var o = heard.Zip(heard.Skip(1)).Count(p => p.Second < p.First);
            missing += m;
            repeated += r;
            outOfOrder += o;
            if (m + r + o > 0) affected++;
        }
        return new VersionCheck(missing, repeated, outOfOrder, affected);
    }
}

/// <summary>Of a window of versions every receiver should have heard: missing (gaps), repeated, out of order; receivers affected.</summary>
public sealed record VersionCheck(long Missing, long Repeated, long OutOfOrder, int Receivers)
{
    public bool Clean => Missing == 0 && Repeated == 0 && OutOfOrder == 0;

    public override string ToString() => $"gaps {Missing} repeated {Repeated} out of order {OutOfOrder} (receivers affected {Receivers})";
}

public sealed record Result(string Name, int Receivers, int Messages, long Delivered, long Lost, long Duplicated,
    double DeliveriesPerSecond, double P50Ms, double P99Ms)
{
    /// <summary>Stream versions (Vape scenarios); the bare hub has none.</summary>
    public VersionCheck? Versions { get; init; }

    /// <summary>Lines printed under the result (per room figures, roll-up checks).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A check beyond lost, duplicated and versions failed (say why in Notes).</summary>
    public bool Failed { get; init; }

    public bool Ok => Lost == 0 && Duplicated == 0 && Versions is null or { Clean: true } && !Failed;

    public override string ToString() =>
        $"{Name,-34} receivers {Receivers,5}  messages {Messages,4}  delivered {Delivered,8}  lost {Lost,5}  duplicated {Duplicated,3}  " +
        $"{DeliveriesPerSecond,7:0} deliveries/s  p50 {P50Ms,7:0.0} ms  p99 {P99Ms,7:0.0} ms" +
        (Versions is null ? "" : $"  versions: {Versions}");
}
