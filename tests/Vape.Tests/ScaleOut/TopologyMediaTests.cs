using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Tests.Classes.Media;

namespace Vape.Tests.ScaleOut;

/// <summary>
/// Janus in the topology script (issue #27): `topology.sh start` runs Debian's Janus with the shipped configuration and
/// gives both hosts its admin key; a class's room is placed once, whichever host is asked, and Janus accepts the
/// tokens the hosts hand out (and no other).
/// </summary>
[Collection(TopologyCollection.Name)]
[Trait("Category", "Topology")]
public sealed class TopologyMediaTests(Topology topology)
{
    private const string Join = "mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room pin token publisher feed } }";

    [Fact]
    public async Task Both_hosts_place_the_class_in_one_room_on_the_topologys_Janus_which_accepts_their_tokens_only()
    {
        var client = topology.Client;
        var teacher = await client.Token("commune");
        var learner = await client.Token("learner");
        var unit = (await client.UntilAnswered("{ unitByCode(code: \"T01-X001\") { id } }", new { }, teacher))["data"]!["unitByCode"]!["id"]!.GetValue<string>();
        var scheduled = (await client.UntilAnswered("mutation($i: ScheduleClassInput!) { scheduleClass(input: $i) { id sessions { id } } }", new
        {
            i = new { unitId = unit, title = "Lớp có hình và tiếng", topic = "DIGITAL_SKILLS", audience = "PUBLIC", capacity = 5, startsAt = DateTimeOffset.UtcNow.AddMinutes(5), durationMinutes = 60 },
        }, teacher))["data"]!["scheduleClass"]!;
        var enrolled = await client.UntilAnswered("mutation($i: EnrolInClassInput!) { enrolInClass(input: $i) { status } }", new { i = new { classId = scheduled["id"]!.GetValue<string>() } }, learner);
        enrolled["data"]!["enrolInClass"]!["status"]!.GetValue<string>().ShouldBe("ENROLLED");
        var session = scheduled["sessions"]![0]!["id"]!.GetValue<string>();

        (await topology.GraphQL(topology.Nginx, "{ mediaEnabled }"))["data"]!["mediaEnabled"]!.GetValue<bool>().ShouldBeTrue("the topology's hosts have Janus");
        await using var teacherHub = Topology.Hub(topology.Nginx, "/hubs/classroom", teacher);
        await teacherHub.StartAsync();
        await teacherHub.InvokeAsync<JsonElement>("Join", Guid.Parse(session));
        await using var learnerHub = Topology.Hub(topology.Nginx, "/hubs/classroom", learner);
        await learnerHub.StartAsync();
        await learnerHub.InvokeAsync<JsonElement>("Join", Guid.Parse(session));

        var onHost1 = await topology.GraphQL(topology.HostUri(0), Join, new { i = new { sessionId = session } }, teacher);
        var onHost2 = await topology.GraphQL(topology.HostUri(1), Join, new { i = new { sessionId = session } }, learner);
        var host = onHost1["data"]?["joinClassMedia"] ?? throw new InvalidOperationException(onHost1.ToJsonString());
        var learnerMedia = onHost2["data"]?["joinClassMedia"] ?? throw new InvalidOperationException(onHost2.ToJsonString());
        var url = $"http://127.0.0.1:{topology.JanusHttpPort}/janus";
        host["url"]!.GetValue<string>().ShouldBe(url);
        learnerMedia["url"]!.GetValue<string>().ShouldBe(url);
        learnerMedia["room"]!.GetValue<int>().ShouldBe(host["room"]!.GetValue<int>(), "one room for the class, whichever host placed it");
        host["publisher"]!.GetValue<bool>().ShouldBeTrue();
        learnerMedia["publisher"]!.GetValue<bool>().ShouldBeFalse();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var janus = new JanusClient(http, url, learnerMedia["token"]!.GetValue<string>());
        (await janus.Open()).ShouldBe(0, "Janus accepts the token host 2 gave");
        var joined = await janus.Join(new JsonObject { ["ptype"] = "publisher", ["room"] = host["room"]!.GetValue<int>(), ["pin"] = learnerMedia["pin"]!.GetValue<string>(), ["token"] = learnerMedia["token"]!.GetValue<string>() });
        joined["error_code"].ShouldNotBeNull("a learner's token may not publish: " + joined.ToJsonString());
        (await new JanusClient(http, url, host["token"]!.GetValue<string>()).Open()).ShouldBe(0, "Janus accepts the token host 1 gave");
        (await new JanusClient(http, url, null).Open()).ShouldBe(403, "no token, no session");
    }
}
