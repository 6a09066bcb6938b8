using Marten;
using Vape.Classes.Media;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// Live rooms and media grants that stand in for other classes on one node, so the next room goes to another node
/// (the least loaded: fewest people holding media, then fewest rooms; ADR 0302, and grants left live by earlier tests
/// count); <see cref="End"/> takes them away again.
/// </summary>
public sealed record MediaPlacement(List<MediaRoom> Rooms, List<MediaGrant> Grants)
{
    public static async Task<MediaPlacement> Outweigh(IDocumentStore store, IReadOnlyList<string> nodes, string node)
    {
        await using var session = store.LightweightSession();
        var now = DateTimeOffset.UtcNow;
        var live = await session.Query<MediaRoom>().Where(r => r.EndedAt == null).Select(r => r.Node).ToListAsync();
        var holders = (await session.Query<MediaGrant>().Where(g => g.RevokedAt == null && g.ExpiresAt > now)
            .Select(g => new { g.Node, g.SessionId, g.PersonId }).ToListAsync()).Distinct().Select(h => h.Node).ToList();
        var others = nodes.Where(n => n != node).ToList();
        var extra = Math.Max(0, others.Max(n => live.Count(p => p == n)) - live.Count(p => p == node) + 1);
        var extraPeople = Math.Max(0, others.Max(n => holders.Count(p => p == n)) - holders.Count(p => p == node) + 1);
        var rooms = Enumerable.Range(0, extra).Select(_ => new MediaRoom { Id = Guid.NewGuid(), Node = node, Room = 1, Secret = "x", Pin = "x", CreatedAt = now }).ToList();
        var grants = Enumerable.Range(0, extraPeople).Select(_ => new MediaGrant
        {
            Id = $"placeholder-{Guid.NewGuid():N}", SessionId = Guid.NewGuid(), PersonId = Guid.NewGuid(), Node = node, ExpiresAt = now.AddMinutes(30),
        }).ToList();
        foreach (var room in rooms) session.Store(room);
        foreach (var grant in grants) session.Store(grant);
        await session.SaveChangesAsync();
        return new(rooms, grants);
    }

    public async Task End(IDocumentStore store)
    {
        await using var session = store.LightweightSession();
        foreach (var room in Rooms)
        {
            room.EndedAt = DateTimeOffset.UtcNow;
            session.Store(room);
        }
        foreach (var grant in Grants)
        {
            grant.RevokedAt = DateTimeOffset.UtcNow;
            session.Store(grant);
        }
        await session.SaveChangesAsync();
    }
}
