using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Records.Privacy;

namespace Vape.Records.Record;

/// <summary>
/// Evidence files: uploaded with `POST /files` (which checks size and content), named by id in a declaration,
/// served from `GET /records/entries/{entryId}/evidence` to the learner, or to an official who may review the
/// record and whom the learner allows details (that download is logged like a look, purpose VERIFICATION).
/// </summary>
internal static class Evidence
{
    public const string Path = "/records/entries/{entryId:guid}/evidence";

    /// <summary>The file must exist and be the learner's own upload.</summary>
    public static async Task<Guid?> OwnFileAsync(IFileStore files, Guid actor, Guid? fileId, CancellationToken ct)
    {
        if (fileId is not { } id) return null;
        var file = await files.FindAsync(id, ct) ?? throw VapeException.NotFound("Không tìm thấy tệp minh chứng; hãy tải tệp lên trước (POST /files).");
        if (file.OwnerId != actor) throw VapeException.NotAllowed("Tệp minh chứng phải do chính bạn tải lên.");
        return id;
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (Guid entryId, HttpContext http, NpgsqlDataSource database, IFileStore files, IOrganizationQueries org,
            RecordLooks looks, RecordStore store, CancellationToken ct) =>
        {
            var actor = http.User.PersonId() ?? throw VapeException.NotAuthenticated();
            await using var cmd = database.CreateCommand("select person_id from records.entries where id = @e");
            cmd.Parameters.AddWithValue("e", entryId);
            var person = await cmd.ExecuteScalarAsync(ct) as Guid? ?? throw VapeException.NotFound("Không tìm thấy mục này trong hồ sơ học tập.");
            RecordEntry? entry;
            if (person == actor) entry = Find(await store.LoadAsync(person, details: true, ct), entryId);
            else
            {
                var unit = await RecordAccess.ReviewUnitAsync(org, actor, person, ct) ?? throw VapeException.NotFound("Không tìm thấy mục này trong hồ sơ học tập.");
                // An entry waiting for a decision opens to the official who checks it; a decided one as consent allows.
                entry = await looks.LookAtPendingEntryAsync(actor, person, unit, entryId, ct);
                if (entry is null)
                {
                    var record = await looks.LookAsync(actor, person, RecordPurpose.Verification, ct);
                    if (!record.DetailsShown) throw VapeException.NotAllowed("Người học chưa đồng ý cho xem chi tiết hồ sơ.");
                    entry = Find(record, entryId);
                }
            }
            if (entry?.EvidenceFileId is not { } fileId) throw VapeException.NotFound("Mục này không có tệp minh chứng.");
            return await FileResults.ServeAsync(files, fileId, download: http.Request.Query.ContainsKey("download"), ct);
        }).RequireAuthorization(VapePolicies.Person);

    private static RecordEntry? Find(LearningRecord record, Guid entryId) =>
        record.Activities.Concat(record.Credentials).FirstOrDefault(e => e.Id == entryId);
}
