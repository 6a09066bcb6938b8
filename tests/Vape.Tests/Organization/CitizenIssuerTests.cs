using System.Security.Claims;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>A host that accepts the citizens' OpenID Connect provider beside its own issuer (`Vape:Citizens`).</summary>
public sealed class CitizenIssuerApp : IAsyncLifetime
{
    public OidcProviderStandIn Provider { get; private set; } = null!;
    public VapeApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await OidcProviderStandIn.StartAsync();
        App = new Configured(Provider.Issuer);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }

    private sealed class Configured(string authority) : VapeApp("vape_tests_citizens", "Development", new()
    {
        ["Vape:Citizens:Authority"] = authority,
        ["Vape:Citizens:Audience"] = OidcProviderStandIn.Audience,
        ["Vape:Citizens:RequireHttpsMetadata"] = "false",
    });
}

public sealed class CitizenIssuerTests(CitizenIssuerApp fixture) : IClassFixture<CitizenIssuerApp>
{
    private VapeApp App => fixture.App;

    private async Task<string?> MeName(string token)
    {
        var me = await App.GraphQL("{ me { person { fullName } } }", token: token);
        return me.HasErrors ? me.FirstErrorCode : me.Data["me"]!["person"]!["fullName"]!.GetValue<string>();
    }

    [Fact]
    public async Task Both_issuers_are_accepted_side_by_side_and_the_citizens_account_is_a_member_only_after_a_claim()
    {
        var org = new OrganizationApi(App);
        var learner = await org.PersonId("learner");
        (await MeName(await App.TokenFor("commune"))).ShouldBe("Lê Văn Cường");

        var token = fixture.Provider.Token(subject: Guid.NewGuid().ToString("N"));
        var account = await App.GraphQL("{ myAccount { id person { id } } }", token: token);
        account.HasErrors.ShouldBeFalse(account.Body);
        account.Data["myAccount"]!["person"].ShouldBeNull();
        (await MeName(token)).ShouldBe("NOT_ALLOWED");

        var code = (await org.Mutate("issueClaimCode", new { personId = learner }, "commune", "code")).Data["issueClaimCode"]!["code"]!.GetValue<string>();
        (await org.MutateAs(token, "claimMembership", new { code })).HasErrors.ShouldBeFalse();
        (await MeName(token)).ShouldBe("Hoàng Thị Em");
    }

    [Fact]
    public async Task A_citizens_token_that_names_a_person_itself_is_not_that_person()
    {
        var learner = await new OrganizationApi(App).PersonId("learner");
        // The provider's subject equal to a person's id, and a claim that a local token would carry: neither is a link.
        var token = fixture.Provider.Token(learner, new Claim("vape_person", learner));
        (await MeName(token)).ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_the_providers_name_is_refused()
    {
        await using var impostor = await OidcProviderStandIn.StartAsync();
        var forged = impostor.Token("someone");
        // The impostor's issuer differs (another port): the local scheme gets it and refuses it. Same name, other key:
        var sameName = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = fixture.Provider.Issuer,
            Audience = OidcProviderStandIn.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "someone")]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "stand-in-1" },
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256),
        });
        foreach (var token in new[] { forged, sameName })
            (await App.GraphQL("{ myAccount { id } }", token: token)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }
}
