using Vape.Records.Badges;
using Vape.Records.Record;
using Vape.Tests.Support;

namespace Vape.Tests.Records.Deciders;

/// <summary>
/// Given what the record says of an achievement, when the person asks for a credential or someone revokes one, then
/// the event or the refusal (docs/adr/0191, 0193). The signing, the status list and who is asked are BadgeTests'.
/// </summary>
public class BadgeDeciderTests
{
    private static readonly Guid Unit = Guid.Parse("01900000-0000-7000-8000-0000000000c1");
    private static readonly Guid BadgeId = Guid.Parse("01900000-0000-7000-8000-0000000000d1");

    private static Decision<IRecordEvent> Issue(RecordedEntry? entry, Guid? existing = null, Guid? unit = null, BadgeSource source = BadgeSource.Entry,
        bool titleFound = false) =>
        RecordSpec.When(() => new IssueBadge(RecordSpec.Learner, source, RecordSpec.EntryId)
            .Decide(entry, titleFound, existing, unit ?? Unit, BadgeId, 7, RecordSpec.At));

    [Fact]
    public void An_accepted_entry_of_the_system_or_verified_becomes_a_credential_of_the_home_unit_at_its_status_index()
    {
        Issue(new RecordedEntry(EntryKind.Activity, Provenance.System, EntryStatus.Accepted))
            .Then(new BadgeIssued(BadgeId, BadgeSource.Entry, RecordSpec.EntryId, Unit, 7, RecordSpec.At));
        Issue(new RecordedEntry(EntryKind.Credential, Provenance.Verified, EntryStatus.Accepted))
            .Then(new BadgeIssued(BadgeId, BadgeSource.Entry, RecordSpec.EntryId, Unit, 7, RecordSpec.At));
        Issue(null, source: BadgeSource.Title, titleFound: true)
            .Then(new BadgeIssued(BadgeId, BadgeSource.Title, RecordSpec.EntryId, Unit, 7, RecordSpec.At));
    }

    [Fact]
    public void An_achievement_with_a_credential_already_gets_nothing_more() =>
        Issue(new RecordedEntry(EntryKind.Activity, Provenance.System, EntryStatus.Accepted), existing: Guid.NewGuid()).ThenNothing();

    [Fact]
    public void Pending_rejected_absent_or_without_a_home_unit_is_refused()
    {
        Issue(new RecordedEntry(EntryKind.Activity, Provenance.SelfDeclared, EntryStatus.Pending)).ThenRefused("INVALID_INPUT");
        Issue(new RecordedEntry(EntryKind.Credential, Provenance.SelfDeclared, EntryStatus.Rejected)).ThenRefused("INVALID_INPUT");
        Issue(null).ThenRefused("NOT_FOUND");
        Issue(null, source: BadgeSource.Title).ThenRefused("NOT_FOUND");
        RecordSpec.When(() => new IssueBadge(RecordSpec.Learner, BadgeSource.Entry, RecordSpec.EntryId)
                .Decide(new RecordedEntry(EntryKind.Activity, Provenance.System, EntryStatus.Accepted), false, null, null, BadgeId, 7, RecordSpec.At))
            .ThenRefused("NOT_ALLOWED");
    }

    private static Decision<IRecordEvent> Revoke(bool found = true, bool may = true, bool revoked = false, string reason = " Cấp nhầm ") =>
        RecordSpec.When(() => new RevokeBadge(RecordSpec.Official, BadgeId, reason).Decide(found, may, revoked, RecordSpec.At, RecordSpec.Seal));

    [Fact]
    public void A_credential_is_revoked_once_with_its_reason_sealed()
    {
        Revoke().Then(new BadgeRevoked(BadgeId, RecordSpec.Official, RecordSpec.Seal("Cấp nhầm"), RecordSpec.At));
        Revoke(revoked: true).ThenRefused("INVALID_INPUT");
    }

    [Fact]
    public void No_reason_an_unknown_credential_or_a_caller_who_may_not_is_refused()
    {
        Revoke(reason: "   ").ThenRefused("INVALID_INPUT");
        Revoke(found: false, may: false).ThenRefused("NOT_FOUND");
        Revoke(may: false).ThenRefused("NOT_ALLOWED");
    }
}
