using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// Sends of committed changes, one after another per stream (a classroom, a channel), in the order they were handed
/// over, off the writer's thread: the writer's call returns once its change is committed, while the stream's
/// listeners hear it (docs/adr/0053). A failed send is logged; clients see the gap in versions and catch up.
/// Nothing is kept for a stream with no send pending.
/// </summary>
public sealed class OrderedSends(ILogger<OrderedSends> log)
{
    private readonly ConcurrentDictionary<Guid, Task> _tails = new();
    private readonly Lock _gate = new();

    /// <summary>Queues `send` after the stream's earlier sends; the task ends when it has run (it never fails).</summary>
    public Task Enqueue(Guid stream, long version, Func<Task> send)
    {
        Task next;
        lock (_gate)
        {
            next = AfterAsync(_tails.GetValueOrDefault(stream) ?? Task.CompletedTask, stream, version, send);
            _tails[stream] = next;
        }
        // The stream's last send forgets the stream.
        next.ContinueWith(done => _tails.TryRemove(new KeyValuePair<Guid, Task>(stream, done)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return next;
    }

    private async Task AfterAsync(Task previous, Guid stream, long version, Func<Task> send)
    {
        await previous;
        // Off the writer's thread: its call returns while the listeners hear it.
        await Task.Yield();
        try
        {
            await send();
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Sending version {Version} of stream {StreamId} failed", version, stream);
        }
    }
}
