using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Marten;

namespace Vape.Records.Xapi;

/// <summary>
/// `/xapi`: the Learning Record Store (xAPI 2.0.0, and 1.0.3 when the request's X-Experience-API-Version says 1.0.x;
/// docs/adr/0130). One endpoint reads the request (also the 1.0.3 alternate request syntax), checks the version and the
/// client, and hands it to the resource.
/// </summary>
internal static class XapiEndpoint
{
    public const string Path = "/xapi";
    public const string VersionHeader = "X-Experience-API-Version";
    private static readonly string[] Methods = ["GET", "HEAD", "PUT", "POST", "DELETE"];

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Path + "/{**resource}", Methods, (HttpContext http, string? resource, CancellationToken ct) => HandleAsync(http, resource ?? "", ct))
            .AllowAnonymous();

    private static async Task HandleAsync(HttpContext http, string resource, CancellationToken ct)
    {
        resource = resource.TrimEnd('/');
        var version = "2.0.0";
        try
        {
            var request = await XapiRequest.ReadAsync(http, resource, ct);
            var asked = request.Header(VersionHeader);
            if (asked is not null) version = Negotiate(asked);
            request.Version = version;
            if (resource == "about")
            {
                if (request.Method is not ("GET" or "HEAD")) throw new XapiError(StatusCodes.Status405MethodNotAllowed, "NOT_ALLOWED", "Tài nguyên /about chỉ đọc.");
                await WriteJson(http, version, request.Method, new JsonObject { ["version"] = new JsonArray("2.0.0", "1.0.3"), ["extensions"] = new JsonObject() });
                return;
            }
            var services = http.RequestServices;
            var clients = services.GetRequiredService<XapiClients>();
            var client = await clients.AuthenticateAsync(request.Header("Authorization"), ct);
            if (asked is null)
            {
                version = client.Version ?? version;
                throw XapiError.Invalid("Thiếu tiêu đề X-Experience-API-Version.");
            }
            await clients.RememberVersionAsync(client, version, ct);
            if (request.Alternate && !request.IsLegacy) throw XapiError.Invalid("xAPI 2.0 không còn cú pháp thay thế (`method=`).");
            var scope = await clients.ScopeAsync(client, ct);
            switch (resource)
            {
                case "statements":
                    await StatementsAsync(http, request, client, scope, services.GetRequiredService<XapiStatements>(), services.GetRequiredService<IMartenOutbox>(), ct);
                    break;
                case "activities/state" or "activities/profile" or "agents/profile":
                    await DocumentsAsync(http, request, client, scope, services.GetRequiredService<XapiDocuments>(), services.GetRequiredService<XapiReads>(), ct);
                    break;
                case "activities":
                    Only(request, "GET", "HEAD");
                    await WriteJson(http, version, request.Method, await services.GetRequiredService<XapiLookups>().ActivityAsync(request, scope, ct));
                    break;
                case "agents":
                    Only(request, "GET", "HEAD");
                    await WriteJson(http, version, request.Method, XapiLookups.Person(request));
                    break;
                default:
                    throw XapiError.NotFound("Không có tài nguyên xAPI này.");
            }
        }
        catch (XapiError error)
        {
            if (http.Response.HasStarted) throw;
            http.Response.Clear();
            http.Response.StatusCode = error.Status;
            http.Response.Headers[VersionHeader] = version;
            if (resource == "statements" && http.Request.Method is "GET" or "HEAD")
                http.Response.Headers["X-Experience-API-Consistent-Through"] = XapiStatements.Timestamp(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            if (error.Status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Basic realm=\"xapi\"";
            if (http.Request.Method != "HEAD")
                await http.Response.WriteAsJsonAsync(new { code = error.Code, message = error.Message }, ct);
        }
    }

    /// <summary>2.0.x answers as 2.0.0; 1.0.x (any patch) as 1.0.3; anything else is refused.</summary>
    private static string Negotiate(string asked)
    {
        var parts = asked.Trim().Split('.');
        if (parts.Length is 2 or 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            if (parts[0] == "2" && parts[1] == "0") return "2.0.0";
            if (parts[0] == "1" && parts[1] == "0") return "1.0.3";
        }
        throw XapiError.Invalid("X-Experience-API-Version phải là 2.0.x hoặc 1.0.x.");
    }

    private static void Only(XapiRequest request, params string[] methods)
    {
        if (!methods.Contains(request.Method)) throw new XapiError(StatusCodes.Status405MethodNotAllowed, "NOT_ALLOWED", "Tài nguyên này không nhận phương thức đó.");
    }

    private static async Task StatementsAsync(HttpContext http, XapiRequest request, XapiClient client, Guid[] scope, XapiStatements statements, IMartenOutbox outbox,
        CancellationToken ct)
    {
        var home = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Path}/clients";
        switch (request.Method)
        {
            case "POST":
            {
                if (request.Query.Count > 0) throw XapiError.Invalid("POST /statements không nhận tham số trên địa chỉ.");
                var (list, parts) = await XapiStatements.ParseAsync(request, ct);
                var ids = await statements.StoreAsync(client, scope, list, parts, request.Version, home, outbox, ct);
                await WriteJson(http, request.Version, "POST", new JsonArray(ids.Select(i => (JsonNode)i.ToString()).ToArray()));
                return;
            }
            case "PUT":
            {
                var id = request.Param("statementId") ?? throw XapiError.Invalid("PUT /statements cần tham số `statementId`.");
                if (request.Query.Count > 1) throw XapiError.Invalid("PUT /statements chỉ nhận tham số `statementId`.");
                if (!StatementRules.IsUuid(id)) throw XapiError.Invalid("`statementId` phải là UUID.");
                var (list, parts) = await XapiStatements.ParseAsync(request, ct);
                if (list.Count != 1) throw XapiError.Invalid("PUT /statements nhận đúng một câu lệnh.");
                if (list[0]["id"] is { } given && !string.Equals(given.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase))
                    throw XapiError.Invalid("`id` của câu lệnh khác với `statementId`.");
                list[0]["id"] = id;
                await statements.StoreAsync(client, scope, list, parts, request.Version, home, outbox, ct);
                NoContent(http, request.Version);
                return;
            }
            case "GET" or "HEAD":
            {
                var page = await statements.GetAsync(client, request, scope, ct);
                http.Response.Headers["X-Experience-API-Consistent-Through"] = XapiStatements.Timestamp(page.ConsistentThrough);
                if (page.LastModified is { } modified) http.Response.Headers.LastModified = modified.ToString("R");
                if (page.Attachments.Count > 0 || request.Param("attachments") == "true")
                    await WriteMultipart(http, request.Version, request.Method, page);
                else await WriteJson(http, request.Version, request.Method, page.Body);
                return;
            }
            default:
                throw new XapiError(StatusCodes.Status405MethodNotAllowed, "NOT_ALLOWED", "Tài nguyên /statements không nhận phương thức này.");
        }
    }

    private static async Task DocumentsAsync(HttpContext http, XapiRequest request, XapiClient client, Guid[] scope, XapiDocuments documents, XapiReads reads,
        CancellationToken ct)
    {
        switch (request.Method)
        {
            case "GET" or "HEAD":
            {
                var key = XapiDocuments.Key(request, single: false);
                if (key.DocumentId is null)
                {
                    var (ids, updated) = await documents.ListAsync(scope, key, request.Param("since"), ct);
                    if (ids.Count > 0) await reads.LogAgentAsync(client, key.Agent, ct);
                    if (updated is { } u) http.Response.Headers.LastModified = u.ToString("R");
                    await WriteJson(http, request.Version, request.Method, ids);
                    return;
                }
                var document = await documents.FindAsync(scope, key, ct) ?? throw XapiError.NotFound("Không có tài liệu này.");
                await reads.LogAgentAsync(client, key.Agent, ct);
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.Headers[VersionHeader] = request.Version;
                http.Response.Headers.ETag = $"\"{document.ETag}\"";
                http.Response.Headers.LastModified = document.Updated.ToString("R");
                http.Response.ContentType = document.ContentType;
                http.Response.ContentLength = document.Content.Length;
                if (request.Method == "GET") await http.Response.Body.WriteAsync(document.Content, ct);
                return;
            }
            case "PUT" or "POST":
                await documents.SaveAsync(client, scope, XapiDocuments.Key(request, single: true), request, merge: request.Method == "POST", ct);
                NoContent(http, request.Version);
                return;
            case "DELETE":
                await documents.DeleteAsync(client, scope, XapiDocuments.Key(request, single: request.Resource != "activities/state"), request, ct);
                NoContent(http, request.Version);
                return;
            default:
                throw new XapiError(StatusCodes.Status405MethodNotAllowed, "NOT_ALLOWED", "Tài nguyên này không nhận phương thức đó.");
        }
    }

    private static void NoContent(HttpContext http, string version)
    {
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        http.Response.Headers[VersionHeader] = version;
    }

    private static async Task WriteJson(HttpContext http, string version, string method, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.Headers[VersionHeader] = version;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        if (method != "HEAD") await http.Response.Body.WriteAsync(bytes);
    }

    private static async Task WriteMultipart(HttpContext http, string version, string method, StatementPage page)
    {
        var boundary = "xapi-" + Guid.NewGuid().ToString("N");
        using var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        Text($"--{boundary}\r\nContent-Type: application/json\r\n\r\n{page.Body.ToJsonString()}\r\n");
        foreach (var part in page.Attachments)
        {
            Text($"--{boundary}\r\nContent-Type: {part.ContentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {part.Sha2}\r\n\r\n");
            body.Write(part.Content);
            Text("\r\n");
        }
        Text($"--{boundary}--\r\n");
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.Headers[VersionHeader] = version;
        http.Response.ContentType = $"multipart/mixed; boundary={boundary}";
        http.Response.ContentLength = body.Length;
        if (method != "HEAD") await http.Response.Body.WriteAsync(body.ToArray());
    }
}
