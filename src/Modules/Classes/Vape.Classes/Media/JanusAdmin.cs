using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Media;

/// <summary>
/// Janus's admin API, the only way Vape talks to Janus: tokens (`add_token`, `remove_token`) and VideoRoom requests
/// through `message_plugin` (create and destroy a room, its `allowed` publishers, `kick`, `moderate`). Needs no Janus
/// session of Vape's own, so nothing here has to be kept alive. Each request is counted (<see cref="JanusMetrics"/>).
/// </summary>
internal sealed partial class JanusAdmin(HttpClient http, JanusMetrics metrics)
{
    public const string VideoRoom = "janus.plugin.videoroom";

    /// <summary>Janus answered with an error (`Code`: Janus's or the VideoRoom's).</summary>
    public sealed class JanusError(int code, string reason) : Exception($"Janus error {code}: {reason}")
    {
        public int Code { get; } = code;
    }

    // VideoRoom error codes (janus_videoroom.c).
    public const int NoSuchRoom = 426;
    public const int RoomExists = 427;
    public const int NoSuchFeed = 428;
    public const int IdExists = 436;

    /// <summary>How a node met a ping (docs/adr/0318).</summary>
    public enum PingAnswer
    {
        /// <summary>It answered within two seconds.</summary>
        Answered,
        /// <summary>It could not take the request: nothing listens at its admin address (the process is gone), or an HTTP error.</summary>
        Refused,
        /// <summary>No answer within two seconds: frozen, cut off by a network split, or only slow (a busy machine).</summary>
        Silent,
    }

    /// <summary>The node's admin API answers a ping within two seconds (a node that does not is dead to new rooms).</summary>
    public async Task<bool> AliveAsync(JanusNode node, CancellationToken ct) => await PingAsync(node, ct) == PingAnswer.Answered;

    /// <summary>A ping of the node's admin API, told apart: answered, refused (certainly not there) or silent for two seconds (maybe only slow).</summary>
    public async Task<PingAnswer> PingAsync(JanusNode node, CancellationToken ct)
    {
        using var quick = CancellationTokenSource.CreateLinkedTokenSource(ct);
        quick.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await AdminAsync(node, new JsonObject { ["janus"] = "ping" }, quick.Token);
            return PingAnswer.Answered;
        }
        catch (VapeException) { return quick.IsCancellationRequested && !ct.IsCancellationRequested ? PingAnswer.Silent : PingAnswer.Refused; }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return PingAnswer.Silent; }
    }

    public Task AddTokenAsync(JanusNode node, string token, CancellationToken ct) =>
        AdminAsync(node, new JsonObject { ["janus"] = "add_token", ["token"] = token, ["plugins"] = new JsonArray(VideoRoom) }, ct);

    /// <summary>Removes a token; one Janus does not know (already removed, or the node restarted) is fine.</summary>
    public async Task RemoveTokenAsync(JanusNode node, string token, CancellationToken ct)
    {
        try { await AdminAsync(node, new JsonObject { ["janus"] = "remove_token", ["token"] = token }, ct); }
        // Janus 1.1.2 answers an unknown token's removal with 490 (JANUS_ERROR_UNKNOWN, "Error removing token").
        catch (JanusError e) when (e.Code is 470 or 490) { }
    }

    /// <summary>
    /// Creates a room that only `allowed` tokens may publish in, every join needing the pin; with `recordTo`, Janus's
    /// recorder writes every publisher's streams there as `.mjr` files (docs/adr/0235).
    /// </summary>
    public Task CreateRoomAsync(JanusNode node, long room, string secret, string pin, string description, string? recordTo, CancellationToken ct) =>
        RoomAsync(node, Recorded(recordTo, new JsonObject
        {
            ["request"] = "create", ["room"] = room, ["admin_key"] = node.AdminKey, ["secret"] = secret, ["pin"] = pin,
            ["description"] = description, ["is_private"] = true, ["allowed"] = new JsonArray(), ["publishers"] = 6,
            // Simulcast from the teacher; a weak phone receives the low layer. 512 kbps cap per publisher.
            ["bitrate"] = 512_000, ["fir_freq"] = 10, ["audiolevel_event"] = false, ["notify_joining"] = false,
        }), ct);

    private static JsonObject Recorded(string? recordTo, JsonObject create)
    {
        if (recordTo is null) return create;
        create["record"] = true;
        create["rec_dir"] = recordTo;
        create["lock_record"] = true;
        return create;
    }

    public async Task DestroyRoomAsync(JanusNode node, long room, string secret, CancellationToken ct)
    {
        try { await RoomAsync(node, new JsonObject { ["request"] = "destroy", ["room"] = room, ["secret"] = secret }, ct); }
        catch (JanusError e) when (e.Code == NoSuchRoom) { }
    }

    /// <summary>Adds or removes tokens from the room's publishers (`allowed`).</summary>
    public Task AllowAsync(JanusNode node, long room, string secret, bool add, string token, CancellationToken ct) =>
        RoomAsync(node, new JsonObject
        {
            ["request"] = "allowed", ["room"] = room, ["secret"] = secret, ["action"] = add ? "add" : "remove", ["allowed"] = new JsonArray(token),
        }, ct);

    /// <summary>Kicks a publisher; one that is not (or no longer) there is fine.</summary>
    public async Task KickAsync(JanusNode node, long room, string secret, long feed, CancellationToken ct)
    {
        try { await RoomAsync(node, new JsonObject { ["request"] = "kick", ["room"] = room, ["secret"] = secret, ["id"] = feed }, ct); }
        catch (JanusError e) when (e.Code is NoSuchFeed or NoSuchRoom) { }
    }

    /// <summary>
    /// Ends every Janus session that opened a handle with one of these tokens (a removed learner's picture and
    /// voice stop now, not when their session times out). Walks the node's sessions: a removal is rare.
    /// </summary>
    public async Task<int> EndSessionsOfAsync(JanusNode node, IReadOnlySet<string> tokens, CancellationToken ct)
    {
        var ended = 0;
        var sessions = (await AdminAsync(node, new JsonObject { ["janus"] = "list_sessions" }, ct))["sessions"] as JsonArray ?? [];
        foreach (var session in sessions.Select(s => s!.GetValue<long>()))
        {
            try
            {
                var handles = (await AdminAsync(node, new JsonObject { ["janus"] = "list_handles" }, ct, $"/{session}"))["handles"] as JsonArray ?? [];
                foreach (var handle in handles.Select(h => h!.GetValue<long>()))
                {
                    var info = await AdminAsync(node, new JsonObject { ["janus"] = "handle_info" }, ct, $"/{session}/{handle}");
                    if (info["info"]?["token"]?.GetValue<string>() is not { } token || !tokens.Contains(token)) continue;
                    await AdminAsync(node, new JsonObject { ["janus"] = "destroy_session" }, ct, $"/{session}");
                    ended++;
                    break;
                }
            }
            catch (JanusError) { } // gone meanwhile
        }
        return ended;
    }

    private async Task<JsonObject> RoomAsync(JanusNode node, JsonObject request, CancellationToken ct)
    {
        var answer = await AdminAsync(node, new JsonObject { ["janus"] = "message_plugin", ["plugin"] = VideoRoom, ["request"] = request }, ct);
        var response = answer["response"] as JsonObject ?? throw new JanusError(0, "no response");
        if (response["error_code"] is JsonNode code) throw new JanusError(code.GetValue<int>(), response["error"]?.GetValue<string>() ?? "");
        return response;
    }

    private async Task<JsonObject> AdminAsync(JanusNode node, JsonObject request, CancellationToken ct, string path = "")
    {
        var kind = request["janus"]?.GetValue<string>() ?? "";
        metrics.Requested(kind == "message_plugin" ? request["request"]?["request"]?.GetValue<string>() ?? kind : kind, node.Name);
        request["transaction"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        request["admin_secret"] = node.AdminKey;
        HttpResponseMessage response;
        try { response = await http.PostAsJsonAsync(node.AdminUrl.TrimEnd('/') + path, request, ct); }
        catch (HttpRequestException) { throw Unreachable(); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { throw Unreachable(); }
        using (response)
        {
            if (!response.IsSuccessStatusCode) throw Unreachable();
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct) ?? throw Unreachable();
            if (answer["janus"]?.GetValue<string>() == "error")
                throw new JanusError(answer["error"]?["code"]?.GetValue<int>() ?? 0, answer["error"]?["reason"]?.GetValue<string>() ?? "");
            return answer;
        }
    }

    public static VapeException Unreachable() =>
        new(MediaErrors.Unavailable, "Máy chủ âm thanh và hình ảnh đang không trả lời; hãy thử lại sau giây lát.");
}
