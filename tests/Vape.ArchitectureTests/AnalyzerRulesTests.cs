using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vape.ArchitectureTests;

/// <summary>
/// The analyzer and code-style rules the root .editorconfig turns on fail the build, in src and tests alike
/// (docs/adr/0276): a small project beside the repository's own, under its Directory.Build.props and .editorconfig,
/// breaks some of them on purpose and must not build.
/// </summary>
public sealed partial class AnalyzerRulesTests
{
    private const string Broken = """
        using System.Text;

        namespace Probe;

        public static class Broken
        {
            public static string Count(int n) => n.ToString();

            public static int Order(string a, string b) => string.Compare(a, b);

            public static int[] None() => new int[0];
        }

        """;

    public static TheoryData<string> Places => new() { "src", "tests" };

    [Theory]
    [MemberData(nameof(Places))]
    public async Task A_project_that_breaks_the_rules_does_not_build(string place)
    {
        var errors = await BuildProbeAsync(place);

        errors.ShouldContain("IDE0005", "unused using");
        errors.ShouldContain("CA1305", "number formatted in the current culture");
        errors.ShouldContain("CA1310", "string compared in the current culture");
        errors.ShouldContain("CA1825", "zero-length array allocated");
    }

    [Fact]
    public void Every_rule_the_editorconfig_turns_on_is_an_error()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, ".editorconfig"));
        var rules = lines.Select(l => RuleLine().Match(l)).Where(m => m.Success).ToList();

        rules.Count.ShouldBeGreaterThan(30);
        rules.Where(m => m.Groups[2].Value != "error").Select(m => m.Groups[1].Value).ShouldBeEmpty();
        rules.Select(m => m.Groups[1].Value).ShouldContain("IDE0005");
        rules.Select(m => m.Groups[1].Value).ShouldContain("CA1305");
    }

    private static async Task<HashSet<string>> BuildProbeAsync(string place)
    {
        var dir = Path.Combine(Repository.Root, "tests", "Vape.ArchitectureTests", "obj", "rule-probe", place, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "Probe.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            await File.WriteAllTextAsync(Path.Combine(dir, "Broken.cs"), Broken);
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var start = new ProcessStartInfo(dotnet) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "build", "Probe.csproj", "-nodeReuse:false", "-p:VapeSkipWeb=true" })
                start.ArgumentList.Add(argument);
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
                start.Environment.Remove(key);
            using var build = Process.Start(start)!;
            var output = build.StandardOutput.ReadToEndAsync();
            var errors = build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync();
            var report = await output + await errors;

            build.ExitCode.ShouldNotBe(0, report);
            return [.. ErrorInReport().Matches(report).Select(m => m.Groups[1].Value)];
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex(@"^dotnet_diagnostic\.(\w+)\.severity\s*=\s*(\w+)")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"\berror (\w+\d+):")]
    private static partial Regex ErrorInReport();
}
