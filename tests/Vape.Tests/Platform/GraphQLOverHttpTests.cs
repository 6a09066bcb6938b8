using System.Net;
using System.Text;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>The behaviours of the GraphQL over HTTP specification, through the real endpoint.</summary>
[Collection(VapeCollection.Name)]
public sealed class GraphQLOverHttpTests(VapeApp app)
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private static HttpRequestMessage Get(string queryString, string accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static HttpRequestMessage Post(string body, string contentType = "application/json", string accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    [Fact]
    public async Task A_query_over_POST_answers_200_with_graphql_response_json()
    {
        var response = await app.GraphQL("{ units { nodes { name kind } } }");
        response.Status.ShouldBe(200);
        response.MediaType.ShouldBe(GraphQLResponse);
        response.Data["units"]!["nodes"]![0]!["name"]!.GetValue<string>().ShouldBe("Hội Khuyến học Việt Nam");
    }

    [Fact]
    public async Task A_legacy_client_that_accepts_only_application_json_gets_application_json()
    {
        var response = await app.GraphQL("{ units { nodes { name } } }", accept: "application/json");
        response.Status.ShouldBe(200);
        response.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task A_query_over_GET_is_answered()
    {
        var response = await app.Send(Get("query=" + Uri.EscapeDataString("{ units { nodes { code } } }")));
        response.Status.ShouldBe(200);
        response.Data["units"]!["nodes"]![0]!["code"]!.GetValue<string>().ShouldBe("TW");
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_changes_nothing()
    {
        var units = await app.GraphQL("{ units { nodes { id name version } } }");
        var centre = units.Data["units"]!["nodes"]![0]!;
        var mutation = $"mutation {{ renameUnit(input: {{unitId: \"{centre["id"]}\", name: \"Đổi qua GET\", expectedVersion: {centre["version"]}}}) {{ name }} }}";

        var response = await app.Send(Get("query=" + Uri.EscapeDataString(mutation)));

        response.Status.ShouldBe(405);
        response.Message.Content.Headers.Allow.ShouldContain("POST");
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        var after = await app.GraphQL($"{{ unit(id: \"{centre["id"]}\") {{ name }} }}");
        after.Data["unit"]!["name"]!.GetValue<string>().ShouldBe("Hội Khuyến học Việt Nam");
    }

    [Theory]
    [InlineData("{not json", "JSON")]
    [InlineData("[{\"query\":\"{ units { nodes { id } } }\"}]", "lô")]
    [InlineData("{\"variables\":{}}", "query")]
    [InlineData("{\"query\":42}", "chuỗi")]
    [InlineData("{\"query\":\"{ units { nodes { id } } }\",\"variables\":\"x\"}", "variables")]
    public async Task A_request_that_is_not_a_GraphQL_request_gets_400_INVALID_INPUT(string body, string mentions)
    {
        var response = await app.Send(Post(body));
        response.Status.ShouldBe(400);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldContain(mentions);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_its_content_type_gets_415()
    {
        var response = await app.Send(Post("{ units { nodes { id } } }", contentType: "text/plain"));
        response.Status.ShouldBe(415);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task A_client_that_accepts_no_JSON_gets_406()
    {
        var response = await app.Send(Post("{\"query\":\"{ units { nodes { id } } }\"}", accept: "text/csv"));
        response.Status.ShouldBe(406);
    }

    /// <summary>Refused before execution: no `data`, a 4xx for graphql-response+json, 200 for legacy application/json.</summary>
    private async Task ShouldBeRefusedBeforeExecution(string query, int status, string code)
    {
        var modern = await app.GraphQL(query);
        modern.Status.ShouldBe(status);
        modern.FirstErrorCode.ShouldBe(code);
        modern.Json!["data"].ShouldBeNull();

        var legacy = await app.GraphQL(query, accept: "application/json");
        legacy.Status.ShouldBe(200);
        legacy.FirstErrorCode.ShouldBe(code);
    }

    [Fact]
    public Task An_unparsable_document_gets_400_for_graphql_response_json_and_200_for_legacy_json() =>
        ShouldBeRefusedBeforeExecution("{ units { nodes { id }", 400, "INVALID_INPUT");

    [Fact]
    public async Task A_document_that_fails_validation_gets_400_INVALID_INPUT()
    {
        var response = await app.GraphQL("{ units { nodes { noSuchField } } }");
        response.Status.ShouldBe(400);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldContain("noSuchField");
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_gets_400_INVALID_INPUT()
    {
        var response = await app.GraphQL("query($first: Int) { units(first: $first) { nodes { id } } }", new { first = "mười" });
        response.Status.ShouldBe(400);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task An_id_that_is_not_a_UUID_gets_INVALID_INPUT_not_an_internal_error()
    {
        var response = await app.GraphQL("query($id: ID!) { unit(id: $id) { name } }", new { id = "không-phải-mã" });
        response.Status.ShouldBe(200);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.Data["unit"].ShouldBeNull();
    }

    [Fact]
    public async Task A_document_longer_than_the_limit_is_refused_before_parsing()
    {
        var huge = "{ units { nodes { id } } }" + new string(' ', 40_000);
        var response = await app.GraphQL(huge);
        response.Status.ShouldBe(400);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldContain("32768");
    }

    [Fact]
    public async Task A_request_body_over_the_limit_gets_413()
    {
        var body = "{\"query\":\"{ units { nodes { id } } }\",\"variables\":{\"x\":\"" + new string('a', 1_100_000) + "\"}}";
        var response = await app.Send(Post(body));
        response.Status.ShouldBe(413);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused_before_it_runs()
    {
        var deep = "{ units { nodes { " + string.Concat(Enumerable.Repeat("parent { ", 14)) + "id" + new string('}', 14) + " } } }";
        var response = await app.GraphQL(deep);
        response.Status.ShouldBe(400);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldContain("quá sâu");
    }

    [Fact]
    public Task Anonymous_access_to_a_signed_in_field_gets_401_NOT_AUTHENTICATED_and_no_data() =>
        ShouldBeRefusedBeforeExecution("{ me { name } }", 401, "NOT_AUTHENTICATED");

    [Fact]
    public async Task Browsers_that_open_graphql_get_GraphiQL_served_by_the_host_itself()
    {
        var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var html = await app.Send(page);
        html.Status.ShouldBe(200);
        html.MediaType.ShouldBe("text/html");
        html.Body.ShouldContain("/graphql/ui/graphiql.min.js");
        html.Body.ShouldNotContain("https://");

        var script = await app.Host.Server.CreateClient().GetAsync("/graphql/ui/graphiql.min.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await script.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100_000);

        (await app.Host.Server.CreateClient().GetAsync("/graphql/ui/..%2Fsecrets")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Vietnamese_letters_come_back_unescaped()
    {
        var response = await app.GraphQL("{ units(parentId: null) { nodes { name children(first: 40) { nodes { name } } } } }");
        response.Body.ShouldContain("Hội Khuyến học Việt Nam");
        response.Body.ShouldContain("Thành phố Hồ Chí Minh");
        response.Body.ShouldNotContain("\\u");
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_echoes_a_sane_one()
    {
        var request = Post("{\"query\":\"{ units { nodes { id } } }\"}");
        request.Headers.Add("X-Correlation-Id", "frontend-123");
        var response = await app.Send(request);
        response.Message.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("frontend-123");

        var hostile = Post("{\"query\":\"{ units { nodes { id } } }\"}");
        hostile.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>");
        var sanitized = await app.Send(hostile);
        sanitized.Message.Headers.GetValues("X-Correlation-Id").Single().ShouldNotContain("<");
    }
}
