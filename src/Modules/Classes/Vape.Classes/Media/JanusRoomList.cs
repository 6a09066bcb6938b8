using System.Text.Json.Nodes;

namespace Vape.Classes.Media;

/// <summary>Which rooms a node holds now: a node that restarted between two pings holds none of Vape's (docs/adr/0303).</summary>
internal sealed partial class JanusAdmin
{
    /// <summary>Every room's number on the node, private ones too (the VideoRoom's `list` with the node's admin key).</summary>
    public async Task<HashSet<long>> RoomsAsync(JanusNode node, CancellationToken ct)
    {
        var answer = await RoomAsync(node, new JsonObject { ["request"] = "list", ["admin_key"] = node.AdminKey }, ct);
        return (answer["list"] as JsonArray ?? []).Select(r => r!["room"]!.GetValue<long>()).ToHashSet();
    }

    public async Task<bool> RoomExistsAsync(JanusNode node, long room, CancellationToken ct) =>
        (await RoomAsync(node, new JsonObject { ["request"] = "exists", ["room"] = room }, ct))["exists"]?.GetValue<bool>() == true;
}
