using System.Globalization;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.Classes.Catalogue;
using Vape.Organization.Contracts;

namespace Vape.Classes.Attendance;

public sealed record QuestionReport(Guid QuestionId, string Name, string Text, int Votes, string Status);
public sealed record PollReport(Guid PollId, string Question, IReadOnlyList<string> Options, IReadOnlyList<int> Counts, bool Multiple);

/// <summary>After (or during) a session: who came, for how long, who completed; the questions and the polls with their results.</summary>
public sealed record SessionReport(Guid SessionId, Guid ClassId, string Title, bool Ended, DateTimeOffset? OpenedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<AttendanceRow> Attendees, int CompletedCount, IReadOnlyList<QuestionReport> Questions, IReadOnlyList<PollReport> Polls);

internal sealed class AttendanceStore(ClassesReader db, CatalogueStore catalogue, ClassAccess access, IOrganizationQueries organization, IDocumentStore store)
{
    /// <summary>Hosts and the unit's class officials see everyone; a learner sees their own line only.</summary>
    public async Task<SessionReport?> ReportAsync(Guid sessionId, Guid viewer, CancellationToken ct)
    {
        var s = await catalogue.SessionAsync(sessionId, ct);
        if (s is null) return null;
        var c = (await catalogue.LoadAsync(s.ClassId, ct))!;
        var everyone = c.IsHost(viewer) || await access.MayManageAsync(c, viewer, ct);
        if (!everyone && !await access.MaySeeAsync(c, viewer, ct)) return null;
        var rows = await db.ListAsync("""
            select session_id, person_id, role, first_joined_at, last_left_at, seconds_present, completed, attendance_id, media_seconds
            from classes.attendance where session_id = @s and (@all or person_id = @p) order by first_joined_at
            """, r => (Session: r.GetGuid(0), Person: r.GetGuid(1), Role: r.GetString(2), First: r.GetFieldValue<DateTimeOffset>(3),
                Last: r.GetFieldValue<DateTimeOffset>(4), Seconds: r.GetInt32(5), Completed: r.GetBoolean(6), Id: r.GetGuid(7), Media: r.GetInt32(8)), ct,
            ("s", sessionId), ("all", everyone), ("p", viewer));
        var names = await organization.DisplayNamesAsync(rows.Select(r => r.Person).ToList(), ct);
        var attendees = rows.Select(r => new AttendanceRow(r.Session, r.Person, names.GetValueOrDefault(r.Person) ?? "", r.Role, r.First, r.Last,
            r.Seconds / 60, r.Seconds, r.Completed, r.Id, r.Media)).ToList();
        await using var session = store.QuerySession();
        var room = await session.LoadAsync<Classroom.Classroom>(sessionId, ct);
        var questions = !everyone || room is null ? [] : room.Questions.Values.OrderBy(q => q.At)
            .Select(q => new QuestionReport(q.Id, q.Name, q.Text, q.Votes, q.Status)).ToList();
        var polls = !everyone || room is null ? [] : room.Polls.Values
            .Select(p => new PollReport(p.Id, p.Question, p.Options, p.Counts, p.Multiple)).ToList();
        return new SessionReport(s.Id, c.Id, c.Title, s.Status == SessionStatus.Ended, s.OpenedAt, s.EndedAt, attendees,
            attendees.Count(a => a.Completed), questions, polls);
    }

    /// <summary>The attendance as CSV, UTF-8 with a BOM so that Excel shows Vietnamese.</summary>
    public static byte[] Csv(SessionReport report)
    {
        var text = new StringBuilder("ho_ten,vai_tro,vao_luc,roi_luc,so_phut,hoan_thanh,so_phut_co_hinh_tieng\r\n");
        var vietnam = TimeSpan.FromHours(7);
        foreach (var a in report.Attendees)
            text.Append(Field(a.Name)).Append(',').Append(a.Role == "LEARNER" ? "Học viên" : a.Role).Append(',')
                .Append(a.FirstJoinedAt.ToOffset(vietnam).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(',')
                .Append(a.LastLeftAt.ToOffset(vietnam).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(',')
                .Append(a.MinutesPresent).Append(',').Append(a.Completed ? "có" : "không").Append(',')
                .Append(a.MinutesWithMedia).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Quoted when needed; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

internal static class AttendanceExport
{
    /// <summary>`GET /classes/sessions/{id}/attendance.csv`: for the hosts and the unit's class officials.</summary>
    public static void MapAttendanceExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/classes/sessions/{sessionId:guid}/attendance.csv", async (Guid sessionId, HttpContext http, AttendanceStore attendance,
            CatalogueStore catalogue, ClassAccess access, CancellationToken ct) =>
        {
            if (http.User.PersonId() is not Guid person) return Results.Problem(statusCode: 401, title: "Cần đăng nhập.", extensions: Code(ErrorCodes.NotAuthenticated));
            var s = await catalogue.SessionAsync(sessionId, ct);
            var c = s is null ? null : await catalogue.LoadAsync(s.ClassId, ct);
            if (c is null) return Results.Problem(statusCode: 404, title: "Không tìm thấy buổi học.", extensions: Code(ErrorCodes.NotFound));
            if (!c.IsHost(person) && !await access.MayManageAsync(c, person, ct))
                return Results.Problem(statusCode: 403, title: "Chỉ người dẫn lớp và cán bộ của đơn vị được tải danh sách điểm danh.", extensions: Code(ErrorCodes.NotAllowed));
            var report = (await attendance.ReportAsync(sessionId, person, ct))!;
            return Results.File(AttendanceStore.Csv(report), "text/csv; charset=utf-8", $"diem-danh-{sessionId:N}.csv");
        });

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
