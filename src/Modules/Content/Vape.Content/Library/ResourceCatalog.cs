using Npgsql;
using Vape.Content.Contracts;

namespace Vape.Content.Library;

/// <summary>The library as other modules read it (<see cref="IResourceCatalog"/>): approved resources only.</summary>
internal sealed class ResourceCatalog(NpgsqlDataSource database) : IResourceCatalog
{
    public async Task<IReadOnlyList<CatalogResource>> FindApprovedAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        await using var cmd = database.CreateCommand(
            "select id, title, format, external_url, file_id from content.resources where id = any(@ids) and status = 'Approved'");
        cmd.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var found = new List<CatalogResource>();
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var url = !reader.IsDBNull(3) ? reader.GetString(3) : $"/content/resources/{id}/file";
            found.Add(new CatalogResource(id, reader.GetString(1), reader.GetString(2).ToUpperInvariant(), url));
        }
        return found;
    }
}
