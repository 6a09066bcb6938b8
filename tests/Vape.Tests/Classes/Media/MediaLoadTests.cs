using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Auth;
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

    private static int[] Sizes =>
        Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD") is { Length: > 0 } sizes ? sizes.Split(',').Select(int.Parse).ToArray() : [5];

    private static int Decoding => int.TryParse(Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD_DECODING"), out var d) ? d : 2;

    private static int Workers => int.TryParse(Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD_WORKERS"), out var w) ? w : 2;

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD_SECONDS"), out var s) ? s : 10;

    [Fact]
    public async Task Learners_through_Vape_and_on_Janus_alone_get_the_teachers_picture_and_an_audio_only_learner_gets_no_video()
    {
        foreach (var size in Sizes)
        {
            var (session, teacher, learners, hubs) = await LiveClass(size);
            try
            {
                var vape = await MediaLoad.RunAsync(load.Namespace, Input(new JsonObject
                {
                    ["vape"] = new JsonObject { ["url"] = load.BaseUrl, ["session"] = session, ["teacher"] = teacher, ["learners"] = new JsonArray([.. learners.Select(l => JsonValue.Create(l))]) },
                    ["janusPid"] = load.Vape.Pid,
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
            finally
            {
                foreach (var hub in hubs) await hub.DisposeAsync();
            }
        }
    }

    private static JsonObject Input(JsonObject run)
    {
        run["audioOnly"] = 1;
        run["decoding"] = Decoding;
        run["workers"] = Workers;
        run["seconds"] = Seconds;
        return run;
    }

    private static void Check(Report report, int size)
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

    /// <summary>A live class of `commune` with `count` new learners of Phường Ba Đình enrolled and in the room (the hub); their bearer tokens.</summary>
    private async Task<(string Session, string Teacher, List<string> Learners, List<ClassroomClient> Hubs)> LiveClass(int count)
    {
        var api = new ClassesApi(load.App);
        var c = await api.Schedule("Lớp đo tải hình và tiếng", capacity: Math.Max(30, count));
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var teacher = await api.Org.Token("commune");
        var issuer = load.App.Host.Services.GetRequiredService<LocalTokenIssuer>();
        var people = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var cmd = load.App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            insert into organization.people (id, full_name, home_unit_id, joined_on) select unnest(@p), 'Học viên', @u, current_date;
            insert into classes.enrolments (class_id, person_id, status, since) select @c, unnest(@p), 'ENROLLED', now();
            """))
        {
            cmd.Parameters.AddWithValue("u", Guid.Parse(await api.Org.UnitId("T01-X001")));
            cmd.Parameters.AddWithValue("c", Guid.Parse(ClassesApi.Id(c)));
            cmd.Parameters.AddWithValue("p", people);
            await cmd.ExecuteNonQueryAsync();
        }
        var hubs = new List<ClassroomClient> { await ClassroomClient.Connect(load.App, teacher) };
        await hubs[0].Join(session);
        var learners = new List<string>();
        foreach (var person in people)
        {
            var token = issuer.Issue(new LoginIdentity(person, "hoc-vien", "Học viên"), TimeSpan.FromHours(1));
            var hub = await ClassroomClient.Connect(load.App, token);
            hubs.Add(hub);
            await hub.Join(session);
            learners.Add(token);
        }
        return (session, teacher, learners, hubs);
    }
}
