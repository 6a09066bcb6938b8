using System.Net;
using System.Net.Http.Json;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

[Collection(VapeCollection.Name)]
public sealed class SignInTests(VapeApp app)
{
    [Theory]
    [InlineData("central", "Nguyễn Văn An")]
    [InlineData("province", "Trần Thị Bình")]
    [InlineData("commune", "Lê Văn Cường")]
    [InlineData("sibling-province", "Phạm Thị Dung")]
    [InlineData("learner", "Hoàng Thị Em")]
    public async Task Every_demo_login_gets_a_token_that_the_API_accepts(string login, string name)
    {
        var token = await app.TokenFor(login);
        var me = await app.GraphQL("{ me { name } }", token: token);
        me.Status.ShouldBe(200);
        me.Data["me"]!["name"]!.GetValue<string>().ShouldBe(name);
    }

    [Fact]
    public async Task An_unknown_or_missing_login_gets_a_problem_with_a_code()
    {
        var client = app.Host.Server.CreateClient();
        var unknown = await client.PostAsJsonAsync("/dev/token", new { login = "không-có" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"NOT_FOUND\"");

        var missing = await client.PostAsJsonAsync("/dev/token", new { login = "" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"INVALID_INPUT\"");
    }

    [Fact]
    public async Task A_forged_or_garbled_token_is_treated_as_no_sign_in()
    {
        var token = await app.TokenFor("central");
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var response = await app.GraphQL("{ me { name } }", token: forged);
        response.Status.ShouldBe(401);
        response.FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task A_token_in_the_query_string_counts_only_on_hub_paths()
    {
        var token = await app.TokenFor("central");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql?access_token=" + token)
        {
            Content = new StringContent("{\"query\":\"{ me { name } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var response = await app.Send(request);
        response.Status.ShouldBe(401);
        response.FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task A_missing_page_is_a_problem_document_with_code_and_correlation_id()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/no-such-page");
            s.StatusCodeShouldBe(404);
        });
        var body = await result.ReadAsTextAsync();
        body.ShouldContain("\"code\":\"NOT_FOUND\"");
        body.ShouldContain("correlationId");
    }

    [Fact]
    public async Task A_configured_frontend_origin_gets_CORS_headers_and_others_do_not()
    {
        var client = app.Host.Server.CreateClient();
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
            return await client.SendAsync(request);
        }
        (await Preflight("https://app.vape.test")).Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://app.vape.test");
        (await Preflight("https://evil.example")).Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }
}
