using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>
/// Every query and mutation of the Records module on the learner's record (Phường Ba Đình), as anonymous, the
/// learner, another learner of the unit, the official of the unit, of an ancestor (Hà Nội, the centre) and of a
/// sibling province. A refused call changes nothing.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class RecordsAuthorizationMatrixTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);
    private string _entry = "";

    private static readonly string?[] Everyone = [null, "learner", "learner2", "commune", "province", "central", "sibling-province"];

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        (await _api.Org.Mutate("setTitleRules", new { year = 2026, minHours = 3, minDomains = 2, familyShare = 0.5, groupShare = 0.5, minGroupMembers = 3 }, "central"))
            .HasErrors.ShouldBeFalse();
        _entry = await _api.DeclareOk("learner", RecordsApi.Activity(hours: 2));
        await _api.DeclareOk("learner", RecordsApi.Activity(title: "Tìm hiểu Luật Đất đai 2024", domain: "LEGAL_AWARENESS", hours: 2, date: "2026-07-07"));
        // Verified hours, so that the learner has a title proposal (pending hours count for nothing).
        foreach (var (title, domain) in new[] { ("Câu lạc bộ khoa học", "SCIENCE"), ("Sơ cứu ban đầu", "HEALTH") })
        {
            var entry = await _api.DeclareOk("learner", RecordsApi.Activity(title: title, domain: domain, hours: 2, date: "2026-05-05"));
            (await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune", "recordVersion")).HasErrors.ShouldBeFalse();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string?, string?> Matrix()
    {
        var data = new TheoryData<string, string?, string?>();
        void Row(string operation, Func<string, string?> expected)
        {
            foreach (var login in Everyone) data.Add(operation, login, login is null ? "NOT_AUTHENTICATED" : expected(login));
        }
        string? OfficialsAbove(string login) => login is "commune" or "province" or "central" ? null : "NOT_ALLOWED";

        foreach (var own in new[] { "myRecord", "myRecordAccessLog", "titleRules", "declareActivity", "addCredential", "setRecordConsent" }) Row(own, _ => null);
        foreach (var review in new[] { "record", "recordStatistics", "titleProposals", "entriesToVerify", "verifyRecordEntry", "rejectRecordEntry", "confirmTitle", "rejectTitle" })
            Row(review, OfficialsAbove);
        Row("requestRecordErasure", login => login == "learner" ? null : "NOT_ALLOWED");
        Row("setTitleRules", login => login == "central" ? null : "NOT_ALLOWED");
        return data;
    }

    private async Task<GraphQLResponse> Run(string operation, string? login)
    {
        var token = login is null ? null : await _api.Org.Token(login);
        var learner = await _api.Org.PersonId("learner");
        var baDinh = await _api.Org.UnitId("T01-X001");
        async Task<string> Proposal()
        {
            var proposals = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 100) { nodes { id subjectId } } }", new { u = baDinh }, await _api.Org.Token("central"));
            return proposals.Data["titleProposals"]!["nodes"]!.AsArray().Single(p => p!["subjectId"]!.GetValue<string>() == learner)!["id"]!.GetValue<string>();
        }
        return operation switch
        {
            "myRecord" => await app.GraphQL("{ myRecord { version } }", token: token),
            "myRecordAccessLog" => await app.GraphQL("{ myRecordAccessLog { nodes { id } } }", token: token),
            "titleRules" => await app.GraphQL("{ titleRules(year: 2026) { minHours } }", token: token),
            "record" => await app.GraphQL("query($p: ID!) { record(personId: $p, purpose: SUPPORT) { version } }", new { p = learner }, token),
            "recordStatistics" => await app.GraphQL("query($u: ID!) { recordStatistics(unitId: $u, year: 2026) { year } }", new { u = baDinh }, token),
            "titleProposals" => await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION) { nodes { id } } }", new { u = baDinh }, token),
            "entriesToVerify" => await app.GraphQL("query($u: ID!) { entriesToVerify(unitId: $u, purpose: VERIFICATION) { nodes { entry { id } } } }", new { u = baDinh }, token),
            "declareActivity" => await _api.Declare(login, RecordsApi.Activity(title: "Đọc sách cùng con", domain: "GENERAL_KNOWLEDGE", date: "2026-08-08")),
            "addCredential" => await _api.Org.Mutate("addCredential", new { title = "Chứng chỉ tiếng Anh A2", issuer = "Trung tâm ngoại ngữ", date = "2026-01-05" }, login),
            "setRecordConsent" => await _api.Org.Mutate("setRecordConsent", new { consent = "DETAILS" }, login),
            "verifyRecordEntry" => await _api.Org.Mutate("verifyRecordEntry", new { entryId = _entry }, login),
            "rejectRecordEntry" => await _api.Org.Mutate("rejectRecordEntry", new { entryId = _entry, reason = "Chưa rõ đơn vị tổ chức" }, login),
            "requestRecordErasure" => await _api.Org.Mutate("requestRecordErasure", new { personId = learner }, login),
            "confirmTitle" => await _api.Org.Mutate("confirmTitle", new { unitId = baDinh, year = 2026, proposalId = await Proposal() }, login),
            "rejectTitle" => await _api.Org.Mutate("rejectTitle", new { unitId = baDinh, year = 2026, proposalId = await Proposal(), reason = "Chưa đủ minh chứng" }, login),
            "setTitleRules" => await _api.Org.Mutate("setTitleRules",
                new { year = 2026, minHours = 5, minDomains = 2, familyShare = 0.5, groupShare = 0.5, minGroupMembers = 3 }, login),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    /// <summary>Everything these operations can change: the learner's record and access log, the proposals and rules, as the centre sees them.</summary>
    private async Task<string> Fingerprint()
    {
        var learner = await app.GraphQL($"{{ myRecord {{ {RecordsApi.RecordFields} }} myRecordAccessLog {{ nodes {{ id officialId purpose }} }} }}", token: await _api.Org.Token("learner"));
        var central = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION) { nodes { id status } } titleRules(year: 2026) { minHours } }",
            new { u = await _api.Org.UnitId("T01-X001") }, await _api.Org.Token("central"));
        learner.HasErrors.ShouldBeFalse(learner.Body);
        central.HasErrors.ShouldBeFalse(central.Body);
        // The centre's own looks at the proposals (this fingerprint's) are logged for the learner: leave them out.
        var centre = await _api.Org.PersonId("central");
        var looks = learner.Data["myRecordAccessLog"]!["nodes"]!.AsArray()
            .Where(l => !(l!["officialId"]!.GetValue<string>() == centre && l["purpose"]!.GetValue<string>() == "EVALUATION")).Select(l => l!["id"]!.GetValue<string>());
        return learner.Data["myRecord"]!.ToJsonString() + string.Join(",", looks) + central.Answer;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_operation_answers_each_caller_as_the_matrix_says(string operation, string? login, string? expectedCode)
    {
        var before = await Fingerprint();

        var response = await Run(operation, login);

        if (expectedCode is null)
        {
            response.HasErrors.ShouldBeFalse($"{operation} as {login}: {response.Body}");
        }
        else
        {
            response.FirstErrorCode.ShouldBe(expectedCode, $"{operation} as {login ?? "anonymous"}: {response.Body}");
            (await Fingerprint()).ShouldBe(before, $"{operation} as {login ?? "anonymous"} changed something");
        }
    }
}
