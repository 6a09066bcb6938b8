using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;

namespace Vape.Coordination.Messages;

/// <summary>What became of a post: its message (`Created`: new; else a resend's stored message), or its refusal.</summary>
internal sealed record PostOutcome(MessageView? Message, bool Created, VapeException? Refused);

/// <summary>
/// What a channel's posts were decided on, as of the channel's stream version (`Channel.Version`) and `Rules` (its
/// kind, archive and members' roles): the roles of the people seen (null: not a member) and messages of the channel.
/// The channel's writer keeps it to decide the next posts without reading (<see cref="ChannelWrites"/>).
/// </summary>
internal sealed record KnownChannel(Channel Channel, long Rules, Dictionary<Guid, string?> Roles, Dictionary<Guid, MessageView> Messages)
{
    /// <summary>Whether everything the post's decision reads is known (its own id is not: a resend is answered from what is stored).</summary>
    public bool Covers(PostStatement post) => post.People.All(Roles.ContainsKey)
        && (post.Command.ThreadRootId is not Guid parent || Messages.ContainsKey(parent))
        && !Messages.ContainsKey(post.Command.MessageId);
}

/// <summary>
/// The adapter of posts to one channel (docs/adr/0305): what they are decided on, read under the channel's lock; their
/// decisions, in order (<see cref="PostStatement.Decide"/>); and `coordination.append_posts` (Sql/0006), which appends
/// what was decided only if the channel is still at the versions the decisions read and none of the ids is stored.
/// </summary>
internal static class ChannelPosts
{
    /// <summary>Roles read again per channel at most, beyond the posts' own people.</summary>
    public const int MaxPeople = 500;

    /// <summary>One post's decision: the message to append, a resend (of what is stored, or of an earlier post of the set), or a refusal.</summary>
    public sealed record Decision(MessagePosted? Posted, MessageView? Stored = null, int? SameAs = null, VapeException? Refused = null);

    private const string AppendSql = $"""
        select p.ord, {MessageView.Columns}
          from coordination.append_posts(@c, @version, @rules, @ids, @actors, @roots, @bodies, @priorities, @mentions, @all, @at, @files) p
         cross join lateral (select (p.message).*) x
        """;

    /// <summary>Each post decided in order; an accepted post is seen by the later ones (a resend, a reply) at the next version.</summary>
    public static Decision[] Decide(IReadOnlyList<PostStatement> posts, Channel? channel, Func<Guid, string?> roleOf, Func<Guid, MessageView?> messageOf)
    {
        var decisions = new Decision[posts.Count];
        var set = new Dictionary<Guid, (int Index, MessageView View)>();
        var state = new PostState(channel, roleOf, id => set.TryGetValue(id, out var s) ? s.View : messageOf(id));
        var version = channel?.Version ?? 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var id = posts[i].Command.MessageId;
            try
            {
                var events = posts[i].Decide(state);
                if (events.Count == 0)
                {
                    decisions[i] = set.TryGetValue(id, out var earlier) ? new Decision(null, SameAs: earlier.Index) : new Decision(null, Stored: messageOf(id));
                    continue;
                }
                var posted = (MessagePosted)events.Single();
                set[id] = (i, posted.View(channel!.Id, ++version));
                decisions[i] = new Decision(posted);
            }
            catch (VapeException refused)
            {
                decisions[i] = new Decision(null, Refused: refused);
            }
        }
        return decisions;
    }

    /// <summary>The outcomes, once the accepted posts were appended as `written` (in the order of the set).</summary>
    public static PostOutcome[] Outcomes(Decision[] decisions, IReadOnlyList<MessageView> written)
    {
        var outcomes = new PostOutcome[decisions.Length];
        var next = 0;
        for (var i = 0; i < decisions.Length; i++)
            outcomes[i] = decisions[i] switch
            {
                { Posted: not null } => new PostOutcome(written[next++], true, null),
                { SameAs: int k } => outcomes[k] with { Created = false },
                { Refused: { } refused } => new PostOutcome(null, false, refused),
                var d => new PostOutcome(d.Stored, false, null),
            };
        return outcomes;
    }

    /// <summary>
    /// Reads what the posts are decided on under the channel's lock (the caller's transaction on `connection`), decides
    /// them and appends the accepted ones: their outcomes, and what is known of the channel after (null: no channel).
    /// `alsoKnown`: people whose roles are read too, so that the channel's writer keeps knowing them.
    /// </summary>
    public static async Task<(PostOutcome[] Outcomes, KnownChannel? Known)> DecideUnderLockAsync(NpgsqlConnection connection,
        IReadOnlyList<PostStatement> posts, IEnumerable<Guid> alsoKnown, CancellationToken ct)
    {
        var channelId = posts[0].Command.ChannelId;
        var own = posts.SelectMany(p => p.People).Distinct().ToList();
        var persons = own.Concat(alsoKnown).Distinct().Take(Math.Max(MaxPeople, own.Count)).ToArray();
        var ids = posts.Select(p => p.Command.MessageId).Concat(posts.Select(p => p.Command.ThreadRootId).OfType<Guid>()).Distinct().ToArray();
        Channel? channel = null;
        long rules = 0;
        var roles = persons.ToDictionary(p => p, _ => (string?)null);
        var messages = new Dictionary<Guid, MessageView>();
        await using (var batch = connection.CreateBatch())
        {
            batch.BatchCommands.Add(Command($"select {Channel.Columns}, c.rules_version from coordination.channels c where c.id = @c for update",
                new NpgsqlParameter<Guid>("c", channelId)));
            batch.BatchCommands.Add(Command("select person_id, role from coordination.channel_members where channel_id = @c and person_id = any(@p)",
                new NpgsqlParameter<Guid>("c", channelId), new NpgsqlParameter<Guid[]>("p", persons)));
            batch.BatchCommands.Add(Command($"select {MessageView.Columns} from coordination.messages x where x.id = any(@m)",
                new NpgsqlParameter<Guid[]>("m", ids)));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) (channel, rules) = (Channel.Read(reader), reader.GetInt64(Channel.Next));
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) roles[reader.GetGuid(0)] = reader.GetString(1);
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var message = MessageView.Read(reader);
                messages[message.Id] = message;
            }
        }
        var decisions = Decide(posts, channel, roles.GetValueOrDefault, messages.GetValueOrDefault);
        var accepted = decisions.Where(d => d.Posted is not null).Select(d => d.Posted!).ToList();
        IReadOnlyList<MessageView> written = [];
        if (accepted.Count > 0)
        {
            await using var cmd = new NpgsqlCommand(null, connection);
            written = await AppendAsync(cmd, channelId, channel!.Version, rules, accepted, ct)
                ?? throw new InvalidOperationException($"Channel {channelId} moved under its own lock.");
        }
        if (channel is null) return (Outcomes(decisions, written), null);
        var kept = messages.Values.Where(m => m.ChannelId == channelId).Concat(written).ToDictionary(m => m.Id);
        return (Outcomes(decisions, written), new KnownChannel(channel with { Version = channel.Version + written.Count }, rules, roles, kept));
    }

    /// <summary>
    /// Appends the posts as decided at `version` and `rules`, as `cmd` (of a transaction, or of the data source: a
    /// transaction of its own); their messages as stored, or null when nothing was written (the channel moved, or an id
    /// is stored already).
    /// </summary>
    public static async Task<MessageView[]?> AppendAsync(NpgsqlCommand cmd, Guid channelId, long version, long rules, IReadOnlyList<MessagePosted> posts,
        CancellationToken ct)
    {
        cmd.CommandText = AppendSql;
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("c", channelId));
        cmd.Parameters.Add(new NpgsqlParameter<long>("version", version));
        cmd.Parameters.Add(new NpgsqlParameter<long>("rules", rules));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. posts.Select(p => p.MessageId)]));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("actors", [.. posts.Select(p => p.AuthorId)]));
        cmd.Parameters.Add(new NpgsqlParameter<Guid?[]>("roots", [.. posts.Select(p => p.ThreadRootId)]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bodies", [.. posts.Select(p => p.Body)]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("priorities", [.. posts.Select(p => p.Priority)]));
        cmd.Parameters.Add(Json("mentions", posts.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Mentions))));
        cmd.Parameters.Add(new NpgsqlParameter<bool[]>("all", [.. posts.Select(p => p.MentionsChannel)]));
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("at", [.. posts.Select(p => p.At)]));
        cmd.Parameters.Add(Json("files", posts.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Attachments, MessageView.Json))));
        var messages = new MessageView[posts.Count];
        var count = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            messages[reader.GetInt32(0) - 1] = MessageView.Read(reader, 1);
            count++;
        }
        return count == posts.Count ? messages : null;
    }

    private static NpgsqlParameter Json(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = values.ToArray() };

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
