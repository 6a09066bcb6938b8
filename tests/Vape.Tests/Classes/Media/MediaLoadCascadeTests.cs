using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The media load over two nodes (issue #27's 1,000 learners; ADRs 0230, 0266): the centre's class on one node, a relay
/// room (a cascade class of the unit below) on the other, fed the centre's teacher as a remote publisher; the load
/// client's learners alternate between the two classes. Briefly it checks that every learner, the relay room's too,
/// received the teacher's picture (one of each room decoded it, the others a whole VP8 keyframe) and that the audio-only
/// learner (a relay one) got no video; `VAPE_MEDIA_LOAD_CASCADE=400,1000` runs those sizes (learners in all), with each
/// node's figures in the test's output and TestResults/media-load/ (docs/classes.md, "Media load").
/// </summary>
[Collection(MediaLoadCollection.Name)]
public sealed class MediaLoadCascadeTests(MediaLoadApp load, ITestOutputHelper output)
{
    private static int[] Sizes =>
        Environment.GetEnvironmentVariable("VAPE_MEDIA_LOAD_CASCADE") is { Length: > 0 } sizes ? sizes.Split(',').Select(int.Parse).ToArray() : [6];

    [Fact]
    public async Task Learners_of_a_centre_and_of_its_relay_room_on_another_node_get_the_centres_teacher()
    {
        foreach (var size in Sizes)
        {
            var n = Random.Shared.Next(100_000, 999_999);
            await using var centre = await MediaLoadClass.LiveAsync(load, (size + 1) / 2, $"Bài giảng đo tải của tỉnh {n}", unitCode: "T01", login: "province", extra: new { lobby = false });
            var centreNode = load.NodeAt(await centre.OpenRoomAsync(load));
            await using var relay = await MediaLoadClass.LiveAsync(load, size / 2, $"Tiếp sóng đo tải tại Ba Đình {n}",
                extra: new { relayOfSessionId = centre.Session, startsAt = (string?)null, durationMinutes = (int?)null, lobby = false });
            var placeholders = await MediaPlacement.Outweigh(load.App.Store, MediaLoadApp.NodeNames, NameOf(centreNode));
            JanusNode relayNode;
            try { relayNode = load.NodeAt(await relay.OpenRoomAsync(load)); }
            finally { await placeholders.End(load.App.Store); }
            relayNode.ShouldNotBe(centreNode, "the relay room is on the other node");

            // Learner i: the centre's (even) or the relay room's (odd), so each room has a decoding learner; the audio-only one (the last) is a relay's.
            var learners = Enumerable.Range(0, size).Select(i => i % 2 == 0
                ? (JsonNode)JsonValue.Create(centre.Learners[i / 2])
                : new JsonObject { ["bearer"] = relay.Learners[i / 2], ["session"] = relay.Session });
            var report = await MediaLoad.RunAsync(load.Namespace, MediaLoadTests.Input(new JsonObject
            {
                ["vape"] = new JsonObject { ["url"] = load.BaseUrl, ["session"] = centre.Session, ["teacher"] = centre.Teacher, ["learners"] = new JsonArray([.. learners]) },
                ["janusNodes"] = new JsonArray(Node("the centre", centreNode), Node("the relay room", relayNode)),
            }), $"cascade-{size}");
            output.WriteLine(report.Summary());
            foreach (var line in report.NodeSummaries()) output.WriteLine(line);

            MediaLoadTests.Check(report, size);
            report.Learners.Count(l => l["node"]!.GetValue<string>() == relayNode.PublicUrl).ShouldBe(size / 2, report.ToString());
            var relayed = report.Watching.Where(l => l["node"]!.GetValue<string>() == relayNode.PublicUrl).ToList();
            relayed.ShouldNotBeEmpty();
            relayed.ShouldContain(l => l["decodes"]!.GetValue<bool>() && l["framesDecoded"]!.GetValue<long>() > 0, $"no relay learner decoded the centre's teacher: {report}");
            relayed.ShouldAllBe(l => l["videoPackets"]!.GetValue<long>() > 0 && l["audioPackets"]!.GetValue<long>() > 0, $"a relay learner did not receive the centre's teacher: {report}");
            report.Json["nodes"]!.AsArray().Select(node => node!["learners"]!.GetValue<int>()).ShouldBe([(size + 1) / 2, size / 2]);
            await File.AppendAllLinesAsync(Path.Combine(MediaLoadApp.Results, "summary.txt"),
                [$"{DateTimeOffset.UtcNow:u} {report.Summary()}", .. report.NodeSummaries().Select(l => $"{DateTimeOffset.UtcNow:u}   {l}")]);
        }
    }

    private string NameOf(JanusNode node) => MediaLoadApp.NodeNames[Array.IndexOf(load.Nodes, node)];

    private JsonObject Node(string role, JanusNode node) => new() { ["name"] = $"{role}, node {NameOf(node)}", ["url"] = node.PublicUrl, ["pid"] = node.Pid };
}
