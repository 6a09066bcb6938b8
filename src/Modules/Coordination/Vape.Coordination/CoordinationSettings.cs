using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Vape.Coordination;

/// <summary>
/// `Vape:Coordination:*`, bound and validated when the host starts: a value out of range stops it with a message
/// naming the key (ADR 0114).
/// </summary>
public sealed class CoordinationOptions
{
    public const string Section = "Vape:Coordination";

    /// <summary>After how many minutes the members who have not acknowledged an urgent message are reminded (and again, up to <see cref="MaxReminders"/>).</summary>
    [Range(0.01, 10_080, ErrorMessage = Section + ":UrgentReminderMinutes must be between {1} and {2} (minutes).")]
    public double UrgentReminderMinutes { get; set; } = 15;

    [Range(0.01, 10_080, ErrorMessage = Section + ":ImportantReminderMinutes must be between {1} and {2} (minutes).")]
    public double ImportantReminderMinutes { get; set; } = 120;

    [Range(0, 100, ErrorMessage = Section + ":MaxReminders must be between {1} and {2}.")]
    public int MaxReminders { get; set; } = 3;

    /// <summary>Channels up to this many members show who has read every message (read receipts).</summary>
    [Range(0, 100_000, ErrorMessage = Section + ":SmallChannelMembers must be between {1} and {2}.")]
    public int SmallChannelMembers { get; set; } = 20;

    /// <summary>A connection not heard of for this many seconds no longer counts for presence (its host may have died).</summary>
    [Range(1, 86_400, ErrorMessage = Section + ":PresenceTimeoutSeconds must be between {1} and {2} (seconds).")]
    public double PresenceTimeoutSeconds { get; set; } = 90;

    /// <summary>At most this many events per channel in one catch-up; past it the client reloads the channel.</summary>
    [Range(1, 1_000_000, ErrorMessage = Section + ":MaxCatchUpEvents must be between {1} and {2}.")]
    public int MaxCatchUpEvents { get; set; } = 5000;

    /// <summary>How often (seconds) a host writes down the last version it pushed of each channel (docs/adr/0052).</summary>
    [Range(0.01, 3600, ErrorMessage = Section + ":PushMarkSeconds must be between {1} and {2} (seconds).")]
    public double PushMarkSeconds { get; set; } = 1;

    /// <summary>A change this many seconds older than its channel's pushed mark was not pushed by the host that made it: another pushes it.</summary>
    [Range(0.01, 3600, ErrorMessage = Section + ":PushGraceSeconds must be between {1} and {2} (seconds).")]
    public double PushGraceSeconds { get; set; } = 10;

    /// <summary>Binds the section, validates it when the host starts.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<CoordinationOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>The options as the module reads them (spans of time, not numbers of units).</summary>
public sealed class CoordinationSettings(IOptions<CoordinationOptions> options)
{
    private readonly CoordinationOptions _options = options.Value;

    public TimeSpan UrgentReminder => TimeSpan.FromMinutes(_options.UrgentReminderMinutes);

    public TimeSpan ImportantReminder => TimeSpan.FromMinutes(_options.ImportantReminderMinutes);

    public int MaxReminders => _options.MaxReminders;

    public int SmallChannel => _options.SmallChannelMembers;

    public TimeSpan PresenceTimeout => TimeSpan.FromSeconds(_options.PresenceTimeoutSeconds);

    public int MaxCatchUp => _options.MaxCatchUpEvents;

    public TimeSpan PushMarkInterval => TimeSpan.FromSeconds(_options.PushMarkSeconds);

    public TimeSpan PushGrace => TimeSpan.FromSeconds(_options.PushGraceSeconds);

    public TimeSpan ReminderDelay(string priority) => priority == Messages.Priorities.Urgent ? UrgentReminder : ImportantReminder;
}
