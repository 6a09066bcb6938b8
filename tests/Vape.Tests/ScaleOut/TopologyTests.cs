using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.BuildingBlocks.Realtime;
using Vape.Tests.Platform;

namespace Vape.Tests.ScaleOut;

/// <summary>Two hosts behind nginx with the Redis backplane, started by deploy/local/topology.sh.</summary>
[Collection(TopologyCollection.Name)]
[Trait("Category", "Topology")]
public sealed class TopologyTests(Topology topology)
{
    private const string UnitQuery = "query($code: String!) { unitByCode(code: $code) { id version } }";

    private async Task<(string Id, int Version)> Unit(Uri server, string code)
    {
        var unit = (await topology.GraphQL(server, UnitQuery, new { code }))["data"]!["unitByCode"]!;
        return (unit["id"]!.GetValue<string>(), unit["version"]!.GetValue<int>());
    }

    private async Task Rename(Uri server, string code, string name, string official = "province")
    {
        var (id, version) = await Unit(server, code);
        var result = await topology.GraphQL(server, "mutation($i: RenameUnitInput!) { renameUnit(input: $i) { version } }",
            new { i = new { unitId = id, name, expectedVersion = version } }, await topology.Token(server, official));
        result["errors"].ShouldBeNull(result.ToJsonString());
    }

    /// <summary>A page watching a unit; it watches again after every reconnect, as a page does.</summary>
    private static async Task<(HubConnection Hub, ChannelReader<NotificationsHubTests.UnitChangedMessage> Heard)> Watch(Uri server, string unitId)
    {
        var heard = Channel.CreateUnbounded<NotificationsHubTests.UnitChangedMessage>();
        var hub = Topology.Hub(server, "/hubs/notifications");
        hub.On<NotificationsHubTests.UnitChangedMessage>("unitChanged", m => heard.Writer.TryWrite(m));
        hub.Reconnected += async _ => await hub.InvokeAsync("WatchUnit", Guid.Parse(unitId));
        await hub.StartAsync();
        await hub.InvokeAsync("WatchUnit", Guid.Parse(unitId));
        return (hub, heard.Reader);
    }

    private static async Task<string> NextName(ChannelReader<NotificationsHubTests.UnitChangedMessage> heard)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return (await heard.ReadAsync(wait.Token)).Name;
    }

    [Fact]
    public async Task A_page_on_one_host_hears_what_the_other_host_commits()
    {
        var (unitId, _) = await Unit(topology.HostUri(0), "T01-X002");
        var (hub, heard) = await Watch(topology.HostUri(0), unitId);
        await using var _ = hub;

        await Rename(topology.HostUri(1), "T01-X002", "Phường Hoàn Kiếm — từ máy chủ 2");

        (await NextName(heard)).ShouldBe("Phường Hoàn Kiếm — từ máy chủ 2");
    }

    [Fact]
    public async Task Without_Redis_hosts_keep_their_connections_and_say_they_are_not_ready_until_Redis_returns()
    {
        var (unitId, _) = await Unit(topology.Nginx, "T01-X003");
        var (hub, heard) = await Watch(topology.HostUri(0), unitId);
        await using var _ = hub;
        try
        {
            await topology.Redis("shutdown", "nosave");
            (await topology.ReadyStatus(topology.HostUri(0))).ShouldBe(503);
            (await topology.ReadyStatus(topology.HostUri(1))).ShouldBe(503);

            // Connections stay open and answered; the API keeps working on each host.
            (await hub.InvokeAsync<WhoAmI>("Hello")).PersonId.ShouldBeNull();
            hub.State.ShouldBe(HubConnectionState.Connected);
            (await Unit(topology.HostUri(1), "T01-X003")).Id.ShouldBe(unitId);

            // A change made on a host still reaches that host's own connections.
            await Rename(topology.HostUri(0), "T01-X003", "Xã Sóc Sơn — khi Redis vắng mặt");
            (await NextName(heard)).ShouldBe("Xã Sóc Sơn — khi Redis vắng mặt");
        }
        finally
        {
            await topology.Script("start"); // starts what is missing: Redis
        }

        for (var i = 0; i < 60 && await topology.ReadyStatus(topology.HostUri(0)) != 200; i++) await Task.Delay(500);
        (await topology.ReadyStatus(topology.HostUri(0))).ShouldBe(200);

        // Cross-host delivery resumes, to the very connection that lived through the outage.
        await Rename(topology.HostUri(1), "T01-X003", "Xã Sóc Sơn — Redis đã trở lại");
        (await NextName(heard)).ShouldBe("Xã Sóc Sơn — Redis đã trở lại");
    }

    [Fact]
    public async Task After_an_immediate_PostgreSQL_restart_hosts_recover_by_themselves_and_nothing_committed_is_lost()
    {
        await Rename(topology.Nginx, "T18-X001", "Phường Lê Chân — trước khi khởi động lại", "sibling-province");
        await using var coordination = Topology.Hub(topology.HostUri(0), "/hubs/coordination", await topology.Token(topology.Nginx, "province"));
        await coordination.StartAsync();
        (await coordination.InvokeAsync<JsonElement>("Channels")).GetArrayLength().ShouldBeGreaterThan(0);

        await topology.RestartPostgresImmediately();

        // Every answer comes back (the client's timeout would fail the test on a hang), either with data or
        // with an error code a client can act on; within a few tries both hosts answer with data again.
        var codes = new HashSet<string>();
        var recovered = new bool[2];
        for (var attempt = 0; attempt < 60 && !recovered.All(r => r); attempt++)
        {
            for (var host = 0; host < 2; host++)
            {
                var answer = await topology.GraphQL(topology.HostUri(host), "{ unitByCode(code: \"T18-X001\") { name } }");
                if (answer["errors"] is { } errors) codes.Add(errors[0]!["extensions"]!["code"]!.GetValue<string>());
                else
                {
                    answer["data"]!["unitByCode"]!["name"]!.GetValue<string>().ShouldBe("Phường Lê Chân — trước khi khởi động lại");
                    recovered[host] = true;
                }
            }
            if (!recovered.All(r => r)) await Task.Delay(500);
        }
        recovered.ShouldAllBe(r => r);
        codes.ShouldBeSubsetOf(["UNAVAILABLE"]);

        // A hub call on a connection that lived through the restart: an answer, or UNAVAILABLE, never a bare error.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                (await coordination.InvokeAsync<JsonElement>("Channels")).GetArrayLength().ShouldBeGreaterThan(0);
                break;
            }
            catch (HubException e)
            {
                e.Message.ShouldContain("UNAVAILABLE: ");
                attempt.ShouldBeLessThan(20);
                await Task.Delay(250);
            }
        }

        // Writes work again too: a pooled connection the restart broke fails once with UNAVAILABLE, and the
        // client does what that code says (try again).
        for (var attempt = 1; ; attempt++)
        {
            var (id, version) = await Unit(topology.Nginx, "T18-X001");
            var result = await topology.GraphQL(topology.Nginx, "mutation($i: RenameUnitInput!) { renameUnit(input: $i) { version } }",
                new { i = new { unitId = id, name = "Phường Lê Chân", expectedVersion = version } }, await topology.Token(topology.Nginx, "sibling-province"));
            if (result["errors"] is null) break;
            result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("UNAVAILABLE");
            attempt.ShouldBeLessThan(20);
            await Task.Delay(250);
        }
        (await topology.ReadyStatus(topology.HostUri(0))).ShouldBe(200);
        (await topology.ReadyStatus(topology.HostUri(1))).ShouldBe(200);
    }

    [Theory]
    [InlineData("KILL")]
    [InlineData("TERM")]
    public async Task When_a_host_dies_or_is_stopped_its_pages_reconnect_through_nginx_to_the_other_and_keep_hearing(string signal)
    {
        var (unitId, _) = await Unit(topology.Nginx, "T01-X001-01");
        var pages = new List<(HubConnection Hub, ChannelReader<NotificationsHubTests.UnitChangedMessage> Heard)>();
        for (var i = 0; i < 20; i++) pages.Add(await Watch(topology.Nginx, unitId));
        try
        {
            await topology.Stop(0, signal);

            // Until every page is connected again, a change might reach only some of them; the test waits
            // for each page to come back, then changes the unit through nginx (which skips the dead host).
            foreach (var (hub, _) in pages)
                for (var i = 0; i < 100 && hub.State != HubConnectionState.Connected; i++) await Task.Delay(100);
            pages.ShouldAllBe(p => p.Hub.State == HubConnectionState.Connected);
            await Task.Delay(500); // the re-watch after Reconnected is the client's own call; let it land

            var name = $"Tổ dân phố số 1 — sau {(signal == "KILL" ? "sự cố" : "khi dừng máy chủ")}";
            await Rename(topology.Nginx, "T01-X001-01", name);
            foreach (var (_, heard) in pages)
                (await NextName(heard)).ShouldBe(name);
        }
        finally
        {
            foreach (var (hub, _) in pages) await hub.DisposeAsync();
            await topology.Script("start"); // brings host 1 back for the other tests
        }
    }
}
