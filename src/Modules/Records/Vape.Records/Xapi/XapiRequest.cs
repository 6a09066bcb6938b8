using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Vape.Records.Xapi;

/// <summary>A refusal of the LRS: an HTTP status, a stable code and a Vietnamese message.</summary>
internal sealed class XapiError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static XapiError Invalid(string message) => new(StatusCodes.Status400BadRequest, "INVALID_INPUT", message);
    public static XapiError NotFound(string message = "Không tìm thấy.") => new(StatusCodes.Status404NotFound, "NOT_FOUND", message);
    public static XapiError Conflict(string message) => new(StatusCodes.Status409Conflict, "VERSION_CONFLICT", message);
    public static XapiError PreconditionFailed() => new(StatusCodes.Status412PreconditionFailed, "VERSION_CONFLICT", "Tài liệu đã thay đổi (ETag không khớp).");
    public static XapiError NotAuthenticated() => new(StatusCodes.Status401Unauthorized, "NOT_AUTHENTICATED", "Cần xác thực (HTTP Basic) bằng khóa của ứng dụng đã đăng ký.");
    public static XapiError NotAllowed(string message) => new(StatusCodes.Status403Forbidden, "NOT_ALLOWED", message);
}

/// <summary>
/// One xAPI request, whether sent plainly or (xAPI 1.0.3 only) through the alternate request syntax, where a POST
/// with `?method=PUT` carries headers, parameters and content as form fields.
/// </summary>
internal sealed class XapiRequest
{
    private static readonly HashSet<string> FormHeaders = new(StringComparer.OrdinalIgnoreCase)
        { "Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match" };

    public required string Method { get; init; }
    public required string Resource { get; init; }
    public required Dictionary<string, string> Query { get; init; }
    public required Func<string, string?> Header { get; init; }
    public required byte[] Body { get; init; }
    public string? ContentType => Header("Content-Type");
    public bool Alternate { get; init; }
    public string PathBase { get; init; } = "";
    public string Version { get; set; } = "2.0.0";
    public bool IsLegacy => Version.StartsWith("1.", StringComparison.Ordinal);
    public string? Param(string name) => Query.TryGetValue(name, out var v) ? v : null;

    public static async Task<XapiRequest> ReadAsync(HttpContext http, string resource, CancellationToken ct)
    {
        var request = http.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in request.Query)
        {
            if (v.Count > 1) throw XapiError.Invalid($"Tham số `{k}` chỉ được có một giá trị.");
            query[k] = v.ToString();
        }
        if (!query.TryGetValue("method", out var method))
            return new XapiRequest { Method = request.Method, Resource = resource, PathBase = request.PathBase, Query = query, Header = h => Single(request.Headers[h]), Body = body };

        if (request.Method != HttpMethods.Post)
            throw XapiError.Invalid("Cú pháp thay thế (`method=`) chỉ dùng với POST.");
        if (query.Count > 1)
            throw XapiError.Invalid("Cú pháp thay thế không nhận tham số nào khác trên địa chỉ ngoài `method`.");
        var type = request.ContentType ?? "";
        if (!type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            throw XapiError.Invalid("Cú pháp thay thế cần nội dung dạng application/x-www-form-urlencoded.");
        method = method.ToUpperInvariant();
        if (method is not ("GET" or "PUT" or "POST" or "DELETE" or "HEAD"))
            throw XapiError.Invalid("Phương thức trong `method` không hợp lệ.");
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        byte[] content = [];
        foreach (var (k, v) in form)
        {
            if (k == "content") content = Encoding.UTF8.GetBytes(v.ToString());
            else if (FormHeaders.Contains(k)) headers[k] = v.ToString();
            else parameters[k] = v.ToString();
        }
        return new XapiRequest
        {
            Method = method, Resource = resource, Query = parameters, Body = content, Alternate = true, PathBase = request.PathBase,
            Header = h => headers.TryGetValue(h, out var value) ? value : h.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && content.Length > 0 ? "application/json" : Single(request.Headers[h]),
        };
    }

    private static string? Single(StringValues values) => values.Count == 0 ? null : values.ToString();
}
