using System.Text;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// The conventions of ADR 0070, checked on the schema the server serves (through introspection, as a client
/// sees it) and on the behaviours that go with them.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class ApiConventionTests(VapeApp app)
{
    /// <summary>graphql-js 16's <c>getIntrospectionQuery()</c>, as GraphiQL, codegen, Postman and Apollo send it (depth 14 and more).</summary>
    public const string StandardIntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    /// <summary>
    /// Lists of objects that cannot grow without bound, each with the reason; every other list of objects is a
    /// connection. A new list field fails the walk until it is a connection or is added here with its reason.
    /// </summary>
    private static readonly Dictionary<string, string> BoundedLists = new()
    {
        ["Class.hosts"] = "a few people chosen by the organiser",
        ["Query.xapiClients"] = "the learning providers an official registered for one unit: a few",
        ["Query.myBadges"] = "one per achievement the person chose to turn into a credential (as LearningRecord.credentials)",
        ["Class.materials"] = "checked on input, a few links",
        ["Class.recordings"] = "at most 52 sessions a class, each its camera, voice and screen files",
        ["Class.sessions"] = "the repeat count is limited on input",
        ["ClassroomSnapshot.participants"] = "one page; the hub's `Participants(after)` pages the rest",
        ["ClassroomSnapshot.lobby"] = "waiting people of one room, the host admits them",
        ["ClassroomSnapshot.polls"] = "open polls of one room",
        ["ClassroomSnapshot.chat"] = "the 50 latest lines",
        ["ClassroomSnapshot.questions"] = "open questions of one room",
        ["ClassroomSnapshot.relays"] = "relay rooms of one session",
        ["ClassroomCatchUp.events"] = "limited: past the limit a snapshot replaces them",
        ["SessionAttendance.attendees"] = "one session's attendees, bounded by the class capacity",
        ["SessionAttendance.questions"] = "one session's questions",
        ["NotificationSettings.preferences"] = "one per kind of notification",
        ["SessionAttendance.polls"] = "one session's polls",
        ["Directive.documents"] = "attached files, checked on input",
        ["Directive.guidance"] = "one per intermediate level above a unit",
        ["Directive.myUnits"] = "the units the caller holds a role in",
        ["DirectiveRollup.levels"] = "one per level of the tree",
        ["DirectiveCompletion.levels"] = "one per level of the tree below the unit",
        ["ClassAttendanceByMonth.months"] = "always six months",
        ["DirectiveRollup.subtrees"] = "the direct children of one unit, a roll-up row each",
        ["DirectiveUnit.reportFiles"] = "attached files, checked on input",
        ["News.images"] = "attached files, checked on input",
        ["ResourceFacets.domain"] = "one per enum value",
        ["ResourceFacets.format"] = "one per enum value",
        ["ResourceFacets.licence"] = "one per enum value",
        ["ResourceFacets.audience"] = "one per enum value",
        ["Message.reactions"] = "one per emoji",
        ["Message.attachments"] = "checked on input",
        ["Message.acknowledgements"] = "only important messages, members of one channel",
        ["Channel.members"] = "members of one channel (units: its officials)",
        ["Channel.pinnedMessages"] = "a channel's pin board, the newest 100 pins (ADR 0271)",
        ["Unit.ancestors"] = "the depth of the tree",
        ["Unit.ancestorsAsOf"] = "the depth of the tree on that date",
        ["Unit.history"] = "one period per change of the unit",
        ["UnitStatistics.unitsByKind"] = "one per enum value",
        ["Me.roles"] = "the caller's own roles",
        ["LearningRecord.years"] = "one per year",
        ["LearningRecord.credentials"] = "one person's own record",
        ["LearningRecord.titles"] = "a few per year",
        ["LearningRecord.rejectedTitles"] = "a few per year: one per kind of title a proposal could name the person in",
        ["RecordYear.domains"] = "one per enum value",
        ["RecordStatistics.domains"] = "one per enum value",
        ["ImportResult.problems"] = "lines of one uploaded file, limited in size",
        ["Nomination.evidence"] = "the record entries chosen when nominating: at most 20, checked on input",
        ["Fund.accounts"] = "the fixed accounts of one fund",
        ["UnitFundsTotals.byProgramme"] = "one row per programme of one unit",
        ["UnitFundsTotals.byYear"] = "one row per year",
        ["Reconciliation.matched"] = "lines of one uploaded statement, limited in size",
        ["Reconciliation.unmatched"] = "lines of one uploaded statement, limited in size",
        ["CeremonyList.lines"] = "the lines of one printed list, fixed when it was made: a programme's unpaid awards from one fund",
    };

    private async Task<JsonArray> TypesAsync()
    {
        var response = await app.GraphQL(StandardIntrospectionQuery);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["__schema"]!["types"]!.AsArray();
    }

    private static (string Kind, string Name, bool List) Unwrap(JsonNode type)
    {
        var list = false;
        while (type["ofType"] is { } inner && type["name"] is null)
        {
            if (type["kind"]!.GetValue<string>() == "LIST") list = true;
            type = inner;
        }
        return (type["kind"]!.GetValue<string>(), type["name"]!.GetValue<string>(), list);
    }

    [Fact]
    public async Task The_standard_introspection_query_of_graphql_js_is_answered_though_it_is_deeper_than_the_data_limit()
    {
        var response = await app.GraphQL(StandardIntrospectionQuery);
        response.Status.ShouldBe(200, response.Body);
        response.HasErrors.ShouldBeFalse(response.Body);
        response.Data["__schema"]!["queryType"]!["name"]!.GetValue<string>().ShouldBe("Query");
        // The same depth on data fields is still refused before it runs.
        var deep = "{ units { nodes { " + string.Concat(Enumerable.Repeat("parent { ", 12)) + "id" + new string('}', 12) + " } } }";
        var refused = await app.GraphQL(deep);
        refused.Status.ShouldBe(400);
        refused.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Every_list_of_objects_that_can_grow_is_a_connection_and_connections_have_one_shape()
    {
        var types = await TypesAsync();
        var objects = types.Where(t => t!["kind"]!.GetValue<string>() == "OBJECT" && !t["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal)).ToList();
        var problems = new List<string>();
        foreach (var type in objects)
        {
            var typeName = type!["name"]!.GetValue<string>();
            var isConnection = typeName.EndsWith("Connection", StringComparison.Ordinal) || typeName == "ResourceSearch";
            var fieldNames = type["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToHashSet();
            if (isConnection)
            {
                foreach (var required in new[] { "edges", "nodes", "pageInfo" })
                    if (!fieldNames.Contains(required)) problems.Add($"{typeName} lacks {required}");
                if (fieldNames.Contains("totalCount")) problems.Add($"{typeName}.totalCount: ADR 0070 removed it");
                continue;
            }
            if (typeName.EndsWith("Edge", StringComparison.Ordinal)) continue;
            foreach (var field in type["fields"]!.AsArray())
            {
                var (kind, _, list) = Unwrap(field!["type"]!);
                var name = $"{typeName}.{field["name"]!.GetValue<string>()}";
                if (list && kind == "OBJECT" && !BoundedLists.ContainsKey(name)) problems.Add($"{name} is a list that can grow: make it a connection");
                var args = field["args"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToHashSet();
                if (list && (args.Contains("first") || args.Contains("after"))) problems.Add($"{name} pages but is not a connection");
            }
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public async Task No_enum_repeats_another_and_no_type_repeats_Unit()
    {
        var types = await TypesAsync();
        var enums = types.Where(t => t!["kind"]!.GetValue<string>() == "ENUM" && !t["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal))
            .Select(t => (Name: t!["name"]!.GetValue<string>(),
                Values: string.Join(",", t["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal))))
            .ToList();
        enums.GroupBy(e => e.Values).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(e => e.Name)))
            .ShouldBeEmpty("one enum per value set");
        enums.Select(e => e.Name).ShouldContain("LearningDomain");

        var unitLike = types.Where(t => t!["kind"]!.GetValue<string>() == "OBJECT" && t["name"]!.GetValue<string>() != "Unit")
            .Where(t => t!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToHashSet() is var f && f.Contains("code") && f.Contains("name"))
            .Select(t => t!["name"]!.GetValue<string>()).ToList();
        unitLike.ShouldBeEmpty("a client meets one Unit type");
    }

    [Fact]
    public async Task Every_mutation_takes_one_input_named_after_it_and_returns_an_object()
    {
        var types = await TypesAsync();
        var mutation = types.Single(t => t!["name"]!.GetValue<string>() == "Mutation")!;
        var problems = new List<string>();
        foreach (var field in mutation["fields"]!.AsArray())
        {
            var name = field!["name"]!.GetValue<string>();
            var args = field["args"]!.AsArray();
            var expected = char.ToUpperInvariant(name[0]) + name[1..] + "Input";
            if (args.Count != 1 || args[0]!["name"]!.GetValue<string>() != "input"
                || args[0]!["type"]!["kind"]!.GetValue<string>() != "NON_NULL" || Unwrap(args[0]!["type"]!).Name != expected)
                problems.Add($"{name}: one argument `input: {expected}!`");
            var result = field["type"]!;
            if (result["kind"]!.GetValue<string>() != "NON_NULL" || Unwrap(result) is not { Kind: "OBJECT", List: false })
                problems.Add($"{name}: returns a non-null object (the changed thing)");
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData(null)]
    public async Task A_client_that_accepts_anything_or_sends_no_Accept_gets_application_json(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ units { nodes { code } } }\"}", Encoding.UTF8, "application/json"),
        };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        var response = await app.Send(request);
        response.Status.ShouldBe(200);
        response.MediaType.ShouldBe("application/json");
        response.Data["units"]!["nodes"]![0]!["code"]!.GetValue<string>().ShouldBe("TW");
    }

    [Fact]
    public async Task A_forbidden_nested_field_nulls_only_itself_and_says_why()
    {
        var response = await app.GraphQL("{ unitByCode(code: \"T01\") { name members(first: 5) { nodes { fullName } } } }",
            token: await app.TokenFor("learner"));
        response.Status.ShouldBe(200);
        response.Data["unitByCode"]!["name"]!.GetValue<string>().ShouldBe("Hà Nội");
        response.Data["unitByCode"]!["members"].ShouldBeNull();
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        response.Json!["errors"]![0]!["path"]!.AsArray().Select(p => p!.ToString()).ShouldBe(["unitByCode", "members"]);
    }

    [Fact]
    public async Task An_unknown_id_is_null_for_every_lookup_by_id()
    {
        var token = await app.TokenFor("central");
        var id = Guid.NewGuid();
        var response = await app.GraphQL("""
            query($id: ID!) {
              unit(id: $id) { id } class(id: $id) { id } channel(id: $id) { id } thread(messageId: $id) { root { id } }
              directive(id: $id) { id } resource(id: $id) { id } newsItem(id: $id) { id }
            }
            """, new { id }, token);
        response.HasErrors.ShouldBeFalse(response.Body);
        foreach (var field in new[] { "unit", "class", "channel", "thread", "directive", "resource", "newsItem" })
            response.Data[field].ShouldBeNull(field);
    }

    [Fact]
    public async Task Search_results_and_my_channels_page_with_cursors_without_repeating_or_skipping()
    {
        var token = await app.TokenFor("central");
        async Task<List<string>> Walk(string field, string args, string node)
        {
            var seen = new List<string>();
            string? after = null;
            for (var i = 0; i < 50; i++)
            {
                var page = await app.GraphQL($"query($after: String) {{ {field}({args}first: 1, after: $after) {{ nodes {{ {node} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                    new { after }, token);
                page.HasErrors.ShouldBeFalse(page.Body);
                seen.AddRange(page.Data[field]!["nodes"]!.AsArray().Select(n => n![node]!.ToString()));
                if (!page.Data[field]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) return seen;
                after = page.Data[field]!["pageInfo"]!["endCursor"]!.GetValue<string>();
            }
            throw new InvalidOperationException("no last page");
        }
        async Task<List<string>> All(string field, string args, string node) =>
            [.. (await app.GraphQL($"{{ {field}({args}first: 100) {{ nodes {{ {node} }} }} }}", token: token))
                .Data[field]!["nodes"]!.AsArray().Select(n => n![node]!.ToString())];

        var units = await Walk("searchUnits", "text: \"ha\", ", "code");
        units.Count.ShouldBeGreaterThan(2);
        units.ShouldBe(await All("searchUnits", "text: \"ha\", ", "code"));

        var channels = await Walk("channels", "", "id");
        channels.Count.ShouldBeGreaterThan(1);
        channels.ShouldBe(await All("channels", "", "id"));
    }

    /// <summary>A message a person may read is Vietnamese: it has letters only Vietnamese writes, not an English sentence.</summary>
    private static void ShouldBeVietnamese(string? message)
    {
        message.ShouldNotBeNull();
        message.ShouldMatch("[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", message);
    }

    [Theory]
    [InlineData("{ units { nodes { nonsense } } }", null)]
    [InlineData("{ units(nonsense: 1) { nodes { id } } }", null)]
    [InlineData("{ unit { id } }", null)]
    [InlineData("{ resources(facets: { domain: DigitalSkills }) { nodes { id } } }", null)]
    [InlineData("query($d: LearningDomain) { resources(facets: { domain: $d }) { nodes { id } } }", "{\"d\":\"DigitalSkills\"}")]
    [InlineData("{ units { nodes { id name(x: $y) } } }", null)]
    [InlineData("{ units }", null)]
    [InlineData("{ units { nodes { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } } } }", null)]
    [InlineData("{ units { nodes { id } ", null)]
    public async Task A_bad_query_is_INVALID_INPUT_with_a_Vietnamese_message(string query, string? variables)
    {
        var response = await app.GraphQL(query, variables is null ? null : System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(variables));
        response.HasErrors.ShouldBeTrue(response.Body);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        foreach (var error in response.Json!["errors"]!.AsArray()) ShouldBeVietnamese(error!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_REST_endpoint_without_sign_in_answers_401_with_a_Vietnamese_title()
    {
        var response = await app.Send(new HttpRequestMessage(HttpMethod.Get, "/files/" + Guid.NewGuid()));
        response.Status.ShouldBe(401);
        response.Json!["code"]!.GetValue<string>().ShouldBe("NOT_AUTHENTICATED");
        ShouldBeVietnamese(response.Json!["title"]!.GetValue<string>());
    }
}
