using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Auth;

/// <summary>
/// The citizens' OpenID Connect provider (Microsoft Entra External ID, or any standards-compliant one), beside the
/// officials' issuer (Entra ID, or the local one), by configuration (`Vape:Citizens`; ADR 0120). Tokens are told
/// apart by their `iss` before validation; each is then validated by its own scheme only. A citizen's token is a
/// person only through the link the Organization module keeps: a `vape_person` claim it carries is dropped.
/// </summary>
internal static class CitizenIssuer
{
    public const string Scheme = "citizens";
    private const string Selector = "vape";

    public static void Add(AuthenticationBuilder authentication, CitizenIssuerOptions options, string primaryScheme,
        Action<JwtBearerOptions> commonEvents)
    {
        if (!options.Enabled) return;
        var authority = options.Authority;
        var issuer = options.Issuer is { Length: > 0 } configured ? configured : authority!;
        authentication.AddJwtBearer(Scheme, o =>
        {
            o.Authority = authority;
            o.Audience = options.Audience;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.ValidIssuer = issuer;
            o.TokenValidationParameters.NameClaimType = VapeClaims.Name;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                        foreach (var claim in identity.FindAll(VapeClaims.Person).ToList()) identity.RemoveClaim(claim);
                    return Task.CompletedTask;
                },
            };
            commonEvents(o);
        });
        authentication.AddPolicyScheme(Selector, "Vape", o => o.ForwardDefaultSelector = http =>
            SameIssuer(IssuerOf(http), issuer) ? Scheme : primaryScheme);
        authentication.Services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Selector;
            o.DefaultAuthenticateScheme = Selector;
            o.DefaultChallengeScheme = Selector;
        });
    }

    /// <summary>The unvalidated `iss` of the request's bearer token (header, or the query string on hub paths).</summary>
    private static string? IssuerOf(HttpContext http)
    {
        string? token = null;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header["Bearer ".Length..].Trim();
        else if (http.Request.Path.StartsWithSegments("/hubs")) token = http.Request.Query["access_token"];
        if (string.IsNullOrEmpty(token)) return null;
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token)) return null;
        try { return handler.ReadJsonWebToken(token).Issuer; }
        catch (ArgumentException) { return null; }
    }

    private static bool SameIssuer(string? a, string b) =>
        a is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);
}
