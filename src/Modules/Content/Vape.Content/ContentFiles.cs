using Vape.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Content.Directives;
using Vape.Content.Library;
using Vape.Content.News;

namespace Vape.Content;

/// <summary>Files that content names: checked when named, served from this module's endpoints after its own authorization.</summary>
internal static class ContentFiles
{
    public const int MaxFiles = 10;

    public static readonly string[] Pdf = ["application/pdf"];
    public static readonly string[] Images = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    /// <summary>
    /// Each id must be an upload of the actor's own, of one of the allowed types (null: any type the store takes); an
    /// edit may also keep the files the item already names (`kept`), whoever uploaded them (ADR 0074: the unit's
    /// officials edit what others wrote).
    /// </summary>
    public static async Task<Guid[]> CheckAsync(IFileStore files, Guid actor, IReadOnlyCollection<Guid>? ids, string[]? types, string what, CancellationToken ct,
        IReadOnlyCollection<Guid>? kept = null)
    {
        var distinct = (ids ?? []).Distinct().ToArray();
        if (distinct.Length > MaxFiles) throw VapeException.InvalidInput($"{what}: tối đa {MaxFiles} tệp.");
        foreach (var id in distinct)
        {
            var file = await files.FindAsync(id, ct);
            if (file is null || (file.OwnerId != actor && kept?.Contains(id) != true)) throw VapeException.NotFound($"{what}: không tìm thấy tệp đã tải lên (tải lên qua POST /files rồi dùng mã tệp).");
            if (types is not null && !types.Contains(file.ContentType))
                throw VapeException.InvalidInput($"{what}: tệp “{file.Name}” là {file.ContentType}, cần {string.Join(" hoặc ", types)}.");
        }
        return distinct;
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/content");
        group.MapGet("/directives/{directiveId:guid}/files/{fileId:guid}", DirectiveFileAsync);
        group.MapGet("/news/{newsId:guid}/images/{fileId:guid}", NewsImageAsync);
        group.MapGet("/resources/{resourceId:guid}/file", (Guid resourceId, HttpContext http, ResourceStore store, IFileStore files, CancellationToken ct) =>
            ResourceFileAsync(resourceId, cover: false, http, store, files, ct));
        group.MapGet("/resources/{resourceId:guid}/cover", (Guid resourceId, HttpContext http, ResourceStore store, IFileStore files, CancellationToken ct) =>
            ResourceFileAsync(resourceId, cover: true, http, store, files, ct));
    }

    private static IResult Missing() => throw VapeException.NotFound("Không tìm thấy tệp.");

    /// <summary>A directive's documents and its units' report files: for whoever may see the directive.</summary>
    private static async Task<IResult> DirectiveFileAsync(Guid directiveId, Guid fileId, HttpContext http, DirectiveStore directives,
        NpgsqlDataSource database, IFileStore files, CancellationToken ct)
    {
        if (http.User.PersonId() is not Guid person) throw VapeException.NotAuthenticated();
        var directive = await directives.LoadAsync(directiveId, ct);
        if (directive is null || !await directives.CanSeeAsync(person, directive, ct)) return Missing();
        var named = await database.ScalarAsync<bool>("""
            select exists (select 1 from content.directives where id = @d and @f = any(document_file_ids))
                or exists (select 1 from content.directive_targets where directive_id = @d and @f = any(report_file_ids))
            """, ct, ("d", directiveId), ("f", fileId));
        return named ? await FileResults.ServeAsync(files, fileId, http.Request.Query.ContainsKey("download"), ct) : Missing();
    }

    private static async Task<IResult> NewsImageAsync(Guid newsId, Guid fileId, HttpContext http, NewsStore news, IFileStore files, CancellationToken ct)
    {
        var item = await news.LoadVisibleAsync(newsId, http.User.PersonId(), ct);
        return item is not null && item.ImageFileIds.Contains(fileId) ? await FileResults.ServeAsync(files, fileId, false, ct) : Missing();
    }

    private static async Task<IResult> ResourceFileAsync(Guid resourceId, bool cover, HttpContext http, ResourceStore store, IFileStore files, CancellationToken ct)
    {
        var resource = await store.LoadAsync(resourceId, ct);
        if (resource is null || !await store.CanSeeAsync(resource, http.User.PersonId(), ct)) return Missing();
        var fileId = cover ? resource.CoverFileId : resource.FileId;
        return fileId is Guid id ? await FileResults.ServeAsync(files, id, http.Request.Query.ContainsKey("download"), ct) : Missing();
    }
}
