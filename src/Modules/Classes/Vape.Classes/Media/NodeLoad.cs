using Marten;

namespace Vape.Classes.Media;

/// <summary>
/// A node's load is the people holding a live media grant on it now, not its room count: a 1,000-learner class weighs
/// more than a 3-learner one (docs/adr/0302). Read from PostgreSQL, so two hosts placing at once agree.
/// </summary>
internal static class NodeLoad
{
    /// <summary>`nodes` in the order a new room tries them: live before down, then fewest people, then fewest rooms, then as configured.</summary>
    public static async Task<IReadOnlyList<JanusNode>> InPlacementOrderAsync(IQuerySession query, IReadOnlyList<JanusNode> nodes, DateTimeOffset now, CancellationToken ct)
    {
        if (nodes.Count < 2) return nodes;
        var holders = await query.Query<MediaGrant>().Where(g => g.RevokedAt == null && g.ExpiresAt > now)
            .Select(g => new { g.Node, g.SessionId, g.PersonId }).ToListAsync(ct);
        // A person who joined again holds several live grants: counted once per room.
        var people = holders.Distinct().GroupBy(h => h.Node).ToDictionary(g => g.Key, g => g.Count());
        var rooms = (await query.Query<MediaRoom>().Where(r => r.EndedAt == null).Select(r => r.Node).ToListAsync(ct))
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var down = (await query.Query<MediaNode>().Where(n => n.Down).Select(n => n.Id).ToListAsync(ct)).ToHashSet();
        return nodes.OrderBy(n => down.Contains(n.Name)).ThenBy(n => people.GetValueOrDefault(n.Name)).ThenBy(n => rooms.GetValueOrDefault(n.Name)).ToList();
    }
}
