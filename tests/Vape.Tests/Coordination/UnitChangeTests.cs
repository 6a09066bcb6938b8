using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Coordination.Channels;
using Vape.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace Vape.Tests.Coordination;

/// <summary>Channels follow the organization's merges and dissolutions (docs/adr/0045), with the real mutations and Wolverine tracked sessions.</summary>
[Collection(VapeCollection.Name)]
public sealed class UnitChangeTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs the mutation and waits until every message it set off (on every module) has been handled.</summary>
    private async Task<GraphQLResponse> Tracked(string name, object input, string login, string selection = "__typename")
    {
        GraphQLResponse response = null!;
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IncludeExternalTransports().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            response = await _api.Mutate(name, input, login, selection)));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response;
    }

    private async Task<JsonNode?> ChannelOf(string login, Guid channelId)
    {
        var response = await app.GraphQL("{ channels(first: 100) { nodes { id kind version myRole archived archivedAt successorChannelId } } }", token: await _api.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["channels"]!["nodes"]!.AsArray().SingleOrDefault(c => c!["id"]!.GetValue<string>() == channelId.ToString());
    }

    private async Task<(string Id, int Version)> Unit(string code)
    {
        var unit = await _api.Organization.Unit(code);
        return (unit["id"]!.GetValue<string>(), unit["version"]!.GetValue<int>());
    }

    private async Task<List<string>> Bodies(Guid channelId, string login)
    {
        var page = await _api.Query("query($id: ID!) { channel(id: $id) { messages(first: 50) { nodes { body } } } }", new { id = channelId }, login);
        page.HasErrors.ShouldBeFalse(page.Body);
        return [.. page.Data["channel"]!["messages"]!["nodes"]!.AsArray().Select(n => n!["body"]!.GetValue<string>())];
    }

    /// <summary>What the client hears until the first that matches (other channels of the same units are told too).</summary>
    private static async Task<T> Until<T>(System.Threading.Channels.ChannelReader<T> reader, Func<T, bool> match)
    {
        while (true)
        {
            var next = await Member.Next(reader);
            if (match(next)) return next;
        }
    }

    [Fact]
    public async Task A_merged_commune_channels_are_archived_linked_to_the_successor_and_its_officials_read_the_history()
    {
        // Sóc Sơn gets an official, so that it has a channel of its own to continue Ba Đình's.
        var socSonOfficial = await _api.PersonId("learner2");
        await Tracked("assignRole", new { personId = socSonOfficial.ToString(), unitId = (await Unit("T01-X003")).Id, role = "STAFF" }, "province");
        var socSonUnit = await _api.ChannelId("learner2", "T01-X003", "UNIT");
        var baDinhUnit = await _api.ChannelId("commune", "T01-X001", "UNIT");

        await using var commune = await _api.Connect("commune");
        var archivedEvents = System.Threading.Channels.Channel.CreateUnbounded<ChannelArchived>();
        commune.Hub.On<ChannelArchived>("channelArchived", e => archivedEvents.Writer.TryWrite(e));
        await using var learner2 = await _api.Connect("learner2");
        var before = await commune.Post(baDinhUnit, "Biên bản họp chi hội tháng 11 đã gửi về phường.");

        var (baDinh, version) = await Unit("T01-X001");
        await Tracked("mergeUnit", new { unitId = baDinh, successorId = (await Unit("T01-X003")).Id, expectedVersion = version }, "province");

        // The commune official keeps the history, read-only, with the way to its successor.
        var archived = (await ChannelOf("commune", baDinhUnit))!;
        archived["archived"]!.GetValue<bool>().ShouldBeTrue();
        archived["successorChannelId"]!.GetValue<string>().ShouldBe(socSonUnit.ToString());
        // Each archived channel of Ba Đình is announced to its members; its unit channel among them.
        (await Until(archivedEvents.Reader, e => e.ChannelId == baDinhUnit)).ShouldBe(new ChannelArchived(baDinhUnit, socSonUnit));

        // The successor's official now reads Ba Đình's history too, and their open connection follows at once.
        var reader = (await ChannelOf("learner2", baDinhUnit))!;
        reader["myRole"]!.GetValue<string>().ShouldBe("READER");
        (await Bodies(baDinhUnit, "learner2")).ShouldContain(before.Body!);
        (await Until(learner2.Memberships, m => m.ChannelId == baDinhUnit)).Joined.ShouldBeTrue();

        // Nothing more is posted, edited or reacted to in it, through the hub or GraphQL; the stream stays as it was.
        var versionBefore = (await ChannelOf("commune", baDinhUnit))!["version"]!.GetValue<long>();
        // From a second device: the first connection has spent its calls of this second (at most 5 a second each).
        await using var phone = await _api.Connect("commune");
        (await HubCalls.Refused(() => phone.Post(baDinhUnit, "Còn ai ở đây không?"))).ShouldBe("NOT_ALLOWED");
        (await HubCalls.Refused(() => phone.Hub.InvokeAsync<object>("Edit", before.Id, "Sửa lại biên bản."))).ShouldBe("NOT_ALLOWED");
        (await HubCalls.Refused(() => phone.Hub.InvokeAsync<object>("React", before.Id, "👍", true))).ShouldBe("NOT_ALLOWED");
        (await HubCalls.Refused(() => phone.Hub.InvokeAsync("Typing", baDinhUnit))).ShouldBe("NOT_ALLOWED");
        var viaGraphQL = await _api.Mutate("postMessage", new { channelId = baDinhUnit, messageId = Guid.CreateVersion7(), body = "Qua GraphQL." }, "commune");
        viaGraphQL.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await ChannelOf("commune", baDinhUnit))!["version"]!.GetValue<long>().ShouldBe(versionBefore);
        (await Bodies(baDinhUnit, "commune")).ShouldBe([before.Body!]);

        // The successor's own channel goes on.
        var next = await learner2.Post(socSonUnit, "Sóc Sơn tiếp nhận công việc của Ba Đình.");
        next.Version.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_dissolved_unit_channel_is_archived_without_successor_and_its_officials_leave_the_parent_cross_level_channel()
    {
        var official = await _api.PersonId("learner2");
        var (group, _) = await Unit("T01-X001-03");
        await Tracked("assignRole", new { personId = official.ToString(), unitId = group, role = "STAFF" }, "province");
        var groupUnit = await _api.ChannelId("learner2", "T01-X001-03", "UNIT");
        var baDinhCross = await _api.ChannelId("learner2", "T01-X001", "CROSS_LEVEL");
        await using var learner2 = await _api.Connect("learner2");
        var kept = await learner2.Post(groupUnit, "Tổ dân phố số 3 tổng kết năm.");

        var (_, version) = await Unit("T01-X001-03");
        await Tracked("dissolveUnit", new { unitId = group, expectedVersion = version }, "province");

        var archived = (await ChannelOf("learner2", groupUnit))!;
        archived["archived"]!.GetValue<bool>().ShouldBeTrue();
        archived["successorChannelId"].ShouldBeNull();
        (await Bodies(groupUnit, "learner2")).ShouldBe([kept.Body!]);
        (await HubCalls.Refused(() => learner2.Post(groupUnit, "Tổ đã giải thể."))).ShouldBe("NOT_ALLOWED");
        // The role ended with the unit: no longer among the officials below Ba Đình.
        (await ChannelOf("learner2", baDinhCross)).ShouldBeNull();
        (await ChannelOf("commune", baDinhCross))!["archived"]!.GetValue<bool>().ShouldBeFalse();
    }
}
