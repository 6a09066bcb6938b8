namespace Vape.BuildingBlocks.Storage;

/// <summary>
/// One writer per stream (a channel, a classroom) on this host (docs/adr/0056). An item for a stream nobody here is
/// writing to is written at once, alone. Items that arrive while a write of their stream is under way wait for it
/// (they would wait for the stream's lock in PostgreSQL in any case) and are then written together, in one
/// transaction: a busy stream pays one commit for several items, and its listeners hear them one right after another.
/// <para>
/// `together` writes a batch and answers for every item of it, or throws: then nothing of the batch is known to be
/// committed, and each item is written again `alone`, so that each caller gets its own answer (a refusal only for
/// the item refused). Both queue what the stream's listeners must hear before they return, so that it is queued in
/// the order of the commits before any caller hears back. Nothing here outlives a request: writers on several hosts
/// take turns through the stream's lock in PostgreSQL.
/// </para>
/// </summary>
public sealed class BatchingWriter<TItem, TResult>(Func<TItem, Task<TResult>> alone,
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> together, int maxBatch)
{
    private readonly Dictionary<Guid, List<Pending>> _waiting = [];
    private readonly Lock _gate = new();

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);

    /// <summary>Writes `item` to `stream`, alone or with others that arrive meanwhile; its answer, or its own refusal.</summary>
    public Task<TResult> WriteAsync(Guid stream, TItem item)
    {
        // Continuations run where the answer is given: on the writer's flow once the stream has nothing more to write
        // (the caller's answer without another trip through the thread pool's queue), else queued (below).
        var pending = new Pending(item, new TaskCompletionSource<TResult>());
        lock (_gate)
        {
            if (_waiting.TryGetValue(stream, out var waiting))
            {
                waiting.Add(pending);
                return pending.Done.Task;
            }
            _waiting[stream] = [];
        }
        _ = WriteBatchesAsync(stream, [pending]);
        return pending.Done.Task;
    }

    /// <summary>Writes the batch, then whatever came meanwhile, until the stream has nothing waiting on this host.</summary>
    private async Task WriteBatchesAsync(Guid stream, List<Pending> batch)
    {
        while (true)
        {
            var answers = await WriteAsync(batch);
            List<Pending>? next = null;
            lock (_gate)
            {
                var waiting = _waiting[stream];
                if (waiting.Count == 0) _waiting.Remove(stream);
                else
                {
                    next = waiting.Count <= maxBatch ? waiting : waiting[..maxBatch];
                    _waiting[stream] = waiting.Count <= maxBatch ? [] : waiting[maxBatch..];
                }
            }
            if (next is null)
            {
                answers();
                return;
            }
            // The writer goes on with the next batch; its callers hear back on the thread pool.
            ThreadPool.UnsafeQueueUserWorkItem(answer => answer(), answers, preferLocal: false);
            batch = next;
        }
    }

    /// <summary>Writes the batch; what answers every item of it, whatever happened (the stream must never stay stuck behind it).</summary>
    private async Task<Action> WriteAsync(List<Pending> batch)
    {
        if (batch.Count > 1)
        {
            IReadOnlyList<TResult>? results = null;
            try
            {
                results = await together(batch.ConvertAll(p => p.Item));
            }
            catch (Exception)
            {
                // Nothing of the batch is known to be committed: each item again, alone, with its own answer.
            }
            if (results is not null)
                return () =>
                {
                    for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                };
        }
        var answers = new List<Action>(batch.Count);
        foreach (var pending in batch)
        {
            try
            {
                var result = await alone(pending.Item);
                answers.Add(() => pending.Done.TrySetResult(result));
            }
            catch (Exception e)
            {
                answers.Add(() => pending.Done.TrySetException(e));
            }
        }
        return () => answers.ForEach(answer => answer());
    }
}
