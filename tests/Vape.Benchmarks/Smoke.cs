using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Vape.Benchmarks;

/// <summary>
/// The smoke mode: every benchmark class once, briefly, in the test command, so that none can rot unseen. Its
/// `[GlobalSetup]`, each `[Benchmark]` method once (with its `[IterationSetup]`/`[IterationCleanup]`), its
/// `[GlobalCleanup]`, as BenchmarkDotNet would call them, on smaller data (<see cref="Size"/>: 1,000 connections
/// become 20, the national tree the seeder's small one in a database of its own). The benchmarks check their own
/// answers (both sides find the same rows, the expected counts) and throw otherwise; nothing here is timed.
/// `VAPE_BENCH_SMOKE=1`, or <see cref="On"/> set by the runner (`BenchmarkSmokeTests`, or
/// `dotnet run --project tests/Vape.Benchmarks -- --smoke [name]`).
/// </summary>
public static class Smoke
{
    public const string Variable = "VAPE_BENCH_SMOKE";

    public static bool On { get; set; } = Environment.GetEnvironmentVariable(Variable) is "1" or "true";

    /// <summary>The full benchmark's size, or the smoke run's.</summary>
    public static int Size(int full, int smoke) => On ? smoke : full;

    /// <summary>Every class of this assembly with a `[Benchmark]` method.</summary>
    public static IReadOnlyList<Type> Benchmarks { get; } = typeof(Smoke).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute))))
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Runs one benchmark class in the smoke mode; writes what each method returned to <paramref name="log"/>.</summary>
    public static async Task RunAsync(Type type, TextWriter log)
    {
        On = true;
        var instance = Activator.CreateInstance(type) ?? throw new InvalidOperationException($"cannot create {type.Name}");
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken).ToList();
        var benchmarks = methods.Where(m => m.IsDefined(typeof(BenchmarkAttribute))).ToList();
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var setup in Targeting<GlobalSetupAttribute>(methods, null, a => a.Targets)) await InvokeAsync(instance, setup);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type.Name}: set up in {clock.Elapsed.TotalSeconds:F1} s"));
            foreach (var benchmark in benchmarks)
            {
                foreach (var setup in Targeting<IterationSetupAttribute>(methods, benchmark.Name, a => a.Targets)) await InvokeAsync(instance, setup);
                var result = await InvokeAsync(instance, benchmark);
                foreach (var cleanup in Targeting<IterationCleanupAttribute>(methods, benchmark.Name, a => a.Targets)) await InvokeAsync(instance, cleanup);
                log.WriteLine($"{type.Name}.{benchmark.Name}: {result ?? "done"}");
            }
        }
        finally
        {
            foreach (var cleanup in Targeting<GlobalCleanupAttribute>(methods, null, a => a.Targets)) await InvokeAsync(instance, cleanup);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type.Name}: {clock.Elapsed.TotalSeconds:F1} s in all"));
        }
    }

    /// <summary>The methods carrying the attribute for this benchmark (no targets: for every benchmark); for the global ones, all.</summary>
    private static IEnumerable<MethodInfo> Targeting<T>(List<MethodInfo> methods, string? benchmark, Func<T, string[]> targets) where T : Attribute =>
        methods.Where(m => m.GetCustomAttribute<T>() is { } a && (benchmark is null || targets(a) is not { Length: > 0 } t || t.Contains(benchmark)));

    private static async Task<object?> InvokeAsync(object instance, MethodInfo method)
    {
        object? result;
        try
        {
            result = method.Invoke(instance, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        switch (result)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } value && value.PropertyType.Name != "VoidTaskResult" ? value.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return result;
        }
    }
}
