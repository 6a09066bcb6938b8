using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>`myClasses`: the classes a person is enrolled in, waits for, teaches, and those that are over.</summary>
[Collection(VapeCollection.Name)]
public sealed class MyClassesTests(VapeApp app) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> Mine(string? login, string relation, int? first = null, string? after = null) =>
        await app.GraphQL("""
            query($r: MyClassRelation!, $n: Int, $a: String) { myClasses(relation: $r, first: $n, after: $a) {
              nodes { title status enrolment { status position } } pageInfo { hasNextPage endCursor } } }
            """, new { r = relation, n = first, a = after }, login is null ? null : await _api.Org.Token(login));

    private static JsonNode Page(GraphQLResponse response)
    {
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["myClasses"]!;
    }

    private static IEnumerable<string> Titles(JsonNode page) => page["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>());

    [Fact]
    public async Task A_learner_sees_classes_enrolled_waiting_and_past_and_a_host_the_classes_taught()
    {
        var full = ClassesApi.Id(await _api.Schedule("Lớp một chỗ", capacity: 1));
        var open = ClassesApi.Id(await _api.Schedule("Lớp rộng chỗ", extra: new { startsAt = ClassesApi.Tomorrow.AddHours(2).ToString("O") }));
        var cancelled = ClassesApi.Id(await _api.Schedule("Lớp bị hủy"));
        await _api.Schedule("Lớp người khác học");
        foreach (var id in new[] { full, open, cancelled })
            (await _api.Enrol(id, await _api.Org.Token("learner2"))).HasErrors.ShouldBeFalse();
        foreach (var id in new[] { full, open, cancelled })
            (await _api.Enrol(id, await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();
        (await _api.Org.Mutate("cancelClass", new { classId = cancelled }, "commune", "status")).HasErrors.ShouldBeFalse();

        var enrolled = Page(await Mine("learner", "ENROLLED"));
        Titles(enrolled).ShouldBe(["Lớp rộng chỗ"]);
        enrolled["nodes"]![0]!["enrolment"]!["status"]!.GetValue<string>().ShouldBe("ENROLLED");
        var waiting = Page(await Mine("learner", "WAITING"));
        Titles(waiting).ShouldBe(["Lớp một chỗ"]);
        waiting["nodes"]![0]!["enrolment"]!["position"]!.GetValue<int>().ShouldBe(1);
        Titles(Page(await Mine("learner", "PAST"))).ShouldBe(["Lớp bị hủy"]);
        Titles(Page(await Mine("learner", "TAUGHT"))).ShouldBeEmpty();

        // The host's (the demo data's classes among them), soonest first, page by page.
        var whole = Titles(Page(await Mine("commune", "TAUGHT", first: 100))).ToList();
        whole.Where(t => t.StartsWith("Lớp ", StringComparison.Ordinal)).ShouldBe(["Lớp một chỗ", "Lớp người khác học", "Lớp rộng chỗ"]);
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = Page(await Mine("commune", "TAUGHT", first: 2, after: after));
            paged.AddRange(Titles(page));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after is not null);
        paged.ShouldBe(whole, "pages of two make the same list");
        Titles(Page(await Mine("commune", "PAST"))).ShouldBe(["Lớp bị hủy"]);
        Titles(Page(await Mine("commune", "ENROLLED"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_out_caller_hears_NOT_AUTHENTICATED()
    {
        var response = await Mine(null, "ENROLLED");
        response.FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        response.FirstErrorMessage!.ShouldMatch("[à-ỹ]");
    }

    [Theory]
    [InlineData("ENROLLED", 0, null)]
    [InlineData("ENROLLED", 5, "not-a-cursor")]
    [InlineData("ENROLLED", 5, "Yzp4fHk=")] // "c:x|y": a well-formed cursor with no position in it
    [InlineData("SOMETIME", 5, null)]
    public async Task A_bad_relation_or_page_is_INVALID_INPUT_in_Vietnamese(string relation, int first, string? after)
    {
        var response = await Mine("learner", relation, first, after);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldMatch("[à-ỹ]", "the message is Vietnamese");
    }
}
