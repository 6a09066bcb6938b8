using System.Globalization;
using Vape.BuildingBlocks.Errors;

namespace Vape.Notifications.Push;

/// <summary>
/// The hours a person wants no push (ADR 0182): from `Start` to `End` in their own time zone, across midnight when
/// `End` is earlier. The inbox and the live hub are not held; only Web Push waits until the quiet hours end.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, string TimeZone)
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    private const string Format = "HH:mm";

    public string StartText => Start.ToString(Format, CultureInfo.InvariantCulture);

    public string EndText => End.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>
    /// The quiet hours an edit asks for, or null when both ends are null (no quiet hours); INVALID_INPUT for one end
    /// only, a time not `HH:mm`, the same start and end, or a time zone this server does not know.
    /// </summary>
    public static QuietHours? Parse(string? start, string? end, string? timeZone)
    {
        start = start?.Trim();
        end = end?.Trim();
        if (string.IsNullOrEmpty(start) && string.IsNullOrEmpty(end)) return null;
        if (string.IsNullOrEmpty(start) || string.IsNullOrEmpty(end))
            throw VapeException.InvalidInput("Hãy cho cả giờ bắt đầu (`start`) và giờ kết thúc (`end`) của giờ yên lặng, hoặc bỏ trống cả hai để tắt.");
        if (!TimeOnly.TryParseExact(start, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(end, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            throw VapeException.InvalidInput("Giờ yên lặng phải có dạng `HH:mm` (vd. 22:00).");
        if (from == to)
            throw VapeException.InvalidInput("Giờ bắt đầu và giờ kết thúc của giờ yên lặng phải khác nhau.");
        var zone = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        if (zone.Length > 64 || FindZone(zone) is null)
            throw VapeException.InvalidInput("Múi giờ (`timeZone`) không hợp lệ; hãy dùng tên IANA, vd. Asia/Ho_Chi_Minh.");
        return new QuietHours(from, to, zone);
    }

    /// <summary>When the quiet hours that hold `now` end, or null when `now` is not in them.</summary>
    public DateTimeOffset? HeldUntil(DateTimeOffset now)
    {
        var zone = FindZone(TimeZone) ?? FindZone(DefaultTimeZone)!;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inside) return null;
        var endDay = DateOnly.FromDateTime(local.DateTime);
        if (time >= End) endDay = endDay.AddDays(1);
        var endLocal = endDay.ToDateTime(End);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }

    /// <summary>The zone by its IANA name; Asia/Ho_Chi_Minh (UTC+7, no daylight saving) even on a machine without tzdata.</summary>
    private static TimeZoneInfo? FindZone(string id)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return id == DefaultTimeZone ? TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZone, TimeSpan.FromHours(7), DefaultTimeZone, DefaultTimeZone) : null;
    }
}
