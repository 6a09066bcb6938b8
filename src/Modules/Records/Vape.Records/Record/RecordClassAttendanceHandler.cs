using Marten;
using Vape.Records.Contracts;
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

    public static async Task Handle(RecordClassAttendance message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, message.PersonId, ct, withKey: true);
        if (await sql.ScalarAsync<bool>("select exists (select 1 from records.entries where attendance_id = @a)", ct, ("a", message.AttendanceId)))
            return;
        var minutes = Math.Clamp(message.MinutesPresent, 1, RecordRules.MinutesPerDay);
        var domain = Enum.IsDefined(message.Domain) ? message.Domain : LearningDomain.Other;
        var title = string.IsNullOrWhiteSpace(message.ClassTitle) ? "Lớp học cộng đồng" : message.ClassTitle.Trim();
        var key = record.Key!;
        var details = new ActivityDetails(title.Length > RecordRules.MaxTitle ? title[..RecordRules.MaxTitle] : title, domain, message.Date, minutes,
            null, null, null, message.ClassId);
        var recorded = new ActivityRecorded(Guid.CreateVersion7(), Provenance.System, message.AttendanceId, PersonKeys.Seal(key, details), clock.GetUtcNow());
        await RecordStream.AppendAsync(sql, record, null, recorded, key, ct);
    }
}
