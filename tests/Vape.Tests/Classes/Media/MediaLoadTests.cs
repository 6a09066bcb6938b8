using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The media load client (tests/media-load) run once, briefly: learners in a live class through Vape (`joinClassMedia`,
/// then Janus with the token) and the same learners on Janus alone (the baseline). It checks the client's answers, not
/// its speed: every learner with video had the teacher's picture (two decoded it, the others counted RTP and received a
/// whole VP8 keyframe), the audio-only learner got no video packet and under 50 kbps, and the learners were shared out
/// to two client processes. `VAPE_MEDIA_LOAD=50,200` runs those sizes instead (docs/classes.md, "Media load"); the figures go to
/// the test's output and TestResults/media-load/.
/// </summary>
[Collection(MediaLoadCollection.Name)]
public sealed class MediaLoadTests(MediaLoadApp load, ITestOutputHelper output)
{
    private const int FiftyKbpsInBytesPerMinute = 50_000 / 8 * 60;

    internal static int[] Sizes =>
        Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD") is { Length: > 0 } sizes ? sizes.Split(',').Select(int.Parse).ToArray() : [5];

    internal static int Decoding => int.TryParse(Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD_DECODING"), out var d) ? d : 2;

    private static int Workers => int.TryParse(Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD_WORKERS"), out var w) ? w : 2;

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD_SECONDS"), out var s) ? s : 10;

    [Fact]
    public async Task Learners_through_Vape_and_on_Janus_alone_get_the_teachers_picture_and_an_audio_only_learner_gets_no_video()
    {
        foreach (var size in Sizes)
        {
            await using var live = await MediaLoadClass.LiveAsync(load, size, "Lớp đo tải hình và tiếng");
            var node = load.NodeAt(await live.OpenRoomAsync(load));
            var vape = await MediaLoad.RunAsync(load.Namespace, Input(new JsonObject
            {
                ["vape"] = new JsonObject { ["url"] = load.BaseUrl, ["session"] = live.Session, ["teacher"] = live.Teacher, ["learners"] = new JsonArray([.. live.Learners.Select(l => JsonValue.Create(l))]) },
                ["janusPid"] = node.Pid,
            }), $"vape-{size}");
            var baseline = await MediaLoad.RunAsync(load.Namespace, Input(new JsonObject
            {
                ["janus"] = new JsonObject { ["url"] = load.Baseline.PublicUrl, ["admin"] = load.Baseline.AdminUrl, ["secret"] = load.Baseline.AdminKey, ["learners"] = size },
                ["janusPid"] = load.Baseline.Pid,
            }), $"janus-{size}");
            foreach (var report in new[] { vape, baseline })
            {
                output.WriteLine(report.Summary());
                Check(report, size);
            }
            await File.AppendAllTextAsync(Path.Combine(MediaLoadApp.Results, "summary.txt"),
                $"{DateTimeOffset.UtcNow:u} {vape.Summary()}\n{DateTimeOffset.UtcNow:u} {baseline.Summary()}\n");
        }
    }

    internal static JsonObject Input(JsonObject run)
    {
        run["audioOnly"] = 1;
        run["decoding"] = Decoding;
        run["workers"] = Workers;
        run["seconds"] = Seconds;
        return run;
    }

    internal static void Check(Report report, int size)
    {
        report.Learners.Count().ShouldBe(size, report.ToString());
        report.Watching.Count(l => l["decodes"]!.GetValue<bool>()).ShouldBe(Math.Min(Decoding, size - 1), report.ToString());
        foreach (var learner in report.Watching)
        {
            learner["firstFrameMs"].ShouldNotBeNull($"a learner had no first frame: {report}");
            learner["videoPackets"]!.GetValue<long>().ShouldBeGreaterThan(0, report.ToString());
            if (learner["decodes"]!.GetValue<bool>()) learner["framesDecoded"]!.GetValue<long>().ShouldBeGreaterThan(0, report.ToString());
            else learner["keyframes"]!.GetValue<long>().ShouldBeGreaterThan(0, report.ToString());
        }
        var listening = report.Listening.ShouldHaveSingleItem();
        listening["videoPackets"]!.GetValue<long>().ShouldBe(0, report.ToString());
        listening["audioPackets"]!.GetValue<long>().ShouldBeGreaterThan(0, report.ToString());
        listening["bytesPerMinute"]!.GetValue<long>().ShouldBeInRange(1, FiftyKbpsInBytesPerMinute - 1, report.ToString());
    }
}
