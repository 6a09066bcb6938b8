using Vape.BuildingBlocks.Errors;
using Vape.Classes.Catalogue;
using Vape.Classes.Catalogue.Roster;
using Vape.Records.Contracts;

namespace Vape.Tests.Classes.Deciders;

/// <summary>An official's roster actions, given the class and the person's place, in memory (docs/adr/0287).</summary>
public class RosterDeciderTests
{
    private static readonly Guid ClassId = Guid.CreateVersion7(), PersonId = Guid.CreateVersion7(), OfficialId = Guid.CreateVersion7(),
        HostId = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 13, 0, 0, TimeSpan.Zero);

    private static RosterState Given(int capacity = 2, long enrolled = 0, EnrolmentStatus? place = null, bool mayManage = true, bool inUnit = true,
        bool open = true, ClassStatus status = ClassStatus.Scheduled) =>
        new(new CommunityClass(ClassId, Guid.CreateVersion7(), "Lớp", "", LearningDomain.Science, ClassAudience.Members, Guid.CreateVersion7(), capacity,
            [HostId], [], null, [], 70, false, status, 1, OfficialId, Now), mayManage, inUnit, open, place, enrolled);

    private static void ThenRefused(Action when, string code) => Should.Throw<VapeException>(when).Code.ShouldBe(code);

    private static EnrolMember Enrol(Guid? person = null) => new(ClassId, person ?? PersonId, OfficialId);

    [Fact]
    public void An_official_enrols_a_member_into_a_free_place() =>
        Enrol().Decide(Given(capacity: 2, enrolled: 1)).ShouldBe(new LearnerEnrolledByOfficial(ClassId, PersonId, EnrolmentStatus.Enrolled));

    [Fact]
    public void A_member_enrolled_into_a_full_class_waits() =>
        Enrol().Decide(Given(capacity: 2, enrolled: 2)).Status.ShouldBe(EnrolmentStatus.Waiting);

    [Fact]
    public void Enrolling_refuses_in_order_who_may_a_cancelled_class_an_ended_class_an_outsider_a_host_and_someone_already_there()
    {
        ThenRefused(() => Enrol().Decide(Given(mayManage: false, status: ClassStatus.Cancelled, inUnit: false)), ErrorCodes.NotAllowed);
        ThenRefused(() => Enrol().Decide(Given(status: ClassStatus.Cancelled, open: false)), RosterDecider.ClassCancelled);
        ThenRefused(() => Enrol().Decide(Given(open: false, inUnit: false)), ErrorCodes.InvalidInput);
        ThenRefused(() => Enrol().Decide(Given(inUnit: false)), RosterDecider.NotInUnit);
        ThenRefused(() => Enrol(HostId).Decide(Given()), ErrorCodes.InvalidInput);
        ThenRefused(() => Enrol().Decide(Given(place: EnrolmentStatus.Waiting)), RosterDecider.AlreadyEnrolled);
        ThenRefused(() => Enrol().Decide(Given(place: EnrolmentStatus.Enrolled)), RosterDecider.AlreadyEnrolled);
    }

    [Fact]
    public void Removing_keeps_the_trimmed_reason_and_takes_an_enrolled_or_a_waiting_person_off() =>
        new RemoveFromClass(ClassId, PersonId, "  Vắng ba buổi liền  ", OfficialId).Decide(Given(place: EnrolmentStatus.Waiting), Now)
            .ShouldBe(new LearnerRemovedFromClass(ClassId, PersonId, "Vắng ba buổi liền", OfficialId, Now));

    [Fact]
    public void Removing_refuses_who_may_not_a_cancelled_class_no_reason_and_someone_not_there()
    {
        var remove = new RemoveFromClass(ClassId, PersonId, "Không đủ điều kiện", OfficialId);
        ThenRefused(() => remove.Decide(Given(mayManage: false, place: EnrolmentStatus.Enrolled), Now), ErrorCodes.NotAllowed);
        ThenRefused(() => remove.Decide(Given(status: ClassStatus.Cancelled, place: EnrolmentStatus.Enrolled), Now), RosterDecider.ClassCancelled);
        ThenRefused(() => (remove with { Reason = " " }).Decide(Given(place: EnrolmentStatus.Enrolled), Now), ErrorCodes.InvalidInput);
        ThenRefused(() => (remove with { Reason = new string('a', 501) }).Decide(Given(place: EnrolmentStatus.Enrolled), Now), ErrorCodes.InvalidInput);
        ThenRefused(() => remove.Decide(Given(), Now), RosterDecider.NotEnrolled);
    }

    [Fact]
    public void Admitting_a_waiting_person_takes_a_free_place_without_asking() =>
        new AdmitFromWaitingList(ClassId, PersonId, false, OfficialId).Decide(Given(capacity: 2, enrolled: 1, place: EnrolmentStatus.Waiting))
            .ShouldBe(new WaitingLearnerAdmitted(ClassId, PersonId, false));

    [Fact]
    public void A_full_class_admits_only_when_the_official_says_over_capacity()
    {
        var state = Given(capacity: 2, enrolled: 2, place: EnrolmentStatus.Waiting);
        ThenRefused(() => new AdmitFromWaitingList(ClassId, PersonId, false, OfficialId).Decide(state), RosterDecider.ClassFull);
        new AdmitFromWaitingList(ClassId, PersonId, true, OfficialId).Decide(state).ShouldBe(new WaitingLearnerAdmitted(ClassId, PersonId, true));
    }

    [Fact]
    public void Admitting_refuses_who_may_not_a_cancelled_or_ended_class_and_someone_not_waiting()
    {
        var admit = new AdmitFromWaitingList(ClassId, PersonId, true, OfficialId);
        ThenRefused(() => admit.Decide(Given(mayManage: false, place: EnrolmentStatus.Waiting)), ErrorCodes.NotAllowed);
        ThenRefused(() => admit.Decide(Given(status: ClassStatus.Cancelled, place: EnrolmentStatus.Waiting)), RosterDecider.ClassCancelled);
        ThenRefused(() => admit.Decide(Given(open: false, place: EnrolmentStatus.Waiting)), ErrorCodes.InvalidInput);
        ThenRefused(() => admit.Decide(Given(place: EnrolmentStatus.Enrolled)), RosterDecider.NotWaiting);
        ThenRefused(() => admit.Decide(Given()), RosterDecider.NotWaiting);
    }
}
