using System.Collections.Concurrent;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Classes.Classroom;

/// <summary>
/// Chat lines and reactions: the events a room hears most, and which change nothing of the room but its version
/// (docs/adr/0061). They are decided in C# like every action (<see cref="SendChat"/>, <see cref="SendReaction"/>,
/// docs/adr/0110) and written by one statement (`classes.append_lines`, Sql/0008) that only takes the room's lock,
/// checks the stream is still at the version they were decided at, and appends them (their chat rows, the events
/// through Marten's own append function, the room document's version). No Marten session, which a chat line's CPU
/// was mostly made of.
/// <para>
/// One writer per room on this host (<see cref="BatchingWriter{TItem,TResult}"/>): a line to a quiet room is the
/// statement alone; lines that arrive while the room's write is under way (a busy room, many learners chatting) are
/// the next statement together, and the room hears them back to back. The writer keeps what it last read or wrote
/// of the room (<see cref="Known"/>): lines are decided against it and the statement confirms its version, so that
/// a busy room's line is one round trip. When the version moved (another action, another host), a sender is new to
/// the writer, a line would be refused, or a chat line's id is already in the room (a client's retry), the lines are
/// decided again under the room's lock against what is read there: nothing is refused or accepted on a state the
/// database has not confirmed. Committed lines are queued for the room before their callers hear back.
/// </para>
/// </summary>
internal sealed class ClassroomLines
{
    /// <summary>At most this many lines in one statement.</summary>
    public const int MaxBatch = 64;

    /// <summary>Rooms whose state a writer keeps at most; beyond, it forgets them all (each is read again with its next line).</summary>
    private const int MaxKnown = 10_000;

    /// <summary>Senders' rows a writer keeps per room at most (the others are read again with their next line).</summary>
    private const int MaxPeople = 500;

    private const string AppendSql = """
        select appended, version, known from classes.append_lines(@s, @stream, @expected, @ids, @types, @dotnet, @bodies, @ats,
            @ords, @messages, @persons, @names, @texts)
        """;

    private readonly NpgsqlDataSource _database;
    private readonly IDocumentStore _store;
    private readonly ClassroomBroadcaster _broadcaster;
    private readonly BatchingWriter<Line, Outcome> _writer;
    private readonly (string Type, string DotNet) _chat;
    private readonly (string Type, string DotNet) _reaction;
    private readonly string _roomTable;
    private readonly ConcurrentDictionary<Guid, Known> _known = new();

    public ClassroomLines(NpgsqlDataSource database, IDocumentStore store, ClassroomBroadcaster broadcaster)
    {
        _database = database;
        _store = store;
        _broadcaster = broadcaster;
        _writer = new BatchingWriter<Line, Outcome>(async line => (await WriteAsync([line]))[0], TogetherAsync, MaxBatch);
        _chat = Names(store, typeof(ChatPosted));
        _reaction = Names(store, typeof(ReactionSent));
        _roomTable = store.Options.FindOrResolveDocumentType(typeof(Classroom)).TableName.QualifiedName;
    }

    /// <summary>A line of one room as the hub made it: its sender and the command.</summary>
    private sealed record Line(Guid SessionId, Guid Person, IRoomAction Action);

    /// <summary>What became of a line: its version and the event as committed (none for a retry already written), or its refusal, or how it failed.</summary>
    private sealed record Outcome(long Version, IClassroomEvent? Event, VapeException? Refused, Exception? Failed = null);

    /// <summary>
    /// What the room's writer on this host last knew of a room, as of the stream's `Version`: the room (null: not
    /// open) and the rows of the senders it has seen. Only the room's writer touches it, one batch at a time.
    /// </summary>
    private sealed record Known(Classroom? Room, long Version, Dictionary<Guid, Participant?> People);

    /// <summary>Appends the line and queues it for the room; its version, or the classroom's refusal (nothing written).</summary>
    public async Task<long> PostAsync(Guid sessionId, Guid person, IRoomAction action)
    {
        if (action is not (SendChat or SendReaction)) throw new ArgumentException($"{action.GetType().Name} is not a line of the room.", nameof(action));
        var outcome = await _writer.WriteAsync(sessionId, new Line(sessionId, person, action));
        if (outcome.Failed is { } failed) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        return outcome.Refused is { } refused ? throw refused : outcome.Version;
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

    /// <summary>Lines of one room: decided against what the writer knows and appended in one statement, else decided again under the lock.</summary>
    private async Task<IReadOnlyList<Outcome>> WriteAsync(IReadOnlyList<Line> lines)
    {
        var sessionId = lines[0].SessionId;
        if (_known.TryGetValue(sessionId, out var known) && lines.All(l => known.People.ContainsKey(l.Person)))
        {
            var (outcomes, accepted) = Decide(lines, known, []);
            if (outcomes.All(o => o.Refused is null))
            {
                await using var connection = await _database.OpenConnectionAsync();
                var (appended, _, _) = await AppendAsync(connection, sessionId, known.Version, lines, outcomes, accepted);
                if (appended) return Committed(sessionId, known with { Version = known.Version + accepted.Count }, outcomes);
            }
        }
        return await UnderLockAsync(lines);
    }

    /// <summary>The lines decided and appended in one transaction that holds the room's lock from the first read.</summary>
    private async Task<IReadOnlyList<Outcome>> UnderLockAsync(IReadOnlyList<Line> lines)
    {
        var sessionId = lines[0].SessionId;
        // The senders the writer knew are read again too (at most `MaxPeople`), so that one action elsewhere in the room
        // does not send each of them through here once more.
        var before = _known.TryGetValue(sessionId, out var k) ? k.People.Keys : Enumerable.Empty<Guid>();
        var persons = lines.Select(l => l.Person).Concat(before).Distinct().Take(Math.Max(MaxPeople, lines.Count)).ToArray();
        var messages = lines.Select(l => l.Action).OfType<SendChat>().Select(c => c.MessageId).ToArray();
        await using var connection = await _database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        Classroom? room = null;
        var people = persons.ToDictionary(p => p, _ => (Participant?)null);
        var written = new Dictionary<Guid, (long Version, Guid By)>();
        // One round trip: the lock, the room (its version is its stream's), the senders' rows, chat ids already written.
        await using (var batch = connection.CreateBatch())
        {
            batch.BatchCommands.Add(Command("select pg_advisory_xact_lock(hashtextextended(@key, 0))", new NpgsqlParameter<string>("key", "classes:" + sessionId)));
            batch.BatchCommands.Add(Command($"select data from {_roomTable} where id = @s", new NpgsqlParameter<Guid>("s", sessionId)));
            batch.BatchCommands.Add(Command(ClassroomTables.FindSql.Replace("person_id = @p", "person_id = any(@p)"),
                new NpgsqlParameter<Guid>("s", sessionId), new NpgsqlParameter<Guid[]>("p", persons)));
            batch.BatchCommands.Add(Command("select message_id, version, person_id from classes.chat where session_id = @s and message_id = any(@m)",
                new NpgsqlParameter<Guid>("s", sessionId), new NpgsqlParameter<Guid[]>("m", messages)));
            await using var reader = await batch.ExecuteReaderAsync();
            await reader.NextResultAsync();
            if (await reader.ReadAsync()) room = _store.Options.Serializer().FromJson<Classroom>(reader, 0);
            await reader.NextResultAsync();
            while (await reader.ReadAsync())
            {
                var row = ClassroomTables.Read(reader);
                people[row.PersonId] = row;
            }
            await reader.NextResultAsync();
            while (await reader.ReadAsync()) written[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetGuid(2));
        }
        var version = room?.Version ?? -1;
        var known = new Known(room, version, people);
        var (outcomes, accepted) = Decide(lines, known, written);
        if (accepted.Count > 0)
        {
            var (appended, found, _) = await AppendAsync(connection, sessionId, version, lines, outcomes, accepted);
            if (!appended) throw new InvalidOperationException($"Classroom {sessionId}: the stream is at {found}, not {version}, under the room's lock.");
        }
        await tx.CommitAsync();
        return Committed(sessionId, known with { Version = version + accepted.Count }, outcomes);
    }

    /// <summary>
    /// Each line decided in order against `known` (<see cref="ClassroomDecider"/>): an accepted line gets the next
    /// version; a chat line whose id the room already has (`written`, or earlier in this batch) is a retry, answered
    /// with the version it got then.
    /// </summary>
    private static (Outcome[] Outcomes, List<int> Accepted) Decide(IReadOnlyList<Line> lines, Known known,
        Dictionary<Guid, (long Version, Guid By)> written)
    {
        var outcomes = new Outcome[lines.Count];
        var accepted = new List<int>();
        var version = known.Version;
        var batch = new Dictionary<Guid, (long Version, Guid By)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var id = (line.Action as SendChat)?.MessageId;
            var before = id is Guid m && (written.TryGetValue(m, out var w) || batch.TryGetValue(m, out w)) ? w : ((long Version, Guid By)?)null;
            try
            {
                var events = ClassroomDecider.Decide(line.Action, new RoomState(known.Room, known.People.GetValueOrDefault(line.Person)) { Written = before });
                if (events.Count == 0)
                {
                    outcomes[i] = new Outcome(before!.Value.Version, null, null);
                    continue;
                }
                version++;
                accepted.Add(i);
                outcomes[i] = new Outcome(version, events.Single(), null);
                if (id is Guid message) batch[message] = (version, line.Person);
            }
            catch (VapeException refused)
            {
                outcomes[i] = new Outcome(0, null, refused);
            }
        }
        return (outcomes, accepted);
    }

    /// <summary>The accepted lines in one statement (`classes.append_lines`), if the stream is still at `expected` and none is a retry.</summary>
    private async Task<(bool Appended, long Version, Guid[] Known)> AppendAsync(NpgsqlConnection connection, Guid sessionId, long expected,
        IReadOnlyList<Line> lines, Outcome[] outcomes, List<int> accepted)
    {
        var events = accepted.Select(i => outcomes[i].Event!).ToArray();
        var names = events.Select(e => e is ChatPosted ? _chat : _reaction).ToArray();
        var chats = accepted.Select((i, k) => (Ord: k + 1, Event: outcomes[i].Event as ChatPosted)).Where(c => c.Event is not null).ToArray();
        await using var cmd = new NpgsqlCommand(AppendSql, connection);
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("s", sessionId));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("stream", Streams.Id(sessionId)));
        cmd.Parameters.Add(new NpgsqlParameter<long>("expected", expected));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", events.Select(_ => Guid.CreateVersion7()).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("types", names.Select(n => n.Type).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("dotnet", names.Select(n => n.DotNet).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("bodies", events.Select(e => _store.Options.Serializer().ToJson(e)).ToArray())
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("ats", events.Select(e => e.At).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<int[]>("ords", chats.Select(c => c.Ord).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("messages", chats.Select(c => c.Event!.MessageId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("persons", chats.Select(c => c.Event!.PersonId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("names", chats.Select(c => c.Event!.Name).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("texts", chats.Select(c => c.Event!.Text).ToArray()));
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetBoolean(0), reader.GetInt64(1), reader.GetFieldValue<Guid[]>(2));
    }

    /// <summary>Keeps what the writer now knows of the room (forgets a room not open or ended) and queues the committed lines for the room.</summary>
    private IReadOnlyList<Outcome> Committed(Guid sessionId, Known known, Outcome[] outcomes)
    {
        if (known.Room is null or { Ended: true }) _known.TryRemove(sessionId, out _);
        else
        {
            if (_known.Count >= MaxKnown) _known.Clear();
            _known[sessionId] = known;
        }
        var committed = outcomes.Where(o => o.Event is not null).Select(o => (o.Version, o.Event!)).ToList();
        if (committed.Count > 0) _ = _broadcaster.SendAsync(new Committed(sessionId, committed[^1].Version, committed, []));
        return outcomes;
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static (string Type, string DotNet) Names(IDocumentStore store, Type eventType)
    {
        // The names Marten itself writes for the event (its alias, and the type it deserializes): read back as any other.
        var mapping = ((Marten.Events.EventGraph)((StoreOptions)store.Options).Events).EventMappingFor(eventType);
        return (mapping.EventTypeName, mapping.DotNetTypeName);
    }
}
