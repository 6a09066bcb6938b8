using GraphQL.Types;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Classes.GraphQL;
using Vape.Classes.Contracts;
using Vape.Organization.Contracts;
using Wolverine;

namespace Vape.Classes.Catalogue;

/// <summary>
/// A unit's official moves a session that has not started to a new time (its relay rooms with it). The session's
/// `revision` grows, so calendar apps reading the feed (docs/adr/0158) replace the old time with the new one; the
/// class's version grows and its learners hear of it (`ClassChanged`, as for any change they see); so do each relay
/// class's version and its learners, whose session moved with it.
/// </summary>
public sealed record RescheduleSession(Guid SessionId, DateTimeOffset StartsAt, int DurationMinutes, Guid ActorId);

public static class RescheduleSessionHandler
{
    public static async Task<(ClassSession, OutgoingMessages)> Handle(RescheduleSession command, IDocumentSession session, IOrganizationQueries organization,
        ClassesClock clock, CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var classId = await sql.ScalarAsync<Guid?>("select class_id from classes.sessions where id = @s", ct, ("s", command.SessionId))
            ?? throw Errors.SessionNotFound();
        var c = await Writes.LockClassAsync(sql, classId, ct);
        if (!await organization.MayAsync(command.ActorId, Permission.RunClasses, c.UnitId, ct))
            throw VapeException.NotAllowed("Bạn không có quyền đổi lịch lớp học này.");
        var s = (await sql.ListAsync($"select {ClassSession.Columns} from classes.sessions s where s.id = @s", r => ClassSession.Read(r), ct,
            ("s", command.SessionId))).Single();
        if (c.Status == ClassStatus.Cancelled || s.Status == SessionStatus.Cancelled) throw VapeException.InvalidInput("Buổi học đã bị hủy.");
        if (s.Status != SessionStatus.Scheduled) throw VapeException.InvalidInput("Chỉ đổi được lịch buổi học chưa bắt đầu.");
        if (s.ParentSessionId is not null) throw VapeException.InvalidInput("Phòng tiếp sóng học theo giờ của buổi học gốc; hãy đổi lịch buổi học gốc.");
        var (starts, ends) = ClassRules.Sessions(command.StartsAt, command.DurationMinutes, null, clock.Now)[0];
        var relays = await sql.ListAsync("""
            with moved as (
                update classes.sessions set starts_at = @starts, ends_at = @ends, revision = revision + 1
                where (id = @s or parent_session_id = @s) and status = 'SCHEDULED'
                returning class_id)
            update classes.classes set version = version + 1
            where id in (select class_id from moved) and id <> @c
            returning id, version, title
            """, r => (Id: r.GetGuid(0), Version: r.GetInt32(1), Title: r.GetString(2)), ct, ("s", s.Id), ("c", c.Id), ("starts", starts), ("ends", ends));
        await sql.ExecuteAsync("update classes.classes set version = version + 1 where id = @c", ct, ("c", c.Id));
        var changed = new OutgoingMessages { new ClassChanged(c.Id, c.Version + 1, c.Title, await Writes.LearnersAsync(sql, c.Id, ct)) };
        foreach (var relay in relays)
            changed.Add(new ClassChanged(relay.Id, relay.Version, relay.Title, await Writes.LearnersAsync(sql, relay.Id, ct)));
        return (s with { StartsAt = starts, EndsAt = ends }, changed);
    }
}

internal sealed record RescheduleClassSessionInput(string SessionId, DateTimeOffset StartsAt, int DurationMinutes);

internal static class RescheduleFields
{
    public static void AddMutations(ObjectGraphType mutation) =>
        ClassesFields.Mutation<ClassSessionGraphType, RescheduleClassSessionInput, ClassSession>(mutation, "rescheduleClassSession",
            "Đổi giờ một buổi học chưa bắt đầu (cả các phòng tiếp sóng của buổi đó); lịch của người học cập nhật theo.",
            (i, actor) => new RescheduleSession(Ids.Parse(i.SessionId, "sessionId"), i.StartsAt, i.DurationMinutes, actor));
}
