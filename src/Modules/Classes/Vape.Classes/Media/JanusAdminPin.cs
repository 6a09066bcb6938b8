using System.Text.Json.Nodes;

namespace Vape.Classes.Media;

internal sealed partial class JanusAdmin
{
    /// <summary>
    /// Gives the room a new pin (VideoRoom `edit`, `new_pin`): only joins that come after need it, so who is in the room
    /// stays, and a pin someone kept after losing access opens nothing (docs/adr/0286).
    /// </summary>
    public Task ChangePinAsync(JanusNode node, long room, string secret, string pin, CancellationToken ct) =>
        RoomAsync(node, new JsonObject { ["request"] = "edit", ["room"] = room, ["secret"] = secret, ["new_pin"] = pin }, ct);
}
