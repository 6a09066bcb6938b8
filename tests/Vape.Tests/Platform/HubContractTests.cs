using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Classes.Classroom;
using Vape.Coordination.Realtime;
using Vape.Tests.Classes;
using Vape.Tests.Coordination;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// One contract for both protocols on both hubs (ADR 0071), through the real .NET client: over JSON and over
/// MessagePack the same calls answer with the same names (camelCase), the same shapes, enums as their GraphQL names
/// and times as ISO strings. Each value is read as a <see cref="JsonElement"/>, so what is checked is what the wire
/// carried, not what a typed client made of it.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class HubContractTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    private readonly CoordinationApi _coordination = new(app);

    [Fact]
    public async Task Coordination_answers_and_pushes_the_same_contract_over_JSON_and_MessagePack()
    {
        var channel = await _coordination.ChannelId("central", "TW", "CROSS_LEVEL");
        var shapes = new List<string>();
        foreach (var messagePack in new[] { false, true })
        {
            await using var reader = await Open(CoordinationHub.Path, "province", messagePack);
            var pushes = Channel.CreateUnbounded<JsonElement>();
            reader.On<JsonElement>(CoordinationHub.Events.ChannelEvent, e => pushes.Writer.TryWrite(e));
            await reader.StartAsync();
            var channels = await reader.InvokeAsync<JsonElement>("Channels");
            channels.ValueKind.ShouldBe(JsonValueKind.Array, "Channels() answers over MessagePack too");
            var mine = channels.EnumerateArray().Single(c => c.GetProperty("channelId").GetGuid() == channel);
            mine.GetProperty("kind").GetString().ShouldBe("CROSS_LEVEL");

            await using var writer = await Open(CoordinationHub.Path, "central", messagePack);
            await writer.StartAsync();
            var messageId = Guid.CreateVersion7();
            // The documented camelCase names, sent as a client in any language would.
            var posted = await writer.InvokeAsync<JsonElement>("Post", new Dictionary<string, object?>
            {
                ["channelId"] = channel, ["messageId"] = messageId, ["body"] = "Họp giao ban sáng thứ Hai.", ["priority"] = "URGENT",
            });
            posted.GetProperty("id").GetGuid().ShouldBe(messageId);
            posted.GetProperty("priority").GetString().ShouldBe("URGENT", "a camelCase argument is read, not ignored");

            var version = posted.GetProperty("version").GetInt64();
            var caughtUp = await reader.InvokeAsync<JsonElement>("CatchUp", new[] { new Dictionary<string, object> { ["channelId"] = channel, ["version"] = version - 1 } });
            caughtUp[0].GetProperty("events")[0].GetProperty("message").GetProperty("id").GetGuid().ShouldBe(messageId);

            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            JsonElement push;
            do push = await pushes.Reader.ReadAsync(guard.Token);
            while (push.GetProperty("message").GetProperty("id").GetGuid() != messageId);
            push.GetProperty("kind").GetString().ShouldBe("POSTED");
            IsoTime(push.GetProperty("at"));
            IsoTime(push.GetProperty("message").GetProperty("postedAt"));

            foreach (var value in new[] { channels, posted, caughtUp, push }) CamelCase(value);
            shapes.Add(string.Join("\n", Shape(mine), Shape(posted), Shape(caughtUp), Shape(push)));
        }
        shapes[1].ShouldBe(shapes[0], "MessagePack carries what JSON carries");
    }

    [Fact]
    public async Task The_classroom_answers_and_pushes_the_same_contract_over_JSON_and_MessagePack()
    {
        var c = await Api.Schedule("Lớp trực tuyến");
        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner"));
        var session = Guid.Parse(c["sessions"]![0]!["id"]!.GetValue<string>());
        var shapes = new List<string>();
        foreach (var messagePack in new[] { false, true })
        {
            await using var host = await Open(ClassroomHub.Path, "commune", messagePack);
            var pushes = Channel.CreateUnbounded<JsonElement>();
            host.On<JsonElement>("classroomEvent", e => pushes.Writer.TryWrite(e));
            await host.StartAsync();
            var opened = await host.InvokeAsync<JsonElement>("Join", session);
            opened.GetProperty("me").GetProperty("role").GetString().ShouldBe("HOST");
            opened.GetProperty("status").GetString().ShouldBe("LIVE");

            await using var learner = await Open(ClassroomHub.Path, "learner", messagePack);
            await learner.StartAsync();
            var snapshot = await learner.InvokeAsync<JsonElement>("Join", session);

            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            JsonElement joined;
            do joined = await pushes.Reader.ReadAsync(guard.Token);
            while (joined.GetProperty("type").GetString() != "participantJoined" || joined.GetProperty("data").GetProperty("role").GetString() == "HOST");
            joined.GetProperty("data").GetProperty("role").GetString().ShouldBe("LEARNER", "enums are their GraphQL names on both protocols");
            joined.GetProperty("sessionId").GetGuid().ShouldBe(session);
            IsoTime(joined.GetProperty("at"));

            foreach (var value in new[] { opened, snapshot, joined }) CamelCase(value);
            shapes.Add(string.Join("\n", Shape(snapshot), Shape(joined)));
            await learner.InvokeAsync("Leave");
            await host.InvokeAsync("Leave");
        }
        shapes[1].ShouldBe(shapes[0], "MessagePack carries what JSON carries");
    }

    private async Task<HubConnection> Open(string path, string login, bool messagePack) => App.Hub(path, await Api.Org.Token(login), messagePack);

    private static void IsoTime(JsonElement value)
    {
        value.ValueKind.ShouldBe(JsonValueKind.String, "a time is an ISO string, not MessagePack's [date, offset]");
        DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _).ShouldBeTrue(value.GetString());
    }

    private static void CamelCase(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array) foreach (var item in value.EnumerateArray()) CamelCase(item);
        if (value.ValueKind != JsonValueKind.Object) return;
        foreach (var property in value.EnumerateObject())
        {
            char.IsLower(property.Name[0]).ShouldBeTrue($"`{property.Name}` is not camelCase");
            CamelCase(property.Value);
        }
    }

    /// <summary>Names and kinds of values, recursively (an array by its first item): what a client's code depends on.</summary>
    private static string Shape(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().Select(p => p.Name + ":" + Shape(p.Value))) + "}",
        JsonValueKind.Array => "[" + (value.GetArrayLength() > 0 ? Shape(value[0]) : "") + "]",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => value.ValueKind.ToString(),
    };
}
