using Vape.BuildingBlocks.Errors;
using Vape.Content.Directives;
using Vape.Organization.Contracts;
using Vape.Tests.Support;

namespace Vape.Tests.Content.Deciders;

/// <summary>
/// Given a unit's row (or a directive), when an action, then the events or the refusal: the directive's rules in
/// memory, without a host (docs/adr/0112). The SQL and the handlers are tested by DirectiveTests and DirectiveFlowTests.
/// </summary>
internal static class DirectiveSpec
{
    public static readonly Guid DirectiveId = Guid.Parse("01900000-0000-7000-8000-0000000000d1");
    public static readonly Guid Centre = Guid.Parse("01900000-0000-7000-8000-0000000000c0");
    public static readonly Guid Province = Guid.Parse("01900000-0000-7000-8000-0000000000c1");
    public static readonly Guid Commune = Guid.Parse("01900000-0000-7000-8000-0000000000c2");
    public static readonly Guid Official = Guid.Parse("01900000-0000-7000-8000-0000000000a1");
    public static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = T0.AddHours(1);

    /// <summary>The commune's row of the directive: nothing done yet.</summary>
    public static DirectiveTarget Pending(bool active = true) =>
        new(DirectiveId, Commune, active, null, [], null, null, null, null, null, null, null, 1, []);

    /// <summary>The row after `events` (as the store would keep it).</summary>
    public static DirectiveTarget Given(params IDirectiveTargetEvent[] events) => events.Aggregate(Pending(), (row, e) => row.Apply(e));

    public static Decision<IDirectiveTargetEvent> When(DirectiveTarget? row, AcknowledgementStep step) =>
        Decision<IDirectiveTargetEvent>.Of(() => new AcknowledgeDirective(DirectiveId, Commune, step, Official).Decide(row, At));

    public static Decision<IDirectiveTargetEvent> WhenReporting(DirectiveTarget? row, string report, params Guid[] files) =>
        Decision<IDirectiveTargetEvent>.Of(() => new ReportImplementation(DirectiveId, Commune, report, Official, files).Decide(row, files, At));

    public static UnitSummary Unit(Guid id, string name, string status = "Active") => new(id, null, name, name, "X", 0, status, null);

    public static IssueDirective Issue(DirectiveTargetKind kind = DirectiveTargetKind.Subtree, int? levels = null, DateOnly? reportBy = null,
        string number = "12/CT", string title = "Về khuyến học", DateOnly? issuedOn = null, DateOnly? effectiveOn = null, DateOnly? acknowledgeBy = null,
        params Guid[] chosen) =>
        new(Centre, number, title, "Trích yếu", issuedOn ?? new(2026, 12, 1), effectiveOn ?? issuedOn ?? new(2026, 12, 1), acknowledgeBy ?? new(2026, 12, 10),
            reportBy, kind, levels, chosen, Official);

    public static Directive Directive(DateOnly acknowledgeBy, DateOnly? reportBy) =>
        new(DirectiveId, Centre, "12/CT", "Về khuyến học", "", new(2026, 12, 1), new(2026, 12, 1), acknowledgeBy, reportBy,
            DirectiveTargetKind.Subtree, null, 1, Official, T0, []);
}

public class AcknowledgeDirectiveTests
{
    private static readonly DirectiveReceived Received = new(DirectiveSpec.Official, DirectiveSpec.At);
    private static readonly DirectiveRead Read = new(DirectiveSpec.Official, DirectiveSpec.At);

    [Fact]
    public void Marking_received_marks_only_received() =>
        DirectiveSpec.When(DirectiveSpec.Pending(), AcknowledgementStep.Received).Then(Received);

    [Fact]
    public void Reading_a_directive_not_yet_received_marks_it_received_too() =>
        DirectiveSpec.When(DirectiveSpec.Pending(), AcknowledgementStep.Read).Then(Received, Read);

    [Fact]
    public void Reading_a_received_directive_marks_it_read() =>
        DirectiveSpec.When(DirectiveSpec.Given(new DirectiveReceived(Guid.CreateVersion7(), DirectiveSpec.T0)), AcknowledgementStep.Read).Then(Read);

    [Fact]
    public void A_step_already_taken_changes_nothing()
    {
        var read = DirectiveSpec.Given(new DirectiveReceived(Guid.CreateVersion7(), DirectiveSpec.T0), new DirectiveRead(Guid.CreateVersion7(), DirectiveSpec.T0));
        DirectiveSpec.When(read, AcknowledgementStep.Read).ThenNothing();
        DirectiveSpec.When(read, AcknowledgementStep.Received).ThenNothing();
    }

    [Fact]
    public void A_unit_the_directive_was_not_sent_to_is_not_found() =>
        DirectiveSpec.When(null, AcknowledgementStep.Read).ThenRefused(ErrorCodes.NotFound, "không gửi đến");

    [Fact]
    public void A_merged_units_row_is_closed_even_for_a_step_it_took() =>
        DirectiveSpec.When(DirectiveSpec.Pending(active: false) with { ReceivedAt = DirectiveSpec.T0 }, AcknowledgementStep.Received)
            .ThenRefused(ErrorCodes.InvalidInput, "sáp nhập");
}

public class ReportImplementationTests
{
    private static readonly Guid File = Guid.Parse("01900000-0000-7000-8000-0000000000f1");

    [Fact]
    public void A_report_on_a_directive_not_yet_read_takes_every_step_before_it() =>
        DirectiveSpec.WhenReporting(DirectiveSpec.Pending(), "  Đã triển khai  ", File).Then(
            new DirectiveReceived(DirectiveSpec.Official, DirectiveSpec.At), new DirectiveRead(DirectiveSpec.Official, DirectiveSpec.At),
            new DirectiveImplemented("Đã triển khai", [File], DirectiveSpec.Official, DirectiveSpec.At));

    [Fact]
    public void A_report_on_a_read_directive_is_the_report_alone()
    {
        var read = DirectiveSpec.Given(new DirectiveReceived(Guid.CreateVersion7(), DirectiveSpec.T0), new DirectiveRead(Guid.CreateVersion7(), DirectiveSpec.T0));
        DirectiveSpec.WhenReporting(read, "Xong").Then(new DirectiveImplemented("Xong", [], DirectiveSpec.Official, DirectiveSpec.At));
    }

    [Fact]
    public void Reporting_again_changes_nothing()
    {
        var done = DirectiveSpec.Given(new DirectiveImplemented("Xong", [], Guid.CreateVersion7(), DirectiveSpec.T0));
        DirectiveSpec.WhenReporting(done, "Lần hai").ThenNothing();
    }

    [Fact]
    public void An_empty_or_too_long_report_is_refused()
    {
        DirectiveSpec.WhenReporting(DirectiveSpec.Pending(), "   ").ThenRefused(ErrorCodes.InvalidInput, "báo cáo");
        DirectiveSpec.WhenReporting(DirectiveSpec.Pending(), new string('x', ReportImplementation.MaxReportLength + 1)).ThenRefused(ErrorCodes.InvalidInput, "4000");
    }

    [Fact]
    public void A_merged_or_unknown_units_row_is_refused()
    {
        DirectiveSpec.WhenReporting(DirectiveSpec.Pending(active: false), "Xong").ThenRefused(ErrorCodes.InvalidInput, "sáp nhập");
        DirectiveSpec.WhenReporting(null, "Xong").ThenRefused(ErrorCodes.NotFound);
    }

    [Fact]
    public void The_row_after_the_report_is_implemented_with_its_report()
    {
        var row = DirectiveSpec.Given(new DirectiveReceived(DirectiveSpec.Official, DirectiveSpec.T0), new DirectiveRead(DirectiveSpec.Official, DirectiveSpec.T0),
            new DirectiveImplemented("Xong", [File], DirectiveSpec.Official, DirectiveSpec.At));
        Assert.Equal(DirectiveUnitStatus.Implemented, row.Status);
        Assert.Equal(("Xong", DirectiveSpec.At, File), (row.Report, row.ImplementedAt, row.ReportFileIds.Single()));
    }
}

public class IssueDirectiveTests
{
    private static readonly UnitSummary Centre = DirectiveSpec.Unit(DirectiveSpec.Centre, "Trung ương");
    private const string CentrePath = "c0";

    [Fact]
    public void The_texts_are_trimmed_and_checked()
    {
        var issue = DirectiveSpec.Issue(number: "  12/CT ", title: " Về khuyến học ").Check(Centre);
        Assert.Equal(("12/CT", "Về khuyến học"), (issue.Number, issue.Title));
        Decision.One(() => DirectiveSpec.Issue(number: " ").Check(Centre)).ThenRefused(ErrorCodes.InvalidInput, "Số hiệu");
        Decision.One(() => DirectiveSpec.Issue(title: new string('a', 301)).Check(Centre)).ThenRefused(ErrorCodes.InvalidInput, "Tiêu đề");
    }

    [Fact]
    public void No_date_comes_before_the_day_it_is_issued()
    {
        var issued = new DateOnly(2026, 12, 5);
        Decision.One(() => DirectiveSpec.Issue(issuedOn: issued, effectiveOn: issued.AddDays(-1)).Check(Centre)).ThenRefused(ErrorCodes.InvalidInput, "hiệu lực");
        Decision.One(() => DirectiveSpec.Issue(issuedOn: issued, acknowledgeBy: issued.AddDays(-1)).Check(Centre)).ThenRefused(ErrorCodes.InvalidInput, "Hạn xác nhận");
        Decision.One(() => DirectiveSpec.Issue(issuedOn: issued, reportBy: issued.AddDays(-1)).Check(Centre)).ThenRefused(ErrorCodes.InvalidInput, "Hạn báo cáo");
    }

    [Fact]
    public void An_issuer_no_longer_active_issues_nothing() =>
        Decision.One(() => DirectiveSpec.Issue().Check(DirectiveSpec.Unit(DirectiveSpec.Centre, "Cũ", "Dissolved")))
            .ThenRefused(ErrorCodes.InvalidInput, "không còn hoạt động");

    [Fact]
    public void Levels_go_one_to_ten_down_and_only_for_LEVELS()
    {
        Assert.Null(DirectiveSpec.Issue(levels: 99).CheckedLevels());
        Assert.Equal(3, DirectiveSpec.Issue(DirectiveTargetKind.Levels, 3).CheckedLevels());
        Decision.One(() => DirectiveSpec.Issue(DirectiveTargetKind.Levels, 0).CheckedLevels()).ThenRefused(ErrorCodes.InvalidInput, "Số cấp");
        Decision.One(() => DirectiveSpec.Issue(DirectiveTargetKind.Levels, IssueDirective.MaxLevels + 1).CheckedLevels()).ThenRefused(ErrorCodes.InvalidInput);
        Decision.One(() => DirectiveSpec.Issue(DirectiveTargetKind.Levels).CheckedLevels()).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void Chosen_units_are_one_to_a_thousand_distinct_ones()
    {
        Assert.Equal([DirectiveSpec.Province], DirectiveSpec.Issue(chosen: [DirectiveSpec.Province, DirectiveSpec.Province]).ChosenIds());
        Decision.One(() => DirectiveSpec.Issue(DirectiveTargetKind.Units).ChosenIds()).ThenRefused(ErrorCodes.InvalidInput, "ít nhất một");
        var many = Enumerable.Range(0, IssueDirective.MaxChosenUnits + 1).Select(_ => Guid.CreateVersion7()).ToArray();
        Decision.One(() => DirectiveSpec.Issue(DirectiveTargetKind.Units, chosen: many).ChosenIds()).ThenRefused(ErrorCodes.InvalidInput, "tối đa");
    }

    [Fact]
    public void A_chosen_unit_must_exist_be_active_and_stand_below_the_issuer()
    {
        var province = DirectiveSpec.Unit(DirectiveSpec.Province, "Hà Nội");
        var sibling = Guid.CreateVersion7();
        var units = new Dictionary<Guid, UnitSummary>
        {
            [DirectiveSpec.Province] = province,
            [DirectiveSpec.Commune] = DirectiveSpec.Unit(DirectiveSpec.Commune, "Xã cũ", "Merged"),
            [DirectiveSpec.Centre] = Centre,
            [sibling] = DirectiveSpec.Unit(sibling, "Nơi khác"),
        };
        var paths = new Dictionary<Guid, string> { [DirectiveSpec.Province] = "c0.c1", [DirectiveSpec.Centre] = CentrePath, [sibling] = "c00.x" };
        Assert.Equal(new Dictionary<Guid, string> { [DirectiveSpec.Province] = "c0.c1" },
            IssueDirective.Chosen([DirectiveSpec.Province], Centre, CentrePath, units, paths));
        Decision.One(() => IssueDirective.Chosen([Guid.CreateVersion7()], Centre, CentrePath, units, paths)).ThenRefused(ErrorCodes.NotFound);
        Decision.One(() => IssueDirective.Chosen([DirectiveSpec.Commune], Centre, CentrePath, units, paths)).ThenRefused(ErrorCodes.InvalidInput, "Xã cũ");
        Decision.One(() => IssueDirective.Chosen([DirectiveSpec.Centre], Centre, CentrePath, units, paths)).ThenRefused(ErrorCodes.InvalidInput, "không thuộc cây");
        // A path that merely starts with the issuer's label is not below it.
        Decision.One(() => IssueDirective.Chosen([DirectiveSpec.Province, sibling], Centre, CentrePath, units, paths)).ThenRefused(ErrorCodes.InvalidInput, "Nơi khác");
    }

    [Fact]
    public void A_directive_that_reaches_no_unit_is_refused() =>
        Decision.One(() => DirectiveSpec.Issue().Decide([], [], DirectiveSpec.DirectiveId, DirectiveSpec.T0).Directive)
            .ThenRefused(ErrorCodes.InvalidInput, "không đến được");

    [Fact]
    public void Each_deadline_is_due_at_the_next_midnight_in_Vietnam_or_at_once_when_past()
    {
        // T0 is 15:00 on 6 December in Vietnam: a deadline of the 5th has passed, one of the 10th passes at 00:00 (+07) on the 11th.
        var (directive, deadlines) = DirectiveSpec.Issue(acknowledgeBy: new(2026, 12, 5), reportBy: new(2026, 12, 10))
            .Decide([DirectiveSpec.Province, DirectiveSpec.Commune], [], DirectiveSpec.DirectiveId, DirectiveSpec.T0);
        Assert.Equal(2, directive.TargetCount);
        Assert.Equal([
            (new DirectiveDeadlineReached(DirectiveSpec.DirectiveId, DeadlineKind.Acknowledge), (DateTimeOffset?)null),
            (new DirectiveDeadlineReached(DirectiveSpec.DirectiveId, DeadlineKind.Report), new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.FromHours(7))),
        ], deadlines);
        var (_, acknowledgeOnly) = DirectiveSpec.Issue().Decide([DirectiveSpec.Province], [], DirectiveSpec.DirectiveId, DirectiveSpec.T0);
        Assert.Equal(DeadlineKind.Acknowledge, Assert.Single(acknowledgeOnly).Message.Kind);
    }

    [Fact]
    public void Levels_are_kept_only_for_a_LEVELS_directive()
    {
        Assert.Null(DirectiveSpec.Issue(levels: 2).Decide([DirectiveSpec.Province], [], DirectiveSpec.DirectiveId, DirectiveSpec.T0).Directive.TargetLevels);
        Assert.Equal(2, DirectiveSpec.Issue(DirectiveTargetKind.Levels, 2).Decide([DirectiveSpec.Province], [], DirectiveSpec.DirectiveId, DirectiveSpec.T0).Directive.TargetLevels);
    }
}

public class AttachGuidanceTests
{
    private static Decision<Guidance> When(string text, Guid? issuer, bool intermediate) =>
        Decision.One(() => new AttachGuidance(DirectiveSpec.DirectiveId, DirectiveSpec.Province, text, DirectiveSpec.Official)
            .Decide(issuer, intermediate, DirectiveSpec.DirectiveId, DirectiveSpec.At));

    [Fact]
    public void An_intermediate_unit_attaches_its_guidance() =>
        When(" Hướng dẫn ", DirectiveSpec.Centre, intermediate: true).Then(
            new Guidance(DirectiveSpec.DirectiveId, DirectiveSpec.DirectiveId, DirectiveSpec.Province, "Hướng dẫn", DirectiveSpec.Official, DirectiveSpec.At));

    [Fact]
    public void A_unit_with_no_targeted_unit_below_it_may_not() =>
        When("Hướng dẫn", DirectiveSpec.Centre, intermediate: false).ThenRefused(ErrorCodes.InvalidInput, "trung gian");

    [Fact]
    public void The_text_is_checked_before_the_directive_is_looked_for()
    {
        When("  ", null, intermediate: false).ThenRefused(ErrorCodes.InvalidInput, "nội dung");
        When(new string('x', AttachGuidance.MaxLength + 1), null, intermediate: false).ThenRefused(ErrorCodes.InvalidInput);
        When("Hướng dẫn", null, intermediate: false).ThenRefused(ErrorCodes.NotFound);
    }
}

/// <summary>When is a directive overdue (<see cref="Overdue"/>): the day after a deadline, until the step it asks for.</summary>
public class OverdueTests
{
    private static readonly Directive WithReport = DirectiveSpec.Directive(new(2026, 12, 10), new(2026, 12, 20));

    [Theory]
    [InlineData(DirectiveUnitStatus.Pending, "2026-12-10", false)]
    [InlineData(DirectiveUnitStatus.Pending, "2026-12-11", true)]
    [InlineData(DirectiveUnitStatus.Received, "2026-12-11", true)]
    [InlineData(DirectiveUnitStatus.Read, "2026-12-11", false)]
    [InlineData(DirectiveUnitStatus.Read, "2026-12-20", false)]
    [InlineData(DirectiveUnitStatus.Read, "2026-12-21", true)]
    [InlineData(DirectiveUnitStatus.Implemented, "2027-06-01", false)]
    public void Overdue_after_a_deadline_until_the_step_it_asks_for(DirectiveUnitStatus status, string today, bool overdue) =>
        Assert.Equal(overdue, WithReport.IsOverdue(status, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_a_report_deadline_reading_is_enough() =>
        Assert.False(DirectiveSpec.Directive(new(2026, 12, 10), null).IsOverdue(DirectiveUnitStatus.Read, new(2027, 6, 1)));
}
