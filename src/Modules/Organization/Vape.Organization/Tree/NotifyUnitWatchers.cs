using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Realtime;
using Vape.Organization.Contracts;

namespace Vape.Organization.Tree;

/// <summary>Tells pages that watch a unit about its change. Runs from the durable outbox, so after the commit.</summary>
/// <remarks>Wolverine finds handlers by the `Handler` suffix.</remarks>
public static class NotifyUnitWatchersHandler
{
    public const string Method = "unitChanged";

    public static Task Handle(UnitRenamed renamed, IHubContext<NotificationsHub> hub, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.Unit(renamed.UnitId))
            .SendAsync(Method, new UnitChanged(renamed.UnitId, renamed.Name, renamed.Version), ct);
}

public sealed record UnitChanged(Guid UnitId, string Name, int Version);
