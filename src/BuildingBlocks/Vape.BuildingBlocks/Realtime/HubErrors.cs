using Microsoft.AspNetCore.SignalR;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// SignalR carries only a message to the caller, so hub errors are "CODE: message" with the same stable codes
/// as GraphQL (see README, "Hub errors").
/// </summary>
public static class HubErrors
{
    public static HubException Create(string code, string message) => new($"{code}: {message}");
}
