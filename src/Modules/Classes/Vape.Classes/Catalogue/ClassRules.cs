using Vape.Content.Contracts;
using System.Text;
using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Catalogue;

public enum RecurrenceFrequency { Daily, Weekly }

/// <summary>A series: `Count` sessions, one a day or one a week from the first.</summary>
public sealed record Recurrence(RecurrenceFrequency Frequency, int Count);

/// <summary>The checks every write of the catalogue shares; each failure is INVALID_INPUT with a Vietnamese message.</summary>
internal static class ClassRules
{
    public const int MaxCapacity = 10_000;
    public const int MaxSessions = 52;
    public const int MaxHosts = 10;

    public static string Text(string? value, string field, int min, int max)
    {
        var text = (value ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (text.Length < min || text.Length > max)
            throw VapeException.InvalidInput(min == 0 ? $"`{field}` dài tối đa {max} ký tự." : $"`{field}` phải dài từ {min} đến {max} ký tự.");
        return text;
    }

    public static string Title(string? value) => Text(value, "title", 3, 200);

    public static string Description(string? value) => Text(value, "description", 0, 4000);

    public static int Capacity(int value) => value is >= 1 and <= MaxCapacity ? value
        : throw VapeException.InvalidInput($"Sĩ số (`capacity`) phải từ 1 đến {MaxCapacity}.");

    public static int CompletionPercent(int? value) => value switch
    {
        null => 70,
        >= 1 and <= 100 => value.Value,
        _ => throw VapeException.InvalidInput("Tỷ lệ thời gian có mặt để hoàn thành (`completionPercent`) phải từ 1 đến 100."),
    };

    public static string? Url(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > 2000 || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw VapeException.InvalidInput($"`{field}` phải là một địa chỉ http(s) đầy đủ.");
        return uri.ToString();
    }

    public static IReadOnlyList<Material> Materials(IReadOnlyList<Material>? materials)
    {
        if (materials is null) return [];
        if (materials.Count > 20) throw VapeException.InvalidInput("Tối đa 20 tài liệu cho một lớp học.");
        return materials.Select(m => m.ResourceId is Guid resource
            ? new Material(string.IsNullOrWhiteSpace(m.Title) ? "" : Text(m.Title, "materials.title", 1, 200), "", resource)
            : new Material(Text(m.Title, "materials.title", 1, 200), Url(m.Url, "materials.url")
                ?? throw VapeException.InvalidInput("Tài liệu cần có địa chỉ (`url`) hoặc mã tài nguyên thư viện (`resourceId`)."))).ToList();
    }

    public const string ResourceNotAvailable = "RESOURCE_NOT_AVAILABLE";

    /// <summary>
    /// Library materials through the Content module's contract: each must exist and be approved (else
    /// RESOURCE_NOT_AVAILABLE, and nothing changes); their address and format come from the library, their title
    /// too unless one was given.
    /// </summary>
    public static async Task<IReadOnlyList<Material>> ResolveAsync(IResourceCatalog library, IReadOnlyList<Material> materials, CancellationToken ct)
    {
        var ids = materials.Where(m => m.ResourceId is not null).Select(m => m.ResourceId!.Value).Distinct().ToList();
        if (ids.Count == 0) return materials;
        var found = (await library.FindApprovedAsync(ids, ct)).ToDictionary(r => r.Id);
        if (ids.FirstOrDefault(id => !found.ContainsKey(id)) is var missing && missing != Guid.Empty)
            throw new VapeException(ResourceNotAvailable, $"Tài nguyên thư viện {missing} không có hoặc chưa được duyệt.");
        return materials.Select(m => m.ResourceId is Guid id
            ? new Material(m.Title.Length > 0 ? m.Title : found[id].Title, found[id].Url, id, found[id].Format)
            : m).ToList();
    }

    public static (IReadOnlyList<Guid> Hosts, IReadOnlyList<Guid> CoHosts) Hosts(IReadOnlyList<Guid>? hosts, IReadOnlyList<Guid>? coHosts, Guid actor)
    {
        var h = (hosts is { Count: > 0 } ? hosts : [actor]).Distinct().ToList();
        var co = (coHosts ?? []).Distinct().Where(id => !h.Contains(id)).ToList();
        if (h.Count + co.Count > MaxHosts) throw VapeException.InvalidInput($"Tối đa {MaxHosts} người dẫn lớp (chính và phụ).");
        return (h, co);
    }

    /// <summary>The sessions of a new class: the first at `startsAt`, then one a day or a week.</summary>
    public static IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)> Sessions(DateTimeOffset startsAt, int durationMinutes, Recurrence? repeat, DateTimeOffset now)
    {
        if (durationMinutes is < 10 or > 480) throw VapeException.InvalidInput("Thời lượng một buổi (`durationMinutes`) phải từ 10 đến 480 phút.");
        if (startsAt.ToUniversalTime() < now) throw VapeException.InvalidInput("Không thể xếp lịch buổi học trong quá khứ.");
        var count = repeat?.Count ?? 1;
        if (count is < 1 or > MaxSessions) throw VapeException.InvalidInput($"Một chuỗi có từ 1 đến {MaxSessions} buổi.");
        var step = repeat?.Frequency == RecurrenceFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        var start = startsAt.ToUniversalTime();
        return Enumerable.Range(0, count).Select(i => (start + step * i, start + step * i + TimeSpan.FromMinutes(durationMinutes))).ToList();
    }
}
