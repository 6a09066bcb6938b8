using Marten;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Realtime;
using Wolverine.Marten;

namespace Vape.Classes.Classroom;

/// <summary>
/// One write to a classroom: what was appended, with the versions it got, and the room's version after it; `Parent`:
/// the parent room's headcount roll-up committed in the same transaction (a relay room's presence changed).
/// </summary>
internal sealed record Committed(Guid SessionId, long Version, IReadOnlyList<(long Version, IClassroomEvent Event)> Events, IReadOnlyList<string> Dropped,
    Committed? Parent = null)
{
    public Committed(Classroom room, IReadOnlyList<(long Version, IClassroomEvent Event)> events, IReadOnlyList<string> dropped, Committed? parent = null)
        : this(room.Id, room.Version, events, dropped, parent) { }
}

/// <summary>What a decision sees and does: the room (null before it opens), the session's SQL, the events it appends.</summary>
/// <remarks>`read`: the acting person's row as read with the lock, before anything was appended.</remarks>
internal sealed class ClassroomWrite(Guid sessionId, IDocumentSession session, ClassesSql sql, Classroom? room, IMartenOutbox? outbox,
    (Guid Person, Participant? Row)? read = null)
{
    private int _flushed;

    public Guid SessionId => sessionId;
    public Classroom? Room { get; private set; } = room;
    public ClassesSql Sql => sql;
    public IDocumentSession Session => session;
    public IMartenOutbox? Outbox => outbox;
    public bool Started { get; private set; }
    public List<(long Version, IClassroomEvent Event)> Events { get; } = [];

    /// <summary>Connections whose groups must be left after the commit (a removed learner).</summary>
    public List<string> Dropped { get; } = [];

    public Classroom RoomOrThrow => Room ?? throw ClassroomErrors.Refusal(ClassroomErrors.NotOpen);

    public void Open(ClassroomOpened opened)
    {
        Room = new Classroom();
        Started = true;
        Append(opened);
    }

    public void Append(IClassroomEvent e)
    {
        RoomOrThrow.Apply(e);
        Events.Add((Room!.Version, e));
    }

    /// <summary>A person of this room as of this transaction (events appended so far included once flushed).</summary>
    public Task<Participant?> PersonAsync(Guid person, CancellationToken ct) =>
        read is { } r && r.Person == person && Events.Count == 0 ? Task.FromResult(r.Row) : ClassroomTables.FindAsync(sql, sessionId, person, ct);

    /// <summary>Writes the appended events' rows (participants, chat, votes) now, for a read that follows; the store writes them with the commit in any case.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        for (; _flushed < Events.Count; _flushed++)
            await ClassroomTables.ApplyAsync(sql, sessionId, Events[_flushed].Version, Events[_flushed].Event, ct);
    }

    /// <summary>The rows not yet written go with the commit (in the round trip that appends the events), when nothing reads them before it.</summary>
    public void QueueRest()
    {
        for (; _flushed < Events.Count; _flushed++)
            ClassroomTables.Queue(sql, sessionId, Events[_flushed].Version, Events[_flushed].Event);
    }
}

/// <summary>
/// Writes to a classroom: one transaction that holds the classroom's advisory lock (so writers on every host take
/// turns), appends the events to the session's stream, writes the rows they change (<see cref="ClassroomTables"/>),
/// stores the (small) room document at the same version, rolls a relay room's headcount up to its parent room in
/// the same transaction, and commits the outbox's messages with them. Nothing is broadcast here; see
/// <see cref="ClassroomBroadcaster"/>.
/// </summary>
internal static class ClassroomStore
{
    public static async Task<Committed> WriteAsync(IDocumentStore store, Guid sessionId, IMartenOutbox? outbox,
        Func<ClassroomWrite, Task> decide, CancellationToken ct, RelayNames? relays = null, Func<ClassroomWrite, Task>? beforeCommit = null,
        Guid? person = null)
    {
        await using var session = store.LightweightSession();
        outbox?.Enroll(session);
        var sql = new ClassesSql(session);
        // One round trip: the lock, the room, and the acting person's row (a chat line's whole read).
        Classroom? room = null;
        Participant? row = null;
        var roomSql = $"select data from {store.Options.FindOrResolveDocumentType(typeof(Classroom)).TableName.QualifiedName} where id = @s";
        (string, (string, object?)[])[] reads = person is Guid p
            ? [(roomSql, [("s", sessionId)]), (ClassroomTables.FindSql, [("s", sessionId), ("p", p)])]
            : [(roomSql, [("s", sessionId)])];
        await sql.LockThenReadAsync(sessionId, reads, async (i, reader) =>
        {
            if (!await reader.ReadAsync(ct)) return;
            if (i == 0) room = store.Options.Serializer().FromJson<Classroom>(reader, 0);
            else row = ClassroomTables.Read(reader);
        }, ct);
        var write = new ClassroomWrite(sessionId, session, sql, room, outbox, person is Guid who ? (who, row) : null);
        await decide(write);
        Committed? parent = null;
        if (write.Events.Count > 0)
        {
            var rollUp = relays is not null && write.Events.Any(e => e.Event is ParticipantJoined or ParticipantLeft or ParticipantRemoved or ClassroomEnded);
            // A roll-up or a last step reads the rows: written now. Otherwise (a chat line) they go with the commit's batch.
            if (rollUp || beforeCommit is not null) await write.FlushAsync(ct);
            else write.QueueRest();
            var events = write.Events.Select(e => (object)e.Event).ToArray();
            if (write.Started) Streams.Start(session, sessionId, events);
            else Streams.Append(session, sessionId, write.Room!.Version, events);
            session.Store(write.Room!);
            if (rollUp) parent = await RollUpAsync(session, sql, write.Room!, relays!, ct);
        }
        if (beforeCommit is not null && write.Room is not null) await beforeCommit(write);
        await session.SaveChangesAsync(ct);
        return new Committed(write.RoomOrThrow, write.Events, write.Dropped, parent);
    }

    /// <summary>
    /// A relay room's headcount, appended to its parent room's stream in the relay's own transaction (the relay's
    /// lock, then the parent's: a parent never waits for a relay's lock, so this cannot deadlock).
    /// </summary>
    private static async Task<Committed?> RollUpAsync(IDocumentSession session, ClassesSql sql, Classroom relay, RelayNames relays, CancellationToken ct)
    {
        var parentId = await sql.ScalarAsync<Guid?>("select parent_session_id from classes.sessions where id = @s", ct, ("s", relay.Id));
        if (parentId is not Guid pid) return null;
        await sql.LockAsync(pid, ct);
        var parent = await session.LoadAsync<Classroom>(pid, ct);
        if (parent is null || parent.Ended) return null;
        var headcount = relay.Ended ? 0 : await ClassroomTables.HeadcountAsync(sql, relay.Id, ct);
        if (parent.Relays.GetValueOrDefault(relay.Id)?.Headcount == headcount) return null;
        var e = new RelayHeadcountChanged(relay.Id, await relays.NameAsync(sql, relay.Id, ct), headcount, relays.Now);
        parent.Apply(e);
        Streams.Append(session, pid, parent.Version, e);
        session.Store(parent);
        return new Committed(parent, [(parent.Version, e)], []);
    }

    public static async Task<Classroom?> LoadAsync(IDocumentStore store, Guid sessionId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Classroom>(sessionId, ct);
    }

    /// <summary>Reads a room and its tables in one repeatable-read transaction (a snapshot at one version); null when the room is not open.</summary>
    public static async Task<T?> ReadAsync<T>(IDocumentStore store, Guid sessionId, Func<ClassesSql, Classroom, Task<T>> read, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var sql = new ClassesSql(session);
        await sql.ExecuteAsync("set transaction isolation level repeatable read", ct);
        var room = await session.LoadAsync<Classroom>(sessionId, ct);
        return room is null ? default : await read(sql, room);
    }

    /// <summary>The events after `afterVersion`, in order, as the viewer may see them; null when more are missing than a catch-up carries.</summary>
    public static async Task<IReadOnlyList<ClassroomEventMessage>?> EventsAfterAsync(IDocumentStore store, Classroom room, long afterVersion,
        Guid viewer, bool viewerIsHost, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await EventsAfterAsync(session, room, afterVersion, viewer, viewerIsHost, ct);
    }

    /// <summary>
    /// The same, on a session the caller already holds: inside <see cref="ReadAsync{T}"/> a second session would
    /// take a second pooled connection while the first waits, and a thousand catch-ups at once (a host's
    /// learners arriving after it died) would empty the pool and stall each other.
    /// </summary>
    public static async Task<IReadOnlyList<ClassroomEventMessage>?> EventsAfterAsync(IQuerySession session, Classroom room, long afterVersion,
        Guid viewer, bool viewerIsHost, CancellationToken ct)
    {
        if (afterVersion < 0 || afterVersion > room.Version || room.Version - afterVersion > ClassroomView.MaxCatchUp) return null;
        if (afterVersion == room.Version) return [];
        var events = await Streams.FetchAsync(session, room.Id, afterVersion + 1, ct);
        return events.Where(e => e.Version > afterVersion && e.Version <= room.Version)
            .Select(e => ClassroomView.For(room.Id, e.Version, (IClassroomEvent)e.Data, viewer, viewerIsHost)).ToList();
    }
}

/// <summary>The name a relay room shows in its parent room: its unit's name, kept with the session when it was scheduled.</summary>
internal sealed class RelayNames(ClassesReader db, ClassesClock clock)
{
    private const string NameSql = """
        select coalesce(s.relay_name, c.title) from classes.sessions s join classes.classes c on c.id = s.class_id where s.id = @s
        """;

    public DateTimeOffset Now => clock.Now;

    /// <summary>
    /// Inside a room's transaction: on that transaction's own connection. A lookup on another connection could wait
    /// for a lock that waits for this transaction (a migration's `ALTER TABLE`, a truncate), and PostgreSQL cannot see
    /// that circle.
    /// </summary>
    public async Task<string> NameAsync(ClassesSql sql, Guid relaySessionId, CancellationToken ct) =>
        await sql.ScalarAsync<string>(NameSql, ct, ("s", relaySessionId)) ?? throw Errors.SessionNotFound();

    /// <summary>Outside any transaction.</summary>
    public async Task<string> NameAsync(Guid relaySessionId, CancellationToken ct) =>
        await db.ScalarAsync<string>(NameSql, ct, ("s", relaySessionId)) ?? throw Errors.SessionNotFound();
}

internal static class ClassroomGroups
{
    public static string Room(Guid sessionId) => HubGroups.Class(sessionId);
    public static string Hosts(Guid sessionId) => HubGroups.Class(sessionId) + ":hosts";

    /// <summary>Connections following the room's relay headcounts from outside it (<see cref="ClassroomHub.WatchRelays"/>).</summary>
    public static string Watchers(Guid sessionId) => HubGroups.Class(sessionId) + ":watchers";
}

/// <summary>
/// Sends committed events to the room, each with its stream version. A room's sends leave this host one write after
/// another, in the order the writes were handed over (<see cref="OrderedSends"/>, docs/adr/0053): the writer does not
/// wait for a send to reach a thousand learners before its call returns. A send that fails is logged; as when a host
/// dies in between, clients see the gap in versions and catch up from PostgreSQL.
/// </summary>
internal sealed class ClassroomBroadcaster(IHubContext<ClassroomHub> hub, ClassesReader db, OrderedSends sends)
{
    public const string Method = "classroomEvent";

    /// <summary>Queues the write's events (and its parent room's roll-up) for their rooms; the task ends when they are sent.</summary>
    public Task SendAsync(Committed committed) =>
        committed.Parent is null ? Enqueue(committed) : Task.WhenAll(Enqueue(committed), Enqueue(committed.Parent));

    private Task Enqueue(Committed committed) =>
        sends.Enqueue(committed.SessionId, committed.Version, () => StartRoomAsync(committed, CancellationToken.None));

    /// <summary>
    /// Starts the write's sends, in the order of its events, and returns their delivery once every one has started
    /// (<see cref="OrderedSends"/>): what must be done or looked up first is awaited before the sends it precedes.
    /// </summary>
    private async Task<Task> StartRoomAsync(Committed committed, CancellationToken ct)
    {
        var sessionId = committed.SessionId;
        foreach (var connection in committed.Dropped)
        {
            await hub.Groups.RemoveFromGroupAsync(connection, ClassroomGroups.Room(sessionId), ct);
            await hub.Groups.RemoveFromGroupAsync(connection, ClassroomGroups.Hosts(sessionId), ct);
        }
        var sent = new List<Task>();
        foreach (var (version, e) in committed.Events)
        {
            if (e is PrivateMessageSent p)
            {
                var learner = p.ToPersonId ?? p.FromPersonId;
                var involved = await db.ListAsync("select connection_id from classes.connections where session_id = @s and (person_id = @p or role <> 'LEARNER')",
                    r => r.GetString(0), ct, ("s", sessionId), ("p", learner));
                var full = ClassroomView.For(sessionId, version, e, null, true);
                // The hosts, and the learner on each of their devices (SignalR's user: the person id, no group per person).
                sent.Add(hub.Clients.Group(ClassroomGroups.Hosts(sessionId)).SendAsync(Method, full, ct));
                sent.Add(hub.Clients.User(learner.ToString()).SendAsync(Method, full, ct));
                sent.Add(hub.Clients.GroupExcept(ClassroomGroups.Room(sessionId), involved).SendAsync(Method, ClassroomView.For(sessionId, version, e, null, false), ct));
                continue;
            }
            var message = ClassroomView.For(sessionId, version, e, null, false);
            sent.Add(hub.Clients.Group(ClassroomGroups.Room(sessionId)).SendAsync(Method, message, ct));
            if (e is RelayHeadcountChanged or ClassroomEnded)
                sent.Add(hub.Clients.Group(ClassroomGroups.Watchers(sessionId)).SendAsync(Method, message, ct));
            // Learners in the lobby are not in the room's group yet: tell them they may come in (or are out).
            if (e is LearnersAdmitted admitted)
                sent.Add(hub.Clients.Users(admitted.PersonIds.Select(p => p.ToString()).ToList()).SendAsync(Method, message, ct));
            if (e is ParticipantRemoved removed)
                sent.Add(hub.Clients.User(removed.PersonId.ToString()).SendAsync(Method, message, ct));
        }
        return Task.WhenAll(sent);
    }
}

internal static class ClassroomErrors
{
    public const string NotOpen = "CLASS_NOT_STARTED";
    public const string Ended = "CLASS_ENDED";
    public const string Cancelled = "CLASS_CANCELLED";
    public const string NotEnrolled = "NOT_ENROLLED";
    public const string NotInRoom = "NOT_IN_ROOM";
    public const string Removed = "REMOVED";
    public const string Locked = "ROOM_LOCKED";
    public const string Muted = "MUTED";
    public const string PollClosed = "POLL_CLOSED";
    public const string AlreadyVoted = "ALREADY_VOTED";

    /// <summary>The refusals a room's state decides (<see cref="ClassroomDecider.Acting"/>, <see cref="SendChat"/>), with what the user reads.</summary>
    public static VapeException Refusal(string code) => code switch
    {
        NotOpen => new(code, "Buổi học chưa bắt đầu; hãy chờ người dẫn lớp mở phòng."),
        Ended => new(code, "Buổi học đã kết thúc."),
        Removed => new(code, "Bạn đã được mời ra khỏi lớp học này."),
        NotInRoom => new(code, "Bạn chưa vào phòng học: hãy vào phòng trước rồi thử lại."),
        Muted => new(code, "Bạn đang bị tắt trò chuyện."),
        _ => throw new ArgumentException($"Unknown classroom refusal {code}", nameof(code)),
    };
}
