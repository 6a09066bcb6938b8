using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vape.Coordination.Realtime;

internal static class PresenceStatus
{
    public const string Online = "ONLINE";
    public const string Away = "AWAY";
    public const string Offline = "OFFLINE";
}

public sealed record PresenceView(Guid PersonId, string Status);

/// <summary>The members of one of my channels with a live connection now, online or away (me left out).</summary>
public sealed record ChannelOnline(Guid ChannelId, IReadOnlyList<Guid> Online);

/// <summary>This process among the hosts: its connections are marked with it.</summary>
public sealed class HostIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// Presence from the live hub connections of every host, kept in PostgreSQL (docs/adr/0042): a person is
/// online with at least one connection not marked away, away when all are, offline with none. Each host
/// refreshes its own connections; those of a host that died stop counting after the timeout.
/// </summary>
public sealed class PresenceStore(Reads db, HostIdentity host, TimeProvider clock, CoordinationSettings settings)
{
    public async Task<string> StatusAsync(Guid personId, CancellationToken ct) =>
        (await StatusesAsync([personId], ct))[personId];

    public async Task<IReadOnlyDictionary<Guid, string>> StatusesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var live = await db.ListAsync("""
            select person_id, bool_or(status = 'ONLINE') from coordination.connections
             where person_id = any(@p) and last_seen > @since group by person_id
            """, r => (r.GetGuid(0), r.GetBoolean(1)), ct, ("p", personIds.ToArray()), ("since", clock.GetUtcNow() - settings.PresenceTimeout));
        var statuses = personIds.Distinct().ToDictionary(p => p, _ => PresenceStatus.Offline);
        foreach (var (person, online) in live) statuses[person] = online ? PresenceStatus.Online : PresenceStatus.Away;
        return statuses;
    }

    /// <summary>
    /// For each of the person's channels, its other members connected now (online or away) on any host: one read for the channel list
    /// (a channel with nobody online is left out).
    /// </summary>
    public async Task<IReadOnlyList<ChannelOnline>> OnlineInChannelsOfAsync(Guid personId, CancellationToken ct)
    {
        var rows = await db.ListAsync("""
            with live as (select distinct person_id from coordination.connections where last_seen > @since)
            select m.channel_id, o.person_id from coordination.channel_members m
              join coordination.channel_members o on o.channel_id = m.channel_id and o.person_id <> @p
              join live on live.person_id = o.person_id
             where m.person_id = @p
            """, r => (r.GetGuid(0), r.GetGuid(1)), ct, ("p", personId), ("since", clock.GetUtcNow() - settings.PresenceTimeout));
        return [.. rows.GroupBy(r => r.Item1).Select(g => new ChannelOnline(g.Key, [.. g.Select(r => r.Item2)]))];
    }

    /// <summary>Records the connection; returns the person's status before and after.</summary>
    public async Task<(string Before, string After)> ConnectedAsync(string connectionId, Guid personId, CancellationToken ct)
    {
        var before = await StatusAsync(personId, ct);
        var now = clock.GetUtcNow();
        await db.ExecuteAsync("""
            insert into coordination.connections (connection_id, person_id, host, status, connected_at, last_seen) values (@c, @p, @h, 'ONLINE', @now, @now)
            on conflict (connection_id) do update set last_seen = excluded.last_seen
            """, ct, ("c", connectionId), ("p", personId), ("h", host.Id), ("now", now));
        return (before, await StatusAsync(personId, ct));
    }

    public async Task<(string Before, string After)> DisconnectedAsync(string connectionId, Guid personId, CancellationToken ct)
    {
        var before = await StatusAsync(personId, ct);
        await db.ExecuteAsync("delete from coordination.connections where connection_id = @c", ct, ("c", connectionId));
        return (before, await StatusAsync(personId, ct));
    }

    public async Task<(string Before, string After)> SetAsync(string connectionId, Guid personId, string status, CancellationToken ct)
    {
        var before = await StatusAsync(personId, ct);
        await db.ExecuteAsync("update coordination.connections set status = @s, last_seen = @now where connection_id = @c", ct,
            ("c", connectionId), ("s", status), ("now", clock.GetUtcNow()));
        return (before, await StatusAsync(personId, ct));
    }

    /// <summary>The live connections of a person on every host (to add them to a channel's group).</summary>
    public async Task<List<string>> ConnectionsOfAsync(Guid personId, CancellationToken ct) =>
        await db.ListAsync("select connection_id from coordination.connections where person_id = @p and last_seen > @since",
            r => r.GetString(0), ct, ("p", personId), ("since", clock.GetUtcNow() - settings.PresenceTimeout));

    /// <summary>Keeps this host's connections alive and forgets those of hosts that stopped long ago.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.ExecuteAsync("update coordination.connections set last_seen = @now where host = @h", ct, ("now", now), ("h", host.Id));
        await db.ExecuteAsync("delete from coordination.connections where last_seen < @old", ct, ("old", now - settings.PresenceTimeout * 10));
    }
}

internal sealed class PresenceHeartbeat(PresenceStore presence, CoordinationSettings settings, ILogger<PresenceHeartbeat> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PresenceTimeout / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await presence.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Presence refresh failed");
            }
        }
    }
}
