using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// Who gets a Janus token, and what Janus then lets them do: through GraphQL (`joinClassMedia`), the classroom hub
/// (the real SignalR client) and the Janus API a browser uses, against a real Janus on loopback (the control plane
/// needs no WebRTC; the media tests in a network namespace do).
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class MediaTokenTests(MediaApp app) : ClassroomTestsBase<MediaApp>(app)
{
    private const string Join = "mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room pin token publisher feed expiresAt screenFeed publishersPollSeconds } }";

    private async Task<string> LiveClass()
    {
        var c = await Api.Schedule("Lớp có hình");
        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner"));
        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner2"));
        return c["sessions"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<GraphQLResponse> Media(string sessionId, string? login) =>
        await App.GraphQL(Join, new { i = new { sessionId } }, login is null ? null : await Api.Org.Token(login));

    private async Task<JsonNode> Granted(string sessionId, string login)
    {
        var response = await Media(sessionId, login);
        if (response.HasErrors) throw new InvalidOperationException(response.Body);
        return response.Data["joinClassMedia"]!;
    }

    /// <summary>Polls Janus until the condition holds (Vape's calls to Janus leave after the commit, on a queue).</summary>
    private static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        using var guard = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (guard.IsCancellationRequested) throw new TimeoutException(what);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_host_may_publish_and_a_learner_in_the_room_only_receive_on_Janus()
    {
        (await App.GraphQL("{ mediaEnabled }")).Data["mediaEnabled"]!.GetValue<bool>().ShouldBeTrue();
        var session = await LiveClass();
        await (await Device("commune")).Join(session);
        await (await Device("learner")).Join(session);

        var host = await Granted(session, "commune");
        var learner = await Granted(session, "learner");
        host["url"]!.GetValue<string>().ShouldBe(App.Janus.PublicUrl);
        host["publisher"]!.GetValue<bool>().ShouldBeTrue();
        learner["publisher"]!.GetValue<bool>().ShouldBeFalse();
        learner["feed"].ShouldBeNull();
        learner["room"]!.GetValue<int>().ShouldBe(host["room"]!.GetValue<int>(), "one room per session");
        learner["token"]!.GetValue<string>().ShouldNotBe(host["token"]!.GetValue<string>());
        (await App.Janus.RoomExists(host["room"]!.GetValue<int>())).ShouldBeTrue();

        var room = host["room"]!.GetValue<int>();
        var pin = host["pin"]!.GetValue<string>();
        var teacher = App.Janus.Client(host["token"]!.GetValue<string>());
        (await teacher.Open()).ShouldBe(0);
        var published = await teacher.Join(new JsonObject { ["ptype"] = "publisher", ["room"] = room, ["pin"] = pin, ["id"] = host["feed"]!.GetValue<int>(), ["token"] = host["token"]!.GetValue<string>() });
        published["videoroom"]!.GetValue<string>().ShouldBe("joined", published.ToJsonString());

        var phone = App.Janus.Client(learner["token"]!.GetValue<string>());
        (await phone.Open()).ShouldBe(0, "the learner's token opens a Janus session");
        var refused = await phone.Join(new JsonObject { ["ptype"] = "publisher", ["room"] = room, ["pin"] = pin, ["token"] = learner["token"]!.GetValue<string>() });
        refused["error_code"]!.GetValue<int>().ShouldBe(433, "a learner's token is not on the room's publishers (JANUS_VIDEOROOM_ERROR_UNAUTHORIZED)");
        var noPin = await phone.Join(new JsonObject { ["ptype"] = "subscriber", ["room"] = room, ["streams"] = new JsonArray(new JsonObject { ["feed"] = host["feed"]!.GetValue<int>() }) });
        noPin["error_code"].ShouldNotBeNull("the room needs its pin");
    }

    [Fact]
    public async Task The_host_publishes_a_screen_as_a_second_feed_of_the_room_and_a_learners_token_cannot_nor_can_a_second_share()
    {
        var session = await LiveClass();
        await (await Device("commune")).Join(session);
        await (await Device("learner")).Join(session);
        var host = await Granted(session, "commune");
        var learner = await Granted(session, "learner");
        var screenFeed = host["screenFeed"]!.GetValue<int>();
        learner["screenFeed"]!.GetValue<int>().ShouldBe(screenFeed, "every page tells the room's screen from a camera");
        screenFeed.ShouldNotBe(host["feed"]!.GetValue<int>());
        (await Granted(session, "commune"))["screenFeed"]!.GetValue<int>().ShouldBe(screenFeed, "the same for every token of the room");

        var room = host["room"]!.GetValue<int>();
        var pin = host["pin"]!.GetValue<string>();
        // A learner's token may not publish the screen (nor anything): Janus refuses it (433), before and while the host shares.
        var phone = App.Janus.Client(learner["token"]!.GetValue<string>());
        (await phone.Open()).ShouldBe(0);
        JsonObject AsScreen(JsonNode grant) => new() { ["ptype"] = "publisher", ["room"] = room, ["pin"] = pin, ["id"] = screenFeed, ["token"] = grant["token"]!.GetValue<string>() };
        (await phone.Join(AsScreen(learner)))["error_code"]!.GetValue<int>().ShouldBe(433);

        var teacher = App.Janus.Client(host["token"]!.GetValue<string>());
        (await teacher.Open()).ShouldBe(0);
        var camera = await teacher.Join(new JsonObject { ["ptype"] = "publisher", ["room"] = room, ["pin"] = pin, ["id"] = host["feed"]!.GetValue<int>(), ["token"] = host["token"]!.GetValue<string>() });
        camera["videoroom"]!.GetValue<string>().ShouldBe("joined", camera.ToJsonString());
        var screen = await teacher.Join(AsScreen(host));
        screen["videoroom"]!.GetValue<string>().ShouldBe("joined", screen.ToJsonString());
        screen["id"]!.GetValue<int>().ShouldBe(screenFeed);
        (await phone.Join(AsScreen(learner)))["error_code"]!.GetValue<int>().ShouldBe(433);
        // One screen at a time: a second share (another host's page) is refused by Janus (436, the id is taken).
        var other = App.Janus.Client(host["token"]!.GetValue<string>());
        (await other.Open()).ShouldBe(0);
        (await other.Join(AsScreen(host)))["error_code"]!.GetValue<int>().ShouldBe(436);
    }

    [Fact]
    public async Task Nobody_else_gets_a_token_and_Janus_refuses_a_session_without_one()
    {
        var session = await LiveClass();
        (await Media(session, "commune")).FirstErrorCode.ShouldBe("CLASS_NOT_STARTED");
        await (await Device("commune")).Join(session);

        (await Media(session, null)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await Media(session, "learner")).FirstErrorCode.ShouldBe("NOT_IN_ROOM", "enrolled, but not in the room");
        (await Media(session, "learner-hp")).FirstErrorCode.ShouldBe("NOT_IN_ROOM", "not even enrolled");
        (await Media(Guid.NewGuid().ToString(), "learner")).FirstErrorCode.ShouldBe("NOT_FOUND");
        var bad = await Media("không-phải-id", "learner");
        bad.FirstErrorCode.ShouldBe("INVALID_INPUT");
        bad.FirstErrorMessage.ShouldNotBeNullOrEmpty();

        (await App.Janus.Client(null).Open()).ShouldBe(403, "no token");
        (await App.Janus.Client("made-up-token").Open()).ShouldBe(403, "a token Vape never gave");
    }

    [Fact]
    public async Task A_removed_learner_loses_their_token_on_Janus_and_gets_no_new_one()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        await (await Device("learner")).Join(session);
        var token = (await Granted(session, "learner"))["token"]!.GetValue<string>();
        var phone = App.Janus.Client(token);
        (await phone.Open()).ShouldBe(0);

        await host.Do("Remove", Guid.Parse(await Api.Org.PersonId("learner")));

        await Eventually(async () => await App.Janus.Client(token).Open() == 403, "the removed learner's token still opens a session");
        (await phone.KeepAlive()).ShouldNotBe(0, "their open session is gone or refused");
        (await Media(session, "learner")).FirstErrorCode.ShouldBe("REMOVED");
    }

    /// <summary>ADR 0268: pages are told when the room's publishers change, instead of each polling Janus every 3 s.</summary>
    [Fact]
    public async Task Publishing_is_told_to_the_room_by_a_host_or_the_learner_called_on_and_refused_to_anyone_else()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var other = await Device("learner2");
        await other.Join(session);
        var learnerId = await Api.Org.PersonId("learner");

        var refused = await Should.ThrowAsync<HubException>(() => learner.Call<object>("MediaPublishing", true));
        ClassroomClient.Code(refused).ShouldBe("NOT_ALLOWED");
        refused.Message.ShouldContain("Chỉ người dẫn lớp hoặc học viên đang được mời phát biểu");

        var version = await host.Do("MediaPublishing", true);
        var told = await other.Next("mediaPublishersChanged");
        (told.Version, told.Data.GetProperty("personId").GetString(), told.Data.GetProperty("publishing").GetBoolean())
            .ShouldBe((version, await Api.Org.PersonId("commune"), true), "the refused learner's call told the room nothing");
        (await Granted(session, "learner2"))["publishersPollSeconds"]!.GetValue<int>().ShouldBe(30, "the poll is only the slow fallback");

        await learner.Do("RaiseHand");
        await host.Do("CallOn", Guid.Parse(learnerId));
        (await Granted(session, "learner"))["publisher"]!.GetValue<bool>().ShouldBeTrue();
        version = await learner.Do("MediaPublishing", true);
        told = await other.Next("mediaPublishersChanged");
        (told.Version, told.Data.GetProperty("personId").GetString()).ShouldBe((version, learnerId));

        var ended = await App.GraphQL("mutation($i: EndClassMediaSpeakingInput!) { endClassMediaSpeaking(input: $i) { speaking } }",
            new { i = new { sessionId = session, personId = learnerId } }, await Api.Org.Token("commune"));
        ended.HasErrors.ShouldBeFalse(ended.Body);
        told = await other.Next("mediaPublishersChanged");
        (told.Data.GetProperty("personId").GetString(), told.Data.GetProperty("publishing").GetBoolean()).ShouldBe((learnerId, false));
        (await learner.Fails("MediaPublishing", true)).ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_removal_whose_host_died_before_telling_Janus_is_made_good_by_the_sweep()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        await (await Device("learner")).Join(session);
        var token = (await Granted(session, "learner"))["token"]!.GetValue<string>();
        (await App.Janus.Client(token).Open()).ShouldBe(0);

        // The removal committed on a host that died before its call to Janus: the room says removed, Janus was never told.
        await using (var removed = App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "update classes.participants set removed = true where session_id = @s and person_id = @p"))
        {
            removed.Parameters.AddWithValue("s", Guid.Parse(session));
            removed.Parameters.AddWithValue("p", Guid.Parse(await Api.Org.PersonId("learner")));
            (await removed.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        (await Media(session, "learner")).FirstErrorCode.ShouldBe("REMOVED");

        // Nothing but the sweep tells Janus now: the hub's own call after the commit never ran.
        await Eventually(async () => await App.Janus.Client(token).Open() == 403, "the sweep left the removed learner's token on Janus");
    }

    [Fact]
    public async Task Ending_the_class_destroys_its_room_and_removes_every_token()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        await (await Device("learner")).Join(session);
        var teacher = await Granted(session, "commune");
        var learner = await Granted(session, "learner");
        var room = teacher["room"]!.GetValue<int>();

        await host.Do("End");

        await Eventually(async () => !await App.Janus.RoomExists(room), "the room still exists on Janus");
        // The room goes first, then the tokens (one admin call each): wait for both, as for a removal.
        await Eventually(async () => await App.Janus.Client(teacher["token"]!.GetValue<string>()).Open() == 403, "the teacher's token still opens a session");
        await Eventually(async () => await App.Janus.Client(learner["token"]!.GetValue<string>()).Open() == 403, "the learner's token still opens a session");
        (await Media(session, "commune")).FirstErrorCode.ShouldBe("CLASS_ENDED");
    }

    [Fact]
    public async Task An_expired_token_is_removed_from_Janus()
    {
        var session = await LiveClass();
        await (await Device("commune")).Join(session);
        await (await Device("learner")).Join(session);
        var learner = await Granted(session, "learner");
        (await App.Janus.Client(learner["token"]!.GetValue<string>()).Open()).ShouldBe(0);
        DateTimeOffset.Parse(learner["expiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ShouldBe(App.Clock.GetUtcNow().AddMinutes(240), TimeSpan.FromSeconds(5));

        App.Clock.Advance(TimeSpan.FromMinutes(241));

        await Eventually(async () => await App.Janus.Client(learner["token"]!.GetValue<string>()).Open() == 403, "the expired token still opens a session");
    }

    [Fact]
    public async Task A_class_ending_while_its_node_does_not_answer_ends_once_and_its_room_goes_when_the_node_answers()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var room = (await Granted(session, "commune"))["room"]!.GetValue<int>();
        bool SweepFailed(string line) => line.StartsWith("Media: the sweep failed", StringComparison.Ordinal)
            || line.StartsWith("Media: ending the room of session " + session, StringComparison.Ordinal);
        var failedBefore = App.Logs.Lines.Count(SweepFailed);

        await App.Janus.Pause();
        try
        {
            await host.Do("End");
            // Janus's admin call times out (10 s); then the class's room is ended in Vape, said once.
            await Eventually(() => Task.FromResult(App.Logs.Lines.Any(l => l.Contains("did not answer", StringComparison.Ordinal) && l.Contains(session, StringComparison.Ordinal))),
                "no line says the room ended while its node did not answer", TimeSpan.FromSeconds(40));
            (await Media(session, "commune")).FirstErrorCode.ShouldBe("CLASS_ENDED");
            await Task.Delay(TimeSpan.FromSeconds(3)); // three sweeps (one a second)
        }
        finally
        {
            await App.Janus.Resume();
        }

        await Eventually(async () => !await App.Janus.RoomExists(room), "the ended class's room is still on the node that answers again", TimeSpan.FromSeconds(40));
        App.Logs.Lines.Count(SweepFailed).ShouldBe(failedBefore, "the sweep failed while the node did not answer");
        App.Logs.Lines.Count(l => l.Contains("did not answer", StringComparison.Ordinal) && l.Contains(session, StringComparison.Ordinal)).ShouldBe(1, string.Join("\n", App.Logs.Lines.Where(l => l.Contains(session, StringComparison.Ordinal))));
    }
}
