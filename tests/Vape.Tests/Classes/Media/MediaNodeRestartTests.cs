using System.Text.Json.Nodes;
using Vape.Classes.Media;

namespace Vape.Tests.Classes.Media;

/// <summary>Two nodes whose watch would take a minute of misses to mark one down: a restart is always faster than that.</summary>
public sealed class RestartingNodesApp() : TwoNodesApp("vape_tests_media_restart", 60);

[CollectionDefinition(Name)]
public sealed class RestartingNodesCollection : ICollectionFixture<RestartingNodesApp>
{
    public const string Name = "media-restarting-node";
}

/// <summary>
/// A Janus node that restarts between two pings (issue #27, ADR 0303): it answers every ping, so it is never marked
/// down, but it lost the class's room and every token. The watch finds the room missing, makes it again on the same
/// node with its tokens and publishers, and tells the room's pages.
/// </summary>
[Collection(RestartingNodesCollection.Name)]
public sealed class MediaNodeRestartTests(RestartingNodesApp app) : ClassroomTestsBase<RestartingNodesApp>(app)
{
    [Fact]
    public async Task A_node_restarted_between_two_pings_has_the_room_and_its_tokens_again_and_the_room_is_told()
    {
        var (host, learner, _, sessionId) = await LiveWithTwoLearners();
        var session = sessionId.ToString();
        var teacherGrant = await JoinedMedia(session, "commune");
        var learnerGrant = await JoinedMedia(session, "learner");
        var before = await StoredRoom(sessionId);

        var node = await App.Restart(before.Node);

        var toHost = await host.Next("mediaRoomMoved");
        var toLearner = await learner.Next("mediaRoomMoved");
        var after = await StoredRoom(sessionId);
        after.Node.ShouldBe(before.Node, "the node answers: the room is made again where it was");
        after.Room.ShouldNotBe(before.Room, "a new number, so every page sees a room it is not in and joins again");
        toHost.Data.GetProperty("room").GetInt32().ShouldBe(after.Room);
        toLearner.Data.GetProperty("room").GetInt32().ShouldBe(after.Room);
        (await node.RoomExists(after.Room)).ShouldBeTrue("the restarted node holds the room again");
        await using (var query = App.Store.QuerySession())
            (await query.LoadAsync<MediaNode>(before.Node))!.Down.ShouldBeFalse("the node never missed enough pings to be marked down");

        // The tokens given before the restart work on Janus again: the learner's opens a session, the host's publishes.
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
        var refused = await phone.Join(new JsonObject
        {
            ["ptype"] = "publisher", ["room"] = after.Room, ["pin"] = learnerGrant["pin"]!.GetValue<string>(), ["token"] = learnerGrant["token"]!.GetValue<string>(),
        });
        refused["error_code"]!.GetValue<int>().ShouldBe(433, "the learner is still not on the room's publishers");
    }
}
