using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>
/// `entriesToVerify`: the self-declared entries waiting for a decision in an official's subtree, oldest first,
/// paged by keyset, filtered by unit, purpose-bound and written to each shown person's access log (ADR 0073).
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class VerificationQueueTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    private const string Query = """
        query($u: ID, $purpose: RecordPurpose!, $first: Int, $after: String) {
          entriesToVerify(unitId: $u, purpose: $purpose, first: $first, after: $after) {
            nodes { personId personName unit { code } entry { id title status provenance hours } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public async Task InitializeAsync() => await app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> Queue(string? login, string? unitCode = null, int? first = null, string? after = null, string purpose = "VERIFICATION") =>
        await app.GraphQL(Query, new { u = unitCode is null ? null : await _api.Org.UnitId(unitCode), purpose, first, after },
            login is null ? null : await _api.Org.Token(login));

    private static JsonArray Nodes(GraphQLResponse response)
    {
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["entriesToVerify"]!["nodes"]!.AsArray();
    }

    private static List<string> EntryIds(GraphQLResponse response) => Nodes(response).Select(n => n!["entry"]!["id"]!.GetValue<string>()).ToList();

    private async Task<JsonArray> AccessLog(string login)
    {
        var response = await app.GraphQL("{ myRecordAccessLog(first: 100) { nodes { officialId unitId purpose shown } } }", token: await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["myRecordAccessLog"]!["nodes"]!.AsArray();
    }

    [Fact]
    public async Task The_units_official_pages_the_pending_entries_oldest_first_and_each_shown_person_sees_the_look()
    {
        var first = await _api.DeclareOk("learner", RecordsApi.Activity(title: "Lớp tin học cơ bản", date: "2026-03-01"));
        var second = await _api.DeclareOk("learner2", RecordsApi.Activity(title: "Câu lạc bộ đọc sách", domain: "GENERAL_KNOWLEDGE", date: "2026-02-01"));
        var verified = await _api.DeclareOk("learner", RecordsApi.Activity(title: "Sơ cứu ban đầu", domain: "HEALTH", date: "2026-04-01"));
        var third = await _api.DeclareOk("learner", RecordsApi.Activity(title: "Tìm hiểu Luật Đất đai 2024", domain: "LEGAL_AWARENESS", date: "2026-01-01"));
        var elsewhere = await _api.DeclareOk("learner-hp", RecordsApi.Activity(title: "Tiếng Anh giao tiếp", domain: "FOREIGN_LANGUAGES"));
        (await _api.Org.Mutate("verifyRecordEntry", new { entryId = verified }, "commune")).HasErrors.ShouldBeFalse();

        // Oldest declared first (not by the activity's date), only what still waits, only the official's subtree.
        var page1 = await Queue("commune", first: 2);
        EntryIds(page1).ShouldBe([first, second]);
        page1.Data["entriesToVerify"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var node = Nodes(page1)[0]!;
        node["personName"]!.GetValue<string>().ShouldBe("Hoàng Thị Em");
        node["unit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        node["entry"]!["title"]!.GetValue<string>().ShouldBe("Lớp tin học cơ bản");
        node["entry"]!["status"]!.GetValue<string>().ShouldBe("PENDING");
        var page2 = await Queue("commune", first: 2, after: page1.Data["entriesToVerify"]!["pageInfo"]!["endCursor"]!.GetValue<string>());
        EntryIds(page2).ShouldBe([third]);
        page2.Data["entriesToVerify"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        // The centre sees the whole country's queue, Hà Nội's and Hải Phòng's.
        EntryIds(await Queue("central", first: 100)).ShouldBe([first, second, third, elsewhere]);
        // Filtered by unit: Hải Phòng's commune alone; a village of Ba Đình where nobody declared anything.
        EntryIds(await Queue("central", "T18-X001")).ShouldBe([elsewhere]);
        EntryIds(await Queue("commune", "T01-X001-01")).ShouldBeEmpty();

        // Every page shown is a look: the learner's two pages by the commune, and the centre's, each with purpose and unit.
        var commune = await _api.Org.PersonId("commune");
        var baDinh = await _api.Org.UnitId("T01-X001");
        var looks = await AccessLog("learner");
        looks.Count(l => l!["officialId"]!.GetValue<string>() == commune).ShouldBe(2);
        looks.ShouldAllBe(l => l!["purpose"]!.GetValue<string>() == "VERIFICATION" && l["shown"]!.GetValue<string>() == "DETAILS");
        looks.Where(l => l!["officialId"]!.GetValue<string>() == commune).ShouldAllBe(l => l!["unitId"]!.GetValue<string>() == baDinh);
        // learner2 showed on the commune's first page and on the centre's: two looks, one each.
        (await AccessLog("learner2")).Select(l => l!["officialId"]!.GetValue<string>()).OrderBy(x => x)
            .ShouldBe(new[] { commune, await _api.Org.PersonId("central") }.OrderBy(x => x));
    }

    [Fact]
    public async Task A_learner_and_a_sibling_provinces_official_are_refused_and_nothing_is_logged()
    {
        await _api.DeclareOk("learner", RecordsApi.Activity());
        await _api.DeclareOk("learner2", RecordsApi.Activity(title: "Câu lạc bộ đọc sách", domain: "GENERAL_KNOWLEDGE"));

        (await Queue(null)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        foreach (var refused in new (string Login, string? Unit)[] { ("learner", null), ("learner", "T01-X001"), ("sibling-province", "T01-X001"), ("sibling-province", "T01") })
        {
            var response = await Queue(refused.Login, refused.Unit);
            response.FirstErrorCode.ShouldBe("NOT_ALLOWED", $"{refused}: {response.Body}");
            response.FirstErrorMessage!.ShouldMatch("[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]");
            response.Json!["data"]?.ToJsonString().ShouldNotContain("Lớp tin học");
        }
        // Their own subtree, Hải Phòng, holds no waiting entry: an empty page, not Hà Nội's.
        Nodes(await Queue("sibling-province")).ShouldBeEmpty();
        (await AccessLog("learner")).ShouldBeEmpty();
        (await AccessLog("learner2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_officials_own_entries_are_not_in_their_queue_but_in_the_one_above()
    {
        var own = await _api.DeclareOk("commune", RecordsApi.Activity(title: "Bồi dưỡng nghiệp vụ khuyến học", domain: "GENERAL_KNOWLEDGE"));

        EntryIds(await Queue("commune")).ShouldNotContain(own);
        EntryIds(await Queue("province")).ShouldContain(own);
    }

    [Theory]
    [InlineData("bad-cursor", "INVALID_INPUT")]
    [InlineData("zero-first", "INVALID_INPUT")]
    [InlineData("bad-unit", "INVALID_INPUT")]
    public async Task Bad_paging_and_ids_answer_invalid_input_in_vietnamese(string kind, string code)
    {
        var token = await _api.Org.Token("commune");
        var response = kind switch
        {
            "bad-cursor" => await app.GraphQL(Query, new { purpose = "VERIFICATION", after = "not-a-cursor" }, token),
            "zero-first" => await app.GraphQL(Query, new { purpose = "VERIFICATION", first = 0 }, token),
            _ => await app.GraphQL(Query, new { purpose = "VERIFICATION", u = "not-an-id" }, token),
        };
        response.FirstErrorCode.ShouldBe(code, response.Body);
        response.FirstErrorMessage!.ShouldMatch("[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]");
    }
}
