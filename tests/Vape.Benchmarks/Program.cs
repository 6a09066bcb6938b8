using System.Globalization;
using BenchmarkDotNet.Running;

namespace Vape.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/Vape.Benchmarks -- --filter '*'` (no top-level statements: `Program` is the host's);
/// `-- --smoke [class name …]`: each benchmark once on small data, its answers checked, not timed (<see cref="Smoke"/>);
/// after a real run, each class's rows of docs/performance.md are rewritten (<see cref="PerformanceFile"/>);
/// `-- --split records-append [seconds]`: where a record append's cost goes (<see cref="RecordsAppendSplit"/>).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--smoke", .. var names])
        {
            foreach (var type in Smoke.Benchmarks.Where(t => names.Length == 0 || names.Any(n => t.Name.Contains(n, StringComparison.OrdinalIgnoreCase))))
                await Smoke.RunAsync(type, Console.Out);
            return 0;
        }
        if (args is ["--split", "records-append", .. var rest])
        {
            await RecordsAppendSplit.RunAsync(rest is [var seconds] ? int.Parse(seconds, CultureInfo.InvariantCulture) : 10, Console.Out);
            return 0;
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        PerformanceFile.WriteAfterRun(summaries, args, Console.Out);
        return 0;
    }
}
