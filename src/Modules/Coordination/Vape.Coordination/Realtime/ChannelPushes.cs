using System.Collections.Concurrent;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Vape.BuildingBlocks.Realtime;
using Vape.Coordination.Messages;
using Wolverine;

namespace Vape.Coordination.Realtime;

/// <summary>
/// A change of a channel is pushed to its members straight after its transaction commits, by the host that made it,
/// with one group send to `channel:{id}` (docs/adr/0044). The same change also travels through the durable outbox:
/// the push queue drops it when this process has already pushed it, and pushes it when this process died between the
/// commit and the push (another host or the restarted one recovers the envelope; the set below is then empty). A
/// change pushed twice is harmless: clients drop versions they already hold.
/// </summary>
public sealed class ChannelPushes(IHubContext<CoordinationHub> hub, PresenceStore presence, ILogger<ChannelPushes> log, TimeProvider clock)
{
    private const int Prune = 10_000;
    private readonly ConcurrentDictionary<(Guid Channel, long Version), DateTimeOffset> _claimed = new();

    /// <summary>Adds the change to the outbox and pushes it from this process once the session commits.</summary>
    public void AfterCommit(IDocumentSession session, OutgoingMessages outgoing, ChannelEvent change)
    {
        outgoing.Add(change);
        if (_claimed.Count > Prune)
        {
            // Claims of transactions that rolled back are never taken; the outbox would not carry those changes anyway.
            var old = clock.GetUtcNow().AddMinutes(-5);
            foreach (var (key, at) in _claimed) if (at < old) _claimed.TryRemove(key, out _);
        }
        _claimed[(change.ChannelId, change.Version)] = clock.GetUtcNow();
        session.Listeners.Add(new Listener(this, change));
    }

    /// <summary>
    /// Someone joined or left a channel: their live connections (on any host, through the backplane) follow straight
    /// after the commit, so a removed member hears nothing posted after it. The outbox copy does it again (joining or
    /// leaving a group twice changes nothing) and tells the person (`membershipChanged`).
    /// </summary>
    public void MembershipAfterCommit(IDocumentSession session, OutgoingMessages outgoing, Channels.ChannelMembershipChanged change)
    {
        outgoing.Add(change);
        session.Listeners.Add(new MembershipListener(this, change));
    }

    /// <summary>Moves the person's live connections into or out of the channel's group.</summary>
    public async Task FollowAsync(Channels.ChannelMembershipChanged change, CancellationToken ct)
    {
        foreach (var connection in await presence.ConnectionsOfAsync(change.PersonId, ct))
        {
            if (change.Joined) await hub.Groups.AddToGroupAsync(connection, HubGroups.Channel(change.ChannelId), ct);
            else await hub.Groups.RemoveFromGroupAsync(connection, HubGroups.Channel(change.ChannelId), ct);
        }
    }

    private sealed class MembershipListener(ChannelPushes pushes, Channels.ChannelMembershipChanged change) : DocumentSessionListenerBase
    {
        public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            try
            {
                await pushes.FollowAsync(change, CancellationToken.None);
            }
            catch (Exception e)
            {
                pushes.FollowFailed(e, change);
            }
        }
    }

    /// <summary>The durable copy of a change reached the push queue: true when this process pushes (or pushed) it already.</summary>
    public bool Taken(ChannelEvent change) => _claimed.TryRemove((change.ChannelId, change.Version), out _);

    public Task PushAsync(ChannelEvent change, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.Channel(change.ChannelId)).SendAsync(CoordinationHub.Events.ChannelEvent, change, ct);

    private sealed class Listener(ChannelPushes pushes, ChannelEvent change) : DocumentSessionListenerBase
    {
        public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            try
            {
                await pushes.PushAsync(change, CancellationToken.None);
            }
            catch (Exception e)
            {
                // Committed already: the members catch up at the next change or reconnect.
                pushes.Failed(e, change);
            }
        }
    }

    // The outbox copy moves the connections again.
    private void FollowFailed(Exception e, Channels.ChannelMembershipChanged change) =>
        log.LogWarning(e, "Coordination: moving connections for channel {ChannelId} after commit failed", change.ChannelId);

    private void Failed(Exception e, ChannelEvent change)
    {
        // Unclaimed, the outbox copy pushes it when it has not been handled yet.
        _claimed.TryRemove((change.ChannelId, change.Version), out _);
        log.LogWarning(e, "Coordination: pushing version {Version} of channel {ChannelId} after commit failed", change.Version, change.ChannelId);
    }
}
