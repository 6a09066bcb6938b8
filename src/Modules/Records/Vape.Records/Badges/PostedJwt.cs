using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Vape.Records.Badges;

/// <summary>A VC-JWT posted to be checked: the body itself (any text type), or JSON `{ "&lt;field&gt;": "…" }`; at most 64 KB read.</summary>
internal static class PostedJwt
{
    private const int MaxChars = 64 * 1024;

    public static async Task<string?> ReadAsync(HttpRequest request, string field, CancellationToken ct)
    {
        var buffer = new char[MaxChars + 1];
        using var reader = new StreamReader(request.Body);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxChars) return null;
        var text = new string(buffer, 0, read).Trim();
        if (!text.StartsWith('{')) return text;
        try { return JsonNode.Parse(text)?[field]?.GetValue<string>(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException) { return null; }
    }
}
