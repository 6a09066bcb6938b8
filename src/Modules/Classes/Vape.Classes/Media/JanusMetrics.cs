using System.Diagnostics.Metrics;

namespace Vape.Classes.Media;

/// <summary>
/// Every request Vape makes to a Janus node's admin API, on the meter `Vape.Media` (as ADR 0306's `Vape.Coordination`):
/// `vape.media.janus.requests`, tagged with the request (`ping`, `add_token`, `remove_token`, `list_sessions`,
/// `handle_info`, …; a VideoRoom request by its own name: `create`, `destroy`, `moderate`, `kick`, `allowed`, `edit`,
/// `listparticipants`, …), the node's configured name, and `caller`: which part of Vape asked (`moderation`: a
/// committed mute, end or speaker change; `access`: a removal, a leave or a lock closing access; `join`; `watch`; `sweep`;
/// `relay`; `other`). "Moderation is one action" is counted with it (docs/classes.md). No person, room or token is recorded.
/// </summary>
internal sealed class JanusMetrics
{
    public const string MeterName = "Vape.Media";
    public const string Requests = "vape.media.janus.requests";

    private static readonly AsyncLocal<string?> Current = new();
    private readonly Counter<long> _requests;

    public JanusMetrics(IMeterFactory meters) =>
        _requests = meters.Create(MeterName).CreateCounter<long>(Requests, "{request}", "Requests to a Janus node's admin API, by request, node and caller");

    /// <summary>Janus requests made in this flow (and what it starts) are counted for `caller` until disposed.</summary>
    public static IDisposable For(string caller)
    {
        var before = Current.Value;
        Current.Value = caller;
        return new Restore(before);
    }

    internal void Requested(string request, string node) =>
        _requests.Add(1, new("request", request), new("node", node), new("caller", Current.Value ?? "other"));

    private sealed class Restore(string? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
