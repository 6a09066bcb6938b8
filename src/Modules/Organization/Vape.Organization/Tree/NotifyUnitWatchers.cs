using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Realtime;
using Vape.Organization.Contracts;

namespace Vape.Organization.Tree;

/// <summary>
/// Tells pages that watch a unit about its change (`unitChanged`). Runs from the durable outbox, so only
/// after the change is committed.
/// </summary>
/// <remarks>Wolverine finds handlers by the `Handler` suffix.</remarks>
public static class NotifyUnitWatchersHandler
{
    public const string Method = "unitChanged";

    public static Task Handle(UnitRenamed e, IHubContext<NotificationsHub> hub, CancellationToken ct) =>
        Send(hub, new UnitChanged(e.UnitId, "RENAMED", e.Name, e.Version, null), ct);

    public static Task Handle(UnitMoved e, IHubContext<NotificationsHub> hub, CancellationToken ct) =>
        Send(hub, new UnitChanged(e.UnitId, "MOVED", null, null, null), ct);

    public static Task Handle(UnitMerged e, IHubContext<NotificationsHub> hub, CancellationToken ct) =>
        Send(hub, new UnitChanged(e.UnitId, "MERGED", null, null, e.SuccessorId), ct);

    public static Task Handle(UnitDissolved e, IHubContext<NotificationsHub> hub, CancellationToken ct) =>
        Send(hub, new UnitChanged(e.UnitId, "DISSOLVED", null, null, null), ct);

    private static Task Send(IHubContext<NotificationsHub> hub, UnitChanged change, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.Unit(change.UnitId)).SendAsync(Method, change, ct);
}

/// <summary>What a watcher receives: which unit, what happened, and what it is now.</summary>
public sealed record UnitChanged(Guid UnitId, string Change, string? Name, int? Version, Guid? SuccessorId);
