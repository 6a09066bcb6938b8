using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Reports;

namespace Vape.Benchmarks;

/// <summary>
/// docs/performance.md is written by the runner, not by hand (issue #20): after a real run (never the smoke mode),
/// each benchmark class's rows in its module's table (between `&lt;!-- figures:Module --&gt;` and
/// `&lt;!-- /figures:Module --&gt;`, the rows whose first cell starts with the class name in backticks and a space) are
/// replaced by this run's figures, with date, machine and command; the row's goal is kept. A row of what a set-up
/// measured beside BenchmarkDotNet (`` `Class`'s set-up: figure ``) is replaced by what the set-up noted this run
/// (<see cref="NoteSetUp"/>), and kept as it is when it noted nothing. `VAPE_FIGURES=0` runs without writing.
/// </summary>
public static class PerformanceFile
{
    public const string Variable = "VAPE_FIGURES";

    /// <summary>The module whose table holds a benchmark class, by the class name's start.</summary>
    private static readonly (string Prefix, string Module)[] Modules =
    [
        ("Classroom", "Classes"), ("Content", "Content"), ("LibrarySearch", "Content"), ("Coordination", "Coordination"),
        ("CostLimit", "GraphQL"), ("GraphQLOverhead", "GraphQL"), ("Funds", "Funds"), ("Organization", "Organization"),
        ("Records", "Records"),
    ];

    public static string? ModuleOf(Type benchmark) =>
        Modules.Where(m => benchmark.Name.StartsWith(m.Prefix, StringComparison.Ordinal)).Select(m => m.Module).FirstOrDefault();

    public sealed record Row(string Benchmark, string Baseline, string Figures, string Measured);

    /// <summary>The taking-turns medians each set-up measured in this process (ADR 0055), by benchmark class.</summary>
    private static readonly ConcurrentQueue<(Type Benchmark, double Bare, double Vape)> Turns = new();

    /// <summary>What set-ups measured beside BenchmarkDotNet (memory per learner, join-to-snapshot), by class and figure.</summary>
    private static readonly ConcurrentQueue<(Type Benchmark, string Figure, string Baseline, string Figures)> SetUps = new();

    /// <summary>
    /// A figure a set-up measured, for its row `` `Class`'s set-up: <paramref name="figure"/> `` (never in the smoke
    /// mode). Several set-ups in one run are written side by side.
    /// </summary>
    public static void NoteSetUp(Type benchmark, string figure, string baseline, string figures)
    {
        if (!Smoke.On) SetUps.Enqueue((benchmark, figure, baseline, figures));
    }

    /// <summary>Called by <see cref="TakingTurns"/>: the class is the benchmark on the caller's stack.</summary>
    internal static void NoteTurns(Type? benchmark, double bare, double vape)
    {
        if (benchmark is not null && !Smoke.On) Turns.Enqueue((benchmark, bare, vape));
    }

    /// <summary>Rewrites docs/performance.md after a BenchmarkDotNet run; tells <paramref name="log"/> what it wrote or why not.</summary>
    public static void WriteAfterRun(IEnumerable<Summary> summaries, string[] args, TextWriter log)
    {
        if (Smoke.On || Environment.GetEnvironmentVariable(Variable) is "0" or "false") return;
        var file = Find();
        var text = File.ReadAllText(file);
        var measured = Measured(args);
        var summaryOf = summaries.SelectMany(s => s.Reports.Select(r => (Report: r, Summary: s))).ToDictionary(x => x.Report, x => x.Summary);
        foreach (var group in summaryOf.Keys.GroupBy(r => r.BenchmarkCase.Descriptor.Type))
        {
            var type = group.Key;
            if (group.Any(r => !r.Success || r.ResultStatistics is null))
            {
                log.WriteLine($"// docs/performance.md: {type.Name} not written (a benchmark of it failed)");
                continue;
            }
            if (ModuleOf(type) is not { } module)
            {
                log.WriteLine($"// docs/performance.md: {type.Name} has no module table");
                continue;
            }
            var turns = Turns.Where(t => t.Benchmark == type).Select(t => t.Bare / t.Vape).ToList();
            text = Rewrite(text, module, type.Name, RowsOf(group.ToList(), turns, measured, r => CustomColumns(summaryOf[r], r)));
            foreach (var figure in SetUps.Where(s => s.Benchmark == type).GroupBy(s => (s.Figure, s.Baseline)))
                text = RewriteSetUp(text, module, type.Name, new Row(figure.Key.Figure, figure.Key.Baseline, string.Join(" / ", figure.Select(f => f.Figures)), measured));
            log.WriteLine($"// docs/performance.md: {type.Name} written in the {module} table");
        }
        File.WriteAllText(file, text);
    }

    /// <summary>A class's own columns (a p99, say: what its goal may be about), as "name value" pairs.</summary>
    private static string? CustomColumns(Summary summary, BenchmarkReport report)
    {
        var values = summary.GetColumns().Where(c => c.Category == BenchmarkDotNet.Columns.ColumnCategory.Custom && c.IsAvailable(summary))
            .Select(c => (c.ColumnName, Value: c.GetValue(summary, report.BenchmarkCase))).Where(c => !string.IsNullOrWhiteSpace(c.Value) && c.Value != "-")
            .Select(c => $"{c.ColumnName} {c.Value}").ToList();
        return values.Count > 0 ? string.Join("; ", values) : null;
    }

    /// <summary>One row per benchmark method that is not the class's baseline, against the baseline (and the class's own columns).</summary>
    public static IReadOnlyList<Row> RowsOf(IReadOnlyList<BenchmarkReport> reports, IReadOnlyList<double> turns, string measured,
        Func<BenchmarkReport, string?>? custom = null)
    {
        var baseline = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
        var rows = new List<Row>();
        foreach (var report in reports.Where(r => r != baseline))
        {
            var figures = "BenchmarkDotNet: mean " + Time(report.ResultStatistics!.Mean);
            if (baseline is not null)
                figures += " vs " + Time(baseline.ResultStatistics!.Mean) + Invariant($"; ratio (Vape time / baseline) {report.ResultStatistics.Mean / baseline.ResultStatistics!.Mean:0.00}");
            else
                figures += "; median " + Time(report.ResultStatistics.Median) + ", p95 " + Time(report.ResultStatistics.Percentiles.P95);
            if (Allocated(report) is { } bytes)
                figures += "; allocated " + Bytes(bytes) + (baseline is not null && Allocated(baseline) is { } b ? " vs " + Bytes(b) : "");
            if (custom?.Invoke(report) is { } own)
                figures += "; " + own + (baseline is not null && custom(baseline) is { } theirs ? " (baseline: " + theirs + ")" : "");
            if (rows.Count == 0 && turns.Count > 0)
                figures = "taking turns (Vape's rate / the baseline's): " + string.Join(", ", turns.Select(t => Invariant($"{t:0.00}×"))) + "; " + figures;
            rows.Add(new Row(Name(report), baseline is null ? "—" : Name(baseline), figures, measured));
        }
        return rows;
    }

    /// <summary>Replaces <paramref name="benchmark"/>'s rows of <paramref name="module"/>'s table, keeping their goal.</summary>
    public static string Rewrite(string markdown, string module, string benchmark, IReadOnlyList<Row> rows) =>
        Replace(markdown, module, $"| `{benchmark}` ", rows.Select(r => Line($"`{benchmark}` {Cell(r.Benchmark)}", r)).ToList());

    /// <summary>Replaces the row `` `benchmark`'s set-up: figure `` (<see cref="Row.Benchmark"/>) of the table, keeping its goal.</summary>
    public static string RewriteSetUp(string markdown, string module, string benchmark, Row row)
    {
        var name = $"`{benchmark}`'s set-up: {Cell(row.Benchmark)}";
        return Replace(markdown, module, $"| {name} |", [Line(name, row)]);
    }

    private static Func<string, string> Line(string name, Row row) =>
        goal => $"| {name} | {Cell(row.Baseline)} | {Cell(row.Figures)} | {goal} | {Cell(row.Measured)} |";

    /// <summary>Replaces the rows of the module's table that start with <paramref name="start"/>, each new one given the old goal.</summary>
    private static string Replace(string markdown, string module, string start, IReadOnlyList<Func<string, string>> rows)
    {
        var begin = $"<!-- figures:{module} -->";
        var end = $"<!-- /figures:{module} -->";
        var lines = markdown.Split('\n').ToList();
        var first = lines.IndexOf(begin);
        var last = lines.IndexOf(end);
        if (first < 0 || last < first) throw new InvalidOperationException($"docs/performance.md has no table between {begin} and {end}");
        var mine = Enumerable.Range(first + 1, last - first - 1).Where(i => lines[i].StartsWith(start, StringComparison.Ordinal)).ToList();
        var goal = mine.Count > 0 ? Cells(lines[mine[0]]) is { Length: > 3 } cells ? cells[3] : "—" : "—";
        var at = mine.Count > 0 ? mine[0] : last;
        foreach (var i in mine.OrderDescending()) lines.RemoveAt(i);
        lines.InsertRange(at, rows.Select(r => r(goal)));
        return string.Join('\n', lines);
    }

    private static string[] Cells(string row) => row.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();

    private static string Cell(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");

    private static string Name(BenchmarkReport report)
    {
        var descriptor = report.BenchmarkCase.Descriptor;
        var name = descriptor.WorkloadMethod.GetCustomAttribute<BenchmarkAttribute>()?.Description ?? descriptor.WorkloadMethod.Name;
        var parameters = report.BenchmarkCase.Parameters.DisplayInfo;
        return parameters.Length > 0 ? $"{name} ({parameters})" : name;
    }

    private static long? Allocated(BenchmarkReport report) =>
        report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is long bytes && bytes > 0 ? bytes : null;

    /// <summary>When, on what and with which command: "2026-12-06 17:10 UTC, 2-core, 24 GiB, Debian …, load average …".</summary>
    public static string Measured(string[] args)
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var bdn = typeof(Summary).Assembly.GetName().Version?.ToString(3);
        return Invariant($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount}-core, {memory:0} GiB, {RuntimeInformation.OSDescription}, load average {load} at the end, ")
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, .NET {Environment.Version}, BenchmarkDotNet {bdn}, "
            + $"`dotnet run -c Release --project tests/Vape.Benchmarks -- {string.Join(' ', args)}`";
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => Invariant($"{nanoseconds:0.0} ns"),
        < 1e6 => Invariant($"{nanoseconds / 1e3:0.0} µs"),
        < 1e9 => Invariant($"{nanoseconds / 1e6:0.00} ms"),
        _ => Invariant($"{nanoseconds / 1e9:0.00} s"),
    };

    private static string Bytes(long bytes) => bytes < 10_000 ? Invariant($"{bytes:N0} B") : Invariant($"{bytes / 1024.0:N0} KB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>docs/performance.md of the checkout this runs from.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return Path.Combine(dir.FullName, "docs", "performance.md");
        throw new InvalidOperationException("Vape.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The benchmark class on the current stack (its set-up calling), if any.</summary>
    internal static Type? CallingBenchmark()
    {
        foreach (var frame in new StackTrace().GetFrames())
            for (var type = frame.GetMethod()?.DeclaringType; type is not null; type = type.DeclaringType)
                if (Smoke.Benchmarks.Contains(type)) return type;
        return null;
    }
}
