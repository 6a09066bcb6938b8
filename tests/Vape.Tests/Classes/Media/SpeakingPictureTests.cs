using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Vape.Classes.Media;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A host takes a raised hand with or without the learner's picture, and allows or withdraws it during the turn
/// (docs/adr/0299): through the classroom hub (the real SignalR client) and `joinClassMedia`, against a real Janus.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class SpeakingPictureTests(MediaApp app) : ClassroomTestsBase<MediaApp>(app)
{
    private const string Join = "mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { token publisher feed picture } }";

    private async Task<string> LiveClass()
    {
        var c = await Api.Schedule("Lớp có hình người nói");
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

    [Fact]
    public async Task A_host_takes_a_hand_with_the_picture_withdraws_it_and_the_voice_goes_on()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var other = await Device("learner2");
        await other.Join(session);
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));

        (await Granted(session, "commune"))["picture"]!.GetValue<bool>().ShouldBeTrue("a host publishes a camera");
        await learner.Do("RaiseHand");
        var version = await host.Do("CallOnWithPicture", learnerId, true);
        var told = await other.Next("pictureAllowed");
        (told.Version, told.Data.GetProperty("personId").GetGuid(), told.Data.GetProperty("allowed").GetBoolean()).ShouldBe((version, learnerId, true));
        var granted = await Granted(session, "learner");
        (granted["publisher"]!.GetValue<bool>(), granted["picture"]!.GetValue<bool>()).ShouldBe((true, true));

        version = await host.Do("AllowPicture", learnerId, false);
        told = await other.Next("pictureAllowed");
        (told.Version, told.Data.GetProperty("allowed").GetBoolean()).ShouldBe((version, false));
        granted = await Granted(session, "learner");
        (granted["publisher"]!.GetValue<bool>(), granted["picture"]!.GetValue<bool>()).ShouldBe((true, false), "the voice goes on without the picture");
    }

    [Fact]
    public async Task A_hand_taken_for_the_voice_only_gives_no_picture_and_a_learner_may_not_allow_one()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var other = await Device("learner2");
        await other.Join(session);
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));

        (await host.Fails("AllowPicture", learnerId, true)).ShouldBe("INVALID_INPUT", "nobody speaks yet");
        await learner.Do("RaiseHand");
        await host.Do("CallOn", learnerId);
        var granted = await Granted(session, "learner");
        (granted["publisher"]!.GetValue<bool>(), granted["picture"]!.GetValue<bool>()).ShouldBe((true, false));

        var refused = await Should.ThrowAsync<HubException>(() => learner.Call<object>("AllowPicture", learnerId, true));
        ClassroomClient.Code(refused).ShouldBe("NOT_ALLOWED");
        (await other.Fails("AllowPicture", learnerId, true)).ShouldBe("NOT_ALLOWED");
        (await Granted(session, "learner"))["picture"]!.GetValue<bool>().ShouldBeFalse("the refused calls allowed nothing");

        var version = await host.Do("AllowPicture", learnerId, true);
        (await other.Next("pictureAllowed")).Version.ShouldBe(version, "the refused calls told the room nothing");
        (await Granted(session, "learner"))["picture"]!.GetValue<bool>().ShouldBeTrue();

        var ended = await App.GraphQL("mutation($i: EndClassMediaSpeakingInput!) { endClassMediaSpeaking(input: $i) { speaking } }",
            new { i = new { sessionId = session, personId = learnerId } }, await Api.Org.Token("commune"));
        ended.HasErrors.ShouldBeFalse(ended.Body);
        granted = await Granted(session, "learner");
        (granted["publisher"]!.GetValue<bool>(), granted["picture"]!.GetValue<bool>()).ShouldBe((false, false), "the turn's end ends the picture");
        (await host.Fails("AllowPicture", learnerId, true)).ShouldBe("INVALID_INPUT", "a turn that ended is not given a picture");
    }

    /// <summary>What moderation remembers of a publisher found on Janus (ADR 0304): written here as a found one would be.</summary>
    private async Task Remember(string token)
    {
        await using var session = App.Store.LightweightSession();
        session.Store(new MediaPublisher { Id = token, Session = 1, Handle = 2 });
        await session.SaveChangesAsync();
    }

    private async Task<bool> Remembered(string token)
    {
        await using var query = App.Store.QuerySession();
        return await query.LoadAsync<MediaPublisher>(token) is not null;
    }

    [Fact]
    public async Task A_speakers_remembered_handle_goes_with_the_turn_and_with_the_class_and_a_new_turn_starts_with_none()
    {
        var session = await LiveClass();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        await learner.Do("RaiseHand");
        await host.Do("CallOnWithPicture", learnerId, true);
        var first = await Granted(session, "learner");
        var firstToken = first["token"]!.GetValue<string>();
        await Remember(firstToken);

        var ended = await App.GraphQL("mutation($i: EndClassMediaSpeakingInput!) { endClassMediaSpeaking(input: $i) { speaking } }",
            new { i = new { sessionId = session, personId = learnerId } }, await Api.Org.Token("commune"));
        ended.HasErrors.ShouldBeFalse(ended.Body);
        (await Remembered(firstToken)).ShouldBeFalse("the turn ended: its publisher's handle is forgotten");

        await learner.Do("RaiseHand");
        await host.Do("CallOnWithPicture", learnerId, true);
        var second = await Granted(session, "learner");
        second["publisher"]!.GetValue<bool>().ShouldBeTrue();
        var secondToken = second["token"]!.GetValue<string>();
        secondToken.ShouldNotBe(firstToken, "a new turn publishes under a token of its own");
        (await Remembered(secondToken)).ShouldBeFalse("nothing remembered steers the new turn's moderation: its publisher is found on Janus");
        await host.Do("AllowPicture", learnerId, false);
        (await Granted(session, "learner"))["picture"]!.GetValue<bool>().ShouldBeFalse("the new turn is moderated");

        await Remember(secondToken);
        await host.Do("End");
        await Eventually(async () => !await Remembered(secondToken), "the class ended: its speakers' handles are forgotten");
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (guard.IsCancellationRequested) throw new TimeoutException(what);
            await Task.Delay(100);
        }
    }
}
