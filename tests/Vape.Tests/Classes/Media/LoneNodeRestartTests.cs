using System.Text.Json.Nodes;
using Vape.Classes.Media;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A single-node install (the common one): its only Janus, pinged every second, is never marked down however many
/// pings it misses (one miss would mark a node of two down here), and restarted it gets its rooms again.
/// </summary>
public sealed class LoneNodeApp : VapeApp, IAsyncLifetime
{
    public LoneNodeApp() : this(new JanusNode()) { }

    private LoneNodeApp(JanusNode janus) : base("vape_tests_media_lone", "Development", new()
    {
        ["Vape:Media:Janus:Nodes:0:Name"] = "a",
        ["Vape:Media:Janus:Nodes:0:AdminUrl"] = janus.AdminUrl,
        ["Vape:Media:Janus:Nodes:0:PublicUrl"] = janus.PublicUrl,
        ["Vape:Media:Janus:Nodes:0:AdminKey"] = janus.AdminKey,
        ["Vape:Media:NodeCheckSeconds"] = "1",
        ["Vape:Media:NodeMisses"] = "1",
    }) => Janus = janus;

    public JanusNode Janus { get; private set; }

    /// <summary>The node killed and started again at once (same address, ports and key; no rooms, no tokens).</summary>
    public async Task<JanusNode> Restart() => Janus = await Janus.RestartedAsync();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Janus.ReadyAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Janus.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LoneNodeCollection : ICollectionFixture<LoneNodeApp>
{
    public const string Name = "media-lone-node";
}

/// <summary>
/// The watch runs with one node too (issue #27, ADR 0303): a lone Janus that restarted lost the class's room and every
/// token; the watch makes the room again on it with its tokens and tells the room's pages, never marking it down.
/// </summary>
[Collection(LoneNodeCollection.Name)]
public sealed class LoneNodeRestartTests(LoneNodeApp app) : ClassroomTestsBase<LoneNodeApp>(app)
{
    [Fact]
    public async Task The_only_node_restarted_has_the_room_and_its_tokens_again_the_room_is_told_and_it_is_never_marked_down()
    {
        var (host, learner, _, sessionId) = await LiveWithTwoLearners();
        var session = sessionId.ToString();
        var teacherGrant = await JoinedMedia(session, "commune");
        var learnerGrant = await JoinedMedia(session, "learner");
        var before = await StoredRoom(sessionId);

        var node = await App.Restart();

        var toHost = await host.Next("mediaRoomMoved");
        var toLearner = await learner.Next("mediaRoomMoved");
        var after = await StoredRoom(sessionId);
        after.Node.ShouldBe("a", "the only node: the room is made again where it was");
        after.Room.ShouldNotBe(before.Room, "a new number, so every page sees a room it is not in and joins again");
        toHost.Data.GetProperty("room").GetInt32().ShouldBe(after.Room);
        toLearner.Data.GetProperty("room").GetInt32().ShouldBe(after.Room);
        (await node.RoomExists(after.Room)).ShouldBeTrue("the restarted node holds the room again");
        await using (var query = App.Store.QuerySession())
            (await query.LoadAsync<MediaNode>("a"))!.Down.ShouldBeFalse("the only node is never marked down: there is nowhere to move its rooms");

        var phone = node.Client(learnerGrant["token"]!.GetValue<string>());
        (await phone.Open()).ShouldBe(0, "the learner's token was added again");
        var teacherToken = teacherGrant["token"]!.GetValue<string>();
        var teacher = node.Client(teacherToken);
        (await teacher.Open()).ShouldBe(0, "the host's token was added again");
        var published = await teacher.Join(new JsonObject
        {
            ["ptype"] = "publisher", ["room"] = after.Room, ["pin"] = teacherGrant["pin"]!.GetValue<string>(),
            ["id"] = teacherGrant["feed"]!.GetValue<int>(), ["token"] = teacherToken,
        });
        published["videoroom"]!.GetValue<string>().ShouldBe("joined", published.ToJsonString());

        // The learner's page asks again (as on `mediaRoomMoved`) and is given the room made again.
        (await JoinedMedia(session, "learner"))["room"]!.GetValue<int>().ShouldBe(after.Room);
    }

    [Fact]
    public async Task The_only_node_that_does_not_answer_is_not_marked_down_and_new_joins_still_go_to_it()
    {
        await App.Janus.Pause();
        try
        {
            await Eventually(async () =>
            {
                await using var query = App.Store.QuerySession();
                return await query.LoadAsync<MediaNode>("a") is { Misses: >= 2 };
            }, "the watch does not ping the only node");
            await using var read = App.Store.QuerySession();
            (await read.LoadAsync<MediaNode>("a"))!.Down.ShouldBeFalse("missed pings do not mark the only node down");
        }
        finally
        {
            await App.Janus.Resume();
        }
        var (_, _, _, sessionId) = await LiveWithTwoLearners();
        (await JoinedMedia(sessionId.ToString(), "commune"))["url"]!.GetValue<string>().ShouldBe(App.Janus.PublicUrl);
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (guard.IsCancellationRequested) throw new TimeoutException(what);
            await Task.Delay(200);
        }
    }
}
