using Microsoft.Extensions.DependencyInjection;

namespace Vape.Records.Jobs;

/// <summary>`Vape:Records:Jobs:*`: how the centre's long commands run as jobs (docs/adr/0279).</summary>
public sealed class RecordsJobOptions
{
    public const string Section = "Vape:Records:Jobs";

    /// <summary>How long a host's hold on a job lasts without renewal; after it another host takes the job (its host died).</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often a host looks for a job to run (the host a job was started on starts it at once).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Events a back-fill reads, emits and records its progress for at a time.</summary>
    public int BackfillBatch { get; set; } = 500;

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<RecordsJobOptions>().BindConfiguration(Section)
            .Validate(o => o.LeaseSeconds is >= 2 and <= 3600, $"{Section}:LeaseSeconds must be from 2 to 3600.")
            .Validate(o => o.PollSeconds is >= 1 and <= 3600, $"{Section}:PollSeconds must be from 1 to 3600.")
            .Validate(o => o.BackfillBatch is >= 1 and <= 10_000, $"{Section}:BackfillBatch must be from 1 to 10000.")
            .ValidateOnStart();
}
