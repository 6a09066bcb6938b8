using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Vape.BuildingBlocks.ScaleOut;

/// <summary>
/// A bare SignalR hub with no Vape logic (no storage, no versions, no checks), mapped only when
/// `Vape:LoadTest:BaselineHub` is true. The load client runs its scenarios against it in the same run, on the
/// same hosts and backplane, so Vape's figures are read as ratios to what SignalR alone does here.
/// </summary>
public sealed class BaselineHub : Hub
{
    public const string Path = "/hubs/baseline";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Broadcast(string group, long sequence, long sentAt, string text) =>
        Clients.Group(group).SendAsync("message", sequence, sentAt, text);

    /// <summary>Sends `payload` to the group as the object it is (what a module's hub sends, copied from the wire), not as a string.</summary>
    public Task Relay(string group, JsonElement payload) => Clients.Group(group).SendAsync("payload", payload);
}
