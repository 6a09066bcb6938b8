using System.Text.Json.Nodes;

namespace Vape.Classes.Media;

/// <summary>What a publisher sends, by kind, and moderating one of its streams (docs/adr/0299).</summary>
internal sealed partial class JanusAdmin
{
    /// <summary>A publisher handle's streams: its audio and its video `mid`s, from the offer it published (handle_info's remote SDP).</summary>
    public sealed record PublishedStreams(IReadOnlyList<string> Audio, IReadOnlyList<string> Video);

    /// <summary>
    /// The streams published by each handle opened with one of these tokens (a token with no publishing handle is
    /// absent). The VideoRoom does not list a publisher's streams through the admin API, so the node's handles are
    /// read one by one, as <see cref="EndSessionsOfAsync"/> does; only what the holder sends counts (a sending
    /// `m=` section of its offer), not what its subscriptions receive.
    /// </summary>
    public async Task<Dictionary<string, PublishedStreams>> PublishedByAsync(JanusNode node, IReadOnlySet<string> tokens, CancellationToken ct)
    {
        var found = new Dictionary<string, PublishedStreams>();
        var sessions = (await AdminAsync(node, new JsonObject { ["janus"] = "list_sessions" }, ct))["sessions"] as JsonArray ?? [];
        foreach (var session in sessions.Select(s => s!.GetValue<long>()))
        {
            try
            {
                var handles = (await AdminAsync(node, new JsonObject { ["janus"] = "list_handles" }, ct, $"/{session}"))["handles"] as JsonArray ?? [];
                foreach (var handle in handles.Select(h => h!.GetValue<long>()))
                {
                    var info = (await AdminAsync(node, new JsonObject { ["janus"] = "handle_info" }, ct, $"/{session}/{handle}"))["info"];
                    if (info?["token"]?.GetValue<string>() is not { } token || !tokens.Contains(token)) continue;
                    if (info["sdps"]?["remote"]?.GetValue<string>() is not { } offer) continue;
                    var streams = Sent(offer);
                    if (streams.Audio.Count + streams.Video.Count == 0) continue;
                    found[token] = found.TryGetValue(token, out var before)
                        ? new PublishedStreams([.. before.Audio, .. streams.Audio], [.. before.Video, .. streams.Video])
                        : streams;
                }
            }
            catch (JanusError) { } // gone meanwhile
        }
        return found;
    }

    /// <summary>The `mid`s of the `m=audio` and `m=video` sections this SDP sends (sendonly, sendrecv or no direction).</summary>
    internal static PublishedStreams Sent(string sdp)
    {
        List<string> audio = [], video = [];
        string? kind = null, mid = null;
        var sending = true;
        void Close()
        {
            if (kind is null || mid is null || !sending) return;
            if (kind == "audio") audio.Add(mid);
            else if (kind == "video") video.Add(mid);
        }
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                Close();
                kind = line[2..].Split(' ')[0];
                mid = null;
                sending = true;
            }
            else if (line.StartsWith("a=mid:", StringComparison.Ordinal)) mid = line[6..].Trim();
            else if (line is "a=recvonly" or "a=inactive") sending = false;
        }
        Close();
        return new PublishedStreams(audio, video);
    }

    /// <summary>Mutes (or unmutes) one stream of a publisher; a publisher or a stream that is not (or no longer) there is fine.</summary>
    public async Task ModerateStreamAsync(JanusNode node, long room, string secret, long feed, string mid, bool mute, CancellationToken ct)
    {
        try
        {
            await RoomAsync(node, new JsonObject
            {
                ["request"] = "moderate", ["room"] = room, ["secret"] = secret, ["id"] = feed, ["mid"] = mid, ["mute"] = mute,
            }, ct);
        }
        catch (JanusError e) when (e.Code is NoSuchFeed or NoSuchRoom) { }
    }
}
