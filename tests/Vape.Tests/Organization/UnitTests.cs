using System.Diagnostics;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

[Collection(VapeCollection.Name)]
public sealed class UnitTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<GraphQLResponse> Rename(JsonNode unit, string name, string? token, int? version = null) =>
        app.GraphQL("mutation($input: RenameUnitInput!) { renameUnit(input: $input) { name version } }",
            new { input = new { unitId = unit["id"]!.GetValue<string>(), name, expectedVersion = version ?? unit["version"]!.GetValue<int>() } },
            token);

    private async Task<string> NameOf(JsonNode unit) =>
        (await app.GraphQL("query($id: ID!) { unit(id: $id) { name } }", new { id = unit["id"]!.GetValue<string>() }))
            .Data["unit"]!["name"]!.GetValue<string>();

    [Fact]
    public async Task The_public_tree_shows_the_centre_and_the_34_provincial_units_with_their_history()
    {
        var root = await app.GraphQL("{ units { nodes { name kind depth children(first: 100) { nodes { name kind formedFrom } } } } }");
        var centre = root.Data["units"]!["nodes"]!.AsArray().Single()!;
        centre["kind"]!.GetValue<string>().ShouldBe("CENTRAL");
        var provinces = centre["children"]!["nodes"]!.AsArray();
        provinces.Count.ShouldBe(34);
        var hcm = provinces.Single(p => p!["name"]!.GetValue<string>() == "Thành phố Hồ Chí Minh")!;
        hcm["formedFrom"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldBe(["Thành phố Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu"]);
    }

    [Fact]
    public async Task Pages_of_units_walk_the_whole_list_once_with_cursors()
    {
        var centre = (await app.GraphQL("{ units { nodes { id } } }")).Data["units"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var response = await app.GraphQL("query($p: ID, $after: String) { units(parentId: $p, first: 10, after: $after) { nodes { code } pageInfo { hasNextPage endCursor } } }",
                new { p = centre, after });
            var units = response.Data["units"]!;
            seen.AddRange(units["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()));
            if (!units["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = units["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        seen.Count.ShouldBe(34);
        seen.Distinct().Count().ShouldBe(34);
        seen.ShouldBeInOrder();
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(101, null)]
    [InlineData(10, "không-phải-con-trỏ")]
    public async Task Bad_page_arguments_get_INVALID_INPUT(int first, string? after)
    {
        var response = await app.GraphQL("query($first: Int, $after: String) { units(first: $first, after: $after) { nodes { id } } }", new { first, after });
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task The_parents_of_a_list_are_loaded_in_one_batch_not_one_query_each()
    {
        var centre = (await app.GraphQL("{ units { nodes { id } } }")).Data["units"]!["nodes"]![0]!["id"]!.GetValue<string>();
        using var counter = new UnitQueryCounter();
        var response = await app.GraphQL("query($p: ID) { units(parentId: $p, first: 40) { nodes { name parent { name parent { name } } } } }", new { p = centre });
        response.HasErrors.ShouldBeFalse(response.Body);
        response.Data["units"]!["nodes"]!.AsArray().Count.ShouldBe(34);
        // One query for the page, one batch for the 34 parents, one for their parents: never 34.
        counter.Count.ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task An_official_of_an_ancestor_renames_a_commune_and_the_name_comes_back_unescaped()
    {
        var baDinh = await _org.Unit("T01-X001");
        var token = await app.TokenFor("province");

        var response = await Rename(baDinh, "Phường Ba Đình (mới) — “Học tập suốt đời”", token);

        response.Status.ShouldBe(200);
        response.HasErrors.ShouldBeFalse(response.Body);
        response.Body.ShouldContain("Phường Ba Đình (mới) — “Học tập suốt đời”");
        response.Data["renameUnit"]!["version"]!.GetValue<int>().ShouldBe(baDinh["version"]!.GetValue<int>() + 1);
        (await NameOf(baDinh)).ShouldBe("Phường Ba Đình (mới) — “Học tập suốt đời”");
    }

    [Theory]
    [InlineData("central", true)]
    [InlineData("province", true)]
    [InlineData("commune", true)]
    [InlineData("sibling-province", false)]
    [InlineData("learner", false)]
    public async Task Who_may_rename_a_commune(string login, bool allowed)
    {
        var baDinh = await _org.Unit("T01-X001");
        var response = await Rename(baDinh, "Tên thử", await app.TokenFor(login));
        if (allowed)
        {
            response.HasErrors.ShouldBeFalse(response.Body);
            (await NameOf(baDinh)).ShouldBe("Tên thử");
        }
        else
        {
            response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
            (await NameOf(baDinh)).ShouldBe("Phường Ba Đình");
        }
    }

    [Fact]
    public async Task Anonymous_rename_is_refused_before_it_runs()
    {
        var baDinh = await _org.Unit("T01-X001");
        var response = await Rename(baDinh, "Tên thử", token: null);
        response.Status.ShouldBe(401);
        response.FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await NameOf(baDinh)).ShouldBe("Phường Ba Đình");
    }

    [Fact]
    public async Task A_commune_official_cannot_rename_the_province_above()
    {
        var haNoi = await _org.Unit("T01");
        var response = await Rename(haNoi, "Tên thử", await app.TokenFor("commune"));
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await NameOf(haNoi)).ShouldBe("Hà Nội");
    }

    [Fact]
    public async Task A_stale_version_gets_VERSION_CONFLICT_and_keeps_the_newer_name()
    {
        var baDinh = await _org.Unit("T01-X001");
        var token = await app.TokenFor("province");
        (await Rename(baDinh, "Lần một", token)).HasErrors.ShouldBeFalse();

        var stale = await Rename(baDinh, "Lần hai từ bản cũ", token);

        stale.FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (await NameOf(baDinh)).ShouldBe("Lần một");
    }

    [Fact]
    public async Task Concurrent_renames_of_the_same_version_let_exactly_one_win()
    {
        var baDinh = await _org.Unit("T01-X001");
        var token = await app.TokenFor("province");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Rename(baDinh, $"Đồng thời {i}", token)));
        results.Count(r => !r.HasErrors).ShouldBe(1);
        results.Where(r => r.HasErrors).ShouldAllBe(r => r.FirstErrorCode == "VERSION_CONFLICT");
    }

    [Theory]
    [InlineData("", "INVALID_INPUT")]
    [InlineData("   ", "INVALID_INPUT")]
    [InlineData("tab\there", "INVALID_INPUT")]
    public async Task A_bad_name_gets_INVALID_INPUT_and_changes_nothing(string name, string code)
    {
        var baDinh = await _org.Unit("T01-X001");
        var response = await Rename(baDinh, name, await app.TokenFor("province"));
        response.FirstErrorCode.ShouldBe(code);
        (await NameOf(baDinh)).ShouldBe("Phường Ba Đình");
    }

    [Fact]
    public async Task A_name_over_200_characters_gets_INVALID_INPUT()
    {
        var baDinh = await _org.Unit("T01-X001");
        var response = await Rename(baDinh, new string('Đ', 201), await app.TokenFor("province"));
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task A_name_in_decomposed_Unicode_is_stored_composed()
    {
        var baDinh = await _org.Unit("T01-X001");
        var decomposed = "Phường Ba Đình".Normalize(System.Text.NormalizationForm.FormD) + " 2";
        (await Rename(baDinh, decomposed, await app.TokenFor("province"))).HasErrors.ShouldBeFalse();
        (await NameOf(baDinh)).ShouldBe("Phường Ba Đình 2");
    }

    [Fact]
    public async Task Renaming_a_unit_that_does_not_exist_gets_NOT_FOUND()
    {
        var ghost = JsonNode.Parse($"{{\"id\":\"{Guid.CreateVersion7()}\",\"version\":1}}")!;
        var response = await Rename(ghost, "Ma", await app.TokenFor("central"));
        response.FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    /// <summary>Counts the SQL statements that read the units table, through Npgsql's own tracing.</summary>
    private sealed class UnitQueryCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public UnitQueryCounter()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    var sql = a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement");
                    if (sql is string text && text.Contains("mt_doc_unit", StringComparison.Ordinal)) Interlocked.Increment(ref _count);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => _count;

        public void Dispose() => _listener.Dispose();
    }
}
