using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Catalogue.Roster;

/// <summary>An official takes a learner off the class (or its waiting list) with a reason; the first one waiting takes a freed place.</summary>
public sealed record RemoveFromClass(Guid ClassId, Guid PersonId, string? Reason, Guid ActorId)
{
    internal LearnerRemovedFromClass Decide(RosterState state, DateTimeOffset now)
    {
        RosterDecider.Acting(state);
        var reason = ClassRules.Text(Reason, "reason", 3, 500);
        if (state.Place is null) throw new VapeException(RosterDecider.NotEnrolled, "Người này không có trong lớp học hay danh sách chờ.");
        return new(ClassId, PersonId, reason, ActorId, now);
    }
}
