using System.Text.Json.Nodes;

namespace Vape.Classes.Media;

/// <summary>
/// The VideoRoom's remote publishers (Janus 1.1): a publisher of a room on one node is advertised in a room on another
/// node (`add_remote_publisher` there), and its node sends its RTP there (`publish_remotely`), so that room's
/// subscribers receive it as one of their own publishers (docs/adr/0230).
/// </summary>
internal sealed partial class JanusAdmin
{
    /// <summary>Where the remote publisher receives RTP and RTCP.</summary>
    public sealed record RemoteEnd(string Host, int Port, int RtcpPort);

    /// <summary>A room's publishers as the VideoRoom lists them (`publisher`: media flowing; `remote`: relayed from another node).</summary>
    public sealed record Participant(long Id, bool Publisher, bool Remote);

    public async Task<IReadOnlyList<Participant>> ParticipantsAsync(JanusNode node, long room, CancellationToken ct)
    {
        var response = await RoomAsync(node, new JsonObject { ["request"] = "listparticipants", ["room"] = room }, ct);
        return (response["participants"] as JsonArray ?? []).Select(p => new Participant(
            p!["id"]!.GetValue<long>(), p["publisher"]?.GetValue<bool>() == true, p["remote"]?.GetValue<bool>() == true)).ToList();
    }

    /// <summary>Adds a remote publisher `id` with these streams (in mindex order), receiving on `bindTo`; one already there is removed first.</summary>
    public async Task<RemoteEnd> AddRemotePublisherAsync(JanusNode node, long room, string secret, long id, string bindTo, JsonArray streams, CancellationToken ct)
    {
        JsonObject Request() => new()
        {
            ["request"] = "add_remote_publisher", ["room"] = room, ["secret"] = secret, ["id"] = id, ["iface"] = bindTo,
            ["display"] = "relay", ["streams"] = streams.DeepClone(),
        };
        JsonObject answer;
        try { answer = await RoomAsync(node, Request(), ct); }
        catch (JanusError e) when (e.Code == IdExists)
        {
            await RemoveRemotePublisherAsync(node, room, secret, id, ct);
            answer = await RoomAsync(node, Request(), ct);
        }
        return new RemoteEnd(answer["ip"]?.GetValue<string>() ?? bindTo, answer["port"]!.GetValue<int>(), answer["rtcp_port"]?.GetValue<int>() ?? 0);
    }

    /// <summary>Removes a remote publisher; one that is not there (or a room that is gone) is fine.</summary>
    public async Task RemoveRemotePublisherAsync(JanusNode node, long room, string secret, long id, CancellationToken ct)
    {
        try { await RoomAsync(node, new JsonObject { ["request"] = "remove_remote_publisher", ["room"] = room, ["secret"] = secret, ["id"] = id }, ct); }
        catch (JanusError e) when (e.Code is NoSuchFeed or NoSuchRoom) { }
    }

    /// <summary>
    /// Sends a local publisher's streams to a remote publisher, under `remoteId` on the source; true when it was made now,
    /// false when it was already on (Janus 1.1.2 cannot list remotizations, so asking again is how one is checked).
    /// </summary>
    public async Task<bool> PublishRemotelyAsync(JanusNode node, long room, string secret, long feed, string remoteId, RemoteEnd to, CancellationToken ct)
    {
        var request = new JsonObject
        {
            ["request"] = "publish_remotely", ["room"] = room, ["secret"] = secret, ["admin_key"] = node.AdminKey, ["publisher_id"] = feed,
            ["remote_id"] = remoteId, ["host"] = to.Host, ["port"] = to.Port,
        };
        if (to.RtcpPort > 0) request["rtcp_port"] = to.RtcpPort;
        try
        {
            await RoomAsync(node, request, ct);
            return true;
        }
        catch (JanusError e) when (e.Code == IdExists) { return false; }
    }

    /// <summary>Stops sending a publisher's streams to one remote; a publisher or room that is gone is fine.</summary>
    public async Task UnpublishRemotelyAsync(JanusNode node, long room, string secret, long feed, string remoteId, CancellationToken ct)
    {
        try
        {
            await RoomAsync(node, new JsonObject
            {
                ["request"] = "unpublish_remotely", ["room"] = room, ["secret"] = secret, ["admin_key"] = node.AdminKey, ["publisher_id"] = feed, ["remote_id"] = remoteId,
            }, ct);
        }
        catch (JanusError e) when (e.Code is NoSuchFeed or NoSuchRoom) { }
    }
}
