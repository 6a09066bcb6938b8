using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Platform;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>
/// Issue #28 (ADR 0106): a hub connection of someone who left, or whose account link ended, or whose account was
/// deleted, closes at once on every host, on both hubs; the connections of everyone else stay open.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class ClosingHubConnectionsTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);
    private readonly CitizenApi _citizen = new(app);
    private readonly List<HubConnection> _hubs = [];
    private VapeApp _second = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _second = new VapeApp(); // a second host on the same database, as behind a load balancer
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs) await hub.DisposeAsync();
        await _second.DisposeAsync();
    }

    /// <summary>A started connection and a task that completes when the server closes it.</summary>
    private async Task<(HubConnection Hub, Task Closed)> Connect(VapeApp host, string path, string token, bool messagePack = false)
    {
        var hub = host.Hub(path, token, messagePack);
        _hubs.Add(hub);
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        return (hub, closed.Task);
    }

    private static async Task ShouldClose(Task closed, HubConnection hub)
    {
        // Not a timing assertion: the wait is generous, the point is that the close comes without a reconnect.
        await closed.WaitAsync(TimeSpan.FromSeconds(60));
        hub.State.ShouldBe(HubConnectionState.Disconnected);
    }

    private async Task<string> LinkedCitizen(string address)
    {
        var issued = await _org.Mutate("issueClaimCode", new { personId = await _org.PersonId("learner") }, "commune", "code");
        var token = await _citizen.SignIn(address);
        (await _org.MutateAs(token, "claimMembership", new { code = issued.Data["issueClaimCode"]!["code"]!.GetValue<string>() })).HasErrors.ShouldBeFalse();
        return token;
    }

    [Fact]
    public async Task A_member_who_leaves_is_disconnected_from_both_hubs_on_every_host()
    {
        var added = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId("T01-X001"), fullName = "Đinh Văn Sắp Rời" }, "commune", "id");
        var person = Guid.Parse(added.Data["addMember"]!["id"]!.GetValue<string>());
        var token = new DemoTokens(app).ForPerson(person, "sap-roi");
        var coordination = await Connect(app, "/hubs/coordination", token);
        var coordinationThere = await Connect(_second, "/hubs/coordination", token, messagePack: true);
        var classroomThere = await Connect(_second, "/hubs/classroom", token);
        (await coordinationThere.Hub.InvokeAsync<List<object>>("Channels")).ShouldNotBeNull();
        var official = await Connect(_second, "/hubs/coordination", await _org.Token("commune"));

        // No mutation ends a membership yet: the member leaves the way the tree's own SQL marks it.
        await using (var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("update organization.people set left_on = current_date where id = @id"))
        {
            cmd.Parameters.AddWithValue("id", person);
            await cmd.ExecuteNonQueryAsync();
        }

        await ShouldClose(coordination.Closed, coordination.Hub);
        await ShouldClose(coordinationThere.Closed, coordinationThere.Hub);
        await ShouldClose(classroomThere.Closed, classroomThere.Hub);
        await Should.ThrowAsync<Exception>(() => app.Hub("/hubs/coordination", token).StartAsync());
        // Someone else's connection on the same host is untouched.
        official.Hub.State.ShouldBe(HubConnectionState.Connected);
        (await official.Hub.InvokeAsync<List<object>>("Channels")).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_official_ends_the_link_and_the_citizens_connections_close_on_the_other_host()
    {
        var token = await LinkedCitizen("0912345670");
        var classroom = await Connect(_second, "/hubs/classroom", token, messagePack: true);
        var coordination = await Connect(_second, "/hubs/coordination", token);
        // The member's own demo sign-in is the same person, but not through the link: it stays.
        var ownLogin = await Connect(_second, "/hubs/coordination", await _org.Token("learner"));

        (await _org.Mutate("endAccountLinks", new { personId = await _org.PersonId("learner") }, "commune", "id")).HasErrors.ShouldBeFalse();

        await ShouldClose(classroom.Closed, classroom.Hub);
        await ShouldClose(coordination.Closed, coordination.Hub);
        await Should.ThrowAsync<Exception>(() => _second.Hub("/hubs/classroom", token).StartAsync());
        ownLogin.Hub.State.ShouldBe(HubConnectionState.Connected);
        (await ownLogin.Hub.InvokeAsync<List<object>>("Channels")).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_citizen_who_deletes_their_account_is_disconnected_on_every_host()
    {
        var token = await LinkedCitizen("dong@example.vn");
        var here = await Connect(app, "/hubs/classroom", token);
        var there = await Connect(_second, "/hubs/coordination", token);

        (await _org.MutateAs(token, "deleteMyAccount", new { confirm = true }, "id")).HasErrors.ShouldBeFalse();

        await ShouldClose(here.Closed, here.Hub);
        await ShouldClose(there.Closed, there.Hub);
    }
}
