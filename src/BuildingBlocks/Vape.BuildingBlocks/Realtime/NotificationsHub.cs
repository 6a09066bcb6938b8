using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Auth;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// `/hubs/notifications`: what the platform pushes to people and pages. A signed-in connection joins
/// `user:{personId}`; anyone may watch a unit (public tree) and receive its changes. Pushes come only from
/// handlers of committed events, through <see cref="IHubContext{THub}"/>.
/// </summary>
public sealed class NotificationsHub : Hub
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        if (Context.User.PersonId() is Guid person)
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(person));
        await base.OnConnectedAsync();
    }

    /// <summary>Receive `unitChanged` for this unit until the connection ends or <see cref="UnwatchUnit"/>.</summary>
    public Task WatchUnit(Guid unitId) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Unit(unitId));

    public Task UnwatchUnit(Guid unitId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Unit(unitId));

    /// <summary>Who the server thinks the caller is; lets a client check its token.</summary>
    public WhoAmI Hello() => new(Context.User.PersonId(), Context.User?.FindFirst(VapeClaims.Name)?.Value);
}

public sealed record WhoAmI(Guid? PersonId, string? Name);
