using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>A host with two Janus nodes (on loopback ports of their own), for moving a room off a node that died.</summary>
public class TwoNodesApp : VapeApp, IAsyncLifetime
{
    public TwoNodesApp() : this("vape_tests_media_nodes", 3) { }

    protected TwoNodesApp(string database, int misses) : this(database, misses, new JanusNode(), new JanusNode()) { }

    private TwoNodesApp(string database, int misses, JanusNode a, JanusNode b) : base(database, "Development", new()
    {
        ["Vape:Media:Janus:Nodes:0:Name"] = "a",
        ["Vape:Media:Janus:Nodes:0:AdminUrl"] = a.AdminUrl,
        ["Vape:Media:Janus:Nodes:0:PublicUrl"] = a.PublicUrl,
        ["Vape:Media:Janus:Nodes:0:AdminKey"] = a.AdminKey,
        ["Vape:Media:Janus:Nodes:1:Name"] = "b",
        ["Vape:Media:Janus:Nodes:1:AdminUrl"] = b.AdminUrl,
        ["Vape:Media:Janus:Nodes:1:PublicUrl"] = b.PublicUrl,
        ["Vape:Media:Janus:Nodes:1:AdminKey"] = b.AdminKey,
        // A dead node is found within seconds: pinged every second, down after three misses (ADR 0302).
        ["Vape:Media:NodeCheckSeconds"] = "1",
        ["Vape:Media:NodeMisses"] = misses.ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
    {
        A = a;
        B = b;
    }

    public JanusNode A { get; private set; }
    public JanusNode B { get; private set; }

    /// <summary>The node a test killed is started again (same address, ports and key; no rooms), so the next test has both.</summary>
    public async Task RestartDeadNodes()
    {
        if (A.Dead) A = await A.RestartedAsync();
        if (B.Dead) B = await B.RestartedAsync();
    }

    /// <summary>The node killed and started again at once (same address, ports and key; no rooms, no tokens).</summary>
    public async Task<JanusNode> Restart(string name) => name == "a" ? A = await A.RestartedAsync() : B = await B.RestartedAsync();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Task.WhenAll(A.ReadyAsync(), B.ReadyAsync());
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TwoNodesCollection : ICollectionFixture<TwoNodesApp>
{
    public const string Name = "media-two-nodes";
}

/// <summary>
/// Several Janus nodes (issue #27, ADR 0142): a node whose admin API stops answering gets no new join; the class's
/// room is made again on a live node, every `joinClassMedia` after that lands there, and the classroom's hub never
/// stopped.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class MediaNodeFailoverTests(TwoNodesApp app) : ClassroomTestsBase<TwoNodesApp>(app)
{
    [Fact]
    public async Task A_dead_nodes_room_moves_to_the_live_node_new_joins_go_there_and_the_chat_never_stops()
    {
        await App.RestartDeadNodes();
        var (host, learner, _, sessionId) = await LiveWithTwoLearners();
        var session = sessionId.ToString();
        var before = await JoinedMedia(session, "commune");
        var (dead, live) = before["url"]!.GetValue<string>() == App.A.PublicUrl ? (App.A, App.B) : (App.B, App.A);
        (await dead.RoomExists(before["room"]!.GetValue<int>())).ShouldBeTrue();
        (await dead.Client(before["token"]!.GetValue<string>()).Open()).ShouldBe(0);

        await dead.DisposeAsync(); // the node dies (its process killed)

        var moved = await JoinedMedia(session, "learner");
        moved["url"]!.GetValue<string>().ShouldBe(live.PublicUrl, "a new join goes to the live node");
        (await live.RoomExists(moved["room"]!.GetValue<int>())).ShouldBeTrue("the room was made again on the live node");
        (await live.Client(moved["token"]!.GetValue<string>()).Open()).ShouldBe(0, "the live node accepts the new token");
        moved["publisher"]!.GetValue<bool>().ShouldBeFalse();

        var teacher = await JoinedMedia(session, "commune");
        teacher["url"]!.GetValue<string>().ShouldBe(live.PublicUrl);
        teacher["room"]!.GetValue<int>().ShouldBe(moved["room"]!.GetValue<int>(), "one room for the class after the move");
        teacher["publisher"]!.GetValue<bool>().ShouldBeTrue();
        // Whoever moved it (this join or the node watch), the room's devices were told where it went (ADR 0302).
        (await host.Next("mediaRoomMoved")).Data.GetProperty("room").GetInt32().ShouldBe(moved["room"]!.GetValue<int>());
        (await learner.Next("mediaRoomMoved")).Data.GetProperty("room").GetInt32().ShouldBe(moved["room"]!.GetValue<int>());
        var publisher = live.Client(teacher["token"]!.GetValue<string>());
        (await publisher.Open()).ShouldBe(0);
        var published = await publisher.Join(new JsonObject
        {
            ["ptype"] = "publisher", ["room"] = teacher["room"]!.GetValue<int>(), ["pin"] = teacher["pin"]!.GetValue<string>(),
            ["id"] = teacher["feed"]!.GetValue<int>(), ["token"] = teacher["token"]!.GetValue<string>(),
        });
        published["videoroom"]?.GetValue<string>().ShouldBe("joined", published.ToJsonString());

        // The classroom's hub did not depend on the node: chat goes on.
        await learner.Do("SendChat", "Em vẫn ở đây ạ");
        (await host.Next("chatPosted")).Data.GetProperty("text").GetString().ShouldBe("Em vẫn ở đây ạ");
    }
}
