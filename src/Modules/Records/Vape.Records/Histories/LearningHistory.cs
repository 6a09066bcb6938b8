using System.Globalization;
using System.Text.Json.Nodes;
using Vape.Records.Badges;
using Vape.Records.Privacy;
using Vape.Records.Record;

namespace Vape.Records.Histories;

/// <summary>One line of a certified history: what, when, how many hours, who verified it.</summary>
internal sealed record HistoryLine(string Kind, string Title, DateOnly Date, decimal Hours, string VerifiedBy);

/// <summary>
/// A certified learning history (docs/adr/0238): the verified part of a record (classes attended, entries an official
/// verified, Funds awards, titles) as a VC-JWT payload the person's home unit signs with its badge key. Pure.
/// </summary>
internal static class LearningHistory
{
    public const string Type = "LearningHistoryCredential";

    public const string Name = "Quá trình học tập được chứng nhận";

    /// <summary>What the history holds: accepted entries that are not only self-declared, and the titles, oldest first.</summary>
    public static List<HistoryLine> Lines(LearningRecord record, IReadOnlyDictionary<Guid, string> officials)
    {
        var lines = record.Activities.Concat(record.Credentials)
            .Where(e => e.Status == EntryStatus.Accepted && e.Provenance != Provenance.SelfDeclared)
            .Select(e => new HistoryLine(e.Kind == EntryKind.Activity ? (e.Provenance == Provenance.System ? "Lớp học" : "Hoạt động học tập") : "Chứng chỉ, học bổng",
                e.Title, e.Date, e.Hours, VerifiedBy(e, officials)))
            .Concat(record.Titles.Select(t => new HistoryLine("Danh hiệu", $"{ExportRecord.Title(t.Kind)} năm {t.Year.ToString(CultureInfo.InvariantCulture)}",
                DateOnly.FromDateTime(t.AwardedAt.ToOffset(TimeSpan.FromHours(7)).DateTime), 0, "Hội Khuyến học (công nhận danh hiệu)")));
        return [.. lines.OrderBy(l => l.Date).ThenBy(l => l.Title, StringComparer.Ordinal)];
    }

    private static string VerifiedBy(RecordEntry e, IReadOnlyDictionary<Guid, string> officials) =>
        e.DecidedBy is Guid official ? (officials.TryGetValue(official, out var name) ? $"Cán bộ {name}" : "Cán bộ Hội Khuyến học")
        : e.Provenance == Provenance.System ? "Vape (điểm danh lớp học)"
        : e.Provider is { Length: > 0 } provider ? $"Ứng dụng học tập {provider}" : "Ứng dụng học tập được tin cậy";

    public static JsonObject Credential(string origin, Guid historyId, Guid unitId, string unitName, string holder, IReadOnlyList<HistoryLine> lines,
        DateTimeOffset at) => new()
        {
            ["@context"] = new JsonArray(VcJwt.VcContext),
            ["id"] = $"urn:uuid:{historyId}",
            ["type"] = new JsonArray("VerifiableCredential", Type),
            ["issuer"] = new JsonObject { ["id"] = VcJwt.Did(origin, unitId), ["name"] = unitName },
            ["validFrom"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["name"] = Name,
            ["credentialSubject"] = new JsonObject
            {
                ["name"] = holder,
                ["totalHours"] = lines.Sum(l => l.Hours),
                ["entries"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject
            {
                ["kind"] = l.Kind,
                ["title"] = l.Title,
                ["date"] = l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["hours"] = l.Hours,
                ["verifiedBy"] = l.VerifiedBy,
            })]),
            },
        };

    /// <summary>The lines a signed payload holds (what the PDF and the verification page show).</summary>
    public static List<HistoryLine> Lines(JsonObject payload) =>
        [.. (payload["credentialSubject"]?["entries"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new HistoryLine(
            (string?)e["kind"] ?? "", (string?)e["title"] ?? "", DateOnly.ParseExact((string?)e["date"] ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e["hours"]?.GetValue<decimal>() ?? 0, (string?)e["verifiedBy"] ?? ""))];

    public static string VerifyUrl(string origin, Guid historyId) => $"{origin}/verify?history={historyId}";
}
