using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Vape.Benchmarks;

/// <summary>
/// A column of what a benchmark class timed itself, query by query (a p99, say), by benchmark method: shown in
/// BenchmarkDotNet's table and written by <see cref="PerformanceFile"/> beside the means.
/// </summary>
internal abstract class TimedColumn(string name, string legend) : IColumn
{
    public string Id => GetType().Name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => Value(benchmarkCase.Descriptor.WorkloadMethod.Name) ?? "-";

    /// <summary>The cell of one benchmark method; null when it timed nothing.</summary>
    protected abstract string? Value(string method);

    /// <summary>The <paramref name="p"/> percentile (0.99: the p99) of the times, nearest rank; null when there are none.</summary>
    public static double? Percentile(IEnumerable<double>? times, double p)
    {
        var sorted = (times ?? []).Order().ToArray();
        return sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * p) - 1, 0, sorted.Length - 1)];
    }
}
