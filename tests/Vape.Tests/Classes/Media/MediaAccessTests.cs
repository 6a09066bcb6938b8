using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// Media access closes when the classroom closes it (docs/adr/0286): leaving, removal and lock, seen through
/// `joinClassMedia`, the classroom hub and the Janus API a browser uses, against a real Janus on loopback.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class MediaAccessTests(MediaApp app) : ClassroomTestsBase<MediaApp>(app)
{
    private const string Join = "mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room pin token publisher feed } }";

    private async Task<string> LiveClass(object? extra = null)
    {
        var c = await Api.Schedule("Lớp có hình", extra: extra);
        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner"));
        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner2"));
        return c["sessions"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<GraphQLResponse> Media(string sessionId, string login) =>
        await App.GraphQL(Join, new { i = new { sessionId } }, await Api.Org.Token(login));

    private async Task<JsonNode> Granted(string sessionId, string login)
    {
        var response = await Media(sessionId, login);
        if (response.HasErrors) throw new InvalidOperationException(response.Body);
        return response.Data["joinClassMedia"]!;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (guard.IsCancellationRequested) throw new TimeoutException(what);
            await Task.Delay(50);
        }
    }

    private static JsonObject Subscribe(JsonNode grant, string pin, int feed) =>
        new() { ["ptype"] = "subscriber", ["room"] = grant["room"]!.GetValue<int>(), ["pin"] = pin, ["streams"] = new JsonArray(new JsonObject { ["feed"] = feed }) };

    private static JsonObject Publish(int room, string pin, string token) =>
        new() { ["ptype"] = "publisher", ["room"] = room, ["pin"] = pin, ["token"] = token };

    [Fact]
    public async Task A_learner_of_one_room_cannot_publish_in_another_with_its_real_current_pin()
    {
        var a = await LiveClass();
        var b = await LiveClass();
        await (await Device("commune")).Join(a);
        await (await Device("commune")).Join(b);
        await (await Device("learner")).Join(a);
        var mine = await Granted(a, "learner");
        var other = await Granted(b, "commune");
        var roomB = other["room"]!.GetValue<int>();
        var pinB = other["pin"]!.GetValue<string>();
        roomB.ShouldNotBe(mine["room"]!.GetValue<int>());

        var phone = App.Janus.Client(mine["token"]!.GetValue<string>());
        (await phone.Open()).ShouldBe(0);
        var refused = await phone.Join(Publish(roomB, pinB, mine["token"]!.GetValue<string>()));
        refused["error_code"]!.GetValue<int>().ShouldBe(433, refused.ToJsonString());
        // The pin was right: B's own host publishes with it.
        var teacher = App.Janus.Client(other["token"]!.GetValue<string>());
        (await teacher.Open()).ShouldBe(0);
        (await teacher.Join(Publish(roomB, pinB, other["token"]!.GetValue<string>())))["videoroom"]!.GetValue<string>().ShouldBe("joined");
        (await Media(b, "learner")).FirstErrorCode.ShouldBe("NOT_IN_ROOM", "the learner was never in room B");
    }

    [Fact]
    public async Task A_learner_waiting_in_the_lobby_gets_no_token()
    {
        var session = await LiveClass(new { lobby = true });
        await (await Device("commune")).Join(session);
        var learner = await Device("learner");
        await learner.Enter(session);

        (await Media(session, "learner")).FirstErrorCode.ShouldBe("NOT_IN_ROOM");
    }

    [Fact]
    public async Task A_learner_who_leaves_loses_their_token_and_the_pin_they_held_opens_nothing()
    {
        var session = await LiveClass();
        var elsewhere = await LiveClass();
        await (await Device("commune")).Join(session);
        await (await Device("commune")).Join(elsewhere);
        var learner = await Device("learner");
        await learner.Join(session);
        await (await Device("learner")).Join(elsewhere);
        var host = await Granted(session, "commune");
        var held = await Granted(session, "learner");
        var oldPin = held["pin"]!.GetValue<string>();
        var teacher = App.Janus.Client(host["token"]!.GetValue<string>());
        (await teacher.Open()).ShouldBe(0);
        var camera = Publish(host["room"]!.GetValue<int>(), oldPin, host["token"]!.GetValue<string>());
        camera["id"] = host["feed"]!.GetValue<int>();
        (await teacher.Join(camera))["videoroom"]!.GetValue<string>().ShouldBe("joined");
        var phone = App.Janus.Client(held["token"]!.GetValue<string>());
        (await phone.Open()).ShouldBe(0);

        await learner.Call<object>("Leave");

        await Eventually(async () => await App.Janus.Client(held["token"]!.GetValue<string>()).Open() == 403, "the token of a learner who left still opens a session");
        (await phone.KeepAlive()).ShouldNotBe(0, "their open Janus session is gone");
        // With any other valid token (their own from another class), the pin they kept opens nothing: it changed.
        var other = App.Janus.Client((await Granted(elsewhere, "learner"))["token"]!.GetValue<string>());
        (await other.Open()).ShouldBe(0);
        await Eventually(async () => (await Granted(session, "commune"))["pin"]!.GetValue<string>() != oldPin, "the room kept its pin after a learner left");
        var refused = await other.Join(Subscribe(host, oldPin, host["feed"]!.GetValue<int>()));
        refused["error_code"]!.GetValue<int>().ShouldBe(433, refused.ToJsonString());
        (await Media(session, "learner")).FirstErrorCode.ShouldBe("NOT_IN_ROOM");

        // Back in the room, the learner asks again and receives with the room's current pin.
        await learner.Join(session);
        var again = await Granted(session, "learner");
        var back = App.Janus.Client(again["token"]!.GetValue<string>());
        (await back.Open()).ShouldBe(0);
        var received = await back.Join(Subscribe(again, again["pin"]!.GetValue<string>(), host["feed"]!.GetValue<int>()));
        received["error_code"]?.GetValue<int>().ShouldNotBe(433, received.ToJsonString());
    }

    [Fact]
    public async Task Locking_the_room_leaves_those_inside_their_media_and_lets_nobody_new_in()
    {
        var session = await LiveClass(new { lobby = true });
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Enter(session);
        await host.Do("Admit", Guid.Parse(await Api.Org.PersonId("learner")));
        await learner.Join(session);
        var held = await Granted(session, "learner");
        await host.Do("Lock", true);

        var waiting = await Device("learner2");
        (await waiting.Fails("Join", Guid.Parse(session))).ShouldBe("ROOM_LOCKED");
        (await Media(session, "learner2")).FirstErrorCode.ShouldBe("NOT_IN_ROOM");
        (await App.Janus.Client(held["token"]!.GetValue<string>()).Open()).ShouldBe(0, "a learner inside keeps their media");
        (await Granted(session, "learner"))["pin"]!.GetValue<string>().ShouldBe(held["pin"]!.GetValue<string>(), "nobody lost access: the pin stays");
    }
}
