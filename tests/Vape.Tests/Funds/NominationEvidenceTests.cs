using System.Text.Json.Nodes;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>
/// A nomination's evidence from the nominee's learning record (docs/adr/0246): the nominating official chooses entries
/// with a purpose, the programme's officials read them with theirs, and each read is a look in the nominee's access log.
/// A refused nomination writes nothing and logs no look.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class NominationEvidenceTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);
    private readonly RecordsApi _records = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Programme()
    {
        var fund = await _api.FundOk("province", "T01", "Quỹ Khuyến học Hà Nội");
        FundsApi.Ok(await _api.Donate("province", fund, 20_000_000));
        return await _api.Programme("province", "T01", [fund], budget: 10_000_000);
    }

    private async Task<GraphQLResponse> Nominate(string login, string programme, string person, string[] entries, string? purpose, string unit = "T01-X001") =>
        await _api.Org.Mutate("nominate", new
        {
            programmeId = programme, unitId = await _api.Org.UnitId(unit), personId = await _api.Org.PersonId(person),
            reason = "Học viên chăm chỉ, nhiều giờ học kỹ năng số", publicName = true, evidenceEntryIds = entries, evidencePurpose = purpose,
        }, login, "id personId evidenceEntryIds");

    private async Task<JsonArray> Looks(string login) =>
        FundsApi.Ok(await app.GraphQL("{ myRecordAccessLog { nodes { officialId unitName purpose shown } } }", token: await _api.Org.Token(login)))
            .Data["myRecordAccessLog"]!["nodes"]!.AsArray();

    private async Task<JsonArray> Nominations(string programme, string selection = "id") =>
        FundsApi.Ok(await app.GraphQL($"query($id: ID!) {{ programme(id: $id) {{ nominations {{ nodes {{ {selection} }} }} }} }}", new { id = programme },
            await _api.Org.Token("province"))).Data["programme"]!["nominations"]!["nodes"]!.AsArray();

    private static void Refused(GraphQLResponse response, string code)
    {
        response.FirstErrorCode.ShouldBe(code, response.Body);
        response.FirstErrorMessage.ShouldNotBeNullOrWhiteSpace();
        response.FirstErrorMessage!.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_commune_attaches_record_entries_the_province_reads_them_and_each_read_is_in_the_nominees_access_log()
    {
        (await _records.SetConsent("learner", "DETAILS")).HasErrors.ShouldBeFalse();
        var course = await _records.DeclareOk("learner", RecordsApi.Activity(title: "Lớp \"Kỹ năng số\" & an toàn mạng", hours: 3.5m));
        await _records.DeclareOk("learner", RecordsApi.Activity(title: "Hoạt động không chọn làm minh chứng"));
        var programme = await Programme();

        var nominated = FundsApi.Ok(await Nominate("commune", programme, "learner", [course], "EVALUATION")).Data["nominate"]!;
        nominated["evidenceEntryIds"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe([course]);
        var first = (await Looks("learner")).ShouldHaveSingleItem()!;
        first["officialId"]!.GetValue<string>().ShouldBe(await _api.Org.PersonId("commune"));
        first["purpose"]!.GetValue<string>().ShouldBe("EVALUATION");
        first["shown"]!.GetValue<string>().ShouldBe("DETAILS");

        var evidence = (await Nominations(programme, "evidence(purpose: VERIFICATION) { entryId credential title issuer domain date hours verified }"))
            .ShouldHaveSingleItem()!["evidence"]!.AsArray().ShouldHaveSingleItem()!;
        evidence["entryId"]!.GetValue<string>().ShouldBe(course);
        evidence["title"]!.GetValue<string>().ShouldBe("Lớp \"Kỹ năng số\" & an toàn mạng");
        evidence["hours"]!.GetValue<decimal>().ShouldBe(3.5m);
        evidence["domain"]!.GetValue<string>().ShouldBe("DIGITAL_SKILLS");
        evidence["credential"]!.GetValue<bool>().ShouldBeFalse();
        evidence["verified"]!.GetValue<bool>().ShouldBeFalse();

        var looks = await Looks("learner");
        looks.Count.ShouldBe(2);
        looks[0]!["officialId"]!.GetValue<string>().ShouldBe(await _api.Org.PersonId("province"));
        looks[0]!["unitName"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        looks[0]!["purpose"]!.GetValue<string>().ShouldBe("VERIFICATION");

        // Consent withdrawn: the evidence follows the record, no longer shown, and no look is logged.
        (await _records.SetConsent("learner", "TOTALS")).HasErrors.ShouldBeFalse();
        var withdrawn = await app.GraphQL("query($id: ID!) { programme(id: $id) { nominations { nodes { evidence(purpose: EVALUATION) { title } } } } }",
            new { id = programme }, await _api.Org.Token("province"));
        Refused(withdrawn, "NOT_ALLOWED");
        (await Looks("learner")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Evidence_without_a_purpose_from_another_record_without_consent_or_from_a_sibling_unit_is_refused_and_nothing_is_written_or_logged()
    {
        (await _records.SetConsent("learner", "DETAILS")).HasErrors.ShouldBeFalse();
        var own = await _records.DeclareOk("learner");
        var others = await _records.DeclareOk("learner2");
        var programme = await Programme();

        Refused(await Nominate("sibling-province", programme, "learner", [own], "EVALUATION"), "NOT_ALLOWED");
        Refused(await Nominate("learner2", programme, "learner", [own], "EVALUATION"), "NOT_ALLOWED");
        Refused(await Nominate("commune", programme, "learner", [own], null), "INVALID_INPUT");
        Refused(await Nominate("commune", programme, "learner", [own], "LEARNING_SERVICE"), "INVALID_INPUT");
        Refused(await Nominate("commune", programme, "learner", [own, others], "EVALUATION"), "NOT_FOUND");
        Refused(await Nominate("commune", programme, "learner", [Guid.NewGuid().ToString()], "EVALUATION"), "NOT_FOUND");
        // learner2 lets officials see totals only: their entries are no one's evidence.
        Refused(await Nominate("commune", programme, "learner2", [others], "EVALUATION"), "NOT_ALLOWED");

        (await Nominations(programme)).ShouldBeEmpty();
        (await Looks("learner")).ShouldBeEmpty();
        (await Looks("learner2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_nomination_without_evidence_reads_no_record_and_shows_none()
    {
        var programme = await Programme();
        FundsApi.Ok(await Nominate("commune", programme, "learner", [], null));

        (await Nominations(programme, "evidenceEntryIds evidence(purpose: EVALUATION) { entryId }")).ShouldHaveSingleItem()!["evidence"]!.AsArray().ShouldBeEmpty();
        (await Looks("learner")).ShouldBeEmpty();
    }
}
