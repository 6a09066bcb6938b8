using System.Diagnostics;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Badges;

/// <summary>
/// Runs `verifier/verify.mjs` (jose and the OB 3.0 context from npm, no network) over credentials, with the DID
/// documents and status lists the host serves, fetched here first: one verdict per credential.
/// </summary>
internal static class BadgeVerifier
{
    private static readonly string Folder = Path.Combine(Repo.Root, "tests", "Vape.Tests", "Badges", "verifier");
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task<List<JsonNode>> RunAsync(IEnumerable<string> credentials, JsonObject didDocuments, JsonObject statusLists)
    {
        await EnsureInstalledAsync();
        var list = credentials.ToList();
        var file = Path.Combine(Path.GetTempPath(), $"vape-badges-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonObject
        {
            ["credentials"] = new JsonArray(list.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["didDocuments"] = didDocuments.DeepClone(),
            ["statusLists"] = statusLists.DeepClone(),
        }.ToJsonString());
        try
        {
            var (code, stdout, stderr) = await RunProcessAsync("node", ["verify.mjs", file]);
            code.ShouldBe(0, stderr);
            var verdicts = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            verdicts.Count.ShouldBe(list.Count, stderr);
            return verdicts;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>`npm ci` once when the verifier's packages are not there (a fresh checkout): the lock file pins them.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "jose"))) return;
            var (code, stdout, stderr) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            code.ShouldBe(0, stdout + stderr);
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(string file, string[] arguments)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
