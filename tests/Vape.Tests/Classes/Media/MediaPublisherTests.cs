using System.Text.Json;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// The room learns who publishes from the hub (ADR 0194): a client announces that Janus confirmed its publishing
/// (`MediaPublishing(feed, on)`), the room hears `mediaPublisher`, and a late joiner's snapshot lists the publishers.
/// Through GraphQL (the grants), the real SignalR client and a real Janus on loopback.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class MediaPublisherTests(MediaApp app) : ClassroomTestsBase<MediaApp>(app)
{
    private const string Join = "mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { token publisher feed } }";

    private async Task<string> LiveClass()
    {
        var c = await Api.Schedule("Lớp có hình");
        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner"));
        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner2"));
        return c["sessions"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> Granted(string sessionId, string login)
    {
        var response = await App.GraphQL(Join, new { i = new { sessionId } }, await Api.Org.Token(login));
        if (response.HasErrors) throw new InvalidOperationException(response.Body);
        return response.Data["joinClassMedia"]!;
    }

    private static (Guid Person, int Feed, bool On) Announced(HeardEvent e) =>
        (e.Data.GetProperty("personId").GetGuid(), e.Data.GetProperty("feed").GetInt32(), e.Data.GetProperty("on").GetBoolean());

    [Fact]
    public async Task A_hosts_publishing_is_told_to_the_room_and_to_late_joiners_and_its_end_too()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var hostId = Guid.Parse(await Api.Org.PersonId("commune"));
        var feed = (await Granted(session, "commune"))["feed"]!.GetValue<int>();

        var version = await host.Do("MediaPublishing", feed, true);

        var heard = await learner.Next("mediaPublisher");
        Announced(heard).ShouldBe((hostId, feed, true));
        heard.Version.ShouldBe(version);
        (await host.Do("MediaPublishing", feed, true)).ShouldBe(version, "announced again: nothing new");

        var late = await (await Device("learner2")).Join(session);
        late.Publishers.Select(p => (p.PersonId, p.Feed)).ShouldBe([(hostId, feed)]);

        await host.Do("MediaPublishing", feed, false);
        Announced(await learner.Next("mediaPublisher")).ShouldBe((hostId, feed, false));
        (await (await Device("learner2")).Join(session)).Publishers.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_a_feed_of_ones_own_live_grant_is_announced_and_a_refusal_changes_nothing()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var feed = (await Granted(session, "commune"))["feed"]!.GetValue<int>();
        (await Granted(session, "learner"))["publisher"]!.GetValue<bool>().ShouldBeFalse();
        var before = (await (await Device("learner2")).Join(session)).Version;

        (await learner.Fails("MediaPublishing", feed, true)).ShouldBe("NOT_ALLOWED", "the host's feed is not the learner's");
        (await learner.Fails("MediaPublishing", feed + 1, true)).ShouldBe("NOT_ALLOWED", "a learner not called on has no feed");
        (await host.Fails("MediaPublishing", feed + 1, true)).ShouldBe("NOT_ALLOWED", "a feed Vape never gave");
        (await host.Fails("MediaPublishing", 0, true)).ShouldBe("INVALID_INPUT");
        (await (await Device("learner-hp")).Fails("MediaPublishing", feed, true)).ShouldBe("NOT_IN_ROOM");

        var after = await (await Device("learner2")).Join(session);
        after.Version.ShouldBe(before, "nothing was written");
        after.Publishers.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_learner_called_on_is_announced_and_the_hosts_end_of_the_turn_takes_them_off()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var other = await Device("learner2");
        await other.Join(session);
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        await learner.Do("RaiseHand");
        await host.Do("CallOn", learnerId);
        var grant = await Granted(session, "learner");
        grant["publisher"]!.GetValue<bool>().ShouldBeTrue();
        var feed = grant["feed"]!.GetValue<int>();

        await learner.Do("MediaPublishing", feed, true);
        Announced(await other.Next("mediaPublisher")).ShouldBe((learnerId, feed, true));

        var ended = await App.GraphQL("mutation($i: EndClassMediaSpeakingInput!) { endClassMediaSpeaking(input: $i) { speaking } }",
            new { i = new { sessionId = session, personId = learnerId.ToString() } }, await Api.Org.Token("commune"));
        ended.HasErrors.ShouldBeFalse(ended.Body);
        Announced(await other.Next("mediaPublisher")).ShouldBe((learnerId, feed, false));
        (await learner.Fails("MediaPublishing", feed, true)).ShouldBe("NOT_ALLOWED", "the turn is over: the grant no longer publishes");
    }

    [Fact]
    public async Task A_publisher_who_leaves_the_room_is_no_longer_listed()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var feed = (await Granted(session, "commune"))["feed"]!.GetValue<int>();
        await host.Do("MediaPublishing", feed, true);
        await learner.Next("mediaPublisher");

        await host.Call<object>("Leave");
        await learner.Next("participantLeft");

        (await (await Device("learner2")).Join(session)).Publishers.ShouldBeEmpty();
    }
}
