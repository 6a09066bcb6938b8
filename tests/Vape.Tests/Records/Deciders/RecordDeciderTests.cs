using System.Text;
using System.Text.Json;
using Vape.BuildingBlocks.Errors;
using Vape.Records.Contracts;
using Vape.Records.Privacy;
using Vape.Records.Record;
using Vape.Records.Titles;
using Vape.Tests.Support;

namespace Vape.Tests.Records.Deciders;

/// <summary>
/// Given a record's events (and the day's minutes the adapter reads), when an action, then the events or the refusal:
/// a learning record's rules in memory, without a host (docs/adr/0165). Sealing is a visible stand-in here (the JSON
/// of what would be sealed), so that the events compare by value; the real sealing, the locking, the SQL and who
/// may are tested by the integration tests beside this folder (RecordTests, PersonStreamsTests, OrderOfChecksTests).
/// </summary>
internal static class RecordSpec
{
    public static readonly Guid Learner = Guid.Parse("01900000-0000-7000-8000-0000000000b1");
    public static readonly Guid Official = Guid.Parse("01900000-0000-7000-8000-0000000000a1");
    public static readonly Guid EntryId = Guid.Parse("01900000-0000-7000-8000-0000000000e1");
    public static readonly DateOnly Today = new(2026, 12, 6);
    public static readonly DateTimeOffset At = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    public static readonly Sealer Seal = value => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));

    public static RecordState Given(params IRecordEvent[] events) => RecordState.Empty.Apply(events);

    public static Decision<IRecordEvent> When(Func<IReadOnlyList<IRecordEvent>> decide) => Decision<IRecordEvent>.Of(decide);

    public static ActivityRecorded Declared(Guid? id = null) => new(id ?? EntryId, Provenance.SelfDeclared, null, [1], At);
}

/// <summary>What each event does to what a decision reads (<c>RecordState.Apply</c>).</summary>
public class RecordStateTests
{
    [Fact]
    public void An_entry_goes_from_pending_to_accepted_or_rejected_and_a_withdrawn_one_leaves()
    {
        Assert.Equal(EntryStatus.Pending, RecordSpec.Given(RecordSpec.Declared()).Entries[RecordSpec.EntryId].Status);
        Assert.Equal(new RecordedEntry(EntryKind.Activity, Provenance.Verified, EntryStatus.Accepted),
            RecordSpec.Given(RecordSpec.Declared(), new EntryVerified(RecordSpec.EntryId, RecordSpec.Official, RecordSpec.At)).Entries[RecordSpec.EntryId]);
        Assert.Equal(EntryStatus.Rejected,
            RecordSpec.Given(RecordSpec.Declared(), new EntryRejected(RecordSpec.EntryId, RecordSpec.Official, [], RecordSpec.At)).Entries[RecordSpec.EntryId].Status);
        Assert.Empty(RecordSpec.Given(RecordSpec.Declared(), new EntryWithdrawn(RecordSpec.EntryId, RecordSpec.At)).Entries);
    }

    [Fact]
    public void A_class_attendance_is_accepted_and_remembered_and_an_erasure_forgets_everything()
    {
        var attendance = Guid.CreateVersion7();
        var state = RecordSpec.Given(new ActivityRecorded(RecordSpec.EntryId, Provenance.System, attendance, [], RecordSpec.At),
            new ConsentChanged(ConsentLevel.Details, RecordSpec.At));
        Assert.Equal((EntryStatus.Accepted, true, ConsentLevel.Details),
            (state.Entries[RecordSpec.EntryId].Status, state.Attendances.Contains(attendance), state.Consent));
        var erased = state.Apply(new RecordErased(RecordSpec.At));
        Assert.Equal((0, 0, ConsentLevel.Totals, true), (erased.Entries.Count, erased.Attendances.Count, erased.Consent, erased.Erased));
    }
}

public class DeclareActivityTests
{
    private static DeclareActivity Command(string title = "Lớp tin học", decimal hours = 2, DateOnly? date = null, string? provider = null, string? url = null,
        LearningDomain domain = LearningDomain.DigitalSkills) =>
        new(RecordSpec.Learner, title, domain, date ?? RecordSpec.Today, hours, provider, url, null, null);

    private static Decision<IRecordEvent> When(DeclareActivity command, long dayMinutes = 0) =>
        RecordSpec.When(() => command.Decide(command.Check(RecordSpec.Today), RecordSpec.Given() with { DayMinutes = dayMinutes },
            RecordSpec.EntryId, RecordSpec.At, RecordSpec.Seal));

    [Fact]
    public void A_declared_activity_is_self_declared_and_sealed_as_written() =>
        When(Command("  Lớp tin học ", 1.5m, provider: " Xã Ba Đình ", url: "https://example.org/a")).Then(
            new ActivityRecorded(RecordSpec.EntryId, Provenance.SelfDeclared, null, RecordSpec.Seal(new ActivityDetails("Lớp tin học", LearningDomain.DigitalSkills,
                RecordSpec.Today, 90, "Xã Ba Đình", "https://example.org/a", null, null)), RecordSpec.At));

    [Fact]
    public void A_day_holds_at_most_24_hours()
    {
        When(Command(hours: 2), dayMinutes: 22 * 60).Then(new ActivityRecorded(RecordSpec.EntryId, Provenance.SelfDeclared, null,
            RecordSpec.Seal(new ActivityDetails("Lớp tin học", LearningDomain.DigitalSkills, RecordSpec.Today, 120, null, null, null, null)), RecordSpec.At));
        When(Command(hours: 2), dayMinutes: 22 * 60 + 1).ThenRefused(ErrorCodes.InvalidInput, "tối đa 24 giờ");
    }

    [Fact]
    public void What_was_sent_is_checked_title_first()
    {
        When(Command(" ", hours: 0)).ThenRefused(ErrorCodes.InvalidInput, "Hãy nhập tên hoạt động");
        When(Command(new string('x', 201))).ThenRefused(ErrorCodes.InvalidInput, "200");
        When(Command(provider: new string('x', 201))).ThenRefused(ErrorCodes.InvalidInput, "Đơn vị tổ chức dài tối đa");
        When(Command(url: "javascript:alert(1)")).ThenRefused(ErrorCodes.InvalidInput, "http(s)");
        When(Command(domain: (LearningDomain)99)).ThenRefused(ErrorCodes.InvalidInput, "Lĩnh vực");
        When(Command(date: RecordSpec.Today.AddDays(1))).ThenRefused(ErrorCodes.InvalidInput, "tương lai");
        When(Command(date: new DateOnly(1899, 12, 31))).ThenRefused(ErrorCodes.InvalidInput, "Ngày không hợp lệ");
        When(Command(hours: 0)).ThenRefused(ErrorCodes.InvalidInput, "lớn hơn 0");
        When(Command(hours: 24.5m)).ThenRefused(ErrorCodes.InvalidInput, "tối đa 24 giờ");
        When(Command(hours: 0.001m)).ThenRefused(ErrorCodes.InvalidInput, "1 phút");
    }
}

public class AddCredentialTests
{
    private static Decision<IRecordEvent> When(string name, string issuer, LearningDomain? domain = null, DateOnly? date = null)
    {
        var command = new AddCredential(RecordSpec.Learner, name, issuer, date ?? RecordSpec.Today, domain, null, null, null);
        return RecordSpec.When(() => command.Decide(command.Check(RecordSpec.Today), RecordSpec.EntryId, RecordSpec.At, RecordSpec.Seal));
    }

    [Fact]
    public void A_credential_is_recorded_pending_its_check() =>
        When(" Chứng chỉ B ", " Trung tâm ngoại ngữ ", LearningDomain.ForeignLanguages).Then(new CredentialRecorded(RecordSpec.EntryId,
            RecordSpec.Seal(new CredentialDetails("Chứng chỉ B", "Trung tâm ngoại ngữ", RecordSpec.Today, LearningDomain.ForeignLanguages, null, null)), RecordSpec.At));

    [Fact]
    public void A_name_an_issuer_a_known_domain_and_a_past_date_are_needed()
    {
        When("", "Trường").ThenRefused(ErrorCodes.InvalidInput, "tên chứng chỉ");
        When("Bằng", " ").ThenRefused(ErrorCodes.InvalidInput, "nơi cấp");
        When("Bằng", "Trường", (LearningDomain)99).ThenRefused(ErrorCodes.InvalidInput, "Lĩnh vực");
        When("Bằng", "Trường", date: RecordSpec.Today.AddDays(1)).ThenRefused(ErrorCodes.InvalidInput, "tương lai");
    }
}

public class ReviewEntryTests
{
    private static Decision<IRecordEvent> Verify(RecordState state) =>
        RecordSpec.When(() => new VerifyEntry(RecordSpec.Official, RecordSpec.EntryId, null).Decide(state, RecordSpec.At));

    private static Decision<IRecordEvent> Reject(RecordState state, string reason = " Thiếu minh chứng ") =>
        RecordSpec.When(() => new RejectEntry(RecordSpec.Official, RecordSpec.EntryId, reason, null).Decide(state, RecordSpec.At, RecordSpec.Seal));

    [Fact]
    public void A_pending_entry_is_verified_or_rejected_with_its_reason_sealed()
    {
        Verify(RecordSpec.Given(RecordSpec.Declared())).Then(new EntryVerified(RecordSpec.EntryId, RecordSpec.Official, RecordSpec.At));
        Reject(RecordSpec.Given(RecordSpec.Declared())).Then(new EntryRejected(RecordSpec.EntryId, RecordSpec.Official, RecordSpec.Seal("Thiếu minh chứng"), RecordSpec.At));
        Verify(RecordSpec.Given(new CredentialRecorded(RecordSpec.EntryId, [], RecordSpec.At))).Then(new EntryVerified(RecordSpec.EntryId, RecordSpec.Official, RecordSpec.At));
    }

    [Fact]
    public void An_entry_decided_already_is_refused_and_says_how_it_was_decided()
    {
        var verified = RecordSpec.Given(RecordSpec.Declared(), new EntryVerified(RecordSpec.EntryId, Guid.CreateVersion7(), RecordSpec.At));
        var rejected = RecordSpec.Given(RecordSpec.Declared(), new EntryRejected(RecordSpec.EntryId, Guid.CreateVersion7(), [], RecordSpec.At));
        Verify(verified).ThenRefused(ErrorCodes.InvalidInput, "đã được xác nhận");
        Reject(verified).ThenRefused(ErrorCodes.InvalidInput, "đã được xác nhận");
        Verify(rejected).ThenRefused(ErrorCodes.InvalidInput, "đã bị từ chối");
    }

    [Fact]
    public void The_systems_entries_need_no_check_and_a_withdrawn_entry_is_not_found()
    {
        Verify(RecordSpec.Given(new ActivityRecorded(RecordSpec.EntryId, Provenance.System, Guid.CreateVersion7(), [], RecordSpec.At)))
            .ThenRefused(ErrorCodes.InvalidInput, "hệ thống");
        Verify(RecordSpec.Given(RecordSpec.Declared(), new EntryWithdrawn(RecordSpec.EntryId, RecordSpec.At))).ThenRefused(ErrorCodes.NotFound);
    }

    [Fact]
    public void A_reason_is_checked_after_the_entry()
    {
        Reject(RecordSpec.Given(RecordSpec.Declared()), "  ").ThenRefused(ErrorCodes.InvalidInput, "lý do từ chối");
        Reject(RecordSpec.Given(RecordSpec.Declared()), new string('x', 501)).ThenRefused(ErrorCodes.InvalidInput, "500");
        Reject(RecordSpec.Given(), "  ").ThenRefused(ErrorCodes.NotFound);
    }

    [Fact]
    public void No_one_reviews_their_own_record() =>
        Decision.One(() => { RecordDecider.NotOwn(RecordSpec.Learner, RecordSpec.Learner); return 0; }).ThenRefused(ErrorCodes.NotAllowed, "chính mình");
}

public class RecordClassAttendanceTests
{
    private static readonly Guid Attendance = Guid.Parse("01900000-0000-7000-8000-0000000000f1");
    private static readonly Guid ClassId = Guid.Parse("01900000-0000-7000-8000-0000000000f2");

    private static Decision<IRecordEvent> When(RecordState state, string title = "Lớp trồng rau", LearningDomain domain = LearningDomain.EssentialSkills, int minutes = 45) =>
        RecordSpec.When(() => RecordClassAttendanceHandler.Decide(
            new RecordClassAttendance(Attendance, RecordSpec.Learner, ClassId, Guid.CreateVersion7(), Guid.CreateVersion7(), title, domain, RecordSpec.Today, minutes),
            state, RecordSpec.EntryId, RecordSpec.At, RecordSpec.Seal));

    /// <summary>What the record keeps of the attendance: with the minutes with media (none sent here: 0, never above the minutes present).</summary>
    private static ActivityRecorded Recorded(string title, LearningDomain domain, int minutes) =>
        new(RecordSpec.EntryId, Provenance.System, Attendance, RecordSpec.Seal(new ActivityDetails(title, domain, RecordSpec.Today, minutes, null, null, null, ClassId, 0)),
            RecordSpec.At);

    [Fact]
    public void An_attended_session_is_the_systems_activity() =>
        When(RecordSpec.Given()).Then(Recorded("Lớp trồng rau", LearningDomain.EssentialSkills, 45));

    [Fact]
    public void The_same_attendance_again_adds_nothing() =>
        When(RecordSpec.Given(new ActivityRecorded(Guid.CreateVersion7(), Provenance.System, Attendance, [], RecordSpec.At))).ThenNothing();

    [Fact]
    public void What_another_module_sent_is_fitted_never_refused()
    {
        When(RecordSpec.Given(), "  ", (LearningDomain)99, 0).Then(Recorded("Lớp học cộng đồng", LearningDomain.Other, 1));
        When(RecordSpec.Given(), new string('x', 250), minutes: 5000).Then(Recorded(new string('x', 200), LearningDomain.EssentialSkills, 24 * 60));
    }
}

public class RecordFundsAwardTests
{
    private static readonly Guid Award = Guid.Parse("01900000-0000-7000-8000-0000000000f3");

    private static Decision<IRecordEvent> When(RecordState state, string name = "Học bổng Khuyến học", string issuer = "Hội Khuyến học xã") =>
        RecordSpec.When(() => RecordFundsAwardHandler.Decide(new RecordFundsAward(Award, RecordSpec.Learner, Guid.CreateVersion7(), name, issuer, RecordSpec.Today,
            RecordSpec.Official), state, RecordSpec.At, RecordSpec.Seal));

    [Fact]
    public void An_award_is_a_credential_verified_by_the_official_who_decided_it() =>
        When(RecordSpec.Given()).Then(
            new CredentialRecorded(Award, RecordSpec.Seal(new CredentialDetails("Học bổng Khuyến học", "Hội Khuyến học xã", RecordSpec.Today, null, null, null, Award: true)), RecordSpec.At),
            new EntryVerified(Award, RecordSpec.Official, RecordSpec.At));

    [Fact]
    public void The_same_award_again_adds_nothing() =>
        When(RecordSpec.Given(new CredentialRecorded(Award, [], RecordSpec.At), new EntryVerified(Award, RecordSpec.Official, RecordSpec.At))).ThenNothing();

    [Fact]
    public void An_empty_name_or_issuer_takes_the_default() =>
        When(RecordSpec.Given(), " ", "").Then(
            new CredentialRecorded(Award, RecordSpec.Seal(new CredentialDetails("Học bổng", "Hội Khuyến học", RecordSpec.Today, null, null, null, Award: true)), RecordSpec.At),
            new EntryVerified(Award, RecordSpec.Official, RecordSpec.At));
}

public class TitleDecisionTests
{
    private static TitleProposal Proposal(TitleKind kind = TitleKind.LearningFamily, Guid? subject = null, TitleStatus status = TitleStatus.Proposed) =>
        new(RecordSpec.EntryId, kind, 2026, subject ?? Guid.Parse("01900000-0000-7000-8000-0000000000f4"), "Đủ điều kiện", 3, 3, 120, 4, status, null,
            [RecordSpec.Learner]);

    private static Decision<IRecordEvent> Confirm(TitleProposal? proposal) =>
        RecordSpec.When(() => new ConfirmTitle(RecordSpec.Official, Guid.CreateVersion7(), 2026, RecordSpec.EntryId).Decide(proposal, RecordSpec.At));

    private static Decision<string> Reject(TitleProposal? proposal, string reason) =>
        Decision.One(() => new RejectTitle(RecordSpec.Official, Guid.CreateVersion7(), 2026, RecordSpec.EntryId, reason).Decide(proposal));

    [Fact]
    public void A_confirmed_title_is_awarded_to_each_member_it_covers() =>
        Confirm(Proposal()).Then(new TitleAwarded(RecordSpec.EntryId, TitleKind.LearningFamily, 2026, Proposal().SubjectId, RecordSpec.At));

    [Fact]
    public void A_proposal_not_there_or_decided_already_is_refused()
    {
        Confirm(null).ThenRefused(ErrorCodes.NotFound, "đề xuất");
        Confirm(Proposal(status: TitleStatus.Rejected)).ThenRefused(ErrorCodes.InvalidInput, "đã được quyết định");
        Reject(Proposal(status: TitleStatus.Confirmed), "Không đủ").ThenRefused(ErrorCodes.InvalidInput, "đã được quyết định");
    }

    [Fact]
    public void No_one_confirms_a_learning_citizen_title_for_themselves() =>
        Confirm(Proposal(TitleKind.LearningCitizen, RecordSpec.Official)).ThenRefused(ErrorCodes.NotAllowed, "chính mình");

    [Fact]
    public void A_rejection_gives_its_reason_after_the_proposals_checks()
    {
        Reject(Proposal(), "  Chưa đủ giờ ").Then("Chưa đủ giờ");
        Reject(Proposal(), " ").ThenRefused(ErrorCodes.InvalidInput, "lý do từ chối");
        Reject(null, " ").ThenRefused(ErrorCodes.NotFound);
    }
}

public class ConsentAndErasureTests
{
    [Fact]
    public void The_learner_sets_a_known_level() =>
        RecordSpec.When(() => new SetRecordConsent(RecordSpec.Learner, ConsentLevel.Details, null).Decide(RecordSpec.At))
            .Then(new ConsentChanged(ConsentLevel.Details, RecordSpec.At));

    [Fact]
    public void An_unknown_level_is_refused() =>
        RecordSpec.When(() => new SetRecordConsent(RecordSpec.Learner, (ConsentLevel)7, null).Decide(RecordSpec.At))
            .ThenRefused(ErrorCodes.InvalidInput, "Mức đồng ý");

    [Fact]
    public void Only_the_person_erases_their_record()
    {
        RecordSpec.When(() => new RequestRecordErasure(RecordSpec.Learner, RecordSpec.Learner).Decide(RecordSpec.At)).Then(new RecordErased(RecordSpec.At));
        RecordSpec.When(() => new RequestRecordErasure(RecordSpec.Official, RecordSpec.Learner).Decide(RecordSpec.At))
            .ThenRefused(ErrorCodes.NotAllowed, "Chỉ chính người có hồ sơ");
    }
}

/// <summary>An attributed xAPI statement in the record (<c>XapiAttribution.Decide</c>, docs/adr/0131, 0133).</summary>
public class XapiStatementTests
{
    private static readonly Guid Statement = Guid.Parse("01900000-0000-7000-8000-0000000000f5");

    private static System.Text.Json.Nodes.JsonObject Json(string verb = "completed", string? duration = "PT1H30M")
    {
        var statement = System.Text.Json.Nodes.JsonNode.Parse("""
            {"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
             "object":{"id":"https://lms.example/khoa-hoc","definition":{"name":{"en-US":"Course","vi-VN":"Khoá học"}}},
             "timestamp":"2026-12-05T10:00:00Z"}
            """)!.AsObject();
        statement["verb"]!["id"] = $"http://adlnet.gov/expapi/verbs/{verb}";
        if (duration is not null) statement["result"] = new System.Text.Json.Nodes.JsonObject { ["duration"] = duration };
        return statement;
    }

    private static Decision<IRecordEvent> When(System.Text.Json.Nodes.JsonObject statement, bool trusted = true, bool voided = false, RecordState? state = null) =>
        RecordSpec.When(() => Vape.Records.Xapi.XapiAttribution.Decide(Statement, statement, trusted, "LMS xã", voided, state ?? RecordSpec.Given(),
            RecordSpec.At, RecordSpec.Seal));

    private static ActivityRecorded Recorded(Provenance provenance, int minutes) =>
        new(Statement, provenance, null, RecordSpec.Seal(new ActivityDetails("Khoá học", LearningDomain.Other, new DateOnly(2026, 12, 5), minutes, "LMS xã",
            null, null, null)), RecordSpec.At);

    [Fact]
    public void A_learning_statement_is_an_activity_verified_from_a_trusted_client_pending_otherwise()
    {
        When(Json()).Then(Recorded(Provenance.Verified, 90));
        When(Json("passed"), trusted: false).Then(Recorded(Provenance.SelfDeclared, 90));
    }

    [Fact]
    public void Other_verbs_a_statement_voided_since_or_one_already_recorded_add_nothing()
    {
        When(Json("experienced")).ThenNothing();
        When(Json(), voided: true).ThenNothing();
        When(Json(), state: RecordSpec.Given(new ActivityRecorded(Statement, Provenance.Verified, null, [], RecordSpec.At))).ThenNothing();
    }

    [Fact]
    public void Its_minutes_are_at_least_one_and_never_more_than_the_day_has_left()
    {
        When(Json(duration: null)).Then(Recorded(Provenance.Verified, 1));
        When(Json(), state: RecordSpec.Given() with { DayMinutes = 24 * 60 - 30 }).Then(Recorded(Provenance.Verified, 30));
        When(Json(), state: RecordSpec.Given() with { DayMinutes = 24 * 60 }).ThenNothing();
    }

    [Fact]
    public void A_voided_statement_withdraws_its_entry_if_it_has_one()
    {
        RecordSpec.When(() => Vape.Records.Xapi.XapiAttribution.DecideVoided(Statement,
                RecordSpec.Given(new ActivityRecorded(Statement, Provenance.Verified, null, [], RecordSpec.At)), RecordSpec.At))
            .Then(new EntryWithdrawn(Statement, RecordSpec.At));
        RecordSpec.When(() => Vape.Records.Xapi.XapiAttribution.DecideVoided(Statement, RecordSpec.Given(), RecordSpec.At)).ThenNothing();
    }
}
