using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Realtime;
using Vape.Coordination.Channels;
using Vape.Coordination.Messages;

namespace Vape.Coordination.Realtime;

/// <summary>What a member hears of a change of their channels: `{ channelId, joined }`.</summary>
public sealed record MembershipChange(Guid ChannelId, bool Joined);

/// <summary>What a reminded member hears.</summary>
public sealed record Reminder(Guid ChannelId, Guid MessageId, string Priority, int Attempt);

/// <summary>
/// Pushes to the members of a channel what is not a change of its stream (those are pushed by <see cref="ChannelPushes"/>):
/// read receipts, reminders, membership changes, archiving. These messages leave the durable outbox only after the
/// transaction that made them commits, through one sequential local queue.
/// </summary>
/// <remarks>Wolverine finds handlers by the `Handler` suffix.</remarks>
public static class PushToMembersHandler
{
    public const string Queue = "coordination-push";

    public static Task Handle(ReadReceipt e, IHubContext<CoordinationHub> hub, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.Channel(e.ChannelId)).SendAsync(CoordinationHub.Events.ReadReceipt, e, ct);

    public static Task Handle(ChannelArchived e, IHubContext<CoordinationHub> hub, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.Channel(e.ChannelId)).SendAsync(CoordinationHub.Events.ChannelArchived, e, ct);

    public static Task Handle(ReminderDue e, IHubContext<CoordinationHub> hub, CancellationToken ct) =>
        hub.Clients.Groups(e.PersonIds.Select(HubGroups.User).ToList())
            .SendAsync(CoordinationHub.Events.Reminder, new Reminder(e.ChannelId, e.MessageId, e.Priority, e.Attempt), ct);

    /// <summary>The person's live connections, on any host (through the backplane), join or leave the channel's group.</summary>
    public static async Task Handle(ChannelMembershipChanged e, IHubContext<CoordinationHub> hub, ChannelPushes pushes, CancellationToken ct)
    {
        await pushes.FollowAsync(e, ct);
        await hub.Clients.Group(HubGroups.User(e.PersonId)).SendAsync(CoordinationHub.Events.MembershipChanged, new MembershipChange(e.ChannelId, e.Joined), ct);
    }
}
