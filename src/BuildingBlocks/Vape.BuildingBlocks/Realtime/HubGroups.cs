namespace Vape.BuildingBlocks.Realtime;

/// <summary>SignalR group names, one convention for every hub.</summary>
public static class HubGroups
{
    public static string User(Guid personId) => $"user:{personId}";
    public static string Unit(Guid unitId) => $"unit:{unitId}";
    public static string Channel(Guid channelId) => $"channel:{channelId}";
    public static string Class(Guid sessionId) => $"class:{sessionId}";
}
