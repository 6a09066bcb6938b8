using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Auth;

/// <summary>
/// What the web app needs to sign people in at the external issuers the host trusts (ADR 0204): for each, the
/// authority MSAL goes to, the app's client id there, the scopes it asks for and how MSAL talks to it. Read by the
/// app at run time from `GET /auth/providers`; an empty list keeps the app's local sign-in.
/// </summary>
internal sealed record SignInProviders(IReadOnlyList<SignInProvider> Providers)
{
    public const string Path = "/auth/providers";

    public static SignInProviders From(EntraIdOptions entraId, OfficialsSignInOptions officials, CitizenIssuerOptions citizens)
    {
        var providers = new List<SignInProvider>();
        if (entraId.Enabled && officials.Enabled)
            providers.Add(new SignInProvider("officials", EntraAuthority(entraId), officials.ClientId!, Split(officials.Scopes), "AAD", []));
        if (citizens.InBrowser)
        {
            var authority = citizens.BrowserAuthorityOrDefault!;
            providers.Add(new SignInProvider("citizens", authority, citizens.ClientId!, Split(citizens.Scopes), "OIDC", [new Uri(authority).Authority]));
        }
        return new SignInProviders(providers);
    }

    /// <summary>MSAL's authority for the tenant: `https://login.microsoftonline.com/&lt;tenant&gt;` (without Microsoft.Identity.Web's `/v2.0`).</summary>
    private static string EntraAuthority(EntraIdOptions o)
    {
        var authority = !string.IsNullOrWhiteSpace(o.Authority)
            ? o.Authority.TrimEnd('/')
            : (o.Instance ?? "https://login.microsoftonline.com/").TrimEnd('/') + "/" + o.TenantId;
        return authority.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase) ? authority[..^"/v2.0".Length] : authority;
    }

    private static string[] Split(string? scopes) => (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One issuer the web app can send a person to: `kind` is `officials` (Entra ID) or `citizens` (the public provider).</summary>
internal sealed record SignInProvider(string Kind, string Authority, string ClientId, string[] Scopes, string ProtocolMode, string[] KnownAuthorities);

internal static class SignInProviderEndpoints
{
    /// <summary>`GET /auth/providers`: anonymous, cacheable for a few minutes; nothing secret (client ids are public).</summary>
    public static void MapSignInProviders(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(SignInProviders.Path, (SignInProviders providers, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Ok(new { providers = providers.Providers });
        }).AllowAnonymous().ExcludeFromDescription();
}
