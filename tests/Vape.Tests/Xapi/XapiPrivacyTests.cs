using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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

    [Fact]
    public async Task A_members_statements_and_documents_are_sealed_with_their_key_and_erasure_shreds_them()
    {
        const string title = "Lớp thư pháp chữ Nôm cho người cao tuổi";
        const string note = "Bài tập viết chữ Nôm tuần thứ ba";
        var person = (await _xapi.Link("learner", "hv-301")).Data["linkXapiAccount"]!["personId"]!.GetValue<string>();
        var client = await _xapi.Register(trusted: true);
        var id = Guid.NewGuid().ToString();
        (await _xapi.Post(client, XapiApi.Statement(id, XapiApi.Account("hv-301"), title: title))).ShouldBe(HttpStatusCode.OK);
        var state = $"/xapi/activities/state?activityId={Uri.EscapeDataString("https://hoc.example.vn/khoa-hoc/tin-hoc")}&agent={Agent("hv-301")}&stateId=ghi-chu";
        var document = $$"""{"ghiChu":"{{note}}"}""";
        (await _xapi.Send(client, HttpMethod.Put, state, document)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // The same about an unknown actor is kept plain: the checks below would see it.
        (await _xapi.Post(client, XapiApi.Statement(Guid.NewGuid().ToString(), XapiApi.Account("hv-unknown"), title: title))).ShouldBe(HttpStatusCode.OK);
        (await _xapi.Send(client, HttpMethod.Put, state.Replace(Agent("hv-301"), Agent("hv-unknown")), document)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // At rest, the member's are only sealed: the title and the note are not in plain text, yet the client reads them back.
        (await Count("select count(*) from records.xapi_statements where body::text like '%' || @t || '%'", title)).ShouldBe(1);
        (await Count("select count(*) from records.xapi_documents where position(convert_to(@t, 'UTF8') in content) > 0", note)).ShouldBe(1);
        var read = await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}");
        JsonNode.Parse(await read.Content.ReadAsStringAsync())!["object"]!["definition"]!["name"]!["vi-VN"]!.GetValue<string>().ShouldBe(title);
        (await (await _xapi.Send(client, HttpMethod.Get, state)).Content.ReadAsStringAsync()).ShouldContain(note);
        (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(1);

        var erased = await _xapi.Org.Mutate("requestRecordErasure", new { personId = person }, "learner", "erasedAt");
        erased.HasErrors.ShouldBeFalse(erased.Body);

        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var byAgent = await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?agent={Agent("hv-301")}");
        JsonNode.Parse(await byAgent.Content.ReadAsStringAsync())!["statements"]!.AsArray().ShouldBeEmpty();
        var all = await _xapi.Send(client, HttpMethod.Get, "/xapi/statements");
        JsonNode.Parse(await all.Content.ReadAsStringAsync())!["statements"]!.AsArray().ShouldHaveSingleItem()!["actor"]!["account"]!["name"]!.GetValue<string>().ShouldBe("hv-unknown");
        (await _xapi.Send(client, HttpMethod.Get, state)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Nothing left that names the account or the activity, nor the key; the link is gone, so new statements stay unattributed.
        (await Count("select count(*) from records.xapi_statements where person_id = @t::uuid and (agents::text like '%hv-301%' or activity is not null or sealed is null)", person)).ShouldBe(0);
        (await Count("select count(*) from records.xapi_statements where person_id = @t::uuid and erased", person)).ShouldBe(1);
        (await Count("select count(*) from records.xapi_accounts")).ShouldBe(0);
        (await Count("select count(*) from records.person_keys where person_id = @t::uuid", person)).ShouldBe(0);
        // The same statement again is no change: its id is spent.
        (await _xapi.Post(client, XapiApi.Statement(id, XapiApi.Account("hv-301"), title: title))).ShouldBe(HttpStatusCode.OK);
        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task What_was_stored_about_an_account_before_the_member_linked_it_is_sealed_when_they_link_it()
    {
        const string title = "Lớp đan lát mây tre truyền thống";
        var client = await _xapi.Register(trusted: true);
        var id = Guid.NewGuid().ToString();
        (await _xapi.Post(client, XapiApi.Statement(id, XapiApi.Account("hv-401"), title: title))).ShouldBe(HttpStatusCode.OK);
        var state = $"/xapi/activities/state?activityId={Uri.EscapeDataString("https://hoc.example.vn/khoa-hoc/tin-hoc")}&agent={Agent("hv-401")}&stateId=ghi-chu";
        (await _xapi.Send(client, HttpMethod.Put, state, $$"""{"ghiChu":"{{title}}"}""")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Count("select count(*) from records.xapi_statements where body::text like '%' || @t || '%'", title)).ShouldBe(1);
        (await Count("select count(*) from records.xapi_documents where position(convert_to(@t, 'UTF8') in content) > 0", title)).ShouldBe(1);

        (await _xapi.Link("learner", "hv-401")).HasErrors.ShouldBeFalse();

        (await Count("select count(*) from records.xapi_statements where body::text like '%' || @t || '%'", title)).ShouldBe(0);
        (await Count("select count(*) from records.xapi_documents where position(convert_to(@t, 'UTF8') in content) > 0", title)).ShouldBe(0);
        var read = await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}");
        JsonNode.Parse(await read.Content.ReadAsStringAsync())!["object"]!["definition"]!["name"]!["vi-VN"]!.GetValue<string>().ShouldBe(title);
        (await (await _xapi.Send(client, HttpMethod.Get, state)).Content.ReadAsStringAsync()).ShouldContain(title);
        (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!["title"]!.GetValue<string>().ShouldBe(title);
    }

    private async Task<long> Count(string sql, string? t = null)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        if (t is not null) cmd.Parameters.AddWithValue("t", t);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
