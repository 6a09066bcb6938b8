using System.Net;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Modules;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// A host in Production, with a module that adds two misbehaving fields (a crash and a slow one), a
/// three-second GraphQL timeout and an anonymous limit of 3 requests a minute.
/// </summary>
public sealed class ProductionApp() : VapeApp("vape_tests_production", "Production", new()
{
    ["Vape:GraphQL:TimeoutSeconds"] = "3",
    ["Vape:RateLimits:AnonymousGraphQLPerMinute"] = "3",
})
{
    public const string Secret = "connection string with password=hunter2";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<VapeModule>(new MisbehavingModule());

    public string TokenForAnyone() => Host.Services.GetRequiredService<LocalTokenIssuer>()
        .Issue(new LoginIdentity(Guid.CreateVersion7(), "tester", "Người thử"), TimeSpan.FromMinutes(5));

    private sealed class MisbehavingModule : VapeModule
    {
        public override string Name => "misbehaving";

        public override void AddQueryFields(ObjectGraphType query)
        {
            query.Field<StringGraphType>("crash").Resolve(_ => throw new InvalidOperationException(Secret));
            query.Field<StringGraphType>("slow").ResolveAsync(async c =>
            {
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
                return "never";
            });
        }
    }
}

public sealed class ProductionHostTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task There_is_no_dev_token_endpoint_in_Production()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { login = "central" }).ToUrl("/dev/token");
            s.StatusCodeShouldBe(404);
        });
    }

    [Theory]
    [InlineData("/auth/local/code")]
    [InlineData("/auth/local/token")]
    [InlineData("/dev/mailbox")]
    public async Task There_is_no_local_sign_up_and_no_development_mailbox_in_Production(string path)
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { address = "0912345678", code = "123456" }).ToUrl(path);
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task An_internal_failure_is_masked_with_a_correlation_id_that_the_log_carries()
    {
        var response = await app.GraphQL("{ crash }", token: app.TokenForAnyone());

        response.Status.ShouldBe(200);
        response.FirstErrorCode.ShouldBe("INTERNAL");
        response.Body.ShouldNotContain("hunter2");
        response.Body.ShouldNotContain("InvalidOperationException");
        var correlationId = response.Json!["errors"]![0]!["extensions"]!["correlationId"]!.GetValue<string>();
        response.Message.Headers.GetValues("X-Correlation-Id").Single().ShouldBe(correlationId);
        app.Logs.Lines.ShouldContain(line => line.Contains(correlationId) && line.Contains("InvalidOperationException"));
    }

    [Fact]
    public async Task A_query_that_runs_past_the_timeout_gets_504_TIMEOUT()
    {
        var response = await app.GraphQL("{ slow }", token: app.TokenForAnyone());
        response.Status.ShouldBe(504);
        response.FirstErrorCode.ShouldBe("TIMEOUT");
    }

    [Fact]
    public async Task Anonymous_GraphQL_is_rate_limited_per_address_and_signed_in_users_are_not()
    {
        async Task<HttpStatusCode> Ask(string ip, string? token = null)
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Post.Json(new { query = "{ units { nodes { id } } }" }).ToUrl("/graphql");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(ip));
                if (token is not null) s.WithBearerToken(token);
                s.IgnoreStatusCode();
            });
            return (HttpStatusCode)result.Context.Response.StatusCode;
        }

        for (var i = 0; i < 3; i++) (await Ask("203.0.113.7")).ShouldBe(HttpStatusCode.OK);
        var refused = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { query = "{ units { nodes { id } } }" }).ToUrl("/graphql");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7"));
            s.StatusCodeShouldBe(429);
        });
        (await refused.ReadAsTextAsync()).ShouldContain("RATE_LIMITED");
        (await Ask("203.0.113.8")).ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 5; i++) (await Ask("203.0.113.7", app.TokenForAnyone())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Production_loads_the_reference_tree_but_no_demo_people()
    {
        var response = await app.GraphQL("{ units { nodes { children(first: 100) { nodes { name children { nodes { id } } } } } } }", token: app.TokenForAnyone());
        var provinces = response.Data["units"]!["nodes"]![0]!["children"]!["nodes"]!.AsArray();
        provinces.Count.ShouldBe(34);
        provinces.ShouldAllBe(p => p!["children"]!["nodes"]!.AsArray().Count == 0);
    }
}
