using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Xapi;

/// <summary>The LRS as Vape's officials and learning providers meet it: who registers clients, who reads what, what is refused.</summary>
[Collection(VapeCollection.Name)]
public sealed class XapiTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Client(string Key, string Secret, string Id);

    private async Task<GraphQLResponse> Register(string? login, string unitCode, string name = "Ứng dụng học tập của trung tâm") =>
        await _org.Mutate("registerXapiClient", new { unitId = await _org.UnitId(unitCode), name }, login, "clientId key secret trusted endpoint");

    private async Task<Client> Registered(string login, string unitCode)
    {
        var response = await Register(login, unitCode);
        response.HasErrors.ShouldBeFalse(response.Body);
        var c = response.Data["registerXapiClient"]!;
        return new Client(c["key"]!.GetValue<string>(), c["secret"]!.GetValue<string>(), c["clientId"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> Send(Client? client, HttpMethod method, string path, string? json = null, string? secret = null, string version = "2.0.0")
    {
        var request = new HttpRequestMessage(method, path);
        if (version.Length > 0) request.Headers.Add("X-Experience-API-Version", version);
        if (client is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.Key}:{secret ?? client.Secret}")));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return (await app.Send(request)).Message;
    }

    private static string Statement(string? id = null, string mbox = "mailto:hoc.vien@example.com", string verb = "http://adlnet.gov/expapi/verbs/completed") =>
        new JsonObject
        {
            ["id"] = id ?? Guid.NewGuid().ToString(),
            ["actor"] = new JsonObject { ["mbox"] = mbox, ["name"] = "Học viên" },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["vi-VN"] = "đã hoàn thành" } },
            ["object"] = new JsonObject { ["id"] = "https://hoc.example.vn/khoa-hoc/tin-hoc-co-ban" },
        }.ToJsonString();

    private static async Task<JsonNode> Error(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task An_official_registers_a_client_whose_secret_is_shown_once_and_never_listed()
    {
        var client = await Registered("commune", "T01-X001");
        client.Secret.Length.ShouldBeGreaterThanOrEqualTo(40);

        var list = await app.GraphQL("query($u: ID!) { xapiClients(unitId: $u) { id key name trusted revokedAt } }",
            new { u = await _org.UnitId("T01-X001") }, await _org.Token("commune"));
        list.HasErrors.ShouldBeFalse(list.Body);
        list.Data["xapiClients"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()).ShouldBe([client.Key]);
        list.Body.ShouldNotContain(client.Secret);
        (await Send(client, HttpMethod.Get, "/xapi/statements")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_an_official_of_the_unit_or_above_registers_a_client_and_a_refusal_registers_nothing()
    {
        (await Register(null, "T01-X001")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        var learner = await Register("learner", "T01-X001");
        learner.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        learner.FirstErrorMessage.ShouldStartWith("Chỉ cán bộ");
        (await Register("sibling-province", "T01-X001")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Register("commune", "T01-X001", name: "  ")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Register("commune", "T01-X001", name: new string('a', 201))).FirstErrorCode.ShouldBe("INVALID_INPUT");

        var list = await app.GraphQL("query($u: ID!) { xapiClients(unitId: $u) { id } }", new { u = await _org.UnitId("T01-X001") }, await _org.Token("commune"));
        list.Data["xapiClients"]!.AsArray().ShouldBeEmpty();
        (await app.GraphQL("query($u: ID!) { xapiClients(unitId: $u) { id } }", new { u = await _org.UnitId("T01-X001") }, await _org.Token("learner")))
            .FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_client_stores_a_statement_once_and_reads_it_back_in_the_version_it_asked()
    {
        var client = await Registered("commune", "T01-X001");
        var id = Guid.NewGuid().ToString();
        var posted = await Send(client, HttpMethod.Post, "/xapi/statements", Statement(id));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await posted.Content.ReadAsStringAsync())!.AsArray().Single()!.GetValue<string>().ShouldBe(id);
        (await Send(client, HttpMethod.Post, "/xapi/statements", Statement(id))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = await Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}", version: "1.0.3");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Headers.GetValues("X-Experience-API-Version").Single().ShouldBe("1.0.3");
        read.Headers.Contains("X-Experience-API-Consistent-Through").ShouldBeTrue();
        var statement = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        statement["verb"]!["id"]!.GetValue<string>().ShouldBe("http://adlnet.gov/expapi/verbs/completed");
        statement["authority"]!["account"]!["name"]!.GetValue<string>().ShouldBe(client.Key);

        var list = JsonNode.Parse(await (await Send(client, HttpMethod.Get, "/xapi/statements")).Content.ReadAsStringAsync())!;
        list["statements"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Another_statement_under_a_stored_id_is_a_conflict_and_changes_nothing()
    {
        var client = await Registered("commune", "T01-X001");
        var id = Guid.NewGuid().ToString();
        (await Send(client, HttpMethod.Put, $"/xapi/statements?statementId={id}", Statement(id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var conflict = await Send(client, HttpMethod.Put, $"/xapi/statements?statementId={id}", Statement(id, verb: "http://adlnet.gov/expapi/verbs/failed"));
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Error(conflict))["code"]!.GetValue<string>().ShouldBe("VERSION_CONFLICT");
        var read = JsonNode.Parse(await (await Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}")).Content.ReadAsStringAsync())!;
        read["verb"]!["id"]!.GetValue<string>().ShouldBe("http://adlnet.gov/expapi/verbs/completed");
    }

    [Fact]
    public async Task A_batch_with_one_bad_statement_is_refused_whole_with_a_code_and_a_Vietnamese_message()
    {
        var client = await Registered("commune", "T01-X001");
        var good = Guid.NewGuid().ToString();
        var batch = $"[{Statement(good)},{Statement(mbox: "hoc.vien@example.com")}]";
        var refused = await Send(client, HttpMethod.Post, "/xapi/statements", batch);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await Error(refused);
        error["code"]!.GetValue<string>().ShouldBe("INVALID_INPUT");
        error["message"]!.GetValue<string>().ShouldContain("statement.actor.mbox");
        error["message"]!.GetValue<string>().ShouldContain("không hợp lệ");
        (await Send(client, HttpMethod.Get, $"/xapi/statements?statementId={good}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var noVersion = await Send(client, HttpMethod.Get, "/xapi/statements", version: "");
        noVersion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Error(noVersion))["message"]!.GetValue<string>().ShouldContain("Thiếu tiêu đề");
        (await Send(client, HttpMethod.Post, "/xapi/statements", "{not json")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_wrong_or_revoked_credentials_are_refused_with_401()
    {
        var client = await Registered("commune", "T01-X001");
        var none = await Send(null, HttpMethod.Get, "/xapi/statements");
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Error(none))["code"]!.GetValue<string>().ShouldBe("NOT_AUTHENTICATED");
        (await Send(client, HttpMethod.Get, "/xapi/statements", secret: client.Secret + "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(client with { Key = "vape-unknown" }, HttpMethod.Get, "/xapi/statements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var other = await _org.Mutate("revokeXapiClient", new { clientId = client.Id }, "sibling-province", "id");
        other.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Send(client, HttpMethod.Get, "/xapi/statements")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var revoked = await _org.Mutate("revokeXapiClient", new { clientId = client.Id }, "commune", "id revokedAt");
        revoked.HasErrors.ShouldBeFalse(revoked.Body);
        revoked.Data["revokeXapiClient"]!["revokedAt"].ShouldNotBeNull();
        (await Send(client, HttpMethod.Get, "/xapi/statements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_reads_only_what_was_written_in_its_units_subtree()
    {
        var baDinh = await Registered("commune", "T01-X001");
        var hoanKiem = await Registered("province", "T01-X002");
        var haNoi = await Registered("province", "T01");
        var id = Guid.NewGuid().ToString();
        (await Send(baDinh, HttpMethod.Post, "/xapi/statements", Statement(id))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Send(hoanKiem, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = JsonNode.Parse(await (await Send(hoanKiem, HttpMethod.Get, "/xapi/statements")).Content.ReadAsStringAsync())!;
        list["statements"]!.AsArray().ShouldBeEmpty();
        (await Send(haNoi, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A client of a sibling unit cannot void it either: the voiding statement is stored, the statement stays.
        var voiding = new JsonObject
        {
            ["actor"] = new JsonObject { ["mbox"] = "mailto:can.bo@example.com" },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = id },
        }.ToJsonString();
        (await Send(hoanKiem, HttpMethod.Post, "/xapi/statements", voiding)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(baDinh, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_agents_resource_answers_a_Person_made_of_the_agent_given_and_refuses_other_parameters()
    {
        var client = await Registered("commune", "T01-X001");
        var agent = Uri.EscapeDataString("""{"objectType":"Agent","name":"Học viên","mbox":"mailto:hoc.vien@example.com"}""");

        var found = await Send(client, HttpMethod.Get, $"/xapi/agents?agent={agent}");
        found.StatusCode.ShouldBe(HttpStatusCode.OK, await found.Content.ReadAsStringAsync());
        var person = JsonNode.Parse(await found.Content.ReadAsStringAsync())!;
        person["objectType"]!.GetValue<string>().ShouldBe("Person");
        person["name"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["Học viên"]);
        person["mbox"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["mailto:hoc.vien@example.com"]);

        var other = await Send(client, HttpMethod.Get, $"/xapi/agents?agent={agent}&since=2020-01-01");
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Error(other))["code"]!.GetValue<string>().ShouldBe("INVALID_INPUT");
        (await Send(null, HttpMethod.Get, $"/xapi/agents?agent={agent}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
