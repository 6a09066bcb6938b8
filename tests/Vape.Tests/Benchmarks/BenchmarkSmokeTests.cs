using System.Text;
using Vape.Benchmarks;
using Xunit.Abstractions;

namespace Vape.Tests.Benchmarks;

/// <summary>
/// Every benchmark class of tests/Vape.Benchmarks once, briefly, in the test command, so that none can rot unseen
/// (the project's rule): set-up, each benchmark method once, clean-up, on small data (<see cref="Smoke"/>). The
/// benchmarks check their answers (both sides the same rows, the expected counts) and throw on a wrong one; nothing
/// is timed here. One case per class, so a failure names it.
/// </summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Benchmarks => new(Smoke.Benchmarks.Select(t => t.Name));

    [Fact]
    public void Every_benchmark_class_is_found()
    {
        // 17 classes today; a class added later joins the theory below by itself.
        Smoke.Benchmarks.Count.ShouldBeGreaterThanOrEqualTo(17);
        Smoke.Benchmarks.ShouldContain(typeof(GraphQLOverheadBenchmark));
    }

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public async Task Runs_once_on_small_data_with_its_answers_checked(string benchmark)
    {
        var log = new StringWriter(new StringBuilder());
        var figures = await File.ReadAllTextAsync(PerformanceFile.Find());
        try
        {
            await Smoke.RunAsync(Smoke.Benchmarks.Single(t => t.Name == benchmark), log);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }
        // The smoke mode measures nothing, so it writes no figure (ADR 0173).
        (await File.ReadAllTextAsync(PerformanceFile.Find())).ShouldBe(figures);
    }
}
