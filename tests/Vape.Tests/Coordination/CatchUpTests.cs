using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vape.Coordination.Messages;
using Vape.Coordination.Realtime;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>A client that reconnects sends its last version per channel and receives exactly what it missed.</summary>
[Collection(VapeCollection.Name)]
public sealed class CatchUpTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<IReadOnlyList<CatchUpResult>> CatchUp(Member member, params ChannelPosition[] positions) =>
        member.Hub.InvokeAsync<IReadOnlyList<CatchUpResult>>("CatchUp", positions);

    [Fact]
    public async Task A_reconnecting_client_receives_exactly_what_it_missed_including_edits_and_deletes_of_messages_it_had()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var haNoiCross = await _api.ChannelId("province", "T01", "CROSS_LEVEL");
        await using var central = await _api.Connect("central");
        long held;
        MessageView kept, doomed;
        await using (var province = await _api.Connect("province"))
        {
            kept = await central.Post(channel, "Tin thứ nhất.");
            doomed = await central.Post(channel, "Tin thứ hai.");
            held = (await province.UntilVersion(channel, doomed.Version))[^1].Version;
        }

        // While the province official is away:
        var third = await central.Post(channel, "Tin thứ ba.");
        await using var other = await _api.Connect("central");
        await other.Hub.InvokeAsync<MessageView>("Edit", kept.Id, "Tin thứ nhất (đã sửa).");
        await other.Hub.InvokeAsync<MessageView>("Delete", doomed.Id);
        var reacted = await other.Hub.InvokeAsync<System.Text.Json.JsonElement>("React", third.Id, "❤️", true);
        var reaction = reacted.GetProperty("reactions")[0];
        (reaction.GetProperty("emoji").GetString(), reaction.GetProperty("count").GetInt32(), reaction.GetProperty("personIds").GetArrayLength())
            .ShouldBe(("❤️", 1, 1), "a reaction has GraphQL's shape on the hub too");

        await using var back = await _api.Connect("province");
        var results = await CatchUp(back, new ChannelPosition(channel, held), new ChannelPosition(haNoiCross, 0));
        var missed = results.Single(r => r.ChannelId == channel);
        missed.Complete.ShouldBeTrue();
        missed.Events.Select(e => e.Version).ShouldBe([held + 1, held + 2, held + 3, held + 4]);
        missed.Events.Select(e => e.Kind).ShouldBe(["POSTED", "EDITED", "DELETED", "REACTED"]);
        missed.Events[1].Message.Id.ShouldBe(kept.Id);
        missed.Events[1].Message.Body.ShouldBe("Tin thứ nhất (đã sửa).");
        missed.Events[1].Message.Edited.ShouldBeTrue();
        missed.Events[2].Message.Id.ShouldBe(doomed.Id);
        missed.Events[2].Message.Body.ShouldBeNull();
        missed.Events[3].Message.Reactions.Single().Emoji.ShouldBe("❤️");
        missed.Version.ShouldBe(held + 4);
        var quiet = results.Single(r => r.ChannelId == haNoiCross);
        quiet.Events.ShouldBeEmpty();
        quiet.Version.ShouldBe(0);

        // Nothing is missed twice: from the version it now holds, there is nothing more.
        (await CatchUp(back, new ChannelPosition(channel, missed.Version))).Single().Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_thousand_missed_messages_come_back_in_order()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using (var session = app.Store.LightweightSession())
        {
            // Written as the stream would be, without 1,000 hub calls (the hub allows 5 a second).
            await using var conn = await app.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                insert into coordination.messages (id, channel_id, author_id, body, priority, posted_version, version, posted_at)
                select gen_random_uuid(), @c, @a, 'Tin số ' || v, 'NORMAL', v, v, now() from generate_series(1, 1000) v;
                insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at)
                select channel_id, posted_version, 'POSTED', id, author_id, posted_at from coordination.messages where channel_id = @c;
                update coordination.channels set version = 1000 where id = @c;
                """;
            cmd.Parameters.AddWithValue("c", channel);
            cmd.Parameters.AddWithValue("a", await _api.PersonId("central"));
            await cmd.ExecuteNonQueryAsync();
        }
        await using var province = await _api.Connect("province");
        var result = (await CatchUp(province, new ChannelPosition(channel, 0))).Single();
        result.Complete.ShouldBeTrue();
        result.Events.Count.ShouldBe(1000);
        result.Events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, 1000).Select(v => (long)v));
        result.Events[999].Message.Body.ShouldBe("Tin số 1000");
    }

    [Fact]
    public async Task A_version_from_the_future_is_a_VERSION_CONFLICT_and_other_bad_positions_are_refused()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var haNoiUnit = await _api.ChannelId("province", "T01", "UNIT");
        await using var central = await _api.Connect("central");
        await central.Post(channel, "Một tin.");

        (await HubCalls.Refused(() => CatchUp(central, new ChannelPosition(channel, 2)))).ShouldBe("VERSION_CONFLICT");
        (await HubCalls.Refused(() => CatchUp(central, new ChannelPosition(channel, -1)))).ShouldBe("INVALID_INPUT");
        (await HubCalls.Refused(() => CatchUp(central, new ChannelPosition(haNoiUnit, 0)))).ShouldBe("NOT_ALLOWED");
        // A second connection: one connection may call five times a second.
        await using var again = await _api.Connect("central");
        (await HubCalls.Refused(() => CatchUp(again, new ChannelPosition(Guid.NewGuid(), 0)))).ShouldBe("NOT_FOUND");
        (await HubCalls.Refused(() => CatchUp(again))).ShouldBe("INVALID_INPUT");
        (await HubCalls.Refused(() => CatchUp(again, new ChannelPosition(channel, 0), new ChannelPosition(channel, 1)))).ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task An_anonymous_client_cannot_connect_to_the_coordination_hub()
    {
        await using var anonymous = app.Hub(CoordinationHub.Path);
        await Should.ThrowAsync<Exception>(() => anonymous.StartAsync());
    }
}
