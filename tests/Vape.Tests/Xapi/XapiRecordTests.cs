using System.Net;
using System.Text.Json.Nodes;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Xapi;

/// <summary>Statements about a member, by an account the member linked, become activities of their record, once.</summary>
[Collection(VapeCollection.Name)]
public sealed class XapiRecordTests(VapeApp app) : IAsyncLifetime
{
    private readonly XapiApi _xapi = new(app);
    private readonly OrganizationApi _org = new(app);
    private readonly RecordsApi _records = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<XapiApi.Client> Client(bool trusted) => _xapi.Register(trusted);

    private Task<HttpStatusCode> Post(XapiApi.Client client, string id, JsonObject actor, string verb = "completed") =>
        _xapi.Post(client, XapiApi.Statement(id, actor, verb));

    private static JsonObject Account(string name) => XapiApi.Account(name);

    private Task<GraphQLResponse> Link(string login, string name, string? personId = null) =>
        _org.Mutate("linkXapiAccount", new { homePage = XapiApi.Home, name, personId }, login, "personId statementsAttributed");

    private async Task<JsonArray> Activities(string login) => (await _records.MyRecord(login))["activities"]!["nodes"]!.AsArray();

    [Fact]
    public async Task A_statement_of_a_trusted_client_about_a_linked_account_is_a_verified_activity_once()
    {
        (await Link("learner", "hv-001")).HasErrors.ShouldBeFalse();
        var client = await Client(trusted: true);
        var id = Guid.NewGuid().ToString();
        (await Post(client, id, Account("hv-001"))).ShouldBe(HttpStatusCode.OK);
        (await Post(client, id, Account("hv-001"))).ShouldBe(HttpStatusCode.OK);

        var activity = (await Activities("learner")).ShouldHaveSingleItem()!;
        activity["id"]!.GetValue<string>().ShouldBe(id);
        activity["title"]!.GetValue<string>().ShouldBe("Tin học cơ bản");
        activity["provenance"]!.GetValue<string>().ShouldBe("VERIFIED");
        activity["hours"]!.GetValue<decimal>().ShouldBe(1.5m);
        activity["date"]!.GetValue<string>().ShouldBe("2026-11-20");
    }

    [Fact]
    public async Task An_untrusted_client_gives_a_pending_entry_and_other_verbs_or_e_mails_give_none()
    {
        (await Link("learner", "hv-002")).HasErrors.ShouldBeFalse();
        var client = await Client(trusted: false);
        (await Post(client, Guid.NewGuid().ToString(), Account("hv-002"))).ShouldBe(HttpStatusCode.OK);
        (await Post(client, Guid.NewGuid().ToString(), Account("hv-002"), verb: "launched")).ShouldBe(HttpStatusCode.OK);
        (await Post(client, Guid.NewGuid().ToString(), new JsonObject { ["mbox"] = "mailto:hoang.thi.em@example.com" })).ShouldBe(HttpStatusCode.OK);

        var activity = (await Activities("learner")).ShouldHaveSingleItem()!;
        activity["provenance"]!.GetValue<string>().ShouldBe("SELF_DECLARED");
        activity["status"]!.GetValue<string>().ShouldBe("PENDING");
    }

    [Fact]
    public async Task Statements_sent_before_the_link_are_kept_apart_and_attributed_when_the_member_links_the_account()
    {
        var client = await Client(trusted: true);
        var id = Guid.NewGuid().ToString();
        (await Post(client, id, Account("hv-003"))).ShouldBe(HttpStatusCode.OK);
        (await Activities("learner")).ShouldBeEmpty();

        var linked = await Link("learner", "hv-003");
        linked.HasErrors.ShouldBeFalse(linked.Body);
        linked.Data["linkXapiAccount"]!["statementsAttributed"]!.GetValue<int>().ShouldBe(1);
        (await Activities("learner")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task An_account_is_linked_to_one_person_and_only_by_them_or_an_official_of_theirs()
    {
        (await Link("learner", "hv-004")).HasErrors.ShouldBeFalse();
        (await Link("learner2", "hv-004")).FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        var learner = await _org.PersonId("learner");
        (await Link("learner2", "hv-005", learner)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Link("sibling-province", "hv-005", learner)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Link("learner", "")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _org.Mutate("linkXapiAccount", new { homePage = "not an iri", name = "x" }, "learner", "personId")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        var byOfficial = await Link("commune", "hv-005", learner);
        byOfficial.HasErrors.ShouldBeFalse(byOfficial.Body);
        byOfficial.Data["linkXapiAccount"]!["personId"]!.GetValue<string>().ShouldBe(learner);
    }

    [Fact]
    public async Task Voiding_a_members_statement_withdraws_its_entry_once_and_sending_the_statement_again_does_not_bring_it_back()
    {
        (await Link("learner", "hv-201")).HasErrors.ShouldBeFalse();
        var client = await Client(trusted: true);
        var kept = Guid.NewGuid().ToString();
        var voided = Guid.NewGuid().ToString();
        (await _xapi.Post(client, XapiApi.Statement(kept, Account("hv-201"), title: "Tiếng Anh giao tiếp"), XapiApi.Statement(voided, Account("hv-201"))))
            .ShouldBe(HttpStatusCode.OK);
        (await Activities("learner")).Count.ShouldBe(2);

        var voiding = XapiApi.Voiding(Guid.NewGuid().ToString(), voided);
        (await _xapi.Post(client, voiding)).ShouldBe(HttpStatusCode.OK);
        (await Activities("learner")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(kept);

        // The same voiding again, and the voided statement again: accepted as the same, and nothing changes.
        (await _xapi.Post(client, voiding)).ShouldBe(HttpStatusCode.OK);
        (await _xapi.Post(client, XapiApi.Statement(voided, Account("hv-201")))).ShouldBe(HttpStatusCode.OK);
        (await Activities("learner")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(kept);
        // The record's history says what happened: two recorded, one withdrawn.
        var stream = await app.GraphQL("{ myRecord { version } }", token: await _org.Token("learner"));
        stream.Data["myRecord"]!["version"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task A_client_of_another_unit_cannot_void_a_members_statement_and_the_entry_stays()
    {
        (await Link("learner", "hv-202")).HasErrors.ShouldBeFalse();
        var client = await Client(trusted: false);
        var id = Guid.NewGuid().ToString();
        (await Post(client, id, Account("hv-202"))).ShouldBe(HttpStatusCode.OK);
        var other = await _xapi.Register(trusted: true, unitCode: "T01-X002", login: "province");
        (await _xapi.Post(other, XapiApi.Voiding(Guid.NewGuid().ToString(), id))).ShouldBe(HttpStatusCode.OK);
        (await Activities("learner")).ShouldHaveSingleItem()!["status"]!.GetValue<string>().ShouldBe("PENDING");
    }
}
