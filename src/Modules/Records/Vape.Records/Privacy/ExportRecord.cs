using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Hosting;
using Vape.Records.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Privacy;

/// <summary>A learner downloads their own record: JSON (the same shape as `myRecord`) or CSV (UTF-8 with BOM, so spreadsheet programs read Vietnamese).</summary>
internal static class ExportRecord
{
    public const string JsonPath = "/records/me/export.json";
    public const string CsvPath = "/records/me/export.csv";

    private static readonly JsonSerializerOptions JsonOptions = new(VapeJson.Options) { Converters = { new JsonStringEnumConverter(Vape.BuildingBlocks.GraphQL.EnumNames.Policy) } };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(JsonPath, async (HttpContext http, RecordStore store, CancellationToken ct) =>
        {
            var record = await store.LoadAsync(http.User.PersonId()!.Value, details: true, ct);
            return Results.Json(record, JsonOptions, "application/json; charset=utf-8");
        }).RequireAuthorization(VapePolicies.Person);

        endpoints.MapGet(CsvPath, async (HttpContext http, RecordStore store, CancellationToken ct) =>
        {
            var record = await store.LoadAsync(http.User.PersonId()!.Value, details: true, ct);
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(record))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", "ho-so-hoc-tap.csv");
        }).RequireAuthorization(VapePolicies.Person);
    }

    public const string Header = "loai,ten,linh_vuc,ngay,so_gio,don_vi_to_chuc,noi_cap,minh_chung,nguon_goc,trang_thai,ly_do_tu_choi";

    public static string Csv(LearningRecord record)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var e in record.Activities.Concat(record.Credentials))
        {
            string[] cells =
            [
                e.Kind == EntryKind.Activity ? "Hoạt động" : "Chứng chỉ", e.Title, e.Domain is { } domain ? Domain(domain) : "", e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.Hours.ToString(CultureInfo.InvariantCulture), e.Provider ?? "", e.Issuer ?? "", e.EvidenceUrl ?? (e.EvidenceFileId?.ToString() ?? ""),
                Provenance(e.Provenance), Status(e.Status), e.RejectionReason ?? "",
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }
        foreach (var t in record.Titles)
            csv.AppendJoin(',', new[] { "Danh hiệu", Title(t.Kind), "", t.AwardedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "0", "", "", "", "", t.Year.ToString(CultureInfo.InvariantCulture), "" }.Select(Cell))
                .Append("\r\n");
        return csv.ToString();
    }

    // Quotes when needed; a leading =, +, - or @ is neutralised so that a spreadsheet never runs it as a formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>The Vietnamese label of a domain, for the CSV a person opens (the JSON export has the enum's GraphQL name).</summary>
    public static string Domain(LearningDomain d) => d switch
    {
        LearningDomain.GeneralKnowledge => "Kiến thức chung",
        LearningDomain.Science => "Khoa học",
        LearningDomain.LegalAwareness => "Pháp luật",
        LearningDomain.EssentialSkills => "Kỹ năng thiết yếu",
        LearningDomain.DigitalSkills => "Kỹ năng số",
        LearningDomain.Health => "Sức khỏe",
        LearningDomain.CultureAndArts => "Văn hóa nghệ thuật",
        LearningDomain.ForeignLanguages => "Ngoại ngữ",
        _ => "Khác",
    };

    private static string Provenance(Provenance p) => p switch
    {
        Record.Provenance.System => "Hệ thống",
        Record.Provenance.SelfDeclared => "Tự khai",
        _ => "Đã xác nhận",
    };

    private static string Status(EntryStatus s) => s switch
    {
        EntryStatus.Accepted => "Được công nhận",
        EntryStatus.Pending => "Chờ xác nhận",
        _ => "Bị từ chối",
    };

    public static string Title(TitleKind kind) =>
        LearningTitleDecided.KindName(Vape.BuildingBlocks.GraphQL.EnumNames.GraphQLName(kind)) ?? kind.ToString();
}
