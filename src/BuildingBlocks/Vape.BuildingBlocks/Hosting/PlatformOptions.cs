using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Vape.BuildingBlocks.Hosting;

// The platform's limits, bound and validated when the host starts: a value out of range stops it with a message
// naming the key (ADR 0114). The keys are the README's.

/// <summary>`Vape:GraphQL:*`: request size, depth, complexity and time limits of the GraphQL endpoint.</summary>
internal sealed class GraphQLLimitsOptions
{
    public const string Section = "Vape:GraphQL";

    [Range(64, 16 * 1024 * 1024, ErrorMessage = Section + ":MaxDocumentLength must be between {1} and {2} (characters).")]
    public int MaxDocumentLength { get; set; } = 32_768;

    [Range(1024, 256 * 1024 * 1024, ErrorMessage = Section + ":MaxBodyBytes must be between {1} and {2} (bytes).")]
    public int MaxBodyBytes { get; set; } = 1_048_576;

    [Range(1, 100, ErrorMessage = Section + ":MaxDepth must be between {1} and {2}.")]
    public int MaxDepth { get; set; } = 12;

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxComplexity must be between {1} and {2}.")]
    public int MaxComplexity { get; set; } = 50_000;

    [Range(1, 3600, ErrorMessage = Section + ":TimeoutSeconds must be between {1} and {2} (seconds).")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Points a document may cost an anonymous client (per address) a minute, on every host together (ADR 0109).</summary>
    [Range(1, long.MaxValue, ErrorMessage = Section + ":AnonymousCostPerMinute must be between {1} and {2} (points).")]
    public long AnonymousCostPerMinute { get; set; } = 20_000;

    /// <summary>Points a document may cost a signed-in client (per person) a minute (ADR 0109).</summary>
    [Range(1, long.MaxValue, ErrorMessage = Section + ":SignedInCostPerMinute must be between {1} and {2} (points).")]
    public long SignedInCostPerMinute { get; set; } = 100_000;

    /// <summary>How long a spent client waits for each refusal, never past its minute's end (ADR 0163); 0: at once.</summary>
    [Range(0, 60_000, ErrorMessage = Section + ":RefusalHoldMilliseconds must be between {1} and {2} (milliseconds).")]
    public int RefusalHoldMilliseconds { get; set; } = 1000;

    /// <summary>A client's GraphQL requests open on one host at once, held refusals included (ADR 0163).</summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxInFlightPerClient must be between {1} and {2}.")]
    public int MaxInFlightPerClient { get; set; } = 32;
}

/// <summary>`Vape:Hubs:*`: the size of one SignalR message and the calls a connection may make a second.</summary>
internal sealed class HubLimitsOptions
{
    public const string Section = "Vape:Hubs";

    [Range(1024, 16 * 1024 * 1024, ErrorMessage = Section + ":MaxMessageBytes must be between {1} and {2} (bytes).")]
    public long MaxMessageBytes { get; set; } = 32 * 1024;

    [Range(0.1, 1e9, ErrorMessage = Section + ":CallsPerSecond must be between {1} and {2}.")]
    public double CallsPerSecond { get; set; } = 5;
}

/// <summary>`Vape:Files:MaxBytes`: the largest file an upload may hold.</summary>
public sealed class FileLimitsOptions
{
    public const string Section = "Vape:Files";

    [Range(1, 4L * 1024 * 1024 * 1024, ErrorMessage = Section + ":MaxBytes must be between {1} and {2} (bytes).")]
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;
}

/// <summary>`Vape:RateLimits:AnonymousGraphQLPerMinute`: GraphQL requests a minute per client address when not signed in.</summary>
internal sealed class AnonymousRateLimitOptions
{
    public const string Section = "Vape:RateLimits";

    [Range(1, int.MaxValue, ErrorMessage = Section + ":AnonymousGraphQLPerMinute must be between {1} and {2}.")]
    public int AnonymousGraphQLPerMinute { get; set; } = 300;
}

internal static class PlatformOptions
{
    /// <summary>Binds each section, validates it when the host starts.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddOptions<GraphQLLimitsOptions>().BindConfiguration(GraphQLLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HubLimitsOptions>().BindConfiguration(HubLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FileLimitsOptions>().BindConfiguration(FileLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnonymousRateLimitOptions>().BindConfiguration(AnonymousRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section).ValidateOnStart();
    }
}

/// <summary>`Vape:DemoData`: demo communes, people and logins (true in Development).</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Vape";

    public bool DemoData { get; set; }
}

internal static class BoundOptions
{
    /// <summary>
    /// A section read while the services are being registered (before any IOptions exists), bound and validated as
    /// ValidateOnStart would: a bad value stops the host now, with the message naming its key.
    /// </summary>
    public static T Bound<T>(this IConfiguration configuration, string section) where T : class, new()
    {
        // "": keys at the configuration's root (OpenTelemetry's own variable).
        var options = (section.Length == 0 ? configuration : configuration.GetSection(section)).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new OptionsValidationException(section, typeof(T), results.Select(r => r.ErrorMessage ?? section));
        return options;
    }
}
