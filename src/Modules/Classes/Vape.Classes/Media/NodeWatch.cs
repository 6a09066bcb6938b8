using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Vape.Classes.Media;

/// <summary>What Vape knows of one Janus node (id = its configured name): down after `NodeMisses` unanswered pings in a row (docs/adr/0302).</summary>
public sealed class MediaNode
{
    public string Id { get; set; } = "";
    /// <summary>Pings not answered in a row (0 once it answers).</summary>
    public int Misses { get; set; }
    public bool Down { get; set; }
    public DateTimeOffset? DownSince { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>
/// Every `NodeCheckSeconds`, one host at a time (an advisory lock) pings each Janus node; a node that misses
/// `NodeMisses` pings in a row is marked down in PostgreSQL and each live room placed on it is made again on a live
/// node, the room's pages told through the classroom hub (`mediaRoomMoved`, <see cref="MediaRooms.MoveAsync"/>). A
/// node that answers again takes new rooms again. A node that answers but no longer holds a live room placed on it
/// (restarted between two pings) has the room made again there (<see cref="MediaRooms.RestoreAsync"/>); one that
/// answers again after its rooms moved away loses them there (<see cref="MediaRooms.ClearLeftAsync"/>). With one
/// node there is nowhere to move to: it is never marked down, but a restart of it is found and its rooms made again.
/// </summary>
internal sealed class NodeWatch(IDocumentStore store, NpgsqlDataSource database, MediaRooms rooms, JanusAdmin janus, ClassesClock clock, ILogger<NodeWatch> log)
    : BackgroundService
{
    private const long WatchLock = 0x7661_7065_2735; // "vape'5"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!rooms.Options.Enabled) return;
        using var counted = JanusMetrics.For("watch");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(rooms.Options.NodeCheckSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try { await CheckAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { log.LogWarning(e, "Media: checking the Janus nodes failed"); }
        }
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_xact_lock({WatchLock})", connection, tx))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) return;

        var nodes = rooms.Options.Janus.Nodes;
        var answers = await Task.WhenAll(nodes.Select(n => janus.AliveAsync(n, ct)));
        List<string> down;
        await using (var session = store.LightweightSession())
        {
            var known = (await session.LoadManyAsync<MediaNode>(ct, nodes.Select(n => n.Name))).ToDictionary(n => n.Id);
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = known.GetValueOrDefault(nodes[i].Name) ?? new MediaNode { Id = nodes[i].Name };
                Record(node, answers[i], canMove: nodes.Count > 1);
                session.Store(node);
                known[node.Id] = node;
            }
            await session.SaveChangesAsync(ct);
            down = known.Values.Where(n => n.Down).Select(n => n.Id).ToList();
        }
        IReadOnlyList<MediaRoom> live;
        await using (var query = store.QuerySession())
            live = await query.Query<MediaRoom>().Where(r => r.EndedAt == null).ToListAsync(ct);
        // A lone node marked down while others were configured is not moved from: there is nowhere to go.
        foreach (var room in live.Where(r => nodes.Count > 1 && down.Contains(r.Node)))
        {
            try { await rooms.MoveAsync(room.Id, room.Node, ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Media: moving the room of session {SessionId} off node {Node} failed; tried again at the next check", room.Id, room.Node);
            }
        }
        for (var i = 0; i < nodes.Count; i++)
            if (answers[i] && !down.Contains(nodes[i].Name))
            {
                await RestoreLostAsync(nodes[i], live.Where(r => r.Node == nodes[i].Name).ToList(), ct);
                if (nodes.Count > 1) await ClearLeftAsync(nodes[i], ct);
            }
    }

    /// <summary>A node that answers again loses the rooms (and tokens) that moved away from it meanwhile (docs/adr/0319).</summary>
    private async Task ClearLeftAsync(JanusNode node, CancellationToken ct)
    {
        try { await rooms.ClearLeftAsync(node, ct); }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Media: destroying the rooms that moved away from node {Node} failed; tried again at the next check", node.Name);
        }
    }

    /// <summary>A node that answers but lost rooms placed on it (it restarted between two pings) has them made again (docs/adr/0303).</summary>
    private async Task RestoreLostAsync(JanusNode node, List<MediaRoom> placed, CancellationToken ct)
    {
        if (placed.Count == 0) return;
        HashSet<long> held;
        try { held = await janus.RoomsAsync(node, ct); }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Media: listing the rooms of node {Node} failed; tried again at the next check", node.Name);
            return;
        }
        foreach (var room in placed.Where(r => !held.Contains(r.Room)))
        {
            try { await rooms.RestoreAsync(room.Id, node.Name, ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Media: making the room of session {SessionId} again on node {Node} failed; tried again at the next check", room.Id, node.Name);
            }
        }
    }

    private void Record(MediaNode node, bool answered, bool canMove)
    {
        node.CheckedAt = clock.Now;
        if (answered)
        {
            if (node.Down) log.LogInformation("Media: Janus node {Node} answers again; it takes new rooms", node.Id);
            node.Misses = 0;
            node.Down = false;
            node.DownSince = null;
            return;
        }
        node.Misses++;
        if (node.Down || node.Misses < rooms.Options.NodeMisses) return;
        if (!canMove)
        {
            if (node.Misses == rooms.Options.NodeMisses)
                log.LogWarning("Media: the only Janus node {Node} missed {Misses} pings in a row; its rooms are made again when it answers", node.Id, node.Misses);
            return;
        }
        node.Down = true;
        node.DownSince = clock.Now;
        log.LogWarning("Media: Janus node {Node} missed {Misses} pings in a row; marked down, its rooms move", node.Id, node.Misses);
    }
}
