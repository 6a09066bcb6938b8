using Vape.Classes.Media;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The node watch and placement by load (issue #27, ADR 0302): a node that dies is found by the watch, its class's
/// room moves to the live node with nobody asking, and the room's devices hear `mediaRoomMoved`; a node started again
/// takes new rooms again; a new room goes to the node with fewer people holding media, not fewer rooms.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class MediaNodeWatchTests(TwoNodesApp app) : ClassroomTestsBase<TwoNodesApp>(app)
{
    private async Task<MediaNode?> NodeState(string name)
    {
        await using var query = App.Store.QuerySession();
        return await query.LoadAsync<MediaNode>(name);
    }

    /// <summary>A live class of `commune` with these learners in the room; the host and each learner hold media.</summary>
    private async Task<Guid> ClassWithMedia(string title, params string[] learners)
    {
        var c = await Api.Schedule(title);
        var id = ClassesApi.Id(c);
        foreach (var l in learners) await Api.Enrol(id, await Api.Org.Token(l));
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        await (await Device("commune")).Join(session);
        await JoinedMedia(session, "commune");
        foreach (var l in learners)
        {
            await (await Device(l)).Enter(session);
            await JoinedMedia(session, l);
        }
        return Guid.Parse(session);
    }

    [Fact]
    public async Task A_killed_node_is_found_by_the_watch_its_room_moves_and_the_room_is_told_then_restarted_it_takes_new_rooms()
    {
        await App.RestartDeadNodes();
        var (host, learner, _, sessionId) = await LiveWithTwoLearners();
        var session = sessionId.ToString();
        var before = await JoinedMedia(session, "learner");
        await JoinedMedia(session, "commune");
        var deadName = (await StoredRoom(sessionId)).Node;
        var (dead, live) = deadName == "a" ? (App.A, App.B) : (App.B, App.A);

        await dead.DisposeAsync(); // killed mid-class; nobody asks joinClassMedia from here on

        var toHost = await host.Next("mediaRoomMoved");
        var toLearner = await learner.Next("mediaRoomMoved");
        var room = await StoredRoom(sessionId);
        room.Node.ShouldNotBe(deadName, "the watch moved the room with no join asking");
        toHost.Data.GetProperty("room").GetInt32().ShouldBe(room.Room);
        toLearner.Data.GetProperty("room").GetInt32().ShouldBe(room.Room);
        room.Room.ShouldNotBe(before["room"]!.GetValue<int>());
        (await live.RoomExists(room.Room)).ShouldBeTrue("the room was made again on the live node");
        var down = await NodeState(deadName);
        down.ShouldNotBeNull();
        down.Down.ShouldBeTrue();
        down.Misses.ShouldBeGreaterThanOrEqualTo(3);

        // The learner's page asks again at once and lands in the moved room; the chat never stopped.
        var again = await JoinedMedia(session, "learner");
        again["url"]!.GetValue<string>().ShouldBe(live.PublicUrl);
        again["room"]!.GetValue<int>().ShouldBe(room.Room);
        await learner.Do("SendChat", "Em vẫn ở đây ạ");
        (await host.Next("chatPosted")).Data.GetProperty("text").GetString().ShouldBe("Em vẫn ở đây ạ");

        // Started again (empty, as after a crash): it answers, is marked up, and a new class goes there (nobody holds media on it).
        await App.RestartDeadNodes();
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            while ((await NodeState(deadName))!.Down)
                await Task.Delay(200, guard.Token);
        var next = await ClassWithMedia("Lớp sau khi máy chủ chạy lại");
        (await StoredRoom(next)).Node.ShouldBe(deadName, "the node started again takes new rooms");
    }

    [Fact]
    public async Task A_new_room_goes_to_the_node_with_fewer_people_holding_media_even_with_more_rooms()
    {
        await App.RestartDeadNodes();
        var big = await ClassWithMedia("Lớp đông", "learner", "learner2", "learner-hp");
        var bigNode = (await StoredRoom(big)).Node;
        var small1 = await ClassWithMedia("Lớp nhỏ một");
        var small2 = await ClassWithMedia("Lớp nhỏ hai");
        (await StoredRoom(small1)).Node.ShouldNotBe(bigNode, "4 people on the big class's node, none on the other");
        (await StoredRoom(small2)).Node.ShouldNotBe(bigNode, "4 people on the big class's node, 1 on the other");

        // The other node now has two rooms and two people, the big class's node one room and four people.
        var next = await ClassWithMedia("Lớp mới");
        (await StoredRoom(next)).Node.ShouldNotBe(bigNode, "placed by people holding media, not by rooms (it has fewer rooms)");
    }
    [Fact]
    public async Task A_node_back_from_a_split_loses_the_room_and_tokens_that_moved_away_from_it()
    {
        await App.RestartDeadNodes();
        var (host, _, _, sessionId) = await LiveWithTwoLearners();
        var session = sessionId.ToString();
        var before = await JoinedMedia(session, "commune");
        var learnerBefore = await JoinedMedia(session, "learner");
        var frozenName = (await StoredRoom(sessionId)).Node;
        var (frozen, other) = frozenName == "a" ? (App.A, App.B) : (App.B, App.A);
        var oldRoom = before["room"]!.GetValue<int>();

        // Cut off (SIGSTOP: its ports accept, nothing answers), as in a network split: the watch moves the room away.
        await frozen.Pause();
        MediaRoom moved;
        try
        {
            await host.Next("mediaRoomMoved");
            moved = await StoredRoom(sessionId);
            moved.Node.ShouldNotBe(frozenName);
            moved.Left.ShouldContain(l => l.Node == frozenName && l.Room == oldRoom, "the room remembers where it was");
        }
        finally
        {
            await frozen.Resume();
        }

        // Back, the node still held the old room and the tokens given there: the watch takes them off it.
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            while ((await StoredRoom(sessionId)).Left.Count > 0)
                await Task.Delay(200, guard.Token);
        (await frozen.RoomExists(oldRoom)).ShouldBeFalse("the room that moved away is destroyed on the node back from the split");
        (await frozen.Client(before["token"]!.GetValue<string>()).Open()).ShouldBe(403, "the host's old token opens nothing there");
        (await frozen.Client(learnerBefore["token"]!.GetValue<string>()).Open()).ShouldBe(403, "nor the learner's");
        (await other.RoomExists(moved.Room)).ShouldBeTrue("the class's room where it moved to is untouched");
        (await StoredRoom(sessionId)).Node.ShouldBe(moved.Node);
        (await NodeState(frozenName))!.Down.ShouldBeFalse("the node answers again");
    }
}
