using System.Diagnostics;

namespace Vape.Benchmarks;

/// <summary>
/// A baseline and Vape run one after the other, turn by turn (which goes first alternates), after some turns to warm
/// up: both sides meet the same state of the machine, which BenchmarkDotNet's one-side-then-the-other runs do not
/// (on a 2-core machine PostgreSQL's housekeeping, tiered JIT and GC make whole runs of iterations slower).
/// </summary>
public static class TakingTurns
{
    /// <summary>The median milliseconds of each side, and the baseline's median over Vape's (Vape's rate as a fraction of the baseline's).</summary>
    public static async Task<(double Bare, double Vape, double Ratio)> MeasureAsync(Func<Task> bare, Func<Task> vape, int turns, int warmUp)
    {
        // Before the first await, while the benchmark's set-up is still on the stack: docs/performance.md names it.
        var benchmark = PerformanceFile.CallingBenchmark();
        var bareTimes = new List<double>();
        var vapeTimes = new List<double>();
        for (var turn = 0; turn < warmUp + turns; turn++)
        {
            double b, v;
            if (turn % 2 == 0)
            {
                b = await TimeAsync(bare);
                v = await TimeAsync(vape);
            }
            else
            {
                v = await TimeAsync(vape);
                b = await TimeAsync(bare);
            }
            if (turn < warmUp) continue;
            bareTimes.Add(b);
            vapeTimes.Add(v);
        }
        var bareMedian = Median(bareTimes);
        var vapeMedian = Median(vapeTimes);
        PerformanceFile.NoteTurns(benchmark, bareMedian, vapeMedian);
        return (bareMedian, vapeMedian, bareMedian / vapeMedian);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalMilliseconds;
    }
}
