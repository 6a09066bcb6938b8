using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vape.Tests.Support;

/// <summary>
/// A standards-shaped OpenID Connect provider on 127.0.0.1 (discovery document and JWKS, RS256 keys), standing in
/// for the citizens' provider (Entra External ID): Vape finds its keys the way it would find the real one's.
/// With <c>tls</c>, it is also the provider a browser signs in at (ADR 0205): authorization endpoint with a sign-in
/// page, token endpoint (authorization code with PKCE S256 only, refresh tokens), end-session endpoint, over https
/// with a certificate made for the test (MSAL refuses an http authority); the host reads its keys over plain http
/// on a second port (<see cref="BackChannel"/>), as `RequireHttpsMetadata=false` allows.
/// </summary>
public sealed class OidcProviderStandIn : IAsyncDisposable
{
    public const string Audience = "vape-citizens";
    public const string ClientId = "vape-web";
    public const string Scope = "api://vape-citizens/access";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new();

    private sealed record Grant(string Subject, string Name, string RedirectUri, string Challenge, string? Nonce, string Scope);

    /// <summary>The `iss` of its tokens and the authority a browser is sent to (https with <c>tls</c>).</summary>
    public string Issuer { get; }

    /// <summary>Where the host reads the discovery document and the keys (the same as <see cref="Issuer"/> without TLS).</summary>
    public string BackChannel { get; }

    /// <summary>base64 SHA-256 of the certificate's public key: Chromium's `--ignore-certificate-errors-spki-list`.</summary>
    public string? SpkiHash { get; }

    /// <summary>Token requests answered, by grant type (`authorization_code`, `refresh_token`).</summary>
    public ConcurrentQueue<string> Grants { get; } = new();

    /// <summary>How long its access tokens live (short in a test of silent renewal).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sign-outs seen at the end-session endpoint.</summary>
    public int SignOuts => _signOuts;
    private int _signOuts;

    /// <summary>The subject of the provider's account for a user name typed on its sign-in page.</summary>
    public static string SubjectOf(string userName) => "citizen-" + userName;

    private OidcProviderStandIn(bool tls)
    {
        BackChannel = $"http://127.0.0.1:{Ports.Free()}";
        _key = new RsaSecurityKey(_rsa) { KeyId = "stand-in-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (tls)
        {
            var certificate = Certificate();
            SpkiHash = Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
            Issuer = $"https://127.0.0.1:{Ports.Free()}";
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
            builder.WebHost.UseUrls(BackChannel, Issuer);
        }
        else
        {
            Issuer = BackChannel;
            builder.WebHost.UseUrls(Issuer);
        }
        _app = builder.Build();
        _app.Use(async (http, next) =>
        {
            // The browser's MSAL calls the discovery, keys and token endpoints from the app's origin.
            if (http.Request.Headers.Origin.Count > 0)
            {
                http.Response.Headers.AccessControlAllowOrigin = http.Request.Headers.Origin.ToString();
                http.Response.Headers.AccessControlAllowHeaders = http.Request.Headers.AccessControlRequestHeaders.ToString() is { Length: > 0 } h ? h : "content-type";
                http.Response.Headers.AccessControlAllowMethods = "GET, POST";
            }
            if (HttpMethods.IsOptions(http.Request.Method)) { http.Response.StatusCode = 204; return; }
            await next(http);
        });
        _app.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            var here = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = here + "/keys",
                ["authorization_endpoint"] = here + "/authorize",
                ["token_endpoint"] = here + "/token",
                ["end_session_endpoint"] = here + "/logout",
                ["response_types_supported"] = new[] { "code" },
                ["response_modes_supported"] = new[] { "query", "fragment" },
                ["grant_types_supported"] = new[] { "authorization_code", "refresh_token" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
                ["scopes_supported"] = new[] { "openid", "profile", "offline_access", Scope },
                ["subject_types_supported"] = new[] { "pairwise" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        _app.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/authorize", SignedIn);
        _app.MapPost("/token", TokenEndpoint);
        _app.MapGet("/logout", (HttpContext http) =>
        {
            Interlocked.Increment(ref _signOuts);
            var back = http.Request.Query["post_logout_redirect_uri"].ToString();
            return back.Length > 0 ? Results.Redirect(QueryHelpers.AddQueryString(back, "state", http.Request.Query["state"].ToString())) : Results.Text("Đã đăng xuất.");
        });
    }

    private static X509Certificate2 Certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The sign-in page: only for this client, a redirect URI, a code flow and a PKCE S256 challenge.</summary>
    private static IResult Authorize(HttpContext http)
    {
        var q = http.Request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"])
            || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            return Results.BadRequest("invalid_request");
        var hidden = new StringBuilder();
        foreach (var (name, value) in q)
            hidden.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value.ToString())}\">");
        return Results.Content($"""
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Nhà cung cấp danh tính (thử nghiệm)</title></head><body><main><h1>Đăng nhập tại nhà cung cấp</h1>
            <form method="post" action="/authorize">{hidden}<label for="user">Tên đăng nhập</label> <input id="user" name="user" required>
            <button type="submit">Đăng nhập</button></form></main></body></html>
            """, "text/html; charset=utf-8");
    }

    private IResult SignedIn(HttpContext http)
    {
        var f = http.Request.Form;
        var user = f["user"].ToString();
        if (user.Length == 0 || f["client_id"] != ClientId) return Results.BadRequest("invalid_request");
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(SubjectOf(user), "Công dân " + user, f["redirect_uri"]!, f["code_challenge"]!, f["nonce"], f["scope"].ToString());
        var answer = new Dictionary<string, string?> { ["code"] = code, ["state"] = f["state"] };
        var redirect = f["redirect_uri"].ToString();
        return Results.Redirect(f["response_mode"] == "fragment"
            ? redirect + "#" + string.Join("&", answer.Where(a => a.Value is not null).Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value!)}"))
            : QueryHelpers.AddQueryString(redirect, answer));
    }

    private IResult TokenEndpoint(HttpContext http)
    {
        var f = http.Request.Form;
        if (f["client_id"] != ClientId) return Refused("invalid_client");
        Grant? grant;
        switch (f["grant_type"].ToString())
        {
            case "authorization_code":
                if (!_codes.TryRemove(f["code"].ToString(), out grant) || grant.RedirectUri != f["redirect_uri"]) return Refused("invalid_grant");
                var verifier = f["code_verifier"].ToString();
                if (verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
                    return Refused("invalid_grant");
                break;
            case "refresh_token":
                if (!_refreshTokens.TryRemove(f["refresh_token"].ToString(), out var subject)) return Refused("invalid_grant");
                grant = new Grant(subject, "Công dân", "", "", null, f["scope"].ToString());
                break;
            default:
                return Refused("unsupported_grant_type");
        }
        Grants.Enqueue(f["grant_type"].ToString());
        var refresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _refreshTokens[refresh] = grant.Subject;
        var handler = new JsonWebTokenHandler();
        var idClaims = new Dictionary<string, object> { ["sub"] = grant.Subject, ["name"] = grant.Name, ["preferred_username"] = grant.Subject };
        if (grant.Nonce is { Length: > 0 }) idClaims["nonce"] = grant.Nonce;
        var idToken = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = idClaims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["access_token"] = Token(grant.Subject, AccessTokenLifetime),
            ["id_token"] = idToken,
            ["refresh_token"] = refresh,
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["scope"] = Scope,
        });
    }

    private static IResult Refused(string error) => Results.Json(new { error }, statusCode: 400);

    public static async Task<OidcProviderStandIn> StartAsync(bool tls = false)
    {
        var provider = new OidcProviderStandIn(tls);
        await provider._app.StartAsync();
        return provider;
    }

    /// <summary>An access token for Vape, as the provider issues after a sign-in with a one-time code.</summary>
    public string Token(string subject, params Claim[] extra) => Token(subject, TimeSpan.FromMinutes(10), extra);

    private string Token(string subject, TimeSpan lifetime, params Claim[] extra) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("name", "Công dân"), .. extra]),
        Expires = DateTime.UtcNow.Add(lifetime),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
