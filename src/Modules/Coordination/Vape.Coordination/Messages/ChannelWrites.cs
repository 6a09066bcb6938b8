using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Coordination.Realtime;

namespace Vape.Coordination.Messages;

/// <summary>
/// Ordinary posts to one channel, written by one writer per channel on this host (docs/adr/0171). A post to a channel
/// nobody on this host is writing to runs at once, alone; posts that arrive while a channel's write is under way wait
/// for it (they would wait for the channel's lock in any case) and are then written together, as one statement.
/// <para>
/// The writer keeps what it last read or wrote of the channel (<see cref="KnownChannel"/>): the posts are decided in C#
/// against it (<see cref="PostStatement.Decide"/>, docs/adr/0305) and `coordination.append_posts` only locks the
/// channel, checks that its versions are still those the decisions read and that no id is stored yet, and appends:
/// one round trip, as before. When anything moved (another action, another host, a member's role), a person or a
/// parent is new to the writer, a post would be refused or is a resend, the posts are decided again in one transaction
/// that holds the channel's lock from its first read. Nothing is accepted or refused on a state PostgreSQL has not
/// confirmed. Committed changes are queued for the members in the order of their versions before any caller hears back.
/// If a statement fails (a lost connection), each of its posts is written again alone; one committed after all comes
/// back as a resend (its message, nothing written twice).
/// </para>
/// </summary>
public sealed class ChannelWrites
{
    /// <summary>At most this many posts in one transaction.</summary>
    public const int MaxBatch = 64;

    /// <summary>Channels a writer keeps at most; beyond, it forgets them all (each is read again with its next post).</summary>
    private const int MaxKnown = 10_000;

    /// <summary>Messages kept per channel at most (replies to others are decided under the lock).</summary>
    private const int MaxMessages = 1_000;

    private readonly NpgsqlDataSource _database;
    private readonly ChannelPushes _pushes;
    private readonly PostBatchMetrics _metrics;
    private readonly BatchingWriter<PostStatement, PostOutcome> _writer;
    private readonly ConcurrentDictionary<Guid, KnownChannel> _known = new();

    public ChannelWrites(NpgsqlDataSource database, ChannelPushes pushes, PostBatchMetrics metrics)
    {
        _database = database;
        _pushes = pushes;
        _metrics = metrics;
        _writer = new BatchingWriter<PostStatement, PostOutcome>(async post => (await WriteAsync([post]))[0], WriteAsync, MaxBatch);
    }

    internal async Task<MessageView> PostAsync(PostStatement post)
    {
        var outcome = await _writer.WriteAsync(post.Command.ChannelId, post);
        return outcome.Refused is { } refused ? throw refused : outcome.Message!;
    }

    /// <summary>Posts to one channel: decided against what the writer knows and appended in one statement, else decided again under the lock.</summary>
    private async Task<IReadOnlyList<PostOutcome>> WriteAsync(IReadOnlyList<PostStatement> posts)
    {
        var channelId = posts[0].Command.ChannelId;
        var started = Stopwatch.GetTimestamp();
        if (_known.TryGetValue(channelId, out var known) && posts.All(known.Covers))
        {
            var decisions = ChannelPosts.Decide(posts, known.Channel, known.Roles.GetValueOrDefault, known.Messages.GetValueOrDefault);
            if (decisions.All(d => d.Posted is not null))
            {
                await using var cmd = _database.CreateCommand();
                var written = await ChannelPosts.AppendAsync(cmd, channelId, known.Channel.Version, known.Rules, [.. decisions.Select(d => d.Posted!)],
                    CancellationToken.None);
                if (written is not null)
                {
                    _metrics.Written(PostBatchMetrics.Known, posts.Count, started);
                    return Committed(posts, Remember(known, written), ChannelPosts.Outcomes(decisions, written));
                }
                // Nothing written: the channel moved since the writer read it. One set, recorded once, as what it became.
                return await UnderLockAsync(posts, known, PostBatchMetrics.Moved, started);
            }
        }
        return await UnderLockAsync(posts, known, PostBatchMetrics.UnderLock, started);
    }

    /// <summary>
    /// The posts read, decided and appended in one transaction that holds the channel's lock from its first read;
    /// recorded as `path` from `started` (for a set whose statement came back empty, both statements).
    /// </summary>
    private async Task<IReadOnlyList<PostOutcome>> UnderLockAsync(IReadOnlyList<PostStatement> posts, KnownChannel? before, string path, long started)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The people the writer knew are read again too, so that one change elsewhere does not send each of them through here once more.
        var (outcomes, known) = await ChannelPosts.DecideUnderLockAsync(connection, posts, before?.Roles.Keys ?? Enumerable.Empty<Guid>(), CancellationToken.None);
        await transaction.CommitAsync();
        _metrics.Written(path, posts.Count, started);
        return Committed(posts, known, outcomes);
    }

    /// <summary>What the writer knows after appending `written` at its versions.</summary>
    private static KnownChannel Remember(KnownChannel known, IReadOnlyList<MessageView> written)
    {
        if (known.Messages.Count + written.Count > MaxMessages) known.Messages.Clear();
        foreach (var message in written) known.Messages[message.Id] = message;
        return known with { Channel = known.Channel with { Version = known.Channel.Version + written.Count } };
    }

    /// <summary>Keeps what the writer now knows of the channel (forgets a channel not found) and queues the new messages for the members.</summary>
    private IReadOnlyList<PostOutcome> Committed(IReadOnlyList<PostStatement> posts, KnownChannel? known, PostOutcome[] outcomes)
    {
        var channelId = posts[0].Command.ChannelId;
        if (known is null) _known.TryRemove(channelId, out _);
        else
        {
            if (_known.Count >= MaxKnown) _known.Clear();
            _known[channelId] = known;
        }
        var changes = posts.Zip(outcomes).Where(p => p.Second.Created).Select(p => p.First.Posted(p.Second.Message!)).ToList();
        if (changes.Count > 0) _ = _pushes.PushNowAsync(changes, inline: true);
        return outcomes;
    }
}
