using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vape.Tests.Support;

/// <summary>
/// A standards-shaped OpenID Connect provider on 127.0.0.1 (discovery document and JWKS, RS256 keys), standing in
/// for the citizens' provider (Entra External ID): Vape finds its keys the way it would find the real one's.
/// </summary>
public sealed class OidcProviderStandIn : IAsyncDisposable
{
    public const string Audience = "vape-citizens";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly WebApplication _app;

    public string Issuer { get; }

    private OidcProviderStandIn(int port)
    {
        Issuer = $"http://127.0.0.1:{port}";
        _key = new RsaSecurityKey(_rsa) { KeyId = "stand-in-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Issuer);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + "/keys",
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
    }

    public static async Task<OidcProviderStandIn> StartAsync()
    {
        var provider = new OidcProviderStandIn(Ports.Free());
        await provider._app.StartAsync();
        return provider;
    }

    /// <summary>An access token for Vape, as the provider issues after a sign-in with a one-time code.</summary>
    public string Token(string subject, params Claim[] extra) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("name", "Công dân"), .. extra]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
