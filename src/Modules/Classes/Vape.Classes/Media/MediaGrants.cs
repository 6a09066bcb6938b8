using Marten;

namespace Vape.Classes.Media;

internal static class MediaGrants
{
    /// <summary>The feeds `person`'s live grants of the session may publish under (not revoked, not expired, a feed given).</summary>
    public static async Task<IReadOnlyList<int>> FeedsAsync(IQuerySession session, Guid sessionId, Guid person, DateTimeOffset now, CancellationToken ct) =>
        await session.Query<MediaGrant>()
            .Where(g => g.SessionId == sessionId && g.PersonId == person && g.RevokedAt == null && g.Feed != 0 && g.ExpiresAt > now)
            .Select(g => g.Feed).ToListAsync(ct);
}
