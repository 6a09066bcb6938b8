using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.Files;

/// <summary>
/// `POST /files`: a signed-in user uploads one file (multipart/form-data, field `file`) and gets its id, to be
/// named in a mutation (a directive's document, a record's evidence, a chat attachment). The body is streamed
/// into the store, so a file over the limit is refused as soon as it passes the limit.
/// </summary>
internal static class FileEndpoints
{
    public const string UploadPath = "/files";

    public static IServiceCollection AddVapeFiles(this IServiceCollection services) =>
        services.AddSingleton<IFileStore, FileSystemFileStore>();

    public static void MapFileUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(UploadPath, UploadAsync).RequireAuthorization(VapePolicies.Person).DisableAntiforgery();
        endpoints.MapGet(UploadPath + "/{id:guid}", OwnUploadAsync).RequireAuthorization(VapePolicies.Person);
    }

    // The uploader may look at what they uploaded (a preview before the mutation that uses it); everyone else
    // reads a file only through the module that holds it, which decides who may. Others get "not found".
    private static async Task<IResult> OwnUploadAsync(Guid id, HttpContext http, IFileStore files, CancellationToken ct)
    {
        var file = await files.FindAsync(id, ct);
        if (file is null || file.OwnerId != http.User.PersonId()) throw VapeException.NotFound("Không tìm thấy tệp.");
        return await FileResults.ServeAsync(files, id, download: http.Request.Query.ContainsKey("download"), ct);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IFileStore files, CancellationToken ct)
    {
        // The store enforces its own limit while it reads; the server's generic body limit must not cut in first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;

        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
            throw VapeException.InvalidInput("Gửi tệp dạng multipart/form-data, trong trường `file`.");

        var reader = new MultipartReader(boundary, http.Request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition() || !string.Equals(disposition.Name.Value, "file", StringComparison.Ordinal))
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            var file = await files.SaveAsync(http.User.PersonId() ?? throw VapeException.NotAuthenticated(), name ?? "", section.Body, ct);
            return Results.Created($"{UploadPath}/{file.Id}", new { file.Id, file.Name, file.ContentType, file.Length, file.Sha256 });
        }
        throw VapeException.InvalidInput("Không có tệp nào trong trường `file`.");
    }
}

/// <summary>Serves a stored file from a module's own endpoint, after the module has decided the caller may read it.</summary>
public static class FileResults
{
    public static async Task<IResult> ServeAsync(IFileStore files, Guid id, bool download, CancellationToken ct)
    {
        var file = await files.FindAsync(id, ct) ?? throw VapeException.NotFound("Không tìm thấy tệp.");
        var stream = await files.OpenReadAsync(id, ct);
        return new NoSniff(Results.File(stream, file.ContentType, download ? file.Name : null,
            lastModified: file.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true));
    }

    // Browsers must take the content type Vape checked, never guess another one from the bytes.
    private sealed class NoSniff(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(http);
        }
    }
}
