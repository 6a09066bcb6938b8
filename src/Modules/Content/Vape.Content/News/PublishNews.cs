using Vape.BuildingBlocks.Storage;
using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.Directives;
using Vape.BuildingBlocks.Files;
using Vape.Organization.Contracts;

namespace Vape.Content.News;

public sealed record NewsItem(Guid Id, Guid UnitId, string Title, string Body, bool Public, DateTimeOffset PublishedAt, Guid[] ImageFileIds,
    Guid PublishedBy, int Version = 1, DateTimeOffset? EditedAt = null, DateTimeOffset? WithdrawnAt = null)
{
    internal const string Columns = "n.id, n.unit_id, n.title, n.body, n.public, n.published_at, n.image_file_ids, n.published_by, n.version, n.edited_at, n.withdrawn_at";

    internal static NewsItem Read(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<Guid[]>(6),
            r.GetGuid(7), r.GetInt32(8), r.Get<DateTimeOffset?>(9), r.Get<DateTimeOffset?>(10));
}

/// <summary>An official publishes news of their unit: public, or only for the unit's subtree.</summary>
public sealed record PublishNews(Guid UnitId, string Title, string Body, bool Public, Guid ActorId, IReadOnlyList<Guid>? ImageFileIds = null);

public static class PublishNewsHandler
{
    public const int MaxBody = 50_000;

    public static async Task<NewsItem> Handle(PublishNews command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock, IFileStore files, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        if (!await organization.MayAsync(command.ActorId, Permission.PublishContent, command.UnitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị (hoặc cấp trên) mới đăng tin của đơn vị.");
        var (title, body, images) = await CheckAsync(command.Title, command.Body, command.ImageFileIds, command.ActorId, files, ct);
        var path = await UnitPaths.OfAsync(organization, command.UnitId, ct);
        var item = new NewsItem(Guid.CreateVersion7(), command.UnitId, title, body, command.Public, clock.GetUtcNow(), images, command.ActorId);
        await new SessionSql(session).ExecuteAsync("""
            insert into content.news (id, unit_id, path, title, body, public, published_by, published_at, image_file_ids)
            values (@id, @unit, @path::ltree, @title, @body, @public, @by, @at, @images)
            """, ct, ("id", item.Id), ("unit", item.UnitId), ("path", path), ("title", title), ("body", body), ("public", item.Public),
            ("by", command.ActorId), ("at", item.PublishedAt), ("images", images));
        return item;
    }

    /// <summary>What a news item's text must be, for a new item and for an edit alike.</summary>
    internal static async Task<(string Title, string Body, Guid[] Images)> CheckAsync(string? title, string? body, IReadOnlyList<Guid>? imageFileIds,
        Guid actor, IFileStore files, CancellationToken ct, IReadOnlyCollection<Guid>? kept = null)
    {
        title = (title ?? "").Trim();
        if (title.Length is 0 or > 300) throw VapeException.InvalidInput("Tiêu đề tin phải có từ 1 đến 300 ký tự.");
        body = (body ?? "").Trim();
        if (body.Length is 0 or > MaxBody) throw VapeException.InvalidInput($"Nội dung tin phải có từ 1 đến {MaxBody} ký tự.");
        return (title, body, await ContentFiles.CheckAsync(files, actor, imageFileIds, ContentFiles.Images, "Ảnh", ct, kept));
    }
}

/// <summary>Feeds: a unit's subtree (what the reader may see of it) or the public feed, newest first.</summary>
internal sealed class NewsStore(NpgsqlDataSource database, IOrganizationQueries organization)
{
    public async Task<NewsItem?> LoadVisibleAsync(Guid newsId, Guid? reader, CancellationToken ct) =>
        (await QueryAsync(null, reader, new Page(1, null), null, newsId, ct)).FirstOrDefault();

    public async Task<Connection<NewsItem>> FeedAsync(Guid? unitId, Guid? reader, Page page, CancellationToken ct)
    {
        Guid? after = page.AfterKey is { } key ? (Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.")) : null;
        return page.ToConnection(await QueryAsync(unitId, reader, page, after, null, ct), n => n.Id.ToString());
    }

    /// <summary>Withdrawn news of a unit's subtree, newest first (for its officials: the caller checks).</summary>
    public async Task<Connection<NewsItem>> WithdrawnAsync(Guid unitId, Page page, CancellationToken ct)
    {
        Guid? after = page.AfterKey is { } key ? (Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.")) : null;
        var rows = await database.ListAsync($"""
            select {NewsItem.Columns} from content.news n
             where n.path ~ @unit::lquery and n.withdrawn_at is not null and (@after::uuid is null or n.id < @after::uuid)
             order by n.id desc limit @limit
            """, NewsItem.Read, ct, ("unit", "*." + UnitPaths.Label(unitId) + ".*"),
            ("after", Sql.Typed("after", after, NpgsqlTypes.NpgsqlDbType.Uuid)), ("limit", page.First + 1));
        return page.ToConnection(rows, n => n.Id.ToString());
    }

    private async Task<List<NewsItem>> QueryAsync(Guid? unitId, Guid? reader, Page page, Guid? after, Guid? only, CancellationToken ct)
    {
        // What a signed-in reader may see beyond public news: news of units whose subtree they belong to or manage.
        var memberPaths = new List<string>();
        var managed = new List<string>();
        if (reader is Guid person)
        {
            foreach (var unit in await organization.MemberUnitsAsync(person, ct)) memberPaths.Add(await UnitPaths.OfAsync(organization, unit, ct));
            managed.AddRange((await organization.ManagedUnitsAsync(person, ct)).Select(u => "*." + UnitPaths.Label(u) + ".*"));
        }
        return await database.ListAsync($"""
            select {NewsItem.Columns} from content.news n
             where (@unit::text is null or n.path ~ @unit::lquery) and (@unit::text is not null or n.public or @only::uuid is not null)
               and (@only::uuid is null or n.id = @only::uuid) and n.withdrawn_at is null
               and (n.public or n.path @> any(@members::ltree[]) or n.path ? @managed::lquery[])
               and (@after::uuid is null or n.id < @after::uuid)
             order by n.id desc limit @limit
            """, NewsItem.Read, ct,
            ("unit", Sql.Typed("unit", unitId is Guid u ? "*." + UnitPaths.Label(u) + ".*" : null, NpgsqlTypes.NpgsqlDbType.Text)),
            ("members", memberPaths.ToArray()), ("managed", managed.ToArray()),
            ("after", Sql.Typed("after", after, NpgsqlTypes.NpgsqlDbType.Uuid)), ("limit", page.First + 1),
            ("only", Sql.Typed("only", only, NpgsqlTypes.NpgsqlDbType.Uuid)));
    }
}
