using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Catalogue.Roster;

/// <summary>
/// What an official's roster action decides on: the class, whether the actor may run its unit's classes, whether the
/// person is a member of the class's unit subtree (and of its audience), whether a session is still to come, the
/// person's place (null: none) and how many are enrolled.
/// </summary>
internal sealed record RosterState(CommunityClass Class, bool ActorMayManage, bool PersonInUnit, bool HasOpenSession, EnrolmentStatus? Place, long Enrolled);

/// <summary>What a removed learner reads on the class's page.</summary>
internal sealed record ClassRemoval(string Reason, DateTimeOffset RemovedAt);

internal interface IRosterEvent
{
    Guid ClassId { get; }
    Guid PersonId { get; }
}

/// <summary>An official gave the person a place, or (the class full) the end of the waiting list.</summary>
internal sealed record LearnerEnrolledByOfficial(Guid ClassId, Guid PersonId, EnrolmentStatus Status) : IRosterEvent;

/// <summary>An official took the person off the class (or its waiting list), with a reason the person reads.</summary>
internal sealed record LearnerRemovedFromClass(Guid ClassId, Guid PersonId, string Reason, Guid RemovedBy, DateTimeOffset At) : IRosterEvent;

/// <summary>An official admitted a waiting person ahead of the queue; `OverCapacity` when that took the class over its capacity.</summary>
internal sealed record WaitingLearnerAdmitted(Guid ClassId, Guid PersonId, bool OverCapacity) : IRosterEvent;

/// <summary>The rules every roster action of an official shares (docs/adr/0287), in the order they are checked.</summary>
internal static class RosterDecider
{
    public const string ClassCancelled = "CLASS_CANCELLED";
    public const string ClassFull = "CLASS_FULL";
    public const string AlreadyEnrolled = "ALREADY_ENROLLED";
    public const string NotInUnit = "NOT_IN_UNIT";
    public const string NotEnrolled = "NOT_ENROLLED";
    public const string NotWaiting = "NOT_WAITING";

    /// <summary>Who may, first; then a cancelled class refuses every change of its roster.</summary>
    public static void Acting(RosterState state)
    {
        if (!state.ActorMayManage) throw VapeException.NotAllowed("Bạn không có quyền quản lý danh sách lớp học này.");
        if (state.Class.Status == ClassStatus.Cancelled) throw new VapeException(ClassCancelled, "Lớp học đã bị hủy.");
    }

    public static void NotOver(RosterState state)
    {
        if (!state.HasOpenSession) throw VapeException.InvalidInput("Lớp học đã kết thúc.");
    }

    public static bool Full(RosterState state) => state.Enrolled >= state.Class.Capacity;
}
