using System.Threading.Channels;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

/// <summary>
/// What a committed classroom event asks of Janus. A removal is not here: closing access (<see cref="MediaAccess"/>,
/// under the room's lock) takes the removed person's tokens, publishing and sessions off Janus and changes the pin, once;
/// both doing it made every removal's calls twice (counted, docs/classes.md).
/// </summary>
internal abstract record MediaAction(Guid SessionId)
{
    public sealed record Mute(Guid SessionId, Guid? PersonId, bool Muted) : MediaAction(SessionId);
    public sealed record End(Guid SessionId) : MediaAction(SessionId);
    /// <summary>A speaking learner's picture was allowed or withdrawn, or they started publishing: what Janus forwards of them is set again.</summary>
    public sealed record Speaker(Guid SessionId, Guid PersonId) : MediaAction(SessionId);

    /// <summary>The media side of a classroom event, if any.</summary>
    public static MediaAction? Of(Guid sessionId, object e) => e switch
    {
        ChatMuted m => new Mute(sessionId, m.PersonId, m.Muted),
        ClassroomEnded => new End(sessionId),
        PictureAllowed p => new Speaker(sessionId, p.PersonId),
        MediaPublishersChanged { Publishing: true } c when c.PersonId != Guid.Empty => new Speaker(sessionId, c.PersonId),
        _ => null,
    };
}

/// <summary>
/// Moderation is one action: after a classroom write commits (on whichever host made it), its mute, removal and end
/// are mirrored onto Janus (a removal by <see cref="MediaAccess"/>), without touching the classroom's own code: this listener sees every committed session
/// and picks the classroom events out of it (docs/adr/0140). The calls to Janus leave on a queue of this host, so the
/// hub's caller never waits for Janus; the sweep heals what a host that died in between left: an ended class's room, a removal or a mute (<see cref="ModerationRepair"/>).
/// </summary>
internal sealed class MediaModeration(MediaQueue queue, MediaRooms rooms, SpeakerModeration speakers, CascadeRelays relays, ClassRecordings recordings, ModerationRepair moderation,
    IDocumentStore store, ILogger<MediaModeration> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = Task.Run(() => SweepLoopAsync(stoppingToken), stoppingToken);
        var relaying = Task.Run(() => RelayLoopAsync(stoppingToken), stoppingToken);
        var converting = Task.Run(() => ConvertLoopAsync(stoppingToken), stoppingToken);
        using var counted = JanusMetrics.For("moderation");
        await foreach (var action in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await (action switch
                {
                    MediaAction.Mute m => speakers.ApplyAsync(m.SessionId, m.PersonId, stoppingToken),
                    MediaAction.Speaker p => speakers.ApplyAsync(p.SessionId, p.PersonId, stoppingToken),
                    MediaAction.End e => rooms.EndAsync(e.SessionId, stoppingToken),
                    _ => Task.CompletedTask,
                });
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Media: {Action} for session {SessionId} failed", action.GetType().Name, action.SessionId);
            }
        }
        await sweep;
        await relaying;
        await converting;
    }

    /// <summary>The cascade's relays, made good every `RelaySeconds` (docs/adr/0230).</summary>
    private async Task RelayLoopAsync(CancellationToken ct)
    {
        using var counted = JanusMetrics.For("relay");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, rooms.Options.RelaySeconds)));
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            try { await relays.RepairAsync(ct); }
            catch (Exception e) when (!ct.IsCancellationRequested) { log.LogWarning(e, "Media: repairing the cascade's relays failed"); }
        }
    }

    /// <summary>Recorded sessions waiting for their files, one at a time on this host (docs/adr/0235).</summary>
    private async Task ConvertLoopAsync(CancellationToken ct)
    {
        using var counted = JanusMetrics.For("recording");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, rooms.Options.SweepSeconds)));
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            try { while (await recordings.ConvertNextAsync(ct)) { } }
            catch (Exception e) when (!ct.IsCancellationRequested) { log.LogWarning(e, "Media: converting a recording failed; tried again when its claim expires"); }
        }
    }

    private async Task SweepLoopAsync(CancellationToken ct)
    {
        using var counted = JanusMetrics.For("sweep");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, rooms.Options.SweepSeconds)));
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await rooms.SweepAsync(EndedAsync, ct);
                await moderation.RepairAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested) { log.LogWarning(e, "Media: the sweep failed"); }
        }
    }

    private async Task<bool> EndedAsync(Guid sessionId, CancellationToken ct) =>
        await ClassroomStore.LoadAsync(store, sessionId, ct) is { Ended: true };

}

/// <summary>
/// The committed classroom events' Janus work, on this host; no dependency of its own, since the document store
/// it listens to is built with it.
/// </summary>
internal sealed class MediaQueue
{
    private readonly Channel<MediaAction> _queue = Channel.CreateUnbounded<MediaAction>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<MediaAction> Reader => _queue.Reader;

    public IDocumentSessionListener Listener => new CommitListener(this);

    public void Enqueue(MediaAction action) => _queue.Writer.TryWrite(action);

    private sealed class CommitListener(MediaQueue moderation) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            var events = commit.GetEvents().ToList();
            if (events.Count == 0) return Task.CompletedTask;
            // A classroom write stores its room document beside its events: the stream id is derived from the session's.
            var rooms = commit.Updated.Concat(commit.Inserted).OfType<Classroom.Classroom>().DistinctBy(r => r.Id).ToDictionary(r => Streams.Id(r.Id), r => r.Id);
            foreach (var e in events)
                if (rooms.TryGetValue(e.StreamId, out var sessionId) && MediaAction.Of(sessionId, e.Data) is { } action)
                    moderation.Enqueue(action);
            return Task.CompletedTask;
        }
    }
}
