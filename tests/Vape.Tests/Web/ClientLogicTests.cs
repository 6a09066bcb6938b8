using System.Diagnostics;
using Vape.Tests.Support;
using Xunit.Abstractions;

namespace Vape.Tests.Web;

/// <summary>
/// The web client's own logic (src/Web/tests/*.test.ts: catch-up by version, the offline chat queue, formatting,
/// error messages, routes), run by node's test runner; one case per file, node's report in the output.
/// </summary>
public sealed class ClientLogicTests(ITestOutputHelper output)
{
    private static readonly string Web = Path.Combine(Repo.Root, "src", "Web");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Web, "tests"), "*.test.ts").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Passes(string file)
    {
        var psi = new ProcessStartInfo("node", ["scripts/unit-tests.mjs", file])
        {
            WorkingDirectory = Web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var report = await stdout + await stderr;
        output.WriteLine(report);
        report.ShouldContain("# fail 0");
        report.ShouldNotContain("# pass 0");
        process.ExitCode.ShouldBe(0, report);
    }
}
