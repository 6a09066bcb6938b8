using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace Vape.Organization.People;

/// <summary>`Vape:RateLimits:MemberImportsPerHour`, bound and validated when the host starts (ADR 0103, 0114).</summary>
public sealed class MemberImportOptions
{
    public const string Section = "Vape:RateLimits";

    /// <summary>Imports an official may start in an hour, on all hosts together.</summary>
    [Range(1, 100_000, ErrorMessage = Section + ":MemberImportsPerHour must be between {1} and {2}.")]
    public int MemberImportsPerHour { get; set; } = 20;

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<MemberImportOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}
