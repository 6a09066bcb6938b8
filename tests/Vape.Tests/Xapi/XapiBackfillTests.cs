using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Records.Xapi;
using Vape.Tests.Records;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Xapi;

/// <summary>
/// The back-fill of Vape's own statements (docs/adr/0239): what records held before the emitter existed (ADR 0220)
/// reaches the LRS once, with the ids the live path gives, and a second run adds nothing.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class XapiBackfillTests(VapeApp app) : IAsyncLifetime
{
    private readonly XapiApi _xapi = new(app);
    private readonly RecordsApi _records = new(app);
    private readonly RecordsJobsApi _jobs = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Events_from_before_the_emitter_become_statements_once_and_a_second_run_adds_nothing()
    {
        var person = await _records.PersonGuid("learner");
        await _records.Attend(RecordsApi.Attendance(person, Guid.Parse(await _xapi.Org.UnitId("T01-X001")), title: "Kỹ năng số cho mọi người"));
        var verified = await _records.DeclareOk("learner", RecordsApi.Activity(title: "Tìm hiểu Luật Đất đai 2024", domain: "LEGAL_AWARENESS"));
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            (await _xapi.Org.Mutate("verifyRecordEntry", new { entryId = verified }, "commune", "entry { status }")).HasErrors.ShouldBeFalse()));
        await _records.DeclareOk("learner", RecordsApi.Activity(title: "Chưa được xác nhận"));
        var attended = (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray()
            .Single(e => e!["title"]!.GetValue<string>() == "Kỹ năng số cho mọi người")!["id"]!.GetValue<string>();
        // As before ADR 0220: the record holds these events and the LRS none of Vape's statements.
        await using (var delete = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("delete from records.xapi_statements where client_id = @c"))
        {
            delete.Parameters.AddWithValue("c", XapiOwnStatements.ClientId);
            (await delete.ExecuteNonQueryAsync()).ShouldBe(2);
        }
        var client = await _xapi.Register(trusted: true);
        (await Statements(client)).ShouldBeEmpty();

        // Refused, and nothing written: an official below the centre, and the centre without confirming.
        (await Backfill("commune", true)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var unconfirmed = await Backfill("central", false);
        unconfirmed.FirstErrorCode.ShouldBe("INVALID_INPUT");
        unconfirmed.FirstErrorMessage!.ShouldContain("xác nhận");
        (await Statements(client)).ShouldBeEmpty();

        var latest = await _jobs.Latest("BACKFILL_OWN_STATEMENTS");
        latest.HasErrors.ShouldBeFalse(latest.Body);
        latest.Data["latestRecordsJob"].ShouldBeNull();

        var first = await _jobs.RunToDone("backfillOwnStatements");
        first["kind"]!.GetValue<string>().ShouldBe("BACKFILL_OWN_STATEMENTS");
        first["done"]!.GetValue<int>().ShouldBe(2);
        first["total"]!.GetValue<int>().ShouldBe(2);
        first["added"]!.GetValue<int>().ShouldBe(2);
        (await Statements(client)).Select(s => s!["id"]!.GetValue<string>()).ShouldBe(
        [
            XapiOwnStatements.StatementId(OwnStatementKind.Attended, Guid.Parse(attended), person).ToString(),
            XapiOwnStatements.StatementId(OwnStatementKind.Verified, Guid.Parse(verified), person).ToString(),
        ], ignoreOrder: true);

        var second = await _jobs.RunToDone("backfillOwnStatements");
        second["done"]!.GetValue<int>().ShouldBe(2);
        second["added"]!.GetValue<int>().ShouldBe(0);
        (await Statements(client)).Count.ShouldBe(2);
        // Never an entry again: the record still has its three activities.
        (await _records.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(3);
    }

    private async Task<GraphQLResponse> Backfill(string login, bool confirm) =>
        await _jobs.Start("backfillOwnStatements", login, confirm);

    private async Task<JsonArray> Statements(XapiApi.Client client)
    {
        var response = await _xapi.Send(client, HttpMethod.Get, "/xapi/statements");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray();
    }
}
