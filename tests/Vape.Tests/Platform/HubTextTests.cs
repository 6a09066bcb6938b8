using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Tests.Classes;
using Vape.Tests.Coordination;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// Hub text goes through the same check as GraphQL's (issue #28, ADRs 0100 and 0107): a NUL or another control
/// character anywhere, a direction or invisible character in a label (a poll's question and options), a direction
/// character in a reaction: INVALID_INPUT with a Vietnamese message, and the room or channel does not change. Bodies
/// may hold direction characters; everything is stored NFC. Over JSON and MessagePack, with the real .NET client.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class HubTextTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    private const string Decomposed = "Tie\u0302\u0301ng Vie\u0323\u0302t"; // "Tiếng Việt" as base letters and combining marks
    private static readonly string Composed = Decomposed.Normalize(System.Text.NormalizationForm.FormC);

    private static void RefusedInVietnamese(HubException e)
    {
        ClassroomClient.Code(e).ShouldBe("INVALID_INPUT", e.Message);
        e.Message.ShouldContain("ký tự");
    }

    private static readonly (string Method, object?[] Args)[] BadCalls =
    [
        ("SendChat", ["Xin chào\0"]),
        ("SendChatWithId", [Guid.CreateVersion7(), "chuông\u0007"]),
        ("SendPrivate", ["riêng\u0000tư", null]),
        ("AskQuestion", ["\u001bcâu hỏi"]),
        ("AskQuestionWithId", [Guid.CreateVersion7(), "hỏi\u0085"]),
        ("OpenPoll", ["Chọn \u202Ecách học", new[] { "Trực tuyến", "Tại lớp" }, false]),
        ("OpenPoll", ["Chọn cách học", new[] { "Trực\u200B tuyến", "Tại lớp" }, false]),
        ("OpenPoll", ["Chọn cách học", new[] { "Trực tuyến", "Tại\0lớp" }, false]),
        ("React", ["👍\u202E"]),
    ];

    public static TheoryData<string, object?[], bool> BadClassroomCalls()
    {
        var data = new TheoryData<string, object?[], bool>();
        foreach (var (method, args) in BadCalls)
            foreach (var messagePack in new[] { false, true }) data.Add(method, args, messagePack);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadClassroomCalls))]
    public async Task Bad_classroom_text_is_refused_and_changes_nothing(string method, object?[] args, bool messagePack)
    {
        var (host, learner, _, _) = await LiveWithTwoLearners(messagePack);
        var caller = method == "OpenPoll" ? host : learner;
        var before = await learner.Do("SendChat", "trước");

        RefusedInVietnamese(await Refused(() => caller.Hub.InvokeCoreAsync<object>(method, args)));

        (await learner.Do("SendChat", "sau")).ShouldBe(before + 1); // nothing was written in between
    }

    /// <summary>The refusal of a call, waiting out the connection's own rate limit (which has its own tests).</summary>
    private static async Task<HubException> Refused(Func<Task> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            var e = await Should.ThrowAsync<HubException>(call);
            if (!e.Message.Contains("RATE_LIMITED") || attempt >= 20) return e;
            await Task.Delay(250);
        }
    }

    private static async Task<T> Allowed<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (HubException e) when (e.Message.Contains("RATE_LIMITED") && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Classroom_bodies_may_hold_direction_characters_and_text_is_stored_NFC(bool messagePack)
    {
        var (host, learner, _, session) = await LiveWithTwoLearners(messagePack);
        await learner.Do("SendChat", Decomposed);
        await learner.Do("AskQuestion", "Câu \u202Bمرحبا\u202C này nghĩa là gì?");
        await host.Do("OpenPoll", Decomposed, new[] { Decomposed, "Khác" }, false);

        // The host's device speaks JSON: every text the room holds now, as the host catches up from the start.
        var heard = await host.Call<Vape.Classes.Classroom.ClassroomCatchUp>("CatchUpIn", session, 0L);
        var texts = heard.Events.SelectMany(e => Strings((System.Text.Json.JsonElement)e.Data)).ToList();
        texts.ShouldContain(Composed);
        texts.ShouldNotContain(Decomposed);
        texts.ShouldContain("Câu \u202Bمرحبا\u202C này nghĩa là gì?");
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [e.GetString()!],
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bad_channel_text_is_refused_and_changes_nothing(bool messagePack)
    {
        var api = new CoordinationApi(App);
        var channel = await api.ChannelId("commune", "T01-X001", "UNIT");
        await using var member = await api.Connect("commune", messagePack);
        var first = await member.Post(channel, "Họp chi hội tối nay.");

        RefusedInVietnamese(await Refused(() => member.Post(channel, "Họp\0 chi hội")));
        RefusedInVietnamese(await Refused(() => member.Post(channel, "Họp", priority: "URGENT\u202E")));
        RefusedInVietnamese(await Refused(() => member.Hub.InvokeAsync<object>("Edit", first.Id, "sửa\u0000")));
        RefusedInVietnamese(await Refused(() => member.Hub.InvokeAsync<object>("React", first.Id, "👍\u202E", true)));
        RefusedInVietnamese(await Refused(() => member.Hub.InvokeAsync<object>("SetPresence", "AWAY\u0000")));

        var next = await Allowed(() => member.Post(channel, Decomposed + " \u202Bمرحبا\u202C"));
        next.Version.ShouldBe(first.Version + 1); // nothing was written in between
        next.Body.ShouldBe(Composed + " \u202Bمرحبا\u202C");
        (await Allowed(() => member.Hub.InvokeAsync<Vape.Coordination.Messages.MessageView>("Edit", first.Id, Decomposed))).Body.ShouldBe(Composed);
    }
}
