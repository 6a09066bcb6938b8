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
/// A change of a channel is pushed to its members by the host that made it, with one group send to `channel:{id}`,
/// straight after its transaction commits (docs/adr/0044, 0052). Every host notes the last version it pushed of each
/// channel and writes those marks down about once a second (<see cref="PushRecovery"/>); a change left above the mark
/// for longer than a few seconds was committed by a host that died before pushing it, and another host pushes it.
/// A change pushed twice is harmless: clients drop versions they already hold.
/// </summary>
public sealed class ChannelPushes(IHubContext<CoordinationHub> hub, PresenceStore presence, OrderedSends sends, ILogger<ChannelPushes> log)
{
    private readonly ConcurrentDictionary<Guid, long> _pushed = new();

    /// <summary>Pushes the change once the session commits (a change made inside a Wolverine handler's transaction).</summary>
    public void AfterCommit(IDocumentSession session, ChannelEvent change) => session.Listeners.Add(new Listener(this, change));

    /// <summary>
    /// Queues a committed change for its channel's members: sent after the channel's earlier changes, off the caller's
    /// thread (docs/adr/0053). A failure is logged; <see cref="PushRecovery"/> pushes it later.
    /// </summary>
    public Task PushNowAsync(ChannelEvent change) => PushNowAsync([change], inline: false);

    /// <summary>
    /// Queues committed changes of one channel, in the order of their versions, as one send: they leave one right
    /// after another, so that a member's connection carries them together (docs/adr/0056). `inline`: the caller is
    /// the channel's writer (<see cref="Messages.ChannelWrites"/>), not a caller waiting for its answer, so the sends
    /// may start on its thread. PushAsync starts its group send before it first waits, so the channel's next change
    /// may start right after.
    /// </summary>
    public Task PushNowAsync(IReadOnlyList<ChannelEvent> changes, bool inline) =>
        sends.Enqueue(changes[0].ChannelId, changes[^1].Version,
            () => Task.FromResult(Task.WhenAll(changes.Select(c => PushAsync(c, CancellationToken.None)))),
            inline);

    /// <summary>Sends the change to the channel's members (on every host, through the backplane) and notes it as pushed.</summary>
    public async Task PushAsync(ChannelEvent change, CancellationToken ct)
    {
        await hub.Clients.Group(HubGroups.Channel(change.ChannelId)).SendAsync(CoordinationHub.Events.ChannelEvent, change, ct);
        Pushed(change.ChannelId, change.Version);
    }

    private void Pushed(Guid channelId, long version) => _pushed.AddOrUpdate(channelId, version, (_, known) => Math.Max(known, version));

    /// <summary>The marks noted and not yet written down: each channel's highest pushed version.</summary>
    internal KeyValuePair<Guid, long>[] Marks() => _pushed.ToArray();

    /// <summary>These marks are written down; a mark that has moved on since stays for the next time.</summary>
    internal void Written(IEnumerable<KeyValuePair<Guid, long>> marks)
    {
        foreach (var mark in marks) _pushed.TryRemove(mark);
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

    private sealed class Listener(ChannelPushes pushes, ChannelEvent change) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            _ = pushes.PushNowAsync(change);
            return Task.CompletedTask;
        }
    }

    // The outbox copy moves the connections again.
    private void FollowFailed(Exception e, Channels.ChannelMembershipChanged change) =>
        log.LogWarning(e, "Coordination: moving connections for channel {ChannelId} after commit failed", change.ChannelId);
}
