using System.Text.Json.Nodes;
using Marten;
using Microsoft.Playwright;
using Vape.Classes.Media;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The cascade's voice and picture (issue #27, test 5; ADR 0230): a relay room on one Janus node receives the centre's
/// (parent session's) teacher, published on the other node, as a remote publisher of its own room; when the centre's
/// node dies, the relay is made again from the node the centre's room moved to.
/// </summary>
[Collection(MediaWebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CascadeMediaTests(MediaWebApp web) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => web.CloseWindows();

    private readonly ClassesApi _api = new(web.App);

    private const string Join = "mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room pin token publisher feed } }";

    private async Task<MediaRoom?> Room(string session)
    {
        await using var query = web.App.Store.QuerySession();
        return await query.LoadAsync<MediaRoom>(Guid.Parse(session));
    }

    /// <summary>The relay room's remote publishers on its node, as the VideoRoom lists them.</summary>
    private async Task<List<long>> Remotes(MediaRoom room)
    {
        var listed = await web.Node(room.Node).Room(new JsonObject { ["request"] = "listparticipants", ["room"] = room.Room });
        return (listed["participants"] as JsonArray ?? []).Where(p => p!["remote"]?.GetValue<bool>() == true).Select(p => p!["id"]!.GetValue<long>()).ToList();
    }

    [Fact]
    public async Task A_relay_rooms_learner_on_the_other_node_sees_and_hears_the_centres_teacher_through_a_move_until_the_centre_ends()
    {
        await web.RestartDeadNodes();
        var n = Random.Shared.Next(100_000, 999_999);
        var parent = await _api.Schedule($"Bài giảng của tỉnh {n}", unitCode: "T01", login: "province", extra: new { lobby = false });
        var parentSession = parent["sessions"]![0]!["id"]!.GetValue<string>();
        var relay = await _api.Schedule($"Tiếp sóng tại Ba Đình {n}", unitCode: "T01-X001", login: "commune",
            extra: new { relayOfSessionId = parentSession, startsAt = (string?)null, durationMinutes = (int?)null, lobby = false });
        var relaySession = relay["sessions"]![0]!["id"]!.GetValue<string>();
        (await _api.Enrol(ClassesApi.Id(relay), await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();

        // The centre's teacher opens the parent room and publishes camera and microphone.
        var teacher = await web.SignedIn("province", phone: false);
        await teacher.GotoAsync($"/classes/{ClassesApi.Id(parent)}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Mở phòng học" }).ClickAsync();
        await Expect(teacher.Locator("section[data-media=on]")).ToBeVisibleAsync();
        await MediaWebApp.Until(teacher, (first, now) => now.SentVideoPackets > first.SentVideoPackets && now.SentAudioPackets > first.SentAudioPackets, "the centre's teacher sends nothing");
        var parentRoom = (await Room(parentSession))!;

        // The relay's host opens its room through the hub (no camera of its own here); its learner joins on the other node.
        var placeholders = await MediaPlacement.Outweigh(web.App.Store, [.. web.Nodes.Select((_, i) => ((char)('a' + i)).ToString())], parentRoom.Node);
        await using var local = await ClassroomClient.Connect(web.App, await _api.Org.Token("commune"));
        await local.Enter(relaySession);
        var em = await web.SignedIn("learner");
        await em.GotoAsync($"/classes/{ClassesApi.Id(relay)}");
        await em.GetByRole(AriaRole.Link, new() { Name = "Vào lớp trực tuyến" }).ClickAsync();
        await Expect(em.Locator("section[data-media=on]")).ToBeVisibleAsync();
        MediaRoom? relayRoom;
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            while ((relayRoom = await Room(relaySession)) is null)
                await Task.Delay(200, guard.Token);
        await placeholders.End(web.App.Store);
        relayRoom.Node.ShouldNotBe(parentRoom.Node, "the relay room is on the other node");
        relayRoom.RelayOf.ShouldBe(Guid.Parse(parentSession));

        // The centre's teacher reaches the relay's learner through the relay room's own node.
        await MediaWebApp.Until(em, (first, now) => now.FramesDecoded > first.FramesDecoded && now.AudioSamples > first.AudioSamples && now.FramesDecoded > 0,
            "the relay room's learner does not see and hear the centre's teacher");
        (await Remotes(relayRoom)).Count.ShouldBe(1, "the centre's camera is one remote publisher of the relay room");
        await Expect(em.Locator("video[data-media=video]")).ToBeVisibleAsync();
        await MediaWebApp.Screenshot(em, "relay-learner-sees-centre");

        // Refused: the relay's learner gets no token for the centre's room, and their relay token opens nothing on the centre's node.
        var refused = await web.App.GraphQL(Join, new { i = new { sessionId = parentSession } }, await _api.Org.Token("learner"));
        refused.FirstErrorCode.ShouldBe("NOT_IN_ROOM");
        var mine = await web.App.GraphQL(Join, new { i = new { sessionId = relaySession } }, await _api.Org.Token("learner"));
        mine.HasErrors.ShouldBeFalse(mine.Body);
        (await web.Node(parentRoom.Node).Client(mine.Data["joinClassMedia"]!["token"]!.GetValue<string>()).Open()).ShouldBe(403);

        // The centre's node dies: its teacher's page joins again on the node left, and the relay is made again from there.
        var relayed = await Relays(relayRoom.Id);
        relayed.ShouldHaveSingleItem().SourceNode.ShouldBe(parentRoom.Node);
        await web.Node(parentRoom.Node).DisposeAsync();
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            while ((await Relays(relayRoom.Id)) is not [{ } again] || again.SourceNode == parentRoom.Node)
                await Task.Delay(200, guard.Token);
        (await Room(parentSession))!.Node.ShouldBe(relayRoom.Node);
        await MediaWebApp.Until(em, (first, now) => now.FramesDecoded > first.FramesDecoded + 30 && now.AudioSamples > first.AudioSamples,
            "the relay room's learner does not see and hear the centre's teacher again after the centre's node died");

        // The centre ends its class: the relay room's copy goes, the relay room itself lives on.
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Kết thúc buổi học" }).ClickAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Chắc chắn kết thúc buổi học" }).ClickAsync();
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            while ((await Remotes(relayRoom)).Count > 0)
                await Task.Delay(200, guard.Token);
        await Expect(em.Locator("video[data-media=video]")).ToHaveCountAsync(0);
        (await Room(relaySession))!.EndedAt.ShouldBeNull();
        (await Relays(relayRoom.Id)).ShouldBeEmpty();
        await web.RestartDeadNodes();
    }

    private async Task<IReadOnlyList<MediaRelay>> Relays(Guid relaySession)
    {
        await using var query = web.App.Store.QuerySession();
        return await query.Query<MediaRelay>().Where(r => r.RelaySessionId == relaySession).ToListAsync();
    }
}
