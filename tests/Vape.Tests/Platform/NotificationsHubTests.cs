using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>The SignalR plumbing every hub shares, through the real .NET client over WebSockets.</summary>
[Collection(VapeCollection.Name)]
public sealed class NotificationsHubTests(VapeApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Id, int Version)> BaDinh()
    {
        var commune = await new OrganizationApi(app).Unit("T01-X001");
        return (commune["id"]!.GetValue<string>(), commune["version"]!.GetValue<int>());
    }

    /// <summary>An anonymous page watching a unit; what it hears arrives in the channel.</summary>
    private async Task<(HubConnection, ChannelReader<UnitChangedMessage>)> Watch(string unitId)
    {
        var heard = Channel.CreateUnbounded<UnitChangedMessage>();
        var hub = app.Hub("/hubs/notifications");
        hub.On<UnitChangedMessage>("unitChanged", m => heard.Writer.TryWrite(m));
        await hub.StartAsync();
        await hub.InvokeAsync("WatchUnit", Guid.Parse(unitId));
        return (hub, heard.Reader);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_signed_in_client_is_recognised_over_JSON_and_MessagePack(bool messagePack)
    {
        var token = await app.TokenFor("commune");
        await using var hub = app.Hub("/hubs/notifications", token, messagePack);
        await hub.StartAsync();
        var me = await hub.InvokeAsync<WhoAmI>("Hello");
        me.Name.ShouldBe("Lê Văn Cường");
        me.PersonId.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_anonymous_client_may_connect_and_is_nobody()
    {
        await using var hub = app.Hub("/hubs/notifications");
        await hub.StartAsync();
        (await hub.InvokeAsync<WhoAmI>("Hello")).PersonId.ShouldBeNull();
    }

    [Fact]
    public async Task A_watcher_hears_of_a_rename_after_it_is_committed_with_the_committed_version()
    {
        var (unitId, version) = await BaDinh();
        var (hub, heard) = await Watch(unitId);
        await using var watching = hub;

        var renamed = await app.GraphQL("mutation($i: RenameUnitInput!) { renameUnit(input: $i) { version } }",
            new { i = new { unitId, name = "Phường Ba Đình — đã đổi", expectedVersion = version } }, await app.TokenFor("province"));
        renamed.HasErrors.ShouldBeFalse(renamed.Body);

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var message = await heard.ReadAsync(wait.Token);
        message.UnitId.ShouldBe(Guid.Parse(unitId));
        message.Name.ShouldBe("Phường Ba Đình — đã đổi");
        message.Version.ShouldBe(version + 1);
        // What the watcher heard is what PostgreSQL holds.
        var stored = await app.GraphQL("query($id: ID!) { unit(id: $id) { name version } }", new { id = unitId });
        stored.Data["unit"]!["version"]!.GetValue<int>().ShouldBe(message.Version);
    }

    [Fact]
    public async Task A_refused_rename_sends_nothing_to_watchers()
    {
        var (unitId, version) = await BaDinh();
        var (hub, heard) = await Watch(unitId);
        await using var watching = hub;

        var refused = await app.GraphQL("mutation($i: RenameUnitInput!) { renameUnit(input: $i) { version } }",
            new { i = new { unitId, name = "Không được", expectedVersion = version } }, await app.TokenFor("sibling-province"));
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        // A permitted rename afterwards is the first and only thing the watcher hears.
        await app.GraphQL("mutation($i: RenameUnitInput!) { renameUnit(input: $i) { version } }",
            new { i = new { unitId, name = "Được phép", expectedVersion = version } }, await app.TokenFor("province"));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        (await heard.ReadAsync(wait.Token)).Name.ShouldBe("Được phép");
        heard.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task More_than_five_calls_a_second_are_refused_with_RATE_LIMITED_and_other_connections_are_unaffected()
    {
        await using var noisy = app.Hub("/hubs/notifications");
        await using var quiet = app.Hub("/hubs/notifications");
        await noisy.StartAsync();
        await quiet.StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try { await noisy.InvokeAsync<WhoAmI>("Hello"); return "ok"; }
            catch (HubException e) { return e.Message; }
        }));

        outcomes.Count(o => o == "ok").ShouldBeInRange(1, 6);
        outcomes.Where(o => o != "ok").ShouldAllBe(o => o.Contains("RATE_LIMITED"));
        (await quiet.InvokeAsync<WhoAmI>("Hello")).PersonId.ShouldBeNull();
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_that_connection_only()
    {
        await using var big = app.Hub("/hubs/notifications");
        await using var other = app.Hub("/hubs/notifications");
        var closed = new TaskCompletionSource<Exception?>();
        big.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await big.StartAsync();
        await other.StartAsync();

        await Should.ThrowAsync<Exception>(() => big.InvokeAsync("WatchUnit", new string('x', 64 * 1024)));

        (await closed.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldNotBeNull();
        other.State.ShouldBe(HubConnectionState.Connected);
    }

    [Fact]
    public async Task The_access_token_in_the_hub_query_string_never_reaches_the_logs()
    {
        var token = await app.TokenFor("learner");
        await using (var hub = app.Hub("/hubs/notifications", token))
        {
            await hub.StartAsync();
            await hub.InvokeAsync<WhoAmI>("Hello");
        }
        await app.GraphQL("{ me { name } }", token: token);
        var signature = token.Split('.')[2];
        // The capture works: the request lines of this very test are there, with their paths.
        for (var i = 0; i < 50 && !app.Logs.Lines.Any(l => l.Contains("/hubs/notifications")); i++) await Task.Delay(100);
        app.Logs.Lines.ShouldContain(l => l.Contains("/hubs/notifications"));
        app.Logs.Lines.ShouldAllBe(line => !line.Contains(signature));
    }

    [Fact]
    public async Task Names_in_refused_commands_never_reach_the_logs()
    {
        var (unitId, version) = await BaDinh();
        const string marker = "Tên Riêng Bí Mật Của Công Dân";
        await app.GraphQL("mutation($i: RenameUnitInput!) { renameUnit(input: $i) { version } }",
            new { i = new { unitId, name = marker, expectedVersion = version + 7 } }, await app.TokenFor("province"));
        app.Logs.Lines.ShouldAllBe(line => !line.Contains(marker));
    }

    public sealed record WhoAmI(Guid? PersonId, string? Name);

    public sealed record UnitChangedMessage(Guid UnitId, string Name, int Version);
}
