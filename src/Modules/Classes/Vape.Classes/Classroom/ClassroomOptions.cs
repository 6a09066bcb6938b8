using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace Vape.Classes.Classroom;

/// <summary>
/// `Vape:Classes:*`, bound and validated when the host starts: a value out of range stops it with a message naming
/// the key (ADR 0114).
/// </summary>
public sealed class ClassroomOptions
{
    public const string Section = "Vape:Classes";

    /// <summary>A session's room opens this many minutes before its start (<see cref="ClassroomOpening"/>).</summary>
    [Range(0, 7 * 24 * 60, ErrorMessage = Section + ":RoomOpensMinutesBefore must be between {1} and {2} (minutes).")]
    public int RoomOpensMinutesBefore { get; set; } = 30;

    /// <summary>A host's lease in `classes.hosts`: past it, another host leaves its connections for it (<see cref="ClassroomPresence"/>).</summary>
    [Range(1, 3600, ErrorMessage = Section + ":LeaseSeconds must be between {1} and {2} (seconds).")]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often each host looks for class reminders that are due (<see cref="Reminders.ClassReminderSweep"/>, docs/adr/0208).</summary>
    [Range(1, 3600, ErrorMessage = Section + ":ReminderSweepSeconds must be between {1} and {2} (seconds).")]
    public int ReminderSweepSeconds { get; set; } = 60;

    /// <summary>At most this many reminders in one sweep's transaction; the next sweep takes the rest (docs/adr/0208).</summary>
    [Range(1, 100_000, ErrorMessage = Section + ":ReminderSweepBatch must be between {1} and {2} (reminders).")]
    public int ReminderSweepBatch { get; set; } = 500;

    /// <summary>Binds the section, validates it when the host starts.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<ClassroomOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}
