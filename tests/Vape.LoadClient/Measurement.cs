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

public sealed record Result(string Name, int Receivers, int Messages, long Delivered, long Lost, long Duplicated,
    double DeliveriesPerSecond, double P50Ms, double P99Ms)
{
    public override string ToString() =>
        $"{Name,-28} receivers {Receivers,5}  messages {Messages,4}  delivered {Delivered,8}  lost {Lost,5}  duplicated {Duplicated,3}  " +
        $"{DeliveriesPerSecond,9:0} deliveries/s  p50 {P50Ms,7:0.0} ms  p99 {P99Ms,7:0.0} ms";
}
