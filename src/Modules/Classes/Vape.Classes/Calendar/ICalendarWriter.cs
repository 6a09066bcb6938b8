using System.Globalization;
using System.Text;

namespace Vape.Classes.Calendar;

/// <summary>One event of the feed: a session of a class, in UTC.</summary>
internal sealed record CalendarEvent(Guid SessionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Sequence, bool Cancelled,
    string Summary, string Location, string Description);

/// <summary>
/// Writes an RFC 5545 calendar: CRLF line endings, content lines folded at 75 octets (never inside a UTF-8 character),
/// TEXT values escaped (backslash, semicolon, comma, newline), times in UTC (so no VTIMEZONE is needed; the calendar
/// names Asia/Ho_Chi_Minh for the apps that show it in the learner's zone).
/// </summary>
internal static class ICalendarWriter
{
    public const int MaxOctets = 75;
    private const string Crlf = "\r\n";

    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        var b = new StringBuilder();
        Line(b, "BEGIN:VCALENDAR");
        Line(b, "VERSION:2.0");
        Line(b, "PRODID:-//Hoi Khuyen hoc Viet Nam//Vape//VI");
        Line(b, "CALSCALE:GREGORIAN");
        Line(b, "METHOD:PUBLISH");
        Line(b, "X-WR-CALNAME:" + Text(name));
        Line(b, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        foreach (var e in events)
        {
            Line(b, "BEGIN:VEVENT");
            Line(b, $"UID:{e.SessionId:D}@vape.khuyenhoc.vn");
            Line(b, "DTSTAMP:" + Time(stamp));
            Line(b, "DTSTART:" + Time(e.StartsAt));
            Line(b, "DTEND:" + Time(e.EndsAt));
            Line(b, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(b, "SUMMARY;LANGUAGE=vi:" + Text(e.Summary));
            Line(b, "LOCATION;LANGUAGE=vi:" + Text(e.Location));
            if (e.Description.Length > 0) Line(b, "DESCRIPTION;LANGUAGE=vi:" + Text(e.Description));
            Line(b, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(b, "TRANSP:OPAQUE");
            Line(b, "END:VEVENT");
        }
        Line(b, "END:VCALENDAR");
        return b.ToString();
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value (RFC 5545 3.3.11): `\`, `;`, `,` and newlines escaped, other control characters dropped.</summary>
    public static string Text(string value)
    {
        var b = new StringBuilder(value.Length);
        var text = value.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Replace('\r', '\n');
        foreach (var ch in text)
            switch (ch)
            {
                case '\\': b.Append(@"\\"); break;
                case ';': b.Append(@"\;"); break;
                case ',': b.Append(@"\,"); break;
                case '\n': b.Append(@"\n"); break;
                case '\t': b.Append(' '); break;
                default:
                    if (!char.IsControl(ch)) b.Append(ch);
                    break;
            }
        return b.ToString();
    }

    /// <summary>A content line, folded (RFC 5545 3.1): at most 75 octets a line, continuation lines begin with a space.</summary>
    private static void Line(StringBuilder b, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                b.Append(Crlf).Append(' ');
                octets = 1;
            }
            b.Append(rune.ToString());
            octets += size;
        }
        b.Append(Crlf);
    }
}
