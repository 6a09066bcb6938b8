using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Catalogue.Roster;

/// <summary>An official enrols a member of the class's unit subtree: a place if one is free, else the end of the waiting list.</summary>
public sealed record EnrolMember(Guid ClassId, Guid PersonId, Guid ActorId)
{
    internal LearnerEnrolledByOfficial Decide(RosterState state)
    {
        RosterDecider.Acting(state);
        RosterDecider.NotOver(state);
        if (!state.PersonInUnit)
            throw new VapeException(RosterDecider.NotInUnit, "Người này không phải hội viên của đơn vị tổ chức lớp (hoặc đơn vị cấp dưới) trong đối tượng của lớp.");
        if (state.Class.IsHost(PersonId)) throw VapeException.InvalidInput("Người dẫn lớp không cần đăng ký.");
        if (state.Place is not null) throw new VapeException(RosterDecider.AlreadyEnrolled, "Người này đã có chỗ trong lớp hoặc đang trong danh sách chờ.");
        return new(ClassId, PersonId, RosterDecider.Full(state) ? EnrolmentStatus.Waiting : EnrolmentStatus.Enrolled);
    }
}
