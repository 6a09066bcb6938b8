using System.Net;
using System.Text.Json.Nodes;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Xapi;

/// <summary>What the LRS does with a member's statements besides keeping them: who read them (their access log).</summary>
[Collection(VapeCollection.Name)]
public sealed class XapiPrivacyTests(VapeApp app) : IAsyncLifetime
{
    private readonly XapiApi _xapi = new(app);
    private readonly RecordsApi _records = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Agent(string name) => Uri.EscapeDataString(XapiApi.Account(name).ToJsonString());

    [Fact]
    public async Task Every_read_of_a_members_statements_or_documents_by_a_client_is_in_their_access_log_with_the_client_and_a_purpose()
    {
        (await _xapi.Link("learner", "hv-101")).HasErrors.ShouldBeFalse();
        var client = await _xapi.Register(trusted: true);
        var id = Guid.NewGuid().ToString();
        (await _xapi.Send(client, HttpMethod.Post, "/xapi/statements", XapiApi.Statement(id, XapiApi.Account("hv-101")).ToJsonString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        // An unknown actor's statement: nobody's yet, so its reads log nothing.
        (await _xapi.Send(client, HttpMethod.Post, "/xapi/statements", XapiApi.Statement(Guid.NewGuid().ToString(), XapiApi.Account("hv-unknown")).ToJsonString()))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _xapi.AccessLog("learner")).ShouldBeEmpty();

        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _xapi.AccessLog("learner")).Count.ShouldBe(1);
        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?agent={Agent("hv-101")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _xapi.AccessLog("learner")).Count.ShouldBe(2);
        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?agent={Agent("hv-unknown")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _xapi.AccessLog("learner")).Count.ShouldBe(2);

        var state = $"/xapi/activities/state?activityId={Uri.EscapeDataString("https://hoc.example.vn/khoa-hoc/tin-hoc")}&agent={Agent("hv-101")}";
        (await _xapi.Send(client, HttpMethod.Put, state + "&stateId=tien-do", """{"trang":3}""")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _xapi.AccessLog("learner")).Count.ShouldBe(2);
        (await _xapi.Send(client, HttpMethod.Get, state + "&stateId=tien-do")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _xapi.Send(client, HttpMethod.Get, state)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = await _xapi.AccessLog("learner");
        log.Count.ShouldBe(4);
        foreach (var line in log)
        {
            line!["purpose"]!.GetValue<string>().ShouldBe("LEARNING_SERVICE");
            line["xapiClientName"]!.GetValue<string>().ShouldBe("Trung tâm học tập cộng đồng Ba Đình");
            line["xapiClientId"].ShouldNotBeNull();
            line["officialId"].ShouldBeNull();
            line["unitName"]!.GetValue<string>().ShouldBe("Phường Ba Đình");
            line["shown"]!.GetValue<string>().ShouldBe("DETAILS");
        }
        (await _xapi.AccessLog("learner2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_official_cannot_give_the_learning_service_purpose_and_nothing_is_logged()
    {
        var learner = await _xapi.Org.PersonId("learner");
        var look = await app.GraphQL("query($p: ID!) { record(personId: $p, purpose: LEARNING_SERVICE) { personId } }", new { p = learner }, await _xapi.Org.Token("commune"));
        look.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _xapi.AccessLog("learner")).ShouldBeEmpty();
        // Without the right to look, the refusal is that (ADR 0072), whatever the purpose.
        var sibling = await app.GraphQL("query($p: ID!) { record(personId: $p, purpose: LEARNING_SERVICE) { personId } }", new { p = learner }, await _xapi.Org.Token("sibling-province"));
        sibling.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }
}
