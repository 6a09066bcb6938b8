namespace Vape.Content.Directives;

/// <summary>
/// When is a directive overdue for a unit? This file is the only answer. A directive has up to two deadlines, each a
/// whole day in Vietnam (<see cref="DirectiveDeadlines.PassedAt"/>); each asks the unit to have reached a step by then:
/// <list type="bullet">
/// <item>the acknowledgement deadline (<c>AcknowledgeBy</c>) asks for <see cref="DirectiveUnitStatus.Read"/>;</item>
/// <item>the report deadline (<c>ReportBy</c>, when there is one) asks for <see cref="DirectiveUnitStatus.Implemented"/>.</item>
/// </list>
/// A unit is overdue on a day after a deadline (not on the day itself) when it has not reached the step that deadline
/// asks for. The C# check (the GraphQL `overdue` field) and the SQL (the OVERDUE filter, the roll-up's counts) are
/// both made from <see cref="Deadlines"/>, so the rule cannot differ between them.
/// </summary>
internal static class Overdue
{
    /// <summary>One deadline: the step it asks for, how to read it in C#, and the columns that hold it in SQL.</summary>
    internal sealed record Deadline(DeadlineKind Kind, DirectiveUnitStatus Asks, Func<Directive, DateOnly?> Of, string DeadlineColumn, string StepColumn);

    public static readonly IReadOnlyList<Deadline> Deadlines =
    [
        new(DeadlineKind.Acknowledge, DirectiveUnitStatus.Read, d => d.AcknowledgeBy, "acknowledge_by", "read_at"),
        new(DeadlineKind.Report, DirectiveUnitStatus.Implemented, d => d.ReportBy, "report_by", "implemented_at"),
    ];

    /// <summary>A deadline has passed on `today` when today is after it.</summary>
    public static bool Passed(DateOnly? deadline, DateOnly today) => deadline is DateOnly d && today > d;

    /// <summary>Is a unit at `status` overdue with `directive` on `today`?</summary>
    public static bool IsOverdue(Directive directive, DirectiveUnitStatus status, DateOnly today) =>
        Deadlines.Any(d => Passed(d.Of(directive), today) && status < d.Asks);

    /// <summary>The same rule in SQL, for the target row `t` of directive `d`, on the parameter @today.</summary>
    public static readonly string Sql =
        "(" + string.Join(" or ", Deadlines.Select(d => $"(d.{d.DeadlineColumn} is not null and @today > d.{d.DeadlineColumn} and t.{d.StepColumn} is null)")) + ")";

    public static Deadline Of(DeadlineKind kind) => Deadlines.Single(d => d.Kind == kind);

    /// <summary>SQL: the directive's deadline of this kind has passed on @today (reminders go out once it has).</summary>
    public static string PassedSql(DeadlineKind kind) => $"{Of(kind).DeadlineColumn} is not null and @today > {Of(kind).DeadlineColumn}";

    /// <summary>SQL: the target row `t` has not reached the step the deadline of this kind asks for (whom its reminder goes to).</summary>
    public static string MissedSql(DeadlineKind kind) => $"t.{Of(kind).StepColumn} is null";
}
