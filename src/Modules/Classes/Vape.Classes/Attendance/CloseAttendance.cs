using Vape.Classes.Catalogue;
using Vape.Classes.Classroom;
using Vape.Records.Contracts;

namespace Vape.Classes.Attendance;

/// <summary>One learner's presence in one session, once it has ended.</summary>
public sealed record AttendanceRow(Guid SessionId, Guid PersonId, string Name, string Role, DateTimeOffset FirstJoinedAt, DateTimeOffset LastLeftAt,
    int MinutesPresent, int SecondsPresent, bool Completed, Guid AttendanceId, int SecondsWithMedia = 0)
{
    /// <summary>Minutes with picture and sound connected (never more than the minutes present; docs/adr/0229).</summary>
    public int MinutesWithMedia => SecondsWithMedia / 60;
}

/// <summary>
/// When a session ends: each learner's minutes, whether they met the class's completion rule (present for at
/// least that share of the session, from its opening to its end), a row per learner, and one
/// <see cref="RecordClassAttendance"/> per learner who completed it, through the outbox in the same transaction.
/// </summary>
internal static class CloseAttendance
{
    public static async Task RecordAsync(ClassroomWrite write, CommunityClass c, ClassSession s, DateTimeOffset endedAt, CancellationToken ct)
    {
        var room = write.RoomOrThrow;
        var duration = (endedAt - room.OpenedAt).TotalSeconds;
        var date = DateOnly.FromDateTime(room.OpenedAt.ToOffset(TimeSpan.FromHours(7)).DateTime);
        await write.FlushAsync(ct);
        var media = await ClassroomTables.MediaSecondsAsync(write.Sql, s.Id, ct);
        foreach (var p in await ClassroomTables.LearnersWhoJoinedAsync(write.Sql, s.Id, ct))
        {
            var seconds = (int)Math.Round(p.SecondsPresent);
            var completed = !p.Removed && duration > 0 && seconds >= duration * c.CompletionPercent / 100.0;
            // Two devices with media at once count once: never more than the time in the room.
            var withMedia = Math.Min(seconds, (int)Math.Round(media.GetValueOrDefault(p.PersonId)));
            var id = AttendanceIds.For(s.Id, p.PersonId);
            await write.Sql.ExecuteAsync("""
                insert into classes.attendance (session_id, person_id, class_id, role, first_joined_at, last_left_at, seconds_present, completed, attendance_id, media_seconds)
                values (@s, @p, @c, 'LEARNER', @first, @last, @seconds, @completed, @id, @media)
                on conflict (session_id, person_id) do nothing
                """, ct, ("s", s.Id), ("p", p.PersonId), ("c", c.Id), ("first", p.FirstJoinedAt!.Value), ("last", p.LastLeftAt ?? endedAt),
                ("seconds", seconds), ("completed", completed), ("id", id), ("media", withMedia));
            if (completed)
                await write.Outbox!.SendAsync(new RecordClassAttendance(id, p.PersonId, c.Id, s.Id, c.UnitId, c.Title, c.Topic, date, seconds / 60, withMedia / 60));
        }
        await write.Sql.ExecuteAsync("update classes.sessions set status = 'ENDED', ended_at = @at where id = @s", ct, ("s", s.Id), ("at", endedAt));
    }
}
