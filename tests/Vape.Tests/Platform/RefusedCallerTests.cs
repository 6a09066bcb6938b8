using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

[Collection(HardeningDevelopmentCollection.Name)]
public sealed class RefusedCallerInDevelopmentTests(HardeningDevelopmentApp app) : RefusedCallerTests(app);

[Collection(HardeningProductionCollection.Name)]
public sealed class RefusedCallerInProductionTests(HardeningProductionApp app) : RefusedCallerTests(app);

/// <summary>Callers that must be refused (issue #28): a genuine token of no one, of someone who left; anonymous classroom clients.</summary>
public abstract class RefusedCallerTests(VapeApp app)
{
    private readonly DemoTokens _tokens = new(app);

    private const string Declare = "mutation($i: DeclareActivityInput!) { declareActivity(input: $i) { personId } }";
    private static object Activity(string title) => new { i = new { title, domain = "DIGITAL_SKILLS", date = "2026-03-14", hours = 1.5m } };

    [Fact]
    public async Task A_validly_signed_token_for_a_person_who_does_not_exist_cannot_write_or_connect()
    {
        var ghost = _tokens.ForPerson(Guid.CreateVersion7());

        var response = await app.GraphQL(Declare, Activity("Học bơi"), ghost);
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED", response.Body);
        var me = await app.GraphQL("{ me { person { id } } }", token: ghost);
        me.FirstErrorCode.ShouldBe("NOT_ALLOWED", me.Body);

        await using var hub = app.Hub("/hubs/coordination", ghost);
        await Should.ThrowAsync<Exception>(() => hub.StartAsync());
    }

    [Fact]
    public async Task A_token_of_a_member_who_left_stops_working_at_once()
    {
        // learner2, whom no other test of these hosts uses. (A member added by addMember cannot declare yet: the
        // record's stream id is the person's id, which Organization's MemberAdded stream already holds, until the
        // modules have event stores of their own.)
        var token = await _tokens.For("learner2");
        var person = (await app.GraphQL("{ me { person { id } } }", token: token)).Data["me"]!["person"]!["id"]!.GetValue<Guid>();
        var before = await app.GraphQL(Declare, Activity("Học may"), token);
        before.HasErrors.ShouldBeFalse(before.Body);

        // No mutation ends a membership yet: the member leaves the way the tree's own SQL marks it.
        await using (var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("update organization.people set left_on = current_date where id = @id"))
        {
            cmd.Parameters.AddWithValue("id", person);
            await cmd.ExecuteNonQueryAsync();
        }

        var refused = await app.GraphQL(Declare, Activity("Học đan"), token);
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED", refused.Body);
    }

    [Fact]
    public async Task The_classroom_hub_refuses_an_anonymous_client_at_negotiate()
    {
        var client = app.Host.Server.CreateClient();
        var anonymous = await client.PostAsync("/hubs/classroom/negotiate?negotiateVersion=1", null);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var signedIn = new HttpRequestMessage(HttpMethod.Post, "/hubs/classroom/negotiate?negotiateVersion=1");
        signedIn.Headers.Authorization = new("Bearer", await _tokens.For("learner"));
        (await client.SendAsync(signedIn)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var hub = app.Hub("/hubs/classroom");
        await Should.ThrowAsync<Exception>(() => hub.StartAsync());
        hub.State.ShouldBe(HubConnectionState.Disconnected);
    }
}
