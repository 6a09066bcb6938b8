using System.Text.Json.Nodes;

namespace Vape.Classes.Media;

/// <summary>What a publisher sends, by kind, and moderating one of its streams (docs/adr/0299).</summary>
internal sealed partial class JanusAdmin
{
    /// <summary>A publisher handle's streams: its audio and its video `mid`s, from the offer it published (handle_info's remote SDP).</summary>
    public sealed record PublishedStreams(IReadOnlyList<string> Audio, IReadOnlyList<string> Video);

    /// <summary>Where a publisher's streams are read from: its Janus session and handle.</summary>
    public sealed record PublisherHandle(long Session, long Handle, PublishedStreams Streams);

    /// <summary>
    /// The publishing handle of each of these tokens (a token with no publishing handle is absent). The VideoRoom does
    /// not list a publisher's streams through the admin API, so the node's handles are read one by one, as
    /// <see cref="EndSessionsOfAsync"/> does; only what the holder sends counts (a sending `m=` section of its offer),
    /// not what its subscriptions receive. Costly on a busy node: done once per publisher, then
    /// <see cref="StreamsOfAsync"/> reads the handle found (docs/adr/0304).
    /// </summary>
    public async Task<Dictionary<string, PublisherHandle>> FindPublishersAsync(JanusNode node, IReadOnlySet<string> tokens, CancellationToken ct)
    {
        var found = new Dictionary<string, PublisherHandle>();
        var sessions = (await AdminAsync(node, new JsonObject { ["janus"] = "list_sessions" }, ct))["sessions"] as JsonArray ?? [];
        foreach (var session in sessions.Select(s => s!.GetValue<long>()))
        {
            if (found.Count == tokens.Count) break;
            try
            {
                var handles = (await AdminAsync(node, new JsonObject { ["janus"] = "list_handles" }, ct, $"/{session}"))["handles"] as JsonArray ?? [];
                foreach (var handle in handles.Select(h => h!.GetValue<long>()))
                {
                    var info = (await AdminAsync(node, new JsonObject { ["janus"] = "handle_info" }, ct, $"/{session}/{handle}"))["info"];
                    if (info?["token"]?.GetValue<string>() is not { } token || !tokens.Contains(token)) continue;
                    if (Sending(info) is { } streams) found[token] = new PublisherHandle(session, handle, streams);
                }
            }
            catch (JanusError) { } // gone meanwhile
        }
        return found;
    }

    /// <summary>
    /// What this handle sends now, when it is still the token's publisher under this feed id (null: gone, another
    /// token's, or not publishing); one admin call.
    /// </summary>
    public async Task<PublishedStreams?> StreamsOfAsync(JanusNode node, long session, long handle, string token, long feed, CancellationToken ct)
    {
        JsonNode? info;
        try { info = (await AdminAsync(node, new JsonObject { ["janus"] = "handle_info" }, ct, $"/{session}/{handle}"))["info"]; }
        catch (JanusError) { return null; } // the session or handle is gone
        if (info?["token"]?.GetValue<string>() != token) return null;
        if (info["plugin_specific"]?["id"] is JsonValue id && id.TryGetValue<long>(out var published) && published != feed) return null;
        return Sending(info);
    }

    /// <summary>The feed ids publishing in the room now (the VideoRoom's `listparticipants`): one admin call.</summary>
    public async Task<HashSet<long>> PublishingAsync(JanusNode node, long room, CancellationToken ct)
    {
        JsonObject answer;
        try { answer = await RoomAsync(node, new JsonObject { ["request"] = "listparticipants", ["room"] = room }, ct); }
        catch (JanusError e) when (e.Code == NoSuchRoom) { return []; }
        return (answer["participants"] as JsonArray ?? [])
            .Where(p => p?["publisher"]?.GetValue<bool>() == true)
            .Select(p => p!["id"]!.GetValue<long>()).ToHashSet();
    }

    private static PublishedStreams? Sending(JsonNode info)
    {
        if (info["sdps"]?["remote"]?.GetValue<string>() is not { } offer) return null;
        var streams = Sent(offer);
        return streams.Audio.Count + streams.Video.Count == 0 ? null : streams;
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
