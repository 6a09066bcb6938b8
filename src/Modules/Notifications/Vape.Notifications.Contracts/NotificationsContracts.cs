namespace Vape.Notifications.Contracts;

/// <summary>
/// What a notification is about. The inbox keeps a notification once per person, kind and subject (ADR 0122); the
/// person's preferences will be per kind.
/// </summary>
public enum NotificationKind
{
    EntryVerified,
    EntryRejected,
    ClassChanged,
    ClassCancelled,
    DirectiveReceived,
    DirectiveOverdue,
    TitleDecided,
    ResourceReviewed,
    ClassPlaceFreed,
    ClassReminder,
    Mentioned,
    PriorityPost,
    ResourceWithdrawn,
    RemovedFromClass,
}
