using System.Globalization;
using Vape.BuildingBlocks.Storage;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.Directives;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Content.Library;

public sealed record ResourceFacetFilter(LearningDomain? Domain, ResourceFormat? Format, ResourceLicence? Licence, ResourceAudience? Audience);

public sealed record FacetCount(string Value, int Count);

public sealed record ResourceFacets(IReadOnlyList<FacetCount> Domain, IReadOnlyList<FacetCount> Format, IReadOnlyList<FacetCount> Licence, IReadOnlyList<FacetCount> Audience);

public sealed record ResourceSearch(Connection<Resource> Page, ResourceFacets Facets);

/// <summary>Reads of the library: search with facets over approved resources, the review queue, one resource.</summary>
public sealed class ResourceStore(NpgsqlDataSource database, IOrganizationQueries organization)
{
    public const int MaxSearchLength = 200;

    public async Task<Resource?> LoadAsync(Guid id, CancellationToken ct) =>
        (await database.ListAsync($"select {Resource.Columns} from content.resources r where r.id = @id", Resource.Read, ct, ("id", id))).SingleOrDefault();

    /// <summary>Approved resources are public; others only for their submitter and the reviewing unit's officials (or above).</summary>
    public async Task<bool> CanSeeAsync(Resource resource, Guid? person, CancellationToken ct) =>
        resource.Status == ResourceStatus.Approved
        || (person is Guid p && (p == resource.SubmittedBy || await organization.MayAsync(p, Permission.PublishContent, resource.ReviewUnitId, ct)));

    /// <summary>
    /// Approved resources matching the folded text (diacritics and đ ignored) and the facets; exact matches (with
    /// diacritics) first, then matches in the title, then the newest. Facet counts are over the text match and
    /// the other facets, as a shop's filters are.
    /// </summary>
    public async Task<ResourceSearch> SearchAsync(string? text, ResourceFacetFilter filter, Page page, CancellationToken ct)
    {
        text = text?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (text is { Length: > MaxSearchLength }) throw VapeException.InvalidInput($"Nội dung tìm kiếm dài tối đa {MaxSearchLength} ký tự.");
        if (string.IsNullOrEmpty(text)) text = null;
        var offset = 0;
        if (page.AfterKey is { } key && (!int.TryParse(key, out offset) || offset < 0)) throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
        (string Name, object? Value) Text() => ("text", Sql.Typed("text", text, NpgsqlTypes.NpgsqlDbType.Text));
        (string Name, object? Value)[] Parameters() =>
        [
            Text(),
            ("domain", Sql.Typed("domain", filter.Domain?.ToString(), NpgsqlTypes.NpgsqlDbType.Text)),
            ("format", Sql.Typed("format", filter.Format?.ToString(), NpgsqlTypes.NpgsqlDbType.Text)),
            ("licence", Sql.Typed("licence", filter.Licence?.ToString(), NpgsqlTypes.NpgsqlDbType.Text)),
            ("audience", Sql.Typed("audience", filter.Audience?.ToString(), NpgsqlTypes.NpgsqlDbType.Text)),
        ];
        const string match = "r.status = 'Approved' and (@text::text is null or r.search_text like '%' || vape.fold(@text::text) || '%')";
        var rows = await database.ListAsync($"""
            select {Resource.Columns} from content.resources r
             where {match} and (@domain::text is null or r.domain = @domain::text) and (@format::text is null or r.format = @format::text)
               and (@licence::text is null or r.licence = @licence::text) and (@audience::text is null or r.audience = @audience::text)
             order by (@text::text is not null and strpos(r.exact_text, lower(@text::text)) > 0) desc,
                      (@text::text is not null and strpos(r.title_fold, vape.fold(@text::text)) > 0) desc,
                      r.id desc
             offset @offset limit @limit
            """, Resource.Read, ct, [.. Parameters(), ("offset", offset), ("limit", page.First + 1)]);
        // One grouped scan of the text match (at most a few thousand combinations); each facet then counts the
        // combinations that pass the other three facets, as a shop's filters do.
        var combinations = await database.ListAsync($"""
            select r.domain, r.format, r.licence, r.audience, count(*)::int from content.resources r where {match}
             group by r.domain, r.format, r.licence, r.audience
            """, r => new FacetCombination(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4)), ct, Text());
        IReadOnlyList<FacetCount> Count(Func<FacetCombination, string> facet, ResourceFacetFilter others) =>
            combinations.Where(c => c.Passes(others)).GroupBy(facet).Select(g => new FacetCount(g.Key, g.Sum(c => c.Count)))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
        var facets = new ResourceFacets(Count(c => c.Domain, filter with { Domain = null }), Count(c => c.Format, filter with { Format = null }),
            Count(c => c.Licence, filter with { Licence = null }), Count(c => c.Audience, filter with { Audience = null }));
        var numbered = rows.Select((r, i) => (Row: r, Index: offset + i + 1)).ToList();
        var connection = page.ToConnection(numbered, r => r.Index.ToString(CultureInfo.InvariantCulture));
        return new ResourceSearch(
            new Connection<Resource>(connection.Edges.Select(e => new Edge<Resource>(e.Cursor, e.Node.Row)).ToList(), connection.PageInfo), facets);
    }

    /// <summary>Submitted resources waiting for the unit (or a unit below it), oldest first.</summary>
    public async Task<Connection<Resource>> ToReviewAsync(Guid unitId, Page page, CancellationToken ct)
    {
        Guid? after = page.AfterKey is { } key ? (Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.")) : null;
        var rows = await database.ListAsync($"""
            select {Resource.Columns} from content.resources r
             where r.status = 'Submitted' and r.review_path ~ @q::lquery and (@after::uuid is null or r.id > @after::uuid)
             order by r.id limit @limit
            """, Resource.Read, ct, ("q", "*." + UnitPaths.Label(unitId) + ".*"),
            ("after", Sql.Typed("after", after, NpgsqlTypes.NpgsqlDbType.Uuid)), ("limit", page.First + 1));
        return page.ToConnection(rows, r => r.Id.ToString());
    }

    /// <summary>Approved resources reviewed by the unit (or a unit below it), newest first, the folded text matched as the library's search does.</summary>
    public async Task<Connection<Resource>> PublishedAsync(Guid unitId, string? text, Page page, CancellationToken ct)
    {
        text = text?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (text is { Length: > MaxSearchLength }) throw VapeException.InvalidInput($"Nội dung tìm kiếm dài tối đa {MaxSearchLength} ký tự.");
        Guid? after = page.AfterKey is { } key ? (Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.")) : null;
        var rows = await database.ListAsync($"""
            select {Resource.Columns} from content.resources r
             where r.status = 'Approved' and r.review_path ~ @q::lquery and (@after::uuid is null or r.id < @after::uuid)
               and (@text::text is null or r.search_text like '%' || vape.fold(@text::text) || '%')
             order by r.id desc limit @limit
            """, Resource.Read, ct, ("q", "*." + UnitPaths.Label(unitId) + ".*"),
            ("text", Sql.Typed("text", string.IsNullOrEmpty(text) ? null : text, NpgsqlTypes.NpgsqlDbType.Text)),
            ("after", Sql.Typed("after", after, NpgsqlTypes.NpgsqlDbType.Uuid)), ("limit", page.First + 1));
        return page.ToConnection(rows, r => r.Id.ToString());
    }

    /// <summary>What the person submitted, in any state (submitted, approved, rejected with its reason), newest first.</summary>
    public async Task<Connection<Resource>> SubmittedByAsync(Guid person, ResourceStatus? status, Page page, CancellationToken ct)
    {
        Guid? after = page.AfterKey is { } key ? (Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.")) : null;
        var rows = await database.ListAsync($"""
            select {Resource.Columns} from content.resources r
             where r.submitted_by = @person and (@status::text is null or r.status = @status::text) and (@after::uuid is null or r.id < @after::uuid)
             order by r.id desc limit @limit
            """, Resource.Read, ct, ("person", person), ("status", Sql.Typed("status", status?.ToString(), NpgsqlTypes.NpgsqlDbType.Text)),
            ("after", Sql.Typed("after", after, NpgsqlTypes.NpgsqlDbType.Uuid)), ("limit", page.First + 1));
        return page.ToConnection(rows, r => r.Id.ToString());
    }

    private sealed record FacetCombination(string Domain, string Format, string Licence, string Audience, int Count)
    {
        public bool Passes(ResourceFacetFilter f) =>
            (f.Domain is null || Domain == f.Domain.ToString()) && (f.Format is null || Format == f.Format.ToString())
            && (f.Licence is null || Licence == f.Licence.ToString()) && (f.Audience is null || Audience == f.Audience.ToString());
    }
}
