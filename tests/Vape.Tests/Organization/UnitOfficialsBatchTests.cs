using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>
/// `officials` on a list of units (the roll-up's overdue units, thousands at national scale): read for the whole list
/// at once, so the statements that read the roles do not grow with the list; each unit still refused on its own.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class UnitOfficialsBatchTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Query = """
        query($p: ID, $first: Int) { units(parentId: $p, first: $first) {
          nodes { code officials(first: 5) { nodes { role person { fullName } } pageInfo { hasNextPage } } } } }
        """;

    private async Task<GraphQLResponse> Communes(string login, int first) =>
        await app.GraphQL(Query, new { p = await _org.UnitId("T01"), first }, await _org.Token(login));

    /// <summary>The same request as a trace of its own (`traceparent`), so only its statements are counted.</summary>
    private async Task<GraphQLResponse> Communes(string login, int first, RolesQueryCounter counter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Query, variables = new { p = await _org.UnitId("T01"), first } }),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _org.Token(login));
        request.Headers.Add("traceparent", $"00-{counter.TraceId}-{ActivitySpanId.CreateRandom()}-01");
        return await app.Send(request);
    }

    private static Dictionary<string, JsonNode?> ByCode(GraphQLResponse response) =>
        response.Data["units"]!["nodes"]!.AsArray().ToDictionary(n => n!["code"]!.GetValue<string>(), n => n!["officials"]);

    [Fact]
    public async Task A_list_of_units_reads_its_officials_in_the_same_number_of_statements_for_one_unit_or_three()
    {
        var learner = await _org.PersonId("learner");
        var socSon = await _org.UnitId("T01-X003");
        (await _org.Mutate("assignRole", new { personId = learner, unitId = socSon, role = "STAFF" }, "province")).HasErrors.ShouldBeFalse();
        await _org.Token("province");
        await _org.UnitId("T01");

        int one, three;
        using (var counter = new RolesQueryCounter())
        {
            (await Communes("province", 1, counter)).HasErrors.ShouldBeFalse();
            one = counter.Count;
        }
        GraphQLResponse all;
        using (var counter = new RolesQueryCounter())
        {
            all = await Communes("province", 3, counter);
            three = counter.Count;
        }

        all.HasErrors.ShouldBeFalse(all.Body);
        var officials = ByCode(all);
        officials.Keys.Order().ShouldBe(["T01-X001", "T01-X002", "T01-X003"]);
        Names(officials["T01-X001"]).ShouldBe(["Lê Văn Cường (STANDING_MEMBER)"]);
        Names(officials["T01-X002"]).ShouldBeEmpty();
        Names(officials["T01-X003"]).ShouldBe(["Hoàng Thị Em (STAFF)"]);
        officials["T01-X003"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();
        one.ShouldBeGreaterThan(0, "the request's own statements are heard (its trace reached Npgsql)");
        three.ShouldBe(one, "three units cost what one does: one check of who may see them, one read of their roles");
    }

    [Theory]
    [InlineData("commune", new[] { "T01-X001" })]
    [InlineData("sibling-province", new string[0])]
    [InlineData("learner", new string[0])]
    public async Task Each_unit_the_caller_may_not_see_is_null_with_NOT_ALLOWED_on_its_own_path(string login, string[] allowed)
    {
        var response = await Communes(login, 3);

        var officials = ByCode(response);
        officials.Where(o => o.Value is not null).Select(o => o.Key).ShouldBe(allowed);
        var errors = response.Json!["errors"]!.AsArray();
        errors.Count.ShouldBe(3 - allowed.Length);
        foreach (var error in errors)
        {
            error!["extensions"]!["code"]!.GetValue<string>().ShouldBe("NOT_ALLOWED");
            error["message"]!.GetValue<string>().ShouldMatch("[à-ỹ]", "the message is Vietnamese");
            var path = error["path"]!.AsArray().Select(p => p!.ToString()).ToArray();
            path[^1].ShouldBe("officials");
            officials.ElementAt(int.Parse(path[2], CultureInfo.InvariantCulture)).Value.ShouldBeNull();
        }
    }

    private static string[] Names(JsonNode? officials) =>
        [.. officials!["nodes"]!.AsArray().Select(n => $"{n!["person"]!["fullName"]!.GetValue<string>()} ({n["role"]!.GetValue<string>()})")];

    /// <summary>
    /// Counts the SQL statements that read the roles table, through Npgsql's own tracing, in one request's trace only:
    /// the listener hears the whole process, where other test classes run at the same time.
    /// </summary>
    private sealed class RolesQueryCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

        public RolesQueryCounter()
        {
            _listener = new ActivityListener
            {
                // ASP.NET Core's request activity carries the request's `traceparent` to the statements it makes.
                ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.Source.Name != "Npgsql" || a.TraceId != TraceId) return;
                    var sql = a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement");
                    if (sql is string text && text.Contains("organization.roles", StringComparison.Ordinal)) Interlocked.Increment(ref _count);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => _count;

        public void Dispose() => _listener.Dispose();
    }
}
