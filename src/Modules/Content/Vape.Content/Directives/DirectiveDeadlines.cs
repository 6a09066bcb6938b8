using Vape.BuildingBlocks.Storage;
using Marten;
using NpgsqlTypes;

namespace Vape.Content.Directives;

public enum DeadlineKind
{
    Acknowledge,
    Report,
}

/// <summary>Scheduled (durably) for the moment a deadline has passed.</summary>
public sealed record DirectiveDeadlineReached(Guid DirectiveId, DeadlineKind Kind);

/// <summary>Sent once per directive and deadline, after the decision to remind is committed.</summary>
public sealed record RemindOverdueUnits(Guid DirectiveId, DeadlineKind Kind);

internal static class DirectiveDeadlines
{
    /// <summary>Vietnam has one time zone, UTC+7, with no daylight saving.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>A deadline is a whole day in Vietnam: it has passed at the next midnight there.</summary>
    public static DateTimeOffset PassedAt(DateOnly deadline) => new(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamOffset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);
}

/// <summary>
/// At a deadline: marks the directive reminded for that deadline (exactly once, however often the message is
/// delivered: the update only succeeds the first time), then the reminders go out after the commit.
/// </summary>
public static class DirectiveDeadlineHandler
{
    public static async Task<RemindOverdueUnits?> Handle(DirectiveDeadlineReached message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var column = message.Kind == DeadlineKind.Acknowledge ? "acknowledge_reminded_at" : "report_reminded_at";
        var sql = new SessionSql(session);
        var first = await sql.ExecuteAsync($"""
            update content.directives set {column} = @now
             where id = @id and {column} is null and {Overdue.PassedSql(message.Kind)}
            """, ct, ("id", message.DirectiveId), ("now", clock.GetUtcNow()),
            ("today", Sql.Typed("today", DirectiveDeadlines.Today(clock), NpgsqlDbType.Date)));
        return first == 1 ? new RemindOverdueUnits(message.DirectiveId, message.Kind) : null;
    }
}
