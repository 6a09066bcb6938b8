using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vape.ArchitectureTests;

/// <summary>The code keeps the whitespace style the root .editorconfig describes (docs/adr/0169).</summary>
public sealed partial class FormattingTests
{
    [Fact]
    public async Task Every_CSharp_file_keeps_the_editorconfig_whitespace()
    {
        // --folder formats the files as text, without loading the projects: a few seconds, no build.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // AnalyzerRulesTests writes deliberately broken probes under its obj/ while this runs: build output is not code.
        foreach (var argument in new[] { "format", "whitespace", Repository.Root, "--folder", "--verify-no-changes", "--verbosity", "quiet", "--exclude", "tests/Vape.ArchitectureTests/obj" })
            start.ArgumentList.Add(argument);
        using var format = Process.Start(start)!;
        var output = format.StandardOutput.ReadToEndAsync();
        var errors = format.StandardError.ReadToEndAsync();
        await format.WaitForExitAsync();
        var report = await output + await errors;

        var files = FileInReport().Matches(report).Select(m => Path.GetRelativePath(Repository.Root, m.Groups[1].Value))
            .Where(file => !file.Split('/', '\\').Any(part => part is "obj" or "bin")).Distinct().Order().ToList();
        files.ShouldBeEmpty($"Run `dotnet format whitespace --folder` on: {string.Join(", ", files)}");
        format.ExitCode.ShouldBe(0, report);
    }

    [GeneratedRegex(@"^(\S+\.cs)\(\d+,\d+\): ", RegexOptions.Multiline)]
    private static partial Regex FileInReport();
}
