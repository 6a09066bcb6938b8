using Marten;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Realtime;
using Vape.Classes.Contracts;
using Wolverine;

namespace Vape.Classes.Catalogue;

/// <summary>
/// A learner enrols: a place if one is free, else the end of the waiting list. The class row is locked for the
/// transaction, so concurrent enrolments are counted one after another and never over-book.
/// </summary>
public sealed record EnrolLearner(Guid ClassId, Guid ActorId);

public static class EnrolLearnerHandler
{
    public static async Task<Enrolment> Handle(EnrolLearner command, IDocumentSession session, ClassAccess access, ClassesClock clock, CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var c = await Writes.LockClassAsync(sql, command.ClassId, ct);
        if (!await access.MaySeeAsync(c, command.ActorId, ct)) throw Errors.ClassNotFound();
        await access.DemandAudienceAsync(c, command.ActorId, ct);
        if (c.Status == ClassStatus.Cancelled) throw VapeException.InvalidInput("Lớp học đã bị hủy.");
        if (!await sql.ScalarAsync<bool>("select exists (select 1 from classes.sessions where class_id = @c and status in ('SCHEDULED', 'LIVE'))",
                ct, ("c", c.Id)))
            throw VapeException.InvalidInput("Lớp học đã kết thúc.");
        if (c.IsHost(command.ActorId)) throw VapeException.InvalidInput("Người dẫn lớp không cần đăng ký.");

        var existing = await EnrolmentAsync(sql, c.Id, command.ActorId, ct);
        if (existing is not null) return existing;
        var enrolled = await sql.ScalarAsync<long>("select count(*) from classes.enrolments where class_id = @c and status = 'ENROLLED'", ct, ("c", c.Id));
        var status = enrolled < c.Capacity ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waiting;
        await sql.ExecuteAsync("""
            insert into classes.enrolments (class_id, person_id, status, since) values (@c, @p, @s, @now);
            delete from classes.removals where class_id = @c and person_id = @p;
            """, ct,
            ("c", c.Id), ("p", command.ActorId), ("s", SqlNames.Of(status)), ("now", clock.Now));
        return (await EnrolmentAsync(sql, c.Id, command.ActorId, ct))!;
    }

    internal static async Task<Enrolment?> EnrolmentAsync(ClassesSql sql, Guid classId, Guid personId, CancellationToken ct) =>
        (await sql.ListAsync("""
            select e.class_id, e.person_id, e.status, e.since,
                   case when e.status = 'WAITING' then (select count(*) from classes.enrolments w
                        where w.class_id = e.class_id and w.status = 'WAITING' and w.queued <= e.queued)::int end
            from classes.enrolments e where e.class_id = @c and e.person_id = @p
            """, CatalogueStore.ReadEnrolment, ct, ("c", classId), ("p", personId))).SingleOrDefault();
}

/// <summary>A learner leaves a class (or its waiting list); the first one waiting takes the free place.</summary>
public sealed record LeaveClass(Guid ClassId, Guid ActorId);

public static class LeaveClassHandler
{
    public static async Task<(CommunityClass, OutgoingMessages)> Handle(LeaveClass command, IDocumentSession session, ClassAccess access, CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var c = await Writes.LockClassAsync(sql, command.ClassId, ct);
        if (!await access.MaySeeAsync(c, command.ActorId, ct)) throw Errors.ClassNotFound();
        var left = await sql.ExecuteAsync("delete from classes.enrolments where class_id = @c and person_id = @p", ct, ("c", c.Id), ("p", command.ActorId));
        if (left == 0) throw VapeException.InvalidInput("Bạn chưa đăng ký lớp học này.");
        var movedUp = c.Status == ClassStatus.Scheduled ? await Writes.MoveUpAsync(sql, c.Id, c.Capacity, ct) : [];
        return (c, LearnerMovedUp.For(c, movedUp));
    }
}

/// <summary>A waiting learner got a place. Sent through the outbox, so only after the commit.</summary>
public sealed record LearnerMovedUp(Guid ClassId, Guid PersonId)
{
    /// <summary>One per learner for the live hub, and one <see cref="ClassPlaceFreed"/> for their inboxes.</summary>
    public static OutgoingMessages For(CommunityClass c, IReadOnlyList<Guid> people)
    {
        var messages = new OutgoingMessages();
        messages.AddRange(people.Select(p => new LearnerMovedUp(c.Id, p)));
        if (people.Count > 0) messages.Add(new ClassPlaceFreed(Guid.CreateVersion7(), c.Id, c.Title, people));
        return messages;
    }
}

/// <summary>Tells the learner (on `/hubs/notifications`, `enrolmentChanged`) that they moved up from the waiting list.</summary>
public static class NotifyLearnerMovedUpHandler
{
    public const string Method = "enrolmentChanged";

    public static Task Handle(LearnerMovedUp e, IHubContext<NotificationsHub> hub, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.User(e.PersonId)).SendAsync(Method, new { e.ClassId, Status = "ENROLLED" }, ct);
}
