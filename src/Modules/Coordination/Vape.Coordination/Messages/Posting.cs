using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Wolverine;

namespace Vape.Coordination.Messages;

/// <summary>
/// Posting a message (docs/adr/0052). Everything is checked and written by one statement,
/// `coordination.post_message` (Sql/0004): the channel locked, the checks, the version, the stream row, the message.
/// An ordinary message (NORMAL) is written by the channel's writer on this host (<see cref="ChannelWrites"/>, docs/adr/0056):
/// the statement in a transaction of its own, or with the other posts to the channel that arrived meanwhile, pushed to
/// the channel straight after the commit. An IMPORTANT or URGENT one also schedules reminders, and it and one that mentions
/// members tell the Notifications module (docs/adr/0209), which must commit with it: it goes through Wolverine
/// (<see cref="PostMessageHandler"/>), the same statement inside the handler's transaction.
/// </summary>
public sealed class Posting(ChannelWrites writes, IMessageBus bus, IFileStore files, TimeProvider clock)
{
    public async Task<MessageView> PostAsync(PostMessage command, CancellationToken ct)
    {
        // The handler checks the rest itself; the priority and mentions decide the way: those commit with what they
        // tell the Notifications module (docs/adr/0209).
        if (PostStatement.PriorityOf(command) != Priorities.Normal || (command.Mentions?.Any(m => m != command.ActorId) ?? false))
            return await bus.InvokeAsync<MessageView>(command, ct);

        // Written (with whatever else is being posted to the channel on this host), committed and queued for the members.
        return await writes.PostAsync(await PostStatement.PrepareAsync(command, files, clock, ct));
    }
}

/// <summary>A post checked as far as it can be without the database, ready for `coordination.post_message`.</summary>
internal sealed record PostStatement(PostMessage Command, string Body, string Priority, Guid[] Mentions, IReadOnlyList<AttachmentView> Attachments,
    DateTimeOffset At)
{
    private const string Text = $"""
        select p.created, {MessageView.Columns}
          from coordination.post_message(@c, @id, @a, @parent, @body, @priority, @mentions, @all, @at, @files::jsonb) p
         cross join lateral (select (p.message).*) x
        """;

    public static async Task<PostStatement> PrepareAsync(PostMessage command, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var (body, priority, fileIds) = command.Check();
        // Files are looked up before the statement (another connection, and no transaction is open yet).
        var attachments = new List<AttachmentView>();
        foreach (var fileId in fileIds)
        {
            // Only one's own uploads: a file id seen elsewhere gives no access to that file.
            var file = await files.FindAsync(fileId, ct);
            if (file is null || file.OwnerId != command.ActorId) throw VapeException.NotFound("Không tìm thấy tệp đính kèm (hãy tải tệp lên trước).");
            attachments.Add(new AttachmentView(file.Id, file.Name, file.ContentType, file.Length));
        }
        return new PostStatement(command, body, priority, [.. (command.Mentions ?? []).Distinct()], attachments, clock.GetUtcNow());
    }

    /// <summary>The priority as given, normalised (not yet checked).</summary>
    public static string PriorityOf(PostMessage command) => command.NormalPriority;

    /// <summary>What the channel's members hear of the post once it is committed.</summary>
    public ChannelEvent Posted(MessageView message) => new(message.ChannelId, message.PostedVersion, EventKinds.Posted, Command.ActorId, At, message);

    private void AddTo(NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter("c", Command.ChannelId));
        parameters.Add(new NpgsqlParameter("id", Command.MessageId));
        parameters.Add(new NpgsqlParameter("a", Command.ActorId));
        parameters.Add(new NpgsqlParameter<Guid?>("parent", Command.ThreadRootId) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter("body", Body));
        parameters.Add(new NpgsqlParameter("priority", Priority));
        parameters.Add(new NpgsqlParameter("mentions", Mentions));
        parameters.Add(new NpgsqlParameter("all", Command.MentionsChannel));
        parameters.Add(new NpgsqlParameter("at", At));
        parameters.Add(new NpgsqlParameter("files", AttachmentsJson));
    }

    /// <summary>
    /// Runs the statement as `cmd` (a command of a transaction, or of the data source: a transaction of its own):
    /// whether it stored a new message (false: a resend), and the message as stored.
    /// </summary>
    public async Task<(bool Created, MessageView Message)> RunAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        cmd.CommandText = Text;
        AddTo(cmd.Parameters);
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            return await ReadAsync(reader, ct);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("VC", StringComparison.Ordinal))
        {
            throw Refusal(e.MessageText);
        }
    }

    /// <summary>The statement as one command of a batch (<see cref="ChannelWrites"/>); its result is read with <see cref="ReadAsync"/>.</summary>
    public NpgsqlBatchCommand BatchCommand()
    {
        var command = new NpgsqlBatchCommand(Text);
        AddTo(command.Parameters);
        return command;
    }

    private string AttachmentsJson => System.Text.Json.JsonSerializer.Serialize(Attachments, MessageView.Json);

    /// <summary>A post `coordination.post_messages` can write with others: no reply, no mentions (those are checked one by one).</summary>
    public bool Plain => Command.ThreadRootId is null && Mentions.Length == 0;

    private const string TogetherText = $"""
        select p.ord, {MessageView.Columns}
          from coordination.post_messages(@c, @ids, @actors, @bodies, @all, @at, @files) p
         cross join lateral (select (p.message).*) x
        """;

    /// <summary>
    /// Plain posts to one channel as one statement (Sql/0005, docs/adr/0059): their messages in the order given. It
    /// refuses the whole set if any one of them would be refused or is a resend; the caller then writes each alone.
    /// </summary>
    public static async Task<MessageView[]> RunTogetherAsync(NpgsqlCommand cmd, IReadOnlyList<PostStatement> posts, CancellationToken ct)
    {
        cmd.CommandText = TogetherText;
        cmd.Parameters.Add(new NpgsqlParameter("c", posts[0].Command.ChannelId));
        cmd.Parameters.Add(new NpgsqlParameter("ids", posts.Select(p => p.Command.MessageId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("actors", posts.Select(p => p.Command.ActorId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("bodies", posts.Select(p => p.Body).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("all", posts.Select(p => p.Command.MentionsChannel).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("at", posts.Select(p => p.At).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("files", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb)
        {
            Value = posts.Select(p => p.AttachmentsJson).ToArray(),
        });
        var messages = new MessageView[posts.Count];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) messages[reader.GetInt32(0) - 1] = MessageView.Read(reader, 1);
        return messages;
    }

    /// <summary>Whether the statement stored a new message (false: a resend), and the message as stored.</summary>
    public static async Task<(bool Created, MessageView Message)> ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0), MessageView.Read(reader, 1));
    }

    /// <summary>What the statement refused, in the words the hub and GraphQL answer with.</summary>
    private static VapeException Refusal(string reason) => reason switch
    {
        "CHANNEL_NOT_FOUND" => VapeException.NotFound("Không tìm thấy kênh."),
        "NOT_MEMBER" => VapeException.NotAllowed("Bạn không phải thành viên của kênh này."),
        "ID_TAKEN" => VapeException.InvalidInput("Mã tin nhắn này đã được dùng cho tin nhắn khác."),
        "ARCHIVED" => Channels.Channel.ArchivedRefusal(),
        "ANNOUNCEMENT_READER" => MessageRules.AnnouncementReaderRefusal(),
        "READER" => MessageRules.ReaderRefusal(),
        "PARENT_NOT_FOUND" => VapeException.NotFound("Không tìm thấy tin nhắn được trả lời trong kênh này."),
        "PARENT_DELETED" => VapeException.InvalidInput("Tin nhắn đã bị xóa."),
        "MENTION_NOT_MEMBER" => VapeException.InvalidInput("Chỉ được nhắc (@) thành viên của kênh."),
        _ => throw new InvalidOperationException($"coordination.post_message refused with an unknown reason: {reason}"),
    };
}
