using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// Sends of committed changes, in order per stream (a classroom, a channel), in the order they were handed over, off
/// the writer's thread: the writer's call returns once its change is committed, while the stream's listeners hear it
/// (docs/adr/0053). A stream's next send starts once this one has *started* all its writes, not once they have all
/// arrived (docs/adr/0056): SignalR queues each connection's writes in the order they were started, so every
/// connection still hears the stream in order, several changes can be on their way at once, and a slow connection
/// holds up only itself. A failed send is logged; clients see the gap in versions and catch up. Nothing is kept for a
/// stream with no send pending.
/// </summary>
public sealed class OrderedSends(ILogger<OrderedSends> log)
{
    private readonly ConcurrentDictionary<Guid, Task> _tails = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Queues `start` after the stream's earlier sends have started. `start` starts every write of the change before
    /// it returns (whatever it must look up first, it awaits before its first write) and returns the task of their
    /// delivery. The task returned here ends when they are delivered (it never fails). `inline`: when nothing of the
    /// stream is pending, start on the caller's thread (a writer of its own, not a caller waiting for its answer).
    /// </summary>
    public Task Enqueue(Guid stream, long version, Func<Task<Task>> start, bool inline = false)
    {
        Task<Task> started;
        lock (_gate)
        {
            started = StartAfterAsync(_tails.GetValueOrDefault(stream) ?? Task.CompletedTask, start, inline);
            _tails[stream] = started;
        }
        // The stream's last send forgets the stream.
        started.ContinueWith(done => _tails.TryRemove(new KeyValuePair<Guid, Task>(stream, done)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return DeliveredAsync(started, stream, version);
    }

    private static async Task<Task> StartAfterAsync(Task previous, Func<Task<Task>> start, bool inline)
    {
        // Never faults (a failure to start is the delivery's failure), so the next send always follows.
        await previous;
        // Off the writer's thread: its call returns while the listeners hear it.
        if (!inline) await Task.Yield();
        try
        {
            return await start();
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    private async Task DeliveredAsync(Task<Task> started, Guid stream, long version)
    {
        try
        {
            await await started;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Sending version {Version} of stream {StreamId} failed", version, stream);
        }
    }
}
