using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vape.Classes.Classroom;
using Vape.Classes.Contracts;
using Wolverine;

namespace Vape.Classes.Reminders;

/// <summary>
/// Look for sessions whose reminder is due (docs/adr/0208). Any host may run it at any time, as often as it likes: a
/// reminder already raised is not raised again.
/// </summary>
public sealed record SweepClassReminders;

/// <summary>
/// Raises `ClassReminderDue` for each session of a class that is not cancelled whose reminder is due now: a day
/// (1,440 minutes) before its start while more than 15 minutes remain, and 15 minutes before it until it starts. The
/// row in `classes.session_reminders` (session, lead, start) is written in the transaction that publishes the event
/// through the outbox: two hosts sweeping at once raise it once (the second waits on the key, then finds it); a session
/// moved to another start is a new key, and the old start no longer matches any session. Recipients: the enrolled
/// learners (not those waiting) and the class's hosts and co-hosts, as they are when the reminder falls due.
/// </summary>
public static class SweepClassRemindersHandler
{
    /// <summary>The leads, in minutes before the start, largest first; each is due until the next one is.</summary>
    public static readonly int[] Leads = [24 * 60, 15];

    /// <summary>
    /// Reminders already raised are left out before the batch is cut (`not exists`), so a batch is always new work:
    /// with more due sessions than <see cref="ClassroomOptions.ReminderSweepBatch"/>, each sweep takes the next ones.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(SweepClassReminders _, IDocumentSession session, ClassesClock clock, IOptions<ClassroomOptions> options, CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var now = clock.Now;
        var due = await sql.ListAsync("""
            with leads(lead, until) as (select * from unnest(@leads, @untils)),
            due as (
                select s.id, s.starts_at, l.lead
                  from leads l
                  join classes.sessions s on s.starts_at > @now + make_interval(mins => l.until) and s.starts_at <= @now + make_interval(mins => l.lead)
                  join classes.classes c on c.id = s.class_id
                 where s.status = 'SCHEDULED' and c.status = 'SCHEDULED'
                   and not exists (select 1 from classes.session_reminders r
                                    where r.session_id = s.id and r.lead_minutes = l.lead and r.starts_at = s.starts_at)
                 order by s.starts_at
                 limit @max)
            insert into classes.session_reminders (session_id, lead_minutes, starts_at, sent_at)
            select id, lead, starts_at, @now from due
            on conflict do nothing
            returning session_id, lead_minutes, starts_at
            """, r => (Session: r.GetGuid(0), Lead: r.GetInt32(1), StartsAt: r.GetFieldValue<DateTimeOffset>(2)), ct,
            ("leads", Leads), ("untils", Leads.Skip(1).Append(0).ToArray()), ("now", now), ("max", options.Value.ReminderSweepBatch));
        var classes = (await sql.ListAsync("""
            select s.id, c.id, c.title,
                   array(select e.person_id from classes.enrolments e where e.class_id = c.id and e.status = 'ENROLLED')
                   || c.host_ids || c.co_host_ids
              from classes.sessions s join classes.classes c on c.id = s.class_id where s.id = any(@s)
            """, r => (Session: r.GetGuid(0), Class: r.GetGuid(1), Title: r.GetString(2), People: r.GetFieldValue<Guid[]>(3)), ct,
            ("s", due.Select(d => d.Session).Distinct().ToArray()))).ToDictionary(c => c.Session);
        var outgoing = new OutgoingMessages();
        foreach (var (sessionId, lead, startsAt) in due)
        {
            var (_, classId, title, people) = classes[sessionId];
            var recipients = people.Distinct().ToList();
            if (recipients.Count > 0) outgoing.Add(new ClassReminderDue(sessionId, classId, title, startsAt, lead, recipients));
        }
        // Keys of sessions long past are no longer needed: a start that far back is never due again.
        await sql.ExecuteAsync("delete from classes.session_reminders where starts_at < @before", ct, ("before", now.AddDays(-2)));
        return outgoing;
    }
}

/// <summary>
/// Every host sweeps every `Vape:Classes:ReminderSweepSeconds` (a minute by default); nothing is kept in memory, so a
/// host that dies loses nothing and the others go on (docs/adr/0208).
/// </summary>
internal sealed partial class ClassReminderSweep(IServiceScopeFactory scopes, IOptions<ClassroomOptions> options, ILogger<ClassReminderSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReminderSweepSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepClassReminders(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed sweep (the database away for a moment) does not end the sweeping; the next tick tries again.
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A class reminder sweep failed ({ExceptionType}); the next one tries again")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
