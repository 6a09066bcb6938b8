using System.Net;
using System.Text.Json.Nodes;
using Vape.Records.Xapi;
using Vape.Tests.Records;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Xapi;

/// <summary>
/// Vape's own events of a record (attendance, a verified entry, a title) as statements of its LRS (docs/adr/0220):
/// Vape the authority, the person's Vape account the actor, exactly once by an id derived from the event, read by the
/// clients of the person's unit (in their access log), never an entry again, shredded on erasure.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class XapiOwnStatementsTests(VapeApp app) : IAsyncLifetime
{
    private readonly XapiApi _xapi = new(app);
    private readonly RecordsApi _records = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Origin = "http://localhost";

    private static string Agent(Guid person) =>
        Uri.EscapeDataString(new JsonObject { ["account"] = new JsonObject { ["homePage"] = Origin, ["name"] = person.ToString() } }.ToJsonString());

    private async Task<JsonArray> Statements(XapiApi.Client client, string query)
    {
        var response = await _xapi.Send(client, HttpMethod.Get, "/xapi/statements?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray();
    }

    /// <summary>A GraphQL mutation and everything it sets off through the outbox.</summary>
    private async Task<GraphQLResponse> MutateAndWait(string field, object input, string login, string select)
    {
        GraphQLResponse? response = null;
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            response = await _xapi.Org.Mutate(field, input, login, select)));
        response!.HasErrors.ShouldBeFalse(response.Body);
        return response;
    }

    [Fact]
    public async Task An_attended_class_is_one_statement_by_Vape_about_the_members_account_read_by_a_client_of_their_unit_and_logged()
    {
        var person = await _records.PersonGuid("learner");
        var unit = Guid.Parse(await _xapi.Org.UnitId("T01-X001"));
        var attendance = RecordsApi.Attendance(person, unit, title: "Kỹ năng số cho mọi người", minutes: 90);
        await _records.Attend(attendance);
        var client = await _xapi.Register(trusted: true);

        var statement = (await Statements(client, $"agent={Agent(person)}")).ShouldHaveSingleItem()!.AsObject();

        var entry = (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!;
        statement["id"]!.GetValue<string>().ShouldBe(XapiOwnStatements.StatementId(OwnStatementKind.Attended, Guid.Parse(entry["id"]!.GetValue<string>()), person).ToString());
        statement["actor"]!["account"]!["homePage"]!.GetValue<string>().ShouldBe(Origin);
        statement["actor"]!["account"]!["name"]!.GetValue<string>().ShouldBe(person.ToString());
        statement["actor"]!["mbox"].ShouldBeNull();
        statement["verb"]!["id"]!.GetValue<string>().ShouldBe("http://adlnet.gov/expapi/verbs/attended");
        statement["object"]!["id"]!.GetValue<string>().ShouldBe($"{Origin}/classes/{attendance.ClassId}");
        statement["object"]!["definition"]!["name"]!["vi-VN"]!.GetValue<string>().ShouldBe("Kỹ năng số cho mọi người");
        statement["result"]!["duration"]!.GetValue<string>().ShouldBe("PT90M");
        statement["timestamp"]!.GetValue<string>().ShouldBe("2026-05-09T17:00:00.000Z");
        statement["authority"]!["name"]!.GetValue<string>().ShouldBe("Vape");
        statement["authority"]!["account"]!["homePage"]!.GetValue<string>().ShouldBe(Origin);
        statement["authority"]!["account"]!["name"]!.GetValue<string>().ShouldBe("vape");
        // The same by its id and by the activity; every read is a line of the learner's access log, naming the client.
        (await Statements(client, $"activity={Uri.EscapeDataString($"{Origin}/classes/{attendance.ClassId}")}")).Count.ShouldBe(1);
        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={statement["id"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var log = await _xapi.AccessLog("learner");
        log.Count.ShouldBe(3);
        log.ShouldAllBe(l => l!["purpose"]!.GetValue<string>() == "LEARNING_SERVICE" && l["xapiClientName"]!.GetValue<string>() == "Trung tâm học tập cộng đồng Ba Đình");
    }

    [Fact]
    public async Task A_replayed_event_gives_the_same_statement_once_and_it_never_comes_back_as_an_entry()
    {
        var person = await _records.PersonGuid("learner");
        var unit = Guid.Parse(await _xapi.Org.UnitId("T01-X001"));
        var attendance = RecordsApi.Attendance(person, unit);
        await _records.Attend(attendance);
        await _records.Attend(attendance);
        var entryId = Guid.Parse((await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>());
        // The outbox delivers again (a crash after the insert, before the message was marked handled): nothing new.
        await app.Host.InvokeMessageAndWaitAsync(new EmitOwnStatement(person, OwnStatementKind.Attended, entryId));
        await app.Host.InvokeMessageAndWaitAsync(new EmitOwnStatement(person, OwnStatementKind.Attended, entryId));

        var client = await _xapi.Register(trusted: true);
        var statements = await Statements(client, "");
        statements.ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(XapiOwnStatements.StatementId(OwnStatementKind.Attended, entryId, person).ToString());
        // Still the one activity: Vape's statement (an `attended` of a member) is not read back into the record.
        (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(entryId.ToString());
        // Nor when a client sends it again under its id: accepted as the same, and no second statement or entry.
        var again = statements[0]!.DeepClone().AsObject();
        (await _xapi.Post(client, again)).ShouldBe(HttpStatusCode.OK);
        (await Statements(client, "")).Count.ShouldBe(1);
        (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task No_client_voids_Vapes_statement_and_a_client_of_another_unit_does_not_see_it()
    {
        var person = await _records.PersonGuid("learner");
        await _records.Attend(RecordsApi.Attendance(person, Guid.Parse(await _xapi.Org.UnitId("T01-X001"))));
        var client = await _xapi.Register(trusted: true);
        var id = (await Statements(client, "")).ShouldHaveSingleItem()!["id"]!.GetValue<string>();

        (await _xapi.Post(client, XapiApi.Voiding(Guid.NewGuid().ToString(), id))).ShouldBe(HttpStatusCode.OK);
        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?voidedStatementId={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(1);

        var sibling = await _xapi.Register(trusted: true, unitCode: "T01-X002", login: "province");
        (await _xapi.Send(sibling, HttpMethod.Get, $"/xapi/statements?statementId={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Statements(sibling, $"agent={Agent(person)}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_verified_entry_is_completed_and_a_confirmed_title_is_earned()
    {
        var person = await _records.PersonGuid("learner");
        (await _xapi.Org.Mutate("setTitleRules", new { year = 2026, minHours = 3, minDomains = 2, familyShare = 0.6m, groupShare = 0.6m, minGroupMembers = 3 },
            "central", "configured")).HasErrors.ShouldBeFalse();
        var first = await _records.DeclareOk("learner", RecordsApi.Activity(hours: 2));
        var second = await _records.DeclareOk("learner", RecordsApi.Activity(title: "Tìm hiểu Luật Đất đai 2024", domain: "LEGAL_AWARENESS", hours: 1.5m, date: "2026-07-07"));
        var client = await _xapi.Register(trusted: true);
        (await Statements(client, "")).ShouldBeEmpty();

        foreach (var entry in new[] { first, second })
            await MutateAndWait("verifyRecordEntry", new { entryId = entry }, "commune", "entry { status }");
        var completed = await Statements(client, $"verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/completed")}&ascending=true");
        completed.Count.ShouldBe(2);
        completed[0]!["id"]!.GetValue<string>().ShouldBe(XapiOwnStatements.StatementId(OwnStatementKind.Verified, Guid.Parse(first), person).ToString());
        completed[0]!["object"]!["definition"]!["name"]!["vi-VN"]!.GetValue<string>().ShouldBe("Lớp tin học cơ bản cho người cao tuổi");
        completed[0]!["object"]!["id"]!.GetValue<string>().ShouldBe($"{Origin}/records/entries/{first}");
        completed[0]!["result"]!["duration"]!.GetValue<string>().ShouldBe("PT120M");

        var proposals = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 100) { nodes { id kind subjectId } } }",
            new { u = await _xapi.Org.UnitId("T01-X001") }, await _xapi.Org.Token("commune"));
        var proposal = proposals.Data["titleProposals"]!["nodes"]!.AsArray().Single(p => p!["subjectId"]!.GetValue<string>() == person.ToString())!["id"]!.GetValue<string>();
        await MutateAndWait("confirmTitle", new { unitId = await _xapi.Org.UnitId("T01-X001"), year = 2026, proposalId = proposal }, "commune", "status");

        var earned = (await Statements(client, $"verb={Uri.EscapeDataString("http://id.tincanapi.com/verb/earned")}")).ShouldHaveSingleItem()!;
        earned["id"]!.GetValue<string>().ShouldBe(XapiOwnStatements.StatementId(OwnStatementKind.TitleAwarded, Guid.Parse(proposal), person).ToString());
        earned["object"]!["definition"]!["name"]!["vi-VN"]!.GetValue<string>().ShouldBe("Công dân học tập năm 2026");
        earned["object"]!["id"]!.GetValue<string>().ShouldBe($"{Origin}/titles/learning-citizen/2026/{person}");
        earned["actor"]!["account"]!["name"]!.GetValue<string>().ShouldBe(person.ToString());
        // Three statements, two entries: none of Vape's came back into the record.
        (await Statements(client, "")).Count.ShouldBe(3);
        (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Erasure_shreds_Vapes_statements_with_the_record_and_a_late_event_adds_none()
    {
        var person = await _records.PersonGuid("learner");
        await _records.Attend(RecordsApi.Attendance(person, Guid.Parse(await _xapi.Org.UnitId("T01-X001"))));
        var client = await _xapi.Register(trusted: true);
        var statement = (await Statements(client, "")).ShouldHaveSingleItem()!;
        var entryId = Guid.Parse((await _records.MyRecord("learner"))["activities"]!["nodes"]![0]!["id"]!.GetValue<string>());

        var erased = await _xapi.Org.Mutate("requestRecordErasure", new { personId = person.ToString() }, "learner", "erasedAt");
        erased.HasErrors.ShouldBeFalse(erased.Body);

        (await _xapi.Send(client, HttpMethod.Get, $"/xapi/statements?statementId={statement["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Statements(client, "")).ShouldBeEmpty();
        (await Statements(client, $"agent={Agent(person)}")).ShouldBeEmpty();
        // The event delivered again after the erasure: the record is gone, so no statement comes back.
        await app.Host.InvokeMessageAndWaitAsync(new EmitOwnStatement(person, OwnStatementKind.Attended, entryId));
        (await Statements(client, "")).ShouldBeEmpty();
    }
}
