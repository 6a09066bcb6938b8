using Npgsql;
using Vape.BuildingBlocks.Storage;
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
public sealed class ChannelWrites
{
    /// <summary>At most this many posts in one transaction.</summary>
    public const int MaxBatch = 64;

    private readonly NpgsqlDataSource _database;
    private readonly ChannelPushes _pushes;
    private readonly BatchingWriter<PostStatement, MessageView> _writer;

    public ChannelWrites(NpgsqlDataSource database, ChannelPushes pushes)
    {
        _database = database;
        _pushes = pushes;
        _writer = new BatchingWriter<PostStatement, MessageView>(AloneAsync, TogetherAsync, MaxBatch);
    }

    internal Task<MessageView> PostAsync(PostStatement post) => _writer.WriteAsync(post.Command.ChannelId, post);

    /// <summary>One post, its statement in a transaction of its own.</summary>
    private async Task<MessageView> AloneAsync(PostStatement post)
    {
        await using var cmd = _database.CreateCommand();
        var (created, message) = await post.RunAsync(cmd, CancellationToken.None);
        // Committed: queued for the members; the caller has its message without waiting for all of them to.
        if (created) _ = _pushes.PushNowAsync([post.Posted(message)], inline: true);
        return message;
    }

    private async Task<IReadOnlyList<MessageView>> TogetherAsync(IReadOnlyList<PostStatement> batch)
    {
        var written = new List<(bool Created, MessageView Message)>(batch.Count);
        await using (var connection = await _database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            if (batch.All(p => p.Plain))
            {
                // The usual case: one statement for all of them (docs/adr/0059).
                await using var cmd = new NpgsqlCommand(null, connection, transaction);
                foreach (var message in await PostStatement.RunTogetherAsync(cmd, batch, CancellationToken.None))
                    written.Add((true, message));
            }
            else
            {
                await using var statements = new NpgsqlBatch(connection, transaction);
                foreach (var post in batch) statements.BatchCommands.Add(post.BatchCommand());
                await using var reader = await statements.ExecuteReaderAsync();
                for (var i = 0; i < batch.Count; i++)
                {
                    if (i > 0) await reader.NextResultAsync();
                    written.Add(await PostStatement.ReadAsync(reader, CancellationToken.None));
                }
            }
            await transaction.CommitAsync();
        }
        var changes = batch.Zip(written).Where(w => w.Second.Created).Select(w => w.First.Posted(w.Second.Message)).ToList();
        if (changes.Count > 0) _ = _pushes.PushNowAsync(changes, inline: true);
        return written.ConvertAll(w => w.Message);
    }
}
