using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Storage;
using Vape.Content.Library;
using Vape.Content.News;
using Vape.Organization.Contracts;

namespace Vape.Content.Editing;

/// <summary>The author or an official of the unit replaces a news item's text; the version it replaces stays in its history.</summary>
public sealed record EditNews(Guid NewsId, string Title, string Body, bool? Public, IReadOnlyList<Guid>? ImageFileIds, int? ExpectedVersion, Guid ActorId);

/// <summary>The author or an official of the unit takes a news item out of every feed; its history stays.</summary>
public sealed record WithdrawNews(Guid NewsId, int? ExpectedVersion, Guid ActorId);

/// <summary>The submitter or an official of the reviewing unit replaces a resource's description (the whole of it, as submitted).</summary>
public sealed record EditResource(Guid ResourceId, int? ExpectedVersion, SubmitResource Content);

/// <summary>
/// The submitter or an official of the reviewing unit takes a resource out of the library; its history stays. An
/// official withdrawing someone else's resource says why (the submitter reads it).
/// </summary>
public sealed record WithdrawResource(Guid ResourceId, int? ExpectedVersion, Guid ActorId, string? Reason = null);

/// <summary>One earlier version of a news item, as it read until it was replaced.</summary>
public sealed record NewsVersion(int Version, string Title, string Body, bool Public, Guid WrittenBy, DateTimeOffset WrittenAt);

/// <summary>One earlier version of a resource's description.</summary>
public sealed record ResourceVersion(int Version, string Title, string Description, string? ExternalUrl, ResourceStatus Status, Guid WrittenBy, DateTimeOffset WrittenAt);

/// <summary>The rules edits and withdrawals share (ADR 0074): who, then what was sent, then the state (withdrawn, version).</summary>
internal static class Edits
{
    public const string AlreadyWithdrawn = "ALREADY_WITHDRAWN";

    public static void DemandCurrent(DateTimeOffset? withdrawnAt, int version, int? expected, string what)
    {
        if (withdrawnAt is not null) throw new VapeException(AlreadyWithdrawn, $"{what} đã được rút; không sửa hay rút lại được nữa.");
        if (expected is { } v && v != version) throw VapeException.VersionConflict();
    }

    /// <summary>The author, or an official with PublishContent on the unit (or above).</summary>
    public static async Task DemandAsync(IOrganizationQueries organization, Guid actor, Guid author, Guid unit, string message, CancellationToken ct)
    {
        if (actor != author && !await organization.MayAsync(actor, Permission.PublishContent, unit, ct)) throw VapeException.NotAllowed(message);
    }

    /// <summary>`after` of a history page: the version the previous page ended on.</summary>
    public static int? AfterVersion(Page page) =>
        page.AfterKey is not { } key ? null
        : int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
        : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
}

public static class EditNewsHandler
{
    private const string Refused = "Chỉ người đăng tin hoặc cán bộ của đơn vị (hoặc cấp trên) mới sửa, rút được tin này.";

    internal static async Task<NewsItem> LoadAsync(SessionSql sql, Guid id, CancellationToken ct) =>
        (await sql.ListAsync($"select {NewsItem.Columns} from content.news n where n.id = @id", NewsItem.Read, ct, ("id", id))).SingleOrDefault()
        ?? throw VapeException.NotFound("Không tìm thấy tin này.");

    public static async Task<NewsItem> Handle(EditNews command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock, IFileStore files,
        CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var item = await LoadAsync(sql, command.NewsId, ct);
        await Edits.DemandAsync(organization, command.ActorId, item.PublishedBy, item.UnitId, Refused, ct);
        var (title, body, images) = await PublishNewsHandler.CheckAsync(command.Title, command.Body, command.ImageFileIds, command.ActorId, files, ct, kept: item.ImageFileIds);
        Edits.DemandCurrent(item.WithdrawnAt, item.Version, command.ExpectedVersion, "Tin");
        // The replaced version goes to the history in the same statement that checks the version: two editors never both win.
        var changed = await sql.ListAsync($"""
            with old as (select * from content.news where id = @id and version = @version and withdrawn_at is null),
                 kept as (insert into content.news_versions (news_id, version, title, body, public, image_file_ids, written_by, written_at)
                          select id, version, title, body, public, image_file_ids, coalesce(edited_by, published_by), coalesce(edited_at, published_at) from old)
            update content.news n set title = @title, body = @body, public = @public, image_file_ids = @images, version = n.version + 1,
                   edited_by = @by, edited_at = @at
              from old where n.id = old.id
            returning {NewsItem.Columns}
            """, NewsItem.Read, ct, ("id", item.Id), ("version", item.Version), ("title", title), ("body", body), ("public", command.Public ?? item.Public),
            ("images", images), ("by", command.ActorId), ("at", clock.GetUtcNow()));
        return changed.SingleOrDefault() ?? throw VapeException.VersionConflict();
    }

    public static async Task<NewsItem> Handle(WithdrawNews command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var item = await LoadAsync(sql, command.NewsId, ct);
        await Edits.DemandAsync(organization, command.ActorId, item.PublishedBy, item.UnitId, Refused, ct);
        Edits.DemandCurrent(item.WithdrawnAt, item.Version, command.ExpectedVersion, "Tin");
        var changed = await sql.ListAsync($"""
            update content.news n set withdrawn_by = @by, withdrawn_at = @at, version = n.version + 1
             where n.id = @id and n.version = @version and n.withdrawn_at is null
            returning {NewsItem.Columns}
            """, NewsItem.Read, ct, ("id", item.Id), ("version", item.Version), ("by", command.ActorId), ("at", clock.GetUtcNow()));
        return changed.SingleOrDefault() ?? throw VapeException.VersionConflict();
    }
}

public static class EditResourceHandler
{
    private const int MaxReasonLength = 2000;
    private const string Refused = "Chỉ người gửi hoặc cán bộ của đơn vị duyệt (hoặc cấp trên) mới sửa, rút được tài nguyên này.";

    internal static async Task<Resource> LoadAsync(SessionSql sql, Guid id, CancellationToken ct) =>
        (await sql.ListAsync($"select {Resource.Columns} from content.resources r where r.id = @id", Resource.Read, ct, ("id", id))).SingleOrDefault()
        ?? throw VapeException.NotFound("Không tìm thấy tài nguyên.");

    /// <summary>The replaced version's description, as JSON, into the history; then the row changes (one statement, checked on the version).</summary>
    private const string Keep = """
        with old as (select * from content.resources where id = @id and version = @version and status <> 'Withdrawn'),
             kept as (insert into content.resource_versions (resource_id, version, description, written_by, written_at)
                      select id, version, to_jsonb(old) - 'search_text' - 'review_path' - 'views' - 'rating_count' - 'rating_sum',
                             coalesce(edited_by, submitted_by), coalesce(edited_at, submitted_at) from old)
        """;

    public static async Task<Resource> Handle(EditResource command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        IFileStore files, CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var actor = command.Content.ActorId;
        var resource = await LoadAsync(sql, command.ResourceId, ct);
        await Edits.DemandAsync(organization, actor, resource.SubmittedBy, resource.ReviewUnitId, Refused, ct);
        var text = await SubmitResourceHandler.CheckAsync(command.Content, files, ct,
            kept: new[] { resource.FileId, resource.CoverFileId }.OfType<Guid>().ToArray());
        Edits.DemandCurrent(resource.WithdrawnAt, resource.Version, command.ExpectedVersion, "Tài nguyên");
        // A reviewer's edit keeps the decision; the submitter's own edit of a reviewed resource goes back to review.
        var reviewer = await organization.MayAsync(actor, Permission.PublishContent, resource.ReviewUnitId, ct);
        var status = reviewer ? resource.Status : ResourceStatus.Submitted;
        var changed = await sql.ListAsync($"""
            {Keep}
            update content.resources r set title = @title, description = @description, domain = @domain, audience = @audience, language = @language,
                   format = @format, licence = @licence, author = @author, source = @source, subjects = @subjects, educational_level = @level,
                   resource_type = @type, external_url = @url, collections = @collections, file_id = @file, cover_file_id = @cover,
                   status = @status, rejection_reason = case when @status = 'Submitted' then null else r.rejection_reason end,
                   reviewed_at = case when @status = 'Submitted' then null else r.reviewed_at end,
                   reviewed_by = case when @status = 'Submitted' then null else r.reviewed_by end,
                   version = r.version + 1, edited_by = @by, edited_at = @at
              from old where r.id = old.id
            returning {Resource.Columns}
            """, Resource.Read, ct, [("id", resource.Id), ("version", resource.Version), .. text.Parameters(command.Content),
            ("status", status.ToString()), ("by", actor), ("at", clock.GetUtcNow())]);
        return changed.SingleOrDefault() ?? throw VapeException.VersionConflict();
    }

    /// <summary>The withdrawn resource, and <see cref="Contracts.ResourceWithdrawn"/> through the outbox when an official withdrew someone else's.</summary>
    public static async Task<(Resource, Contracts.ResourceWithdrawn?)> Handle(WithdrawResource command, IOrganizationQueries organization,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var resource = await LoadAsync(sql, command.ResourceId, ct);
        await Edits.DemandAsync(organization, command.ActorId, resource.SubmittedBy, resource.ReviewUnitId, Refused, ct);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is null && command.ActorId != resource.SubmittedBy)
            throw VapeException.InvalidInput("Hãy nêu lý do rút tài nguyên (người gửi sẽ đọc).");
        if (reason is { Length: > MaxReasonLength }) throw VapeException.InvalidInput($"Lý do rút dài tối đa {MaxReasonLength} ký tự.");
        Edits.DemandCurrent(resource.WithdrawnAt, resource.Version, command.ExpectedVersion, "Tài nguyên");
        var changed = await sql.ListAsync($"""
            {Keep}
            update content.resources r set status = 'Withdrawn', withdrawn_by = @by, withdrawn_at = @at, withdrawal_reason = @reason, version = r.version + 1
              from old where r.id = old.id
            returning {Resource.Columns}
            """, Resource.Read, ct, ("id", resource.Id), ("version", resource.Version), ("by", command.ActorId), ("at", clock.GetUtcNow()),
            ("reason", Sql.Typed("reason", reason, NpgsqlTypes.NpgsqlDbType.Text)));
        var withdrawn = changed.SingleOrDefault() ?? throw VapeException.VersionConflict();
        return (withdrawn, reason is null || command.ActorId == resource.SubmittedBy ? null
            : new Contracts.ResourceWithdrawn(withdrawn.Id, withdrawn.Title, withdrawn.SubmittedBy, reason, withdrawn.WithdrawnAt ?? clock.GetUtcNow()));
    }
}

/// <summary>The earlier versions, newest first: for the officials who may review the item, and its author.</summary>
internal sealed class ContentHistory(NpgsqlDataSource database)
{
    public async Task<Connection<NewsVersion>> NewsAsync(Guid newsId, Page page, CancellationToken ct)
    {
        var rows = await database.ListAsync("""
            select version, title, body, public, written_by, written_at from content.news_versions
             where news_id = @id and (@after::int is null or version < @after::int) order by version desc limit @limit
            """, r => new NewsVersion(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetGuid(4), r.GetFieldValue<DateTimeOffset>(5)), ct,
            ("id", newsId), ("after", Sql.Typed("after", Edits.AfterVersion(page), NpgsqlTypes.NpgsqlDbType.Integer)), ("limit", page.First + 1));
        return page.ToConnection(rows, v => v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<Connection<ResourceVersion>> ResourceAsync(Guid resourceId, Page page, CancellationToken ct)
    {
        var rows = await database.ListAsync("""
            select version, description ->> 'title', description ->> 'description', description ->> 'external_url', description ->> 'status', written_by, written_at
              from content.resource_versions
             where resource_id = @id and (@after::int is null or version < @after::int) order by version desc limit @limit
            """, r => new ResourceVersion(r.GetInt32(0), r.GetString(1), r.GetString(2), r.Get<string>(3), Enum.Parse<ResourceStatus>(r.GetString(4)),
                r.GetGuid(5), r.GetFieldValue<DateTimeOffset>(6)), ct,
            ("id", resourceId), ("after", Sql.Typed("after", Edits.AfterVersion(page), NpgsqlTypes.NpgsqlDbType.Integer)), ("limit", page.First + 1));
        return page.ToConnection(rows, v => v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
