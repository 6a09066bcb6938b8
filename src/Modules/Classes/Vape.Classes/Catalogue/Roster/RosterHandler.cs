using Marten;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Realtime;
using Vape.Organization.Contracts;
using Wolverine;

namespace Vape.Classes.Catalogue.Roster;

/// <summary>
/// The adapters of an official's roster actions: lock the class, read what the decider needs, decide, write what it
/// decided, send after the commit. The class row's lock orders them with learners' own enrolments and leavings.
/// </summary>
public static class RosterHandler
{
    public static async Task<Enrolment> Handle(EnrolMember command, IDocumentSession session, IOrganizationQueries organization, ClassesClock clock,
        CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var (_, state) = await ReadAsync(sql, organization, command.ClassId, command.PersonId, command.ActorId, ct);
        var e = command.Decide(state);
        await sql.ExecuteAsync("""
            insert into classes.enrolments (class_id, person_id, status, since) values (@c, @p, @s, @now);
            delete from classes.removals where class_id = @c and person_id = @p;
            """, ct, ("c", e.ClassId), ("p", e.PersonId), ("s", SqlNames.Of(e.Status)), ("now", clock.Now));
        return (await EnrolLearnerHandler.EnrolmentAsync(sql, e.ClassId, e.PersonId, ct))!;
    }

    public static async Task<(CommunityClass, OutgoingMessages)> Handle(RemoveFromClass command, IDocumentSession session,
        IOrganizationQueries organization, ClassesClock clock, CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var (c, state) = await ReadAsync(sql, organization, command.ClassId, command.PersonId, command.ActorId, ct);
        var e = command.Decide(state, clock.Now);
        await sql.ExecuteAsync("""
            delete from classes.enrolments where class_id = @c and person_id = @p;
            insert into classes.removals (class_id, person_id, reason, removed_by, removed_at) values (@c, @p, @reason, @by, @at)
            on conflict (class_id, person_id) do update set reason = excluded.reason, removed_by = excluded.removed_by, removed_at = excluded.removed_at;
            """, ct, ("c", e.ClassId), ("p", e.PersonId), ("reason", e.Reason), ("by", e.RemovedBy), ("at", e.At));
        var movedUp = await Writes.MoveUpAsync(sql, c.Id, c.Capacity, ct);
        var messages = LearnerMovedUp.For(c, movedUp);
        messages.Add(new LearnerRemoved(c.Id, e.PersonId));
        messages.Add(new Contracts.ClassLearnerRemoved(c.Id, c.Title, e.PersonId, e.Reason, e.At));
        return (c, messages);
    }

    public static async Task<(CommunityClass, OutgoingMessages)> Handle(AdmitFromWaitingList command, IDocumentSession session,
        IOrganizationQueries organization, CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var (c, state) = await ReadAsync(sql, organization, command.ClassId, command.PersonId, command.ActorId, ct);
        var e = command.Decide(state);
        await sql.ExecuteAsync("update classes.enrolments set status = 'ENROLLED' where class_id = @c and person_id = @p", ct,
            ("c", e.ClassId), ("p", e.PersonId));
        return (c, LearnerMovedUp.For(c, [e.PersonId]));
    }

    private static async Task<(CommunityClass, RosterState)> ReadAsync(ClassesSql sql, IOrganizationQueries organization, Guid classId, Guid personId,
        Guid actorId, CancellationToken ct)
    {
        var c = await Writes.LockClassAsync(sql, classId, ct);
        var mayManage = await organization.MayAsync(actorId, Permission.RunClasses, c.UnitId, ct);
        var inUnit = mayManage && await organization.IsMemberWithinAsync(personId, c.UnitId, ct)
            && (c.Audience == ClassAudience.Public || await organization.IsMemberWithinAsync(personId, c.AudienceUnitId, ct));
        var open = await sql.ScalarAsync<bool>("select exists (select 1 from classes.sessions where class_id = @c and status in ('SCHEDULED', 'LIVE'))",
            ct, ("c", c.Id));
        var place = await sql.ScalarAsync<string>("select status from classes.enrolments where class_id = @c and person_id = @p", ct,
            ("c", c.Id), ("p", personId));
        var enrolled = await sql.ScalarAsync<long>("select count(*) from classes.enrolments where class_id = @c and status = 'ENROLLED'", ct, ("c", c.Id));
        return (c, new RosterState(c, mayManage, inUnit, open, place is null ? null : Enum.Parse<EnrolmentStatus>(place, true), enrolled));
    }
}

/// <summary>A learner was taken off a class; sent after the commit so their open pages reload what they see.</summary>
public sealed record LearnerRemoved(Guid ClassId, Guid PersonId);

/// <summary>Tells the removed learner (on `/hubs/notifications`, `enrolmentChanged`, status REMOVED).</summary>
public static class NotifyLearnerRemovedHandler
{
    public static Task Handle(LearnerRemoved e, IHubContext<NotificationsHub> hub, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.User(e.PersonId)).SendAsync(NotifyLearnerMovedUpHandler.Method, new { e.ClassId, Status = "REMOVED" }, ct);
}
