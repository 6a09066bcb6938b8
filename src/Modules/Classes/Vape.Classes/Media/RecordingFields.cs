using System.Text.Json;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Classes.Catalogue;
using Vape.Classes.GraphQL;

namespace Vape.Classes.Media;

/// <summary>A recorded session's file as the class's people see it.</summary>
public sealed record SessionRecording(Guid SessionId, int Number, string Kind, Guid ResourceId, string Url, int? Seconds);

/// <summary>
/// The class's recordings for its hosts and enrolled learners (`Class.recordings`, `/classes/recordings/{session}/{file}`);
/// the library shows them to everyone once an official approves them (docs/adr/0235).
/// </summary>
internal static class RecordingFields
{
    public static void AddTo(ClassGraphType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionRecordingGraphType>>>>("recordings")
            .Description("Bản ghi hình các buổi học đã kết thúc (hình ảnh, tiếng, màn hình chia sẻ), cho người dẫn lớp và học viên của lớp; người khác: danh sách rỗng.")
            .ResolveAsync(async c =>
            {
                var person = c.User.PersonId();
                var db = c.RequestServices!.GetRequiredService<ClassesReader>();
                return person is Guid p && await MaySeeAsync(db, c.Source, p, c.CancellationToken) ? await ListAsync(db, c.Source.Id, c.CancellationToken) : [];
            });

    public static async Task<bool> MaySeeAsync(ClassesReader db, CommunityClass c, Guid person, CancellationToken ct) =>
        c.IsHost(person) || await db.ScalarAsync<bool>(
            "select exists (select 1 from classes.enrolments where class_id = @c and person_id = @p and status = 'ENROLLED')", ct, ("c", c.Id), ("p", person));

    private static async Task<List<SessionRecording>> ListAsync(ClassesReader db, Guid classId, CancellationToken ct)
    {
        var rows = await db.ListAsync("""
            select r.session_id, s.number, r.files::text from classes.recordings r join classes.sessions s on s.id = r.session_id
             where r.class_id = @c and r.status = 'MADE' order by s.number
            """, r => (Session: r.GetGuid(0), Number: r.GetInt32(1), Files: JsonSerializer.Deserialize<RecordedFile[]>(r.GetString(2), CommunityClass.Json) ?? []), ct,
            ("c", classId));
        return [.. rows.SelectMany(r => r.Files.Select(f => new SessionRecording(r.Session, r.Number, f.Kind, f.ResourceId, $"/classes/recordings/{r.Session}/{f.FileId}", f.Seconds)))];
    }

    public static void MapRecordingFiles(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/classes/recordings/{sessionId:guid}/{fileId:guid}", async (Guid sessionId, Guid fileId, HttpContext http, ClassesReader db,
            CatalogueStore catalogue, IFileStore files, CancellationToken ct) =>
        {
            var person = http.User.PersonId() ?? throw VapeException.NotAuthenticated();
            var session = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
            var c = await catalogue.LoadAsync(session.ClassId, ct) ?? throw Errors.ClassNotFound();
            if (!await MaySeeAsync(db, c, person, ct)) throw VapeException.NotAllowed("Chỉ người dẫn lớp và học viên của lớp xem được bản ghi hình.");
            var listed = await db.ScalarAsync<bool>("""
                select exists (select 1 from classes.recordings r, jsonb_array_elements(r.files) f
                                where r.session_id = @s and r.status = 'MADE' and f->>'fileId' = @f)
                """, ct, ("s", sessionId), ("f", fileId.ToString()));
            if (!listed) throw VapeException.NotFound("Không tìm thấy bản ghi hình.");
            return await FileResults.ServeAsync(files, fileId, http.Request.Query.ContainsKey("download"), ct);
        });
}

internal sealed class SessionRecordingGraphType : ObjectGraphType<SessionRecording>
{
    public SessionRecordingGraphType()
    {
        Name = "SessionRecording";
        Description = "Một tệp ghi hình của một buổi học đã kết thúc.";
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.SessionId);
        Field(x => x.Number).Description("Buổi thứ mấy của lớp.");
        Field(x => x.Kind).Description("CAMERA (hình ảnh của người dẫn lớp, webm VP8), VOICE (tiếng, ogg Opus) hoặc SCREEN (màn hình chia sẻ, webm VP8).");
        Field<NonNullGraphType<IdGraphType>>("resourceId").Description("Tài nguyên thư viện của bản ghi (chờ cán bộ đơn vị duyệt trước khi công khai).").Resolve(c => c.Source.ResourceId);
        Field(x => x.Seconds, nullable: true).Description("Dài bao nhiêu giây (không có với tệp ghi trước khi đo).");
        Field(x => x.Url).Description("Đường dẫn tải tệp (đã đăng nhập: người dẫn lớp, học viên của lớp).");
    }
}
