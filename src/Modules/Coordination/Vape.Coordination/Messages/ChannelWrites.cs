using Npgsql;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>
/// Ordinary posts to one channel, written by one writer per channel on this host (docs/adr/0056). A post to a channel
/// nobody on this host is writing to runs at once, alone, as before. Posts that arrive while a channel's write is
/// under way wait for it (they would wait for the channel's row lock in any case) and are then written together, in
/// one transaction and one round trip: plain posts (no reply, no mentions) as one statement that locks the channel and
/// raises its version once (docs/adr/0059), others as the same statement once per post. A busy channel pays one commit
/// for several messages, and its members hear them one right after another. Committed changes are queued for the members in
/// the order of their versions before any caller hears back. If anything in a batch fails (a refusal, a lost
/// connection), nothing of it was committed, and each of its posts is written again alone, so that each caller gets
/// its own answer; a post that was committed after all comes back as a resend (its message, nothing written twice).
/// Nothing here outlives a request: several hosts write to the same channel in turns through the row lock.
/// </summary>
public sealed class ChannelWrites(NpgsqlDataSource database, ChannelPushes pushes)
{
    /// <summary>At most this many posts in one transaction.</summary>
    public const int MaxBatch = 64;

    private readonly Dictionary<Guid, List<Pending>> _waiting = [];
    private readonly Lock _gate = new();

    private sealed record Pending(PostStatement Post, TaskCompletionSource<MessageView> Done);

    internal Task<MessageView> PostAsync(PostStatement post)
    {
        var pending = new Pending(post, new TaskCompletionSource<MessageView>(TaskCreationOptions.RunContinuationsAsynchronously));
        var channel = post.Command.ChannelId;
        lock (_gate)
        {
            if (_waiting.TryGetValue(channel, out var waiting))
            {
                waiting.Add(pending);
                return pending.Done.Task;
            }
            _waiting[channel] = [];
        }
        _ = WriteAsync(channel, [pending]);
        return pending.Done.Task;
    }

    /// <summary>Writes the batch, then whatever came meanwhile, until the channel has nothing waiting on this host.</summary>
    private async Task WriteAsync(Guid channel, List<Pending> batch)
    {
        while (true)
        {
            try
            {
                if (batch.Count == 1) await AloneAsync(batch[0]);
                else await TogetherAsync(batch);
            }
            catch (Exception e)
            {
                // Not expected (both answer every caller themselves); the channel must not stay stuck behind it.
                foreach (var pending in batch) pending.Done.TrySetException(e);
            }
            lock (_gate)
            {
                var waiting = _waiting[channel];
                if (waiting.Count == 0)
                {
                    _waiting.Remove(channel);
                    return;
                }
                batch = waiting.Count <= MaxBatch ? waiting : waiting[..MaxBatch];
                _waiting[channel] = waiting.Count <= MaxBatch ? [] : waiting[MaxBatch..];
            }
        }
    }

    /// <summary>One post, its statement in a transaction of its own.</summary>
    private async Task AloneAsync(Pending pending)
    {
        try
        {
            await using var cmd = database.CreateCommand();
            var (created, message) = await pending.Post.RunAsync(cmd, CancellationToken.None);
            // Committed: queued for the members; the caller has its message without waiting for all of them to.
            if (created) _ = pushes.PushNowAsync([pending.Post.Posted(message)], inline: true);
            pending.Done.TrySetResult(message);
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private async Task TogetherAsync(List<Pending> batch)
    {
        var written = new List<(bool Created, MessageView Message)>(batch.Count);
        try
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            if (batch.TrueForAll(p => p.Post.Plain))
            {
                // The usual case: one statement for all of them (docs/adr/0059).
                await using var cmd = new NpgsqlCommand(null, connection, transaction);
                foreach (var message in await PostStatement.RunTogetherAsync(cmd, batch.ConvertAll(p => p.Post), CancellationToken.None))
                    written.Add((true, message));
            }
            else
            {
                await using var statements = new NpgsqlBatch(connection, transaction);
                foreach (var pending in batch) statements.BatchCommands.Add(pending.Post.BatchCommand());
                await using var reader = await statements.ExecuteReaderAsync();
                for (var i = 0; i < batch.Count; i++)
                {
                    if (i > 0) await reader.NextResultAsync();
                    written.Add(await PostStatement.ReadAsync(reader, CancellationToken.None));
                }
            }
            await transaction.CommitAsync();
        }
        catch (Exception)
        {
            // Nothing of the batch is known to be committed: each post again, alone, with its own answer.
            foreach (var pending in batch) await AloneAsync(pending);
            return;
        }
        var changes = batch.Zip(written).Where(w => w.Second.Created).Select(w => w.First.Post.Posted(w.Second.Message)).ToList();
        if (changes.Count > 0) _ = pushes.PushNowAsync(changes, inline: true);
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(written[i].Message);
    }
}
