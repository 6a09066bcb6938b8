using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Content.Directives;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Content.Library;

/// <summary>Anyone signed in submits a resource; it waits for an official of the reviewing unit (default: the submitter's home unit).</summary>
public sealed record SubmitResource(
    string Title, string Description, LearningDomain Domain, ResourceAudience Audience, string Language, ResourceFormat Format,
    ResourceLicence Licence, string? Author, string? Source, IReadOnlyList<string> Subjects, string? EducationalLevel, string? ResourceType,
    string? ExternalUrl, IReadOnlyList<string> Collections, Guid? ReviewUnitId, Guid ActorId, Guid? FileId = null, Guid? CoverFileId = null);

public static class SubmitResourceHandler
{
    public static async Task<Resource> Handle(SubmitResource command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        IFileStore files, CancellationToken ct)
    {
        var text = await CheckAsync(command, files, ct);
        var reviewUnit = command.ReviewUnitId ?? (await organization.MemberUnitsAsync(command.ActorId, ct)).FirstOrDefault();
        if (reviewUnit == Guid.Empty) throw VapeException.InvalidInput("Hãy chọn đơn vị duyệt (`reviewUnitId`).");
        if ((await organization.UnitsAsync([reviewUnit], ct)).SingleOrDefault() is not { Status: "Active" })
            throw VapeException.NotFound("Không tìm thấy đơn vị duyệt.");
        var path = await UnitPaths.OfAsync(organization, reviewUnit, ct);

        var resource = new Resource(Guid.CreateVersion7(), text.Title, text.Description, command.Domain, command.Audience, text.Language, command.Format, command.Licence,
            text.Author, text.Source, text.Subjects, text.Level, text.Type, text.Url, text.Collections, ResourceStatus.Submitted, null, reviewUnit, command.ActorId,
            clock.GetUtcNow(), null, 0, 0, 0, text.File, text.Cover);
        await new SessionSql(session).ExecuteAsync("""
            insert into content.resources (id, title, description, domain, audience, language, format, licence, author, source, subjects,
                educational_level, resource_type, external_url, collections, status, review_unit_id, review_path, submitted_by, submitted_at, file_id, cover_file_id)
            values (@id, @title, @description, @domain, @audience, @language, @format, @licence, @author, @source, @subjects,
                @level, @type, @url, @collections, 'Submitted', @unit, @path::ltree, @by, @at, @file, @cover)
            """, ct, [("id", resource.Id), .. text.Parameters(command), ("unit", reviewUnit), ("path", path), ("by", command.ActorId), ("at", resource.SubmittedAt)]);
        return resource;
    }

    /// <summary>What a resource's description must be, checked and normalised: for a submission and for an edit alike.</summary>
    internal static async Task<ResourceText> CheckAsync(SubmitResource command, IFileStore files, CancellationToken ct, IReadOnlyCollection<Guid>? kept = null)
    {
        var title = Required(command.Title, "Tiêu đề", 300);
        var description = Optional(command.Description, "Mô tả", 10_000) ?? "";
        var language = (command.Language ?? "").Trim().ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(language, "^[a-z]{2,3}$"))
            throw VapeException.InvalidInput("Ngôn ngữ là mã ISO 639 (ví dụ `vi`, `en`).");
        var url = string.IsNullOrWhiteSpace(command.ExternalUrl) ? null : command.ExternalUrl.Trim();
        if (url is not null && (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            throw VapeException.InvalidInput("Địa chỉ tài nguyên phải là một URL http(s) đầy đủ.");
        var file = (await ContentFiles.CheckAsync(files, command.ActorId, command.FileId is Guid f ? [f] : [], null, "Tệp tài nguyên", ct, kept)).Cast<Guid?>().SingleOrDefault();
        var cover = (await ContentFiles.CheckAsync(files, command.ActorId, command.CoverFileId is Guid c ? [c] : [], ContentFiles.Images, "Ảnh bìa", ct, kept)).Cast<Guid?>().SingleOrDefault();
        if (url is null && file is null) throw VapeException.InvalidInput("Hãy tải tệp tài nguyên lên hoặc nêu địa chỉ (URL) của nó.");
        return new ResourceText(title, description, language, url, file, cover, List(command.Subjects, "Từ khóa"), List(command.Collections, "Bộ sưu tập"),
            Optional(command.Author, "Tác giả", 300), Optional(command.Source, "Nguồn", 500), Optional(command.EducationalLevel, "Trình độ", 100),
            Optional(command.ResourceType, "Loại tài nguyên học tập", 100));
    }

    private static string Required(string? value, string what, int max) =>
        Optional(value, what, max) ?? throw VapeException.InvalidInput($"{what} không được để trống.");

    private static string? Optional(string? value, string what, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length <= max ? text : throw VapeException.InvalidInput($"{what} dài tối đa {max} ký tự.");
    }

    private static string[] List(IReadOnlyList<string>? values, string what)
    {
        var list = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToArray();
        if (list.Length > 20 || list.Any(v => v.Length > 100)) throw VapeException.InvalidInput($"{what}: tối đa 20 mục, mỗi mục tối đa 100 ký tự.");
        return list;
    }
}

/// <summary>A resource's description once checked; <see cref="Parameters"/> names its columns' values as the statements use them.</summary>
internal sealed record ResourceText(string Title, string Description, string Language, string? Url, Guid? File, Guid? Cover, string[] Subjects,
    string[] Collections, string? Author, string? Source, string? Level, string? Type)
{
    public (string Name, object? Value)[] Parameters(SubmitResource command) =>
    [
        ("title", Title), ("description", Description), ("domain", command.Domain.ToString()), ("audience", command.Audience.ToString()),
        ("language", Language), ("format", command.Format.ToString()), ("licence", command.Licence.ToString()), ("author", Author), ("source", Source),
        ("subjects", Subjects), ("level", Level), ("type", Type), ("collections", Collections),
        ("file", Sql.Typed("file", File, NpgsqlTypes.NpgsqlDbType.Uuid)), ("cover", Sql.Typed("cover", Cover, NpgsqlTypes.NpgsqlDbType.Uuid)),
        ("url", Sql.Typed("url", Url, NpgsqlTypes.NpgsqlDbType.Text)),
    ];
}

/// <summary>An official of the reviewing unit (or above) approves, or rejects with a reason.</summary>
public sealed record ReviewResource(Guid ResourceId, bool Approve, string? Reason, Guid ActorId);

public static class ReviewResourceHandler
{
    /// <summary>The resource, and <see cref="Contracts.ResourceReviewed"/> cascaded through the outbox when the decision changed.</summary>
    public static async Task<(Resource, Contracts.ResourceReviewed?)> Handle(ReviewResource command, ResourceStore store, IOrganizationQueries organization, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var resource = await store.LoadAsync(command.ResourceId, ct) ?? throw VapeException.NotFound("Không tìm thấy tài nguyên.");
        if (!await organization.MayAsync(command.ActorId, Permission.PublishContent, resource.ReviewUnitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị duyệt (hoặc cấp trên) mới duyệt tài nguyên này.");
        var reason = command.Reason?.Trim();
        if (!command.Approve && string.IsNullOrEmpty(reason)) throw VapeException.InvalidInput("Hãy nêu lý do từ chối.");
        if (reason is { Length: > 2000 }) throw VapeException.InvalidInput("Lý do dài tối đa 2.000 ký tự.");
        var status = command.Approve ? ResourceStatus.Approved : ResourceStatus.Rejected;
        if (resource.Status == ResourceStatus.Withdrawn)
            throw new VapeException(Editing.Edits.AlreadyWithdrawn, "Tài nguyên đã được rút; không duyệt được nữa.");
        if (resource.Status == status) return (resource, null);
        var now = clock.GetUtcNow();
        await new SessionSql(session).ExecuteAsync("""
            update content.resources set status = @status, rejection_reason = @reason, reviewed_by = @by, reviewed_at = @at, version = version + 1 where id = @id
            """, ct, ("id", resource.Id), ("status", status.ToString()), ("reason", command.Approve ? null : reason), ("by", command.ActorId), ("at", now));
        return (resource with { Status = status, RejectionReason = command.Approve ? null : reason, ReviewedAt = now, Version = resource.Version + 1 },
            new Contracts.ResourceReviewed(resource.Id, resource.SubmittedBy, command.Approve, command.ActorId, now));
    }
}

/// <summary>A signed-in person rates an approved resource 1–5 stars; rating again replaces their rating.</summary>
public sealed record RateResource(Guid ResourceId, int Stars, Guid ActorId);

public static class RateResourceHandler
{
    public static async Task<Resource> Handle(RateResource command, ResourceStore store, IDocumentSession session, CancellationToken ct)
    {
        if (command.Stars is < 1 or > 5) throw VapeException.InvalidInput("Đánh giá từ 1 đến 5 sao.");
        var resource = await store.LoadAsync(command.ResourceId, ct);
        if (resource is not { Status: ResourceStatus.Approved }) throw VapeException.NotFound("Không tìm thấy tài nguyên.");
        var sql = new SessionSql(session);
        await sql.ExecuteAsync("""
            with old as (select stars from content.resource_ratings where resource_id = @id and person_id = @person),
                 up as (insert into content.resource_ratings (resource_id, person_id, stars) values (@id, @person, @stars)
                        on conflict (resource_id, person_id) do update set stars = excluded.stars)
            update content.resources set rating_count = rating_count + (select case when exists (select 1 from old) then 0 else 1 end),
                                         rating_sum = rating_sum + @stars - coalesce((select stars from old), 0)
             where id = @id
            """, ct, ("id", resource.Id), ("person", command.ActorId), ("stars", command.Stars));
        return (await sql.ListAsync($"select {Resource.Columns} from content.resources r where r.id = @id", Resource.Read, ct, ("id", resource.Id))).Single();
    }
}

/// <summary>Someone opened an approved resource: one more view.</summary>
public sealed record ViewResource(Guid ResourceId);

public static class ViewResourceHandler
{
    public static async Task<Resource> Handle(ViewResource command, IDocumentSession session, CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var rows = await sql.ListAsync($"""
            update content.resources r set views = views + 1 where r.id = @id and r.status = 'Approved' returning {Resource.Columns}
            """, Resource.Read, ct, ("id", command.ResourceId));
        return rows.SingleOrDefault() ?? throw VapeException.NotFound("Không tìm thấy tài nguyên.");
    }
}
