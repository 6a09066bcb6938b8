using Vape.BuildingBlocks.Storage;
using Marten;
using Wolverine;

namespace Vape.Coordination.Messages;

/// <summary>
/// Scheduled when an important or urgent message is posted (a durable scheduled message: it survives a
/// restart): reminds the members who have not acknowledged it, then schedules itself again up to
/// `Vape:Coordination:MaxReminders` times.
/// </summary>
public sealed record RemindUnacknowledged(Guid MessageId, int Attempt);

/// <summary>What the reminded members receive (`reminder`, on their own connections), after the commit.</summary>
public sealed record ReminderDue(IReadOnlyList<Guid> PersonIds, Guid ChannelId, Guid MessageId, string Priority, int Attempt);

public static class RemindUnacknowledgedHandler
{
    public static async Task<OutgoingMessages> Handle(RemindUnacknowledged command, IDocumentSession session, CoordinationSettings settings, CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var outgoing = new OutgoingMessages();
        var message = (await new ChannelStream(sql).MessageAsync(command.MessageId, ct));
        if (message is null || message.Deleted || message.Priority == Priorities.Normal) return outgoing;

        var pending = await sql.ListAsync("""
            select m.person_id from coordination.channel_members m
             where m.channel_id = @c and m.person_id <> @author
               and not exists (select 1 from coordination.acknowledgements a where a.message_id = @id and a.person_id = m.person_id)
             order by m.person_id
            """, r => r.GetGuid(0), ct, ("c", message.ChannelId), ("author", message.AuthorId), ("id", message.Id));
        if (pending.Count == 0) return outgoing;

        await sql.ExecuteAsync("update coordination.messages set reminders_sent = reminders_sent + 1 where id = @id", ct, ("id", message.Id));
        outgoing.Add(new ReminderDue(pending, message.ChannelId, message.Id, message.Priority, command.Attempt));
        if (command.Attempt < settings.MaxReminders)
            outgoing.Add(new RemindUnacknowledged(message.Id, command.Attempt + 1).DelayedFor(settings.ReminderDelay(message.Priority)));
        return outgoing;
    }
}
