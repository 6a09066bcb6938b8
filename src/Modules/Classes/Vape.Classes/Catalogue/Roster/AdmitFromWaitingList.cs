using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Catalogue.Roster;

/// <summary>
/// An official admits a particular waiting person ahead of the queue. A full class refuses (CLASS_FULL) unless the
/// official says `OverCapacity` (docs/adr/0288).
/// </summary>
public sealed record AdmitFromWaitingList(Guid ClassId, Guid PersonId, bool OverCapacity, Guid ActorId)
{
    internal WaitingLearnerAdmitted Decide(RosterState state)
    {
        RosterDecider.Acting(state);
        RosterDecider.NotOver(state);
        if (state.Place != EnrolmentStatus.Waiting) throw new VapeException(RosterDecider.NotWaiting, "Người này không ở trong danh sách chờ.");
        var full = RosterDecider.Full(state);
        if (full && !OverCapacity)
            throw new VapeException(RosterDecider.ClassFull, "Lớp đã đủ sĩ số: hãy tăng sĩ số, hoặc xác nhận nhận người này vượt sĩ số.");
        return new(ClassId, PersonId, full);
    }
}
