using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Vape.Content.News;

/// <summary>
/// A small Markdown renderer that is safe by construction (docs/adr/0031): every character of the source is
/// HTML-escaped first, then a few constructs become tags: headings, paragraphs, lists, quotes, code, bold,
/// italic, links and images with http(s) addresses only. Raw HTML in the source is shown as text, never run.
/// </summary>
internal static partial class Markdown
{
    public static string ToHtml(string source)
    {
        var lines = source.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var html = new StringBuilder();
        var paragraph = new List<string>();
        string? list = null;
        var inCode = false;

        void FlushParagraph()
        {
            if (paragraph.Count > 0) html.Append("<p>").Append(string.Join("<br>\n", paragraph.Select(Inline))).Append("</p>\n");
            paragraph.Clear();
        }
        void CloseList()
        {
            if (list is not null) html.Append("</").Append(list).Append(">\n");
            list = null;
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                FlushParagraph();
                CloseList();
                html.Append(inCode ? "</code></pre>\n" : "<pre><code>");
                inCode = !inCode;
                continue;
            }
            if (inCode)
            {
                html.Append(Encode(raw)).Append('\n');
                continue;
            }
            if (line.Length == 0)
            {
                FlushParagraph();
                CloseList();
                continue;
            }
            if (Heading().Match(line) is { Success: true } heading)
            {
                FlushParagraph();
                CloseList();
                var level = heading.Groups[1].Length;
                html.Append(CultureInfo.InvariantCulture, $"<h{level}>").Append(Inline(heading.Groups[2].Value)).Append(CultureInfo.InvariantCulture, $"</h{level}>\n");
                continue;
            }
            var bullet = Bullet().Match(line);
            var numbered = Numbered().Match(line);
            if (bullet.Success || numbered.Success)
            {
                FlushParagraph();
                var kind = bullet.Success ? "ul" : "ol";
                if (list != kind)
                {
                    CloseList();
                    html.Append('<').Append(kind).Append(">\n");
                    list = kind;
                }
                html.Append("<li>").Append(Inline((bullet.Success ? bullet : numbered).Groups[1].Value)).Append("</li>\n");
                continue;
            }
            if (line.StartsWith('>'))
            {
                FlushParagraph();
                CloseList();
                html.Append("<blockquote>").Append(Inline(line.TrimStart('>').Trim())).Append("</blockquote>\n");
                continue;
            }
            CloseList();
            paragraph.Add(line.Trim());
        }
        if (inCode) html.Append("</code></pre>\n");
        FlushParagraph();
        CloseList();
        return html.ToString();
    }

    /// <summary>Escapes everything, then turns the few inline constructs into tags.</summary>
    private static string Inline(string text)
    {
        var escaped = Encode(text);
        escaped = Code().Replace(escaped, "<code>$1</code>");
        escaped = Image().Replace(escaped, m => Safe(m.Groups[2].Value) is { } url
            ? $"<img src=\"{url}\" alt=\"{m.Groups[1].Value}\" loading=\"lazy\">" : m.Groups[1].Value);
        escaped = Link().Replace(escaped, m => Safe(m.Groups[2].Value) is { } url
            ? $"<a href=\"{url}\" rel=\"nofollow noopener noreferrer\">{m.Groups[1].Value}</a>" : m.Groups[1].Value);
        escaped = Bold().Replace(escaped, "<strong>$1</strong>");
        escaped = Italic().Replace(escaped, "<em>$1</em>");
        return escaped;
    }

    /// <summary>Escapes the five characters that matter in HTML text and attributes; Vietnamese letters stay as they are.</summary>
    public static string Encode(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>Only absolute http(s) addresses (already HTML-escaped, so no quote can end the attribute).</summary>
    private static string? Safe(string url) =>
        Uri.TryCreate(WebUtility.HtmlDecode(url), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url : null;

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*+]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d{1,3}[.)]\s+(.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")]
    private static partial Regex Italic();
}
