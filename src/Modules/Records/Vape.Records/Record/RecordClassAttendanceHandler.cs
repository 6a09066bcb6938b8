using Marten;
using Vape.Records.Contracts;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Vape.Records.Record;

/// <summary>
/// A class session the learner attended becomes an activity of their record, from the system. Exactly once:
/// the attendance id is unique in `records.entries`, checked and written in the same transaction as the event
/// (a second delivery, or a redelivery after a crash before the commit, finds it and adds nothing).
/// </summary>
public static class RecordClassAttendanceHandler
{
    /// <summary>Two deliveries racing for one person meet on the record's row or the unique key; the loser retries and finds the entry.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<Npgsql.PostgresException>().Or<Vape.BuildingBlocks.Errors.VapeException>().Or<JasperFx.ConcurrencyException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    /// <summary>
    /// The attended session as an activity from the system (accepted), or nothing when its attendance is already
    /// recorded: the minutes present (1 minute to a day) and of those the minutes with media, the class's domain (OTHER when unknown), its title (a default
    /// when empty, cut to the longest title).
    /// </summary>
    internal static IReadOnlyList<IRecordEvent> Decide(RecordClassAttendance message, RecordState state, Guid entryId, DateTimeOffset at, Sealer seal)
    {
        if (state.Attendances.Contains(message.AttendanceId)) return [];
        var minutes = Math.Clamp(message.MinutesPresent, 1, RecordRules.MinutesPerDay);
        var domain = Enum.IsDefined(message.Domain) ? message.Domain : LearningDomain.Other;
        var title = RecordDecider.Fit(message.ClassTitle, "Lớp học cộng đồng", RecordRules.MaxTitle);
        var withMedia = Math.Clamp(message.MinutesWithMedia, 0, minutes);
        var details = new ActivityDetails(title, domain, message.Date, minutes, null, null, null, message.ClassId, withMedia);
        return [new ActivityRecorded(entryId, Provenance.System, message.AttendanceId, seal(details), at)];
    }

    /// <summary>The activity, and its statement for the LRS through the outbox (docs/adr/0220) when it is new.</summary>
    public static async Task<OutgoingMessages> Handle(RecordClassAttendance message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var outgoing = new OutgoingMessages();
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, message.PersonId, ct, withKey: true);
        var known = await sql.ScalarAsync<bool>("select exists (select 1 from records.entries where attendance_id = @a)", ct, ("a", message.AttendanceId));
        var state = RecordState.Empty with { Attendances = known ? [message.AttendanceId] : [] };
        var key = record.Key!;
        foreach (var e in Decide(message, state, Guid.CreateVersion7(), clock.GetUtcNow(), RecordDecider.SealWith(key)))
        {
            await RecordStream.AppendAsync(sql, record, null, e, key, ct);
            if (e is ActivityRecorded recorded) outgoing.Add(new Xapi.EmitOwnStatement(message.PersonId, Xapi.OwnStatementKind.Attended, recorded.EntryId));
        }
        return outgoing;
    }
}
