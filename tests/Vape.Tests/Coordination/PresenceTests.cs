using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Coordination.Realtime;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>Presence is kept in PostgreSQL, so every host sees the same: online, away, offline.</summary>
[Collection(VapeCollection.Name)]
public sealed class PresenceTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> PresenceOf(string login, Guid channel, string asLogin = "central")
    {
        var person = (await _api.PersonId(login)).ToString();
        var response = await _api.Query("query($id: ID!) { channel(id: $id) { members { personId presence } } }", new { id = channel }, asLogin);
        return response.Data["channel"]!["members"]!.AsArray().Single(m => m!["personId"]!.GetValue<string>() == person)!["presence"]!.GetValue<string>();
    }

    /// <summary>Waits (up to a generous limit) until the status is reached: disconnecting finishes on the server after the client has closed.</summary>
    private async Task<string> EventuallyPresenceOf(string login, Guid channel, string expected)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await PresenceOf(login, channel);
            if (status == expected || limit.IsCancellationRequested) return status;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_person_connected_to_another_host_is_online_away_and_offline_as_this_host_sees_it()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        (await PresenceOf("province", channel)).ShouldBe("OFFLINE");

        // A second host on the same database, as behind a load balancer.
        var second = new VapeApp();
        await second.InitializeAsync();
        try
        {
            var province = new Member(second.Hub(CoordinationHub.Path, await second.TokenFor("province")));
            (await province.StartAsync()).ShouldNotBeEmpty();
            (await PresenceOf("province", channel)).ShouldBe("ONLINE");
            (await PresenceOf("sibling-province", channel)).ShouldBe("OFFLINE");

            (await province.Hub.InvokeAsync<string>("SetPresence", "AWAY")).ShouldBe("AWAY");
            (await PresenceOf("province", channel)).ShouldBe("AWAY");
            (await HubCalls.Refused(() => province.Hub.InvokeAsync<string>("SetPresence", "BUSY"))).ShouldBe("INVALID_INPUT");

            // A second connection of the same person, on this host, not away: online.
            await using var phone = await _api.Connect("province");
            (await PresenceOf("province", channel)).ShouldBe("ONLINE");
            await phone.DisposeAsync();
            (await EventuallyPresenceOf("province", channel, "AWAY")).ShouldBe("AWAY");

            // What the other host's hub says is what this host's GraphQL says.
            var seen = await province.Hub.InvokeAsync<IReadOnlyList<PresenceView>>("Presence", channel);
            var provinceId = await _api.PersonId("province");
            seen.Single(p => p.PersonId == provinceId).Status.ShouldBe("AWAY");

            await province.DisposeAsync();
            (await EventuallyPresenceOf("province", channel, "OFFLINE")).ShouldBe("OFFLINE");
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Members_hear_when_a_colleague_comes_online_and_goes_offline()
    {
        await using var central = await _api.Connect("central");
        var province = await _api.Connect("province");
        var provinceId = await _api.PersonId("province");
        async Task<PresenceChanged> NextOfProvince()
        {
            while (true)
                if (await Member.Next(central.Presence) is { } change && change.PersonId == provinceId) return change;
        }
        (await NextOfProvince()).Status.ShouldBe("ONLINE");
        await province.DisposeAsync();
        (await NextOfProvince()).Status.ShouldBe("OFFLINE");
    }

    [Fact]
    public async Task The_connections_of_a_host_that_stopped_answering_no_longer_count()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using (var conn = await app.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                insert into coordination.connections (connection_id, person_id, host, status, connected_at, last_seen)
                values ('dead-1', @dead, 'a-host-that-died', 'ONLINE', now() - interval '2 hours', now() - interval '1 hour'),
                       ('live-1', @live, 'a-host-that-lives', 'ONLINE', now(), now())
                """;
            cmd.Parameters.AddWithValue("dead", await _api.PersonId("sibling-province"));
            cmd.Parameters.AddWithValue("live", await _api.PersonId("province"));
            await cmd.ExecuteNonQueryAsync();
        }
        (await PresenceOf("sibling-province", channel)).ShouldBe("OFFLINE");
        (await PresenceOf("province", channel)).ShouldBe("ONLINE");
    }
}
