using Marten;
using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Storage;

namespace Vape.Classes.Classroom;

/// <summary>
/// Chat lines and reactions: the events a room hears most, and which change nothing of the room but its version
/// (docs/adr/0061). They are written by one statement (`classes.post_lines`, Sql/0006): the room's lock, the same
/// checks as <see cref="ClassroomStore.WriteAsync"/> makes, each line's version and chat row, then the events appended
/// to the session's stream through Marten's own append function and the room document's version. No Marten session,
/// which a chat line's CPU was mostly made of.
/// <para>
/// One writer per room on this host (<see cref="BatchingWriter{TItem,TResult}"/>): a line to a quiet room is the
/// statement alone; lines that arrive while the room's write is under way (a busy room, many learners chatting) are
/// the next statement together, and the room hears them back to back. The statement returns a refusal for its line
/// rather than raising it, so that a muted learner's line holds back none of the others. Committed lines are queued
/// for the room before their callers hear back.
/// </para>
/// </summary>
internal sealed class ClassroomLines
{
    /// <summary>At most this many lines in one statement.</summary>
    public const int MaxBatch = 64;

    private const string Text = """
        select ord, version, name, refused from classes.post_lines(@s, @stream, @persons, @chats, @ids, @types, @dotnet, @bodies, @ats)
        """;

    private readonly NpgsqlDataSource _database;
    private readonly IDocumentStore _store;
    private readonly ClassroomBroadcaster _broadcaster;
    private readonly BatchingWriter<Line, Outcome> _writer;
    private readonly (string Type, string DotNet) _chat;
    private readonly (string Type, string DotNet) _reaction;

    public ClassroomLines(NpgsqlDataSource database, IDocumentStore store, ClassroomBroadcaster broadcaster)
    {
        _database = database;
        _store = store;
        _broadcaster = broadcaster;
        _writer = new BatchingWriter<Line, Outcome>(async line => (await WriteAsync([line]))[0], TogetherAsync, MaxBatch);
        _chat = Names(store, typeof(ChatPosted));
        _reaction = Names(store, typeof(ReactionSent));
    }

    /// <summary>A line of one room as the host made it (a chat line's name is set by the statement, from the room's row of its sender).</summary>
    private sealed record Line(Guid SessionId, IClassroomEvent Event);

    /// <summary>What the statement did with a line: its version and the event as committed, or the code of its refusal, or how it failed.</summary>
    private sealed record Outcome(long Version, IClassroomEvent? Event, string? Refused, Exception? Failed = null);

    /// <summary>Appends the line and queues it for the room; its version, or the classroom's refusal (nothing written).</summary>
    public async Task<long> PostAsync(Guid sessionId, IClassroomEvent line)
    {
        if (line is not (ChatPosted or ReactionSent)) throw new ArgumentException($"{line.GetType().Name} is not a line of the room.", nameof(line));
        var outcome = await _writer.WriteAsync(sessionId, new Line(sessionId, line));
        if (outcome.Failed is { } failed) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        return outcome.Refused is { } code ? throw ClassroomErrors.Refusal(code) : outcome.Version;
    }

    /// <summary>
    /// Lines that arrived together. Refusals come back per line, so a statement that fails failed for all of them (the
    /// database is away); they are not written again one by one, which after a commit whose answer was lost would store
    /// a line twice.
    /// </summary>
    private async Task<IReadOnlyList<Outcome>> TogetherAsync(IReadOnlyList<Line> lines)
    {
        try
        {
            return await WriteAsync(lines);
        }
        catch (Exception e)
        {
            return lines.Select(_ => new Outcome(0, null, null, e)).ToList();
        }
    }

    /// <summary>Lines of one room, in one statement (a transaction of its own); queued for the room once committed.</summary>
    private async Task<IReadOnlyList<Outcome>> WriteAsync(IReadOnlyList<Line> lines)
    {
        var events = lines.Select(l => l.Event).ToArray();
        var names = events.Select(e => e is ChatPosted ? _chat : _reaction).ToArray();
        await using var cmd = _database.CreateCommand(Text);
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("s", lines[0].SessionId));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("stream", Streams.Id(lines[0].SessionId)));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("persons", events.Select(e => e is ChatPosted c ? c.PersonId : ((ReactionSent)e).PersonId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<bool[]>("chats", events.Select(e => e is ChatPosted).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", events.Select(_ => Guid.CreateVersion7()).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("types", names.Select(n => n.Type).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("dotnet", names.Select(n => n.DotNet).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bodies", events.Select(e => _store.Options.Serializer().ToJson(e)).ToArray())
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("ats", events.Select(e => e.At).ToArray()));
        var outcomes = new Outcome[lines.Count];
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var i = reader.GetInt32(0) - 1;
                outcomes[i] = !reader.IsDBNull(3) ? new Outcome(0, null, reader.GetString(3))
                    : new Outcome(reader.GetInt64(1), events[i] is ChatPosted posted ? posted with { Name = reader.GetString(2) } : events[i], null);
            }
        var committed = outcomes.Where(o => o.Event is not null).Select(o => (o.Version, o.Event!)).ToList();
        if (committed.Count > 0) _ = _broadcaster.SendAsync(new Committed(lines[0].SessionId, committed[^1].Version, committed, []));
        return outcomes;
    }

    private static (string Type, string DotNet) Names(IDocumentStore store, Type eventType)
    {
        // The names Marten itself writes for the event (its alias, and the type it deserializes): read back as any other.
        var mapping = ((Marten.Events.EventGraph)((StoreOptions)store.Options).Events).EventMappingFor(eventType);
        return (mapping.EventTypeName, mapping.DotNetTypeName);
    }
}
