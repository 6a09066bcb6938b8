using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Vape.BuildingBlocks.Hosting;

// The keys read while the host is being built, before any IOptions exists: bound with Bound<T> (the same data
// annotations as ValidateOnStart), so a bad value stops the host with a message naming its key (ADRs 0114, 0176).
// The key names are docs/running.md's.

/// <summary>`Vape:DataPath`, `Vape:Database`, `Vape:PostgresBin`, `Vape:WebRoot`, `Vape:ThrowOnStartupFailure`.</summary>
public sealed class StartupOptions
{
    public const string Section = "Vape";

    /// <summary>The data folder (embedded cluster, signing keys, files); empty: `data/` beside Vape.sln.</summary>
    public string? DataPath { get; set; }

    /// <summary>The database in the embedded cluster.</summary>
    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]{0,62}$",
        ErrorMessage = Section + ":Database must be a PostgreSQL name: letters, digits and _, at most 63, not starting with a digit.")]
    public string Database { get; set; } = "vape";

    /// <summary>Where `initdb` and `pg_ctl` are; empty: PATH, then Debian's folders.</summary>
    public string? PostgresBin { get; set; }

    /// <summary>Where the built web app is; empty: `wwwroot` beside the host's binaries.</summary>
    public string? WebRoot { get; set; }

    /// <summary>Tests: a start-up failure throws instead of ending the process with one line.</summary>
    public bool ThrowOnStartupFailure { get; set; }

    /// <summary>The start-up keys of <paramref name="configuration"/>, validated (for the host's own project).</summary>
    public static StartupOptions From(IConfiguration configuration) => configuration.Bound<StartupOptions>(Section);
}

/// <summary>`ConnectionStrings:Postgres`, `ConnectionStrings:Redis`: each, when set, must parse (its text is never repeated).</summary>
internal sealed class ConnectionStringOptions : IValidatableObject
{
    public const string Section = "ConnectionStrings";

    public string? Postgres { get; set; }

    public string? Redis { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(Postgres) && !Parses(() => new Npgsql.NpgsqlConnectionStringBuilder(Postgres)))
            yield return new ValidationResult(Section + ":Postgres is not a PostgreSQL connection string (Host=…;Database=…;Username=…).", [nameof(Postgres)]);
        if (!string.IsNullOrWhiteSpace(Redis) && !Parses(() => StackExchange.Redis.ConfigurationOptions.Parse(Redis)))
            yield return new ValidationResult(Section + ":Redis is not a Redis configuration string (host:port,password=…).", [nameof(Redis)]);
    }

    private static bool Parses(Func<object> parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>`Vape:Cors:Origins`: the frontend origins allowed by CORS, each `scheme://host[:port]`.</summary>
internal sealed class CorsOptions : IValidatableObject
{
    public const string Section = "Vape:Cors";

    public string[] Origins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        for (var i = 0; i < Origins.Length; i++)
        {
            if (!StartupUris.IsOrigin(Origins[i]))
                yield return new ValidationResult($"{Section}:Origins:{i} must be an origin: http(s)://host[:port], without a path.", [nameof(Origins)]);
        }
    }
}

/// <summary>`Vape:LoadTest:BaselineHub`: the benchmarks' bare SignalR hub (ADR 0173).</summary>
internal sealed class LoadTestOptions
{
    public const string Section = "Vape:LoadTest";

    public bool BaselineHub { get; set; }
}

/// <summary>`Vape:Citizens:*`: the citizens' OpenID Connect provider (ADR 0120); off while `Authority` is empty.</summary>
internal sealed class CitizenIssuerOptions : IValidatableObject
{
    public const string Section = "Vape:Citizens";

    public string? Authority { get; set; }

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The web app's client id at the provider: set, the app offers the provider's sign-in (MSAL; ADR 0204).</summary>
    public string? ClientId { get; set; }

    /// <summary>What the web app asks for, space-separated (Entra External ID: `api://&lt;api-id&gt;/access`).</summary>
    public string? Scopes { get; set; }

    /// <summary>The authority the browser goes to, when it differs from `Authority` (always https: MSAL refuses http).</summary>
    public string? BrowserAuthority { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public bool InBrowser => Enabled && !string.IsNullOrWhiteSpace(ClientId);

    public string? BrowserAuthorityOrDefault => string.IsNullOrWhiteSpace(BrowserAuthority) ? Authority : BrowserAuthority;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Enabled) yield break;
        if (!StartupUris.IsHttp(Authority, RequireHttpsMetadata))
            yield return new ValidationResult(Section + (RequireHttpsMetadata
                ? ":Authority must be an https:// address (http:// only with RequireHttpsMetadata false)."
                : ":Authority must be an http(s):// address."), [nameof(Authority)]);
        if (!string.IsNullOrWhiteSpace(Issuer) && !Uri.TryCreate(Issuer, UriKind.Absolute, out _))
            yield return new ValidationResult(Section + ":Issuer must be an absolute address (the tokens' iss).", [nameof(Issuer)]);
        if (string.IsNullOrWhiteSpace(Audience))
            yield return new ValidationResult(Section + ":Audience must be set when Authority is (the tokens' aud).", [nameof(Audience)]);
        if (string.IsNullOrWhiteSpace(ClientId)) yield break;
        if (string.IsNullOrWhiteSpace(Scopes))
            yield return new ValidationResult(Section + ":Scopes must be set when ClientId is (what the web app asks the provider for).", [nameof(Scopes)]);
        if (!StartupUris.IsHttp(BrowserAuthorityOrDefault, httpsOnly: true))
            yield return new ValidationResult(Section + ":BrowserAuthority (or Authority) must be an https:// address when ClientId is set: the browser's MSAL refuses http.", [nameof(BrowserAuthority)]);
    }
}

/// <summary>`Vape:Officials:*`: the web app's registration at the officials' Entra ID tenant (`AzureAd`; ADR 0204).</summary>
internal sealed class OfficialsSignInOptions : IValidatableObject
{
    public const string Section = "Vape:Officials";

    /// <summary>The web app's (single-page application's) client id in the tenant; empty: no Entra sign-in in the app.</summary>
    public string? ClientId { get; set; }

    /// <summary>What the web app asks for, space-separated (`api://&lt;api-client-id&gt;/access`).</summary>
    public string? Scopes { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Scopes))
            yield return new ValidationResult(Section + ":Scopes must be set when ClientId is (what the web app asks Entra ID for).", [nameof(Scopes)]);
    }
}

/// <summary>
/// `AzureAd:*`: Microsoft Entra ID sign-in, on while `ClientId` is set. Microsoft.Identity.Web binds the section
/// itself; this checks what it would otherwise refuse at the first request.
/// </summary>
internal sealed class EntraIdOptions : IValidatableObject
{
    public const string Section = "AzureAd";

    public string? Instance { get; set; }

    public string? TenantId { get; set; }

    /// <summary>Microsoft.Identity.Web's alternative to Instance and TenantId together.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Enabled) yield break;
        if (!string.IsNullOrWhiteSpace(Instance) && !StartupUris.IsHttp(Instance, httpsOnly: true))
            yield return new ValidationResult(Section + ":Instance must be an https:// address (https://login.microsoftonline.com/).", [nameof(Instance)]);
        if (!string.IsNullOrWhiteSpace(Authority) && !StartupUris.IsHttp(Authority, httpsOnly: true))
            yield return new ValidationResult(Section + ":Authority must be an https:// address.", [nameof(Authority)]);
        if (string.IsNullOrWhiteSpace(TenantId) && string.IsNullOrWhiteSpace(Authority))
            yield return new ValidationResult(Section + ":TenantId (or Authority) must be set when ClientId is.", [nameof(TenantId)]);
    }
}

/// <summary>`OpenTelemetry:Endpoint`: where traces and metrics are exported (OTLP); empty: nowhere.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    [Url(ErrorMessage = Section + ":Endpoint must be an http(s):// address.")]
    public string? Endpoint { get; set; }
}

/// <summary>`OTEL_EXPORTER_OTLP_ENDPOINT`, OpenTelemetry's own variable, when `OpenTelemetry:Endpoint` is not set.</summary>
internal sealed class OtlpVariableOptions
{
    public const string Section = "";

    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [Url(ErrorMessage = "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s):// address.")]
    public string? Endpoint { get; set; }
}

internal static class StartupUris
{
    public static bool IsHttp(string? value, bool httpsOnly) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || !httpsOnly && uri.Scheme == Uri.UriSchemeHttp);

    public static bool IsOrigin(string? value) =>
        IsHttp(value, httpsOnly: false) && new Uri(value!) is { AbsolutePath: "/", Query: "", Fragment: "", UserInfo: "" };
}
