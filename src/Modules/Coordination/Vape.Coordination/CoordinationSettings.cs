using Microsoft.Extensions.Configuration;

namespace Vape.Coordination;

/// <summary>`Vape:Coordination:*` settings.</summary>
public sealed class CoordinationSettings(IConfiguration configuration)
{
    /// <summary>After how long the members who have not acknowledged an urgent message are reminded (and again, up to <see cref="MaxReminders"/>).</summary>
    public TimeSpan UrgentReminder { get; } = TimeSpan.FromMinutes(configuration.GetValue("Vape:Coordination:UrgentReminderMinutes", 15.0));

    public TimeSpan ImportantReminder { get; } = TimeSpan.FromMinutes(configuration.GetValue("Vape:Coordination:ImportantReminderMinutes", 120.0));

    public int MaxReminders { get; } = configuration.GetValue("Vape:Coordination:MaxReminders", 3);

    /// <summary>Channels up to this many members show who has read every message (read receipts).</summary>
    public int SmallChannel { get; } = configuration.GetValue("Vape:Coordination:SmallChannelMembers", 20);

    /// <summary>A connection that has not been heard of for this long no longer counts for presence (its host may have died).</summary>
    public TimeSpan PresenceTimeout { get; } = TimeSpan.FromSeconds(configuration.GetValue("Vape:Coordination:PresenceTimeoutSeconds", 90.0));

    /// <summary>At most this many events per channel in one catch-up; past it the client reloads the channel.</summary>
    public int MaxCatchUp { get; } = configuration.GetValue("Vape:Coordination:MaxCatchUpEvents", 5000);

    /// <summary>How often a host writes down the last version it pushed of each channel (docs/adr/0052).</summary>
    public TimeSpan PushMarkInterval { get; } = TimeSpan.FromSeconds(configuration.GetValue("Vape:Coordination:PushMarkSeconds", 1.0));

    /// <summary>A change this much older than its channel's pushed mark was not pushed by the host that made it: another pushes it.</summary>
    public TimeSpan PushGrace { get; } = TimeSpan.FromSeconds(configuration.GetValue("Vape:Coordination:PushGraceSeconds", 10.0));

    public TimeSpan ReminderDelay(string priority) => priority == Messages.Priorities.Urgent ? UrgentReminder : ImportantReminder;
}
