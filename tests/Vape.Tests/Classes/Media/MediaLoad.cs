using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>One run of the media load client (tests/media-load/load.js) inside the namespace, and what it reported.</summary>
public static class MediaLoad
{
    private static string Folder => Path.Combine(Repo.Root, "tests", "media-load");

    public static void RequireInstalled()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@roamhq", "wrtc-linux-x64")) ||
            !Directory.Exists(Path.Combine(Folder, "node_modules", "@node-datachannel", "linux-x64-gnu")))
            throw new InvalidOperationException("tests/media-load has no node_modules: run `npm ci` there (.ci/run does).");
    }

    /// <summary>Runs the client with `input` (its README) in the namespace; the JSON it printed.</summary>
    public static async Task<Report> RunAsync(NetworkNamespace ns, JsonObject input, string name)
    {
        Directory.CreateDirectory(MediaLoadApp.Results);
        var inputFile = Path.Combine(MediaLoadApp.Results, name + ".input.json");
        await File.WriteAllTextAsync(inputFile, input.ToJsonString());
        var start = new ProcessStartInfo("ip", ["netns", "exec", ns.Name, "node", Path.Combine(Folder, "load.js"), inputFile])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(guard.Token);
        var printed = await output;
        await File.WriteAllTextAsync(Path.Combine(MediaLoadApp.Results, name + ".json"), printed);
        if (process.ExitCode != 0) throw new InvalidOperationException($"load.js exited with {process.ExitCode}: {await error}");
        return new Report(JsonNode.Parse(printed)!.AsObject());
    }
}

/// <summary>What load.js printed: a run's figures and each learner's.</summary>
public sealed record Report(JsonObject Json)
{
    public IEnumerable<JsonNode> Learners => Json["perLearner"]!.AsArray()!.Select(l => l!);
    public IEnumerable<JsonNode> Watching => Learners.Where(l => !l["audioOnly"]!.GetValue<bool>());
    public IEnumerable<JsonNode> Listening => Learners.Where(l => l["audioOnly"]!.GetValue<bool>());

    public string Summary()
    {
        var first = Json["firstFrameMs"]!;
        var bytes = Json["bytesPerMinute"]!;
        return $"{Json["path"]}: {Json["learners"]} learners, first frame p50 {first["p50"]} ms, p99 {first["p99"]} ms " +
            $"(of which the token p50 {Json["tokenMs"]!["p50"]} ms, p99 {Json["tokenMs"]!["p99"]} ms); " +
            $"video learner {Kbps(bytes["video"])} kbps, audio-only {Kbps(bytes["audioOnly"])} kbps; " +
            $"Janus {Json["janusCorePercentPerLearner"]!.GetValue<double>():0.000} % of a core per learner " +
            $"({Json["janusCpuSeconds"]!.GetValue<double>():0.00} s CPU in {Json["seconds"]!.GetValue<double>():0.0} s); " +
            $"{Json["decoding"]} of them decoding, the client {Json["clientCorePercentPerLearner"]!.GetValue<double>():0.000} % of a core per learner in {Json["workers"]} processes";
    }

    /// <summary>Each node's line (a run given `janusNodes`): its learners, their first frames and bytes, its Janus's CPU per learner.</summary>
    public IEnumerable<string> NodeSummaries() => (Json["nodes"]?.AsArray() ?? []).Select(n => n!).Select(n =>
        $"{n["name"]} ({n["url"]}): {n["learners"]} learners, first frame p50 {n["firstFrameMs"]!["p50"]} ms, p99 {n["firstFrameMs"]!["p99"]} ms; " +
        $"video learner {Kbps(n["bytesPerMinute"]!["video"])} kbps, audio-only {Kbps(n["bytesPerMinute"]!["audioOnly"])} kbps; " +
        $"Janus {n["janusCorePercentPerLearner"]?.GetValue<double>() ?? 0:0.000} % of a core per learner ({n["janusCpuSeconds"]!.GetValue<double>():0.00} s CPU)");

    private static string Kbps(JsonNode? bytesPerMinute) => bytesPerMinute is null ? "–" : $"{bytesPerMinute.GetValue<double>() * 8 / 60 / 1000:0.0}";

    public override string ToString() => Json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
