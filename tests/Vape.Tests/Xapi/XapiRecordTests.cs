using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Xapi;

/// <summary>Statements about a member, by an account the member linked, become activities of their record, once.</summary>
[Collection(VapeCollection.Name)]
public sealed class XapiRecordTests(VapeApp app) : IAsyncLifetime
{
    private const string Home = "https://hoc.example.vn";
    private readonly OrganizationApi _org = new(app);
    private readonly RecordsApi _records = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Key, string Secret)> Client(bool trusted)
    {
        var r = await _org.Mutate("registerXapiClient", new { unitId = await _org.UnitId("T01-X001"), name = "Trung tâm học tập cộng đồng Ba Đình", trusted }, "commune", "key secret");
        r.HasErrors.ShouldBeFalse(r.Body);
        return (r.Data["registerXapiClient"]!["key"]!.GetValue<string>(), r.Data["registerXapiClient"]!["secret"]!.GetValue<string>());
    }

    private async Task<HttpStatusCode> Post((string Key, string Secret) client, string id, JsonObject actor, string verb = "completed")
    {
        var statement = new JsonObject
        {
            ["id"] = id,
            ["actor"] = actor,
            ["verb"] = new JsonObject { ["id"] = $"http://adlnet.gov/expapi/verbs/{verb}" },
            ["object"] = new JsonObject
            {
                ["id"] = "https://hoc.example.vn/khoa-hoc/tin-hoc",
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["vi-VN"] = "Tin học cơ bản", ["en-US"] = "Basic computing" } },
            },
            ["result"] = new JsonObject { ["duration"] = "PT1H30M" },
            ["timestamp"] = "2026-11-20T09:00:00+07:00",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/xapi/statements") { Content = new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Experience-API-Version", "2.0.0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.Key}:{client.Secret}")));
        return (await app.Send(request)).Message.StatusCode;
    }

    private static JsonObject Account(string name) => new() { ["account"] = new JsonObject { ["homePage"] = Home, ["name"] = name } };

    private Task<GraphQLResponse> Link(string login, string name, string? personId = null) =>
        _org.Mutate("linkXapiAccount", new { homePage = Home, name, personId }, login, "personId statementsAttributed");

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
}
