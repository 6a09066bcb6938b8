using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

/// <summary>
/// The classroom's moderation is the truth and Janus follows it (docs/adr/0140): a learner removed from the room has
/// no live token and no publishing, a muted learner (or every learner, while the room is muted) publishes muted. The
/// hub's own action does this at once after its commit; this repair makes it good when that host died between the
/// commit and its call to Janus, or the call failed. Any host runs it, one at a time (an advisory lock).
/// </summary>
internal sealed class ModerationRepair(IDocumentStore store, NpgsqlDataSource database, MediaRooms rooms, SpeakerModeration speakers, ILogger<ModerationRepair> log)
{
    private const long RepairLock = 0x7661_7065_2734; // "vape'4"

    public async Task RepairAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_xact_lock({RepairLock})", connection))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) return;

        IReadOnlyList<MediaRoom> live;
        IReadOnlyList<MediaGrant> grants;
        await using (var query = store.QuerySession())
        {
            live = await query.Query<MediaRoom>().Where(r => r.EndedAt == null).ToListAsync(ct);
            var ids = live.Select(r => r.Id).ToArray();
            grants = ids.Length == 0 ? [] : await query.Query<MediaGrant>().Where(g => ids.Contains(g.SessionId) && g.RevokedAt == null && !g.Host).ToListAsync(ct);
        }
        foreach (var room in live)
        {
            var held = grants.Where(g => g.SessionId == room.Id).ToList();
            if (held.Count == 0) continue;
            try { await RepairRoomAsync(room, held, ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Media: making the moderation of session {SessionId} good on Janus failed; tried again next sweep", room.Id);
            }
        }
    }

    private async Task RepairRoomAsync(MediaRoom room, List<MediaGrant> held, CancellationToken ct)
    {
        var (allMuted, moderated) = await ClassroomStore.ReadAsync(store, room.Id,
            async (sql, r) => (r.AllMuted, await ClassroomTables.ModeratedAsync(sql, room.Id, ct)), ct);
        if (moderated is null) return; // no classroom (yet): nobody was moderated
        var removed = moderated.Where(p => p.Removed).Select(p => p.PersonId).ToHashSet();
        var muted = moderated.Where(p => p.Muted).Select(p => p.PersonId).ToHashSet();
        foreach (var person in held.Select(g => g.PersonId).Where(removed.Contains).Distinct())
        {
            await rooms.RevokeAsync(room.Id, person, ct);
            log.LogInformation("Media: a removal in session {SessionId} made good on Janus by the sweep", room.Id);
        }
        // Speaking learners are few: each one's mute and picture are said again, so a lost one holds by the next sweep.
        var speaking = held.Where(g => g.Feed != 0 && !removed.Contains(g.PersonId)).ToList();
        if (speaking.Count > 0) await speakers.ApplyAsync(room, speaking, p => allMuted || muted.Contains(p), ct);
    }
}
