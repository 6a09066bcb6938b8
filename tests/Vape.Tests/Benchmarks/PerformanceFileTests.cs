using Vape.Benchmarks;
using Vape.Tests.Support;

namespace Vape.Tests.Benchmarks;

/// <summary>
/// docs/performance.md is rewritten by the benchmark runner after a real run (ADR 0173): only the rows of the classes
/// it ran, in their module's table, keeping each row's goal. Tested on the page's text, without running a benchmark.
/// </summary>
public sealed class PerformanceFileTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repo.Root, "docs/performance.md"));

    [Fact]
    public void Every_benchmark_class_has_rows_in_its_modules_table()
    {
        foreach (var type in Smoke.Benchmarks)
        {
            var module = PerformanceFile.ModuleOf(type);
            module.ShouldNotBeNull($"{type.Name} belongs to no module's table");
            var table = Table(Page, module);
            table.ShouldContain($"| `{type.Name}`", customMessage: $"{type.Name} has no row in the {module} table");
        }
    }

    [Fact]
    public void A_run_rewrites_only_its_classes_rows_and_keeps_their_goal()
    {
        var rows = new[] { new PerformanceFile.Row("POST /graphql", "plain endpoint", "BenchmarkDotNet: mean 1.00 ms vs 0.50 ms; ratio 2.00", "2026-12-06 17:00 UTC, test") };

        var rewritten = PerformanceFile.Rewrite(Page, "GraphQL", nameof(GraphQLOverheadBenchmark), rows);

        var table = Table(rewritten, "GraphQL");
        table.Split('\n').Count(l => l.StartsWith("| `GraphQLOverheadBenchmark` ", StringComparison.Ordinal)).ShouldBe(1);
        table.ShouldContain("| `GraphQLOverheadBenchmark` POST /graphql | plain endpoint | BenchmarkDotNet: mean 1.00 ms vs 0.50 ms; ratio 2.00 | — | 2026-12-06 17:00 UTC, test |");
        // The other class's row, its goal, and every other table are as they were.
        var other = Table(Page, "GraphQL").Split('\n').Single(l => l.StartsWith("| `CostLimitBenchmark` ", StringComparison.Ordinal));
        table.Split('\n').ShouldContain(other);
        Table(rewritten, "Classes").ShouldBe(Table(Page, "Classes"));
        rewritten.Replace(Table(rewritten, "GraphQL"), "").ShouldBe(Page.Replace(Table(Page, "GraphQL"), ""));
    }

    [Fact]
    public void A_rewritten_row_keeps_the_goal_written_in_the_page()
    {
        var rows = new[] { new PerformanceFile.Row("chat", "bare hub", "taking turns 0.90×", "today") };
        var table = Table(PerformanceFile.Rewrite(Page, "Classes", nameof(ClassroomBroadcastBenchmark), rows), "Classes");
        // The goal the page has now (a real run rewrites its wording, so it is read, not written out here).
        var goal = Table(Page, "Classes").Split('\n').First(l => l.StartsWith("| `ClassroomBroadcastBenchmark` ", StringComparison.Ordinal)).Split(" | ")[3];
        goal.ShouldStartWith("≥ 0.8×");
        table.ShouldContain($"| `ClassroomBroadcastBenchmark` chat | bare hub | taking turns 0.90× | {goal} | today |");
        table.Split('\n').Count(l => l.StartsWith("| `ClassroomBroadcastBenchmark` ", StringComparison.Ordinal)).ShouldBe(1);
        // What the set-up only prints is not the runner's to replace.
        table.ShouldContain("| `ClassroomBroadcastBenchmark`'s set-up: memory per connected learner");
    }

    [Fact]
    public void A_set_ups_figure_replaces_its_own_row_and_keeps_its_goal()
    {
        var memory = new PerformanceFile.Row("memory per connected learner", "bare hub connection", "1.25× (Vape classroom 50,000 B, bare hub 40,000 B, 1,000 learners)", "today");
        var rewritten = PerformanceFile.RewriteSetUp(Page, "Classes", nameof(ClassroomBroadcastBenchmark), memory);

        var table = Table(rewritten, "Classes");
        var before = Table(Page, "Classes").Split('\n');
        var goal = before.Single(l => l.StartsWith("| `ClassroomBroadcastBenchmark`'s set-up: memory per connected learner |", StringComparison.Ordinal)).Split(" | ")[3];
        table.ShouldContain($"| `ClassroomBroadcastBenchmark`'s set-up: memory per connected learner | bare hub connection | 1.25× (Vape classroom 50,000 B, bare hub 40,000 B, 1,000 learners) | {goal} | today |");
        table.Split('\n').Count(l => l.StartsWith("| `ClassroomBroadcastBenchmark`'s set-up: memory per connected learner |", StringComparison.Ordinal)).ShouldBe(1);
        // The class's other rows, the other set-up row and the other tables are as they were.
        foreach (var line in before.Where(l => l.StartsWith("| `ClassroomBroadcastBenchmark`", StringComparison.Ordinal) && !l.Contains("memory per connected learner"))) table.Split('\n').ShouldContain(line);
        rewritten.Replace(table, "").ShouldBe(Page.Replace(Table(Page, "Classes"), ""));
    }

    [Fact]
    public void The_set_ups_figures_have_rows_the_runner_finds()
    {
        var table = Table(Page, "Classes");
        table.ShouldContain("| `ClassroomBroadcastBenchmark`'s set-up: memory per connected learner |");
        table.ShouldContain("| `ClassroomBroadcastBenchmark`'s set-up: join-to-snapshot with 1,000 present |");
    }

    [Fact]
    public void A_cell_with_a_pipe_or_a_line_break_stays_one_cell()
    {
        var rows = new[] { new PerformanceFile.Row("a | b", "—", "one\ntwo", "today") };
        var table = Table(PerformanceFile.Rewrite(Page, "Funds", nameof(FundsLedgerAppendBenchmark), rows), "Funds");
        table.ShouldContain(@"| `FundsLedgerAppendBenchmark` a \| b | — | one two |");
    }

    [Fact]
    public void A_module_without_its_markers_is_refused_by_name()
    {
        var refused = Should.Throw<InvalidOperationException>(() => PerformanceFile.Rewrite("# nothing", "Funds", "X", []));
        refused.Message.ShouldContain("figures:Funds");
    }

    private static string Table(string page, string module)
    {
        var begin = page.IndexOf($"<!-- figures:{module} -->", StringComparison.Ordinal);
        var end = page.IndexOf($"<!-- /figures:{module} -->", StringComparison.Ordinal);
        begin.ShouldBeGreaterThanOrEqualTo(0, $"no table for {module}");
        return page[begin..end];
    }
}
