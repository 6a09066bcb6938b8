using System.Diagnostics;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Xapi;

/// <summary>
/// The ADL LRS conformance suite (vendored in eng/lrs-conformance) run by eng/xapi-conformance.sh against the real
/// host in a process of its own: every test of xAPI 2.0.0, and a fixed list of the xAPI 1.0.3 groups where that
/// version differs (concurrency, documents, versioning, the alternate request syntax). The full 1.0.3 run is in the
/// README (about as long again).
/// </summary>
public sealed class XapiConformanceTests : IAsyncLifetime
{
    /// <summary>The 1.0.3 groups run here, as a mocha grep over the suite's titles.</summary>
    public const string Legacy = "Concurrency|Alternate Request Syntax|Versioning|Document Resource|State Resource|Agent Profile Resource|Activity Profile Resource";

    private HostProcess? _host;

    public async Task InitializeAsync() =>
        _host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Vape__Database"] = "vape_tests_xapi",
        }, Path.Combine(Repo.Root, "TestResults", "xapi", "host.log"));

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task Every_test_of_the_suite_for_xAPI_2_0_0_passes()
    {
        var summary = await RunAsync("--version", "2.0.0");
        summary["failed"]!.GetValue<int>().ShouldBe(0, summary.ToJsonString());
        summary["passed"]!.GetValue<int>().ShouldBe(1442);
    }

    [Fact]
    public async Task The_listed_groups_of_the_suite_for_xAPI_1_0_3_pass()
    {
        var summary = await RunAsync("--version", "1.0.3", "--grep", Legacy);
        summary["failed"]!.GetValue<int>().ShouldBe(0, summary.ToJsonString());
        summary["passed"]!.GetValue<int>().ShouldBe(125);
    }

    /// <summary>
    /// The suite's summary. Once in a clean-clone run its test process ended before running any test (the summary's
    /// counts null, state "error", nothing of Vape's in the host log): that run is repeated once, and its output kept
    /// in TestResults/xapi. A second such end, or any failed test, fails the test.
    /// </summary>
    private async Task<JsonObject> RunAsync(params string[] args)
    {
        var summary = await RunOnceAsync(args);
        if (summary["failed"] is not null) return summary;
        Directory.CreateDirectory(Path.Combine(Repo.Root, "TestResults", "xapi"));
        await File.AppendAllTextAsync(Path.Combine(Repo.Root, "TestResults", "xapi", "suite-ended-early.log"),
            $"{DateTimeOffset.UtcNow:O} {string.Join(' ', args)}: {summary.ToJsonString()}\n");
        return await RunOnceAsync(args);
    }

    private async Task<JsonObject> RunOnceAsync(string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(Repo.Root, "eng", "xapi-conformance.sh"));
        psi.ArgumentList.Add("--base");
        psi.ArgumentList.Add(_host!.BaseUrl);
        psi.ArgumentList.Add("--timeout");
        psi.ArgumentList.Add("600");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = lines.LastOrDefault(l => l.StartsWith('{')) ?? throw new InvalidOperationException($"no summary from the suite:\n{await output}\n{await errors}");
        return JsonNode.Parse(json)!.AsObject();
    }
}
