using Marten;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Realtime;
using Wolverine.Marten;

namespace Vape.Classes.Classroom;

/// <summary>One write to a classroom: what was appended, with the versions it got, and the room after it.</summary>
internal sealed record Committed(Classroom Room, IReadOnlyList<(long Version, IClassroomEvent Event)> Events, IReadOnlyList<string> Dropped);

/// <summary>What a decision sees and does: the room (null before it opens), the session's SQL, the events it appends.</summary>
internal sealed class ClassroomWrite(IDocumentSession session, ClassesSql sql, Classroom? room, IMartenOutbox? outbox)
{
    public Classroom? Room { get; private set; } = room;
    public ClassesSql Sql => sql;
    public IDocumentSession Session => session;
    public IMartenOutbox? Outbox => outbox;
    public bool Started { get; private set; }
    public List<(long Version, IClassroomEvent Event)> Events { get; } = [];

    /// <summary>Connections whose groups must be left after the commit (a removed learner).</summary>
    public List<string> Dropped { get; } = [];

    public Classroom RoomOrThrow => Room ?? throw new VapeException(ClassroomErrors.NotOpen, "Buổi học chưa bắt đầu; hãy chờ người dẫn lớp mở phòng.");

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
}

/// <summary>
/// Writes to a classroom: one transaction that holds the classroom's advisory lock (so writers on every host take
/// turns), appends the events to the session's stream, stores the room document at the same version, and
/// commits the outbox's messages with them. Nothing is broadcast here; see <see cref="ClassroomBroadcaster"/>.
/// </summary>
internal static class ClassroomStore
{
    public static async Task<Committed> WriteAsync(IDocumentStore store, Guid sessionId, IMartenOutbox? outbox,
        Func<ClassroomWrite, Task> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        outbox?.Enroll(session);
        var sql = new ClassesSql(session);
        await sql.LockAsync(sessionId, ct);
        var write = new ClassroomWrite(session, sql, await session.LoadAsync<Classroom>(sessionId, ct), outbox);
        await decide(write);
        if (write.Events.Count > 0)
        {
            var events = write.Events.Select(e => (object)e.Event).ToArray();
            if (write.Started) session.Events.StartStream(sessionId, events);
            else session.Events.Append(sessionId, write.Room!.Version, events);
            session.Store(write.Room!);
        }
        await session.SaveChangesAsync(ct);
        return new Committed(write.RoomOrThrow, write.Events, write.Dropped);
    }

    public static async Task<Classroom?> LoadAsync(IDocumentStore store, Guid sessionId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Classroom>(sessionId, ct);
    }

    /// <summary>The events after `afterVersion`, in order, as the viewer may see them; null when more are missing than a catch-up carries.</summary>
    public static async Task<IReadOnlyList<ClassroomEventMessage>?> EventsAfterAsync(IDocumentStore store, Classroom room, long afterVersion,
        Guid viewer, bool viewerIsHost, CancellationToken ct)
    {
        if (afterVersion < 0 || afterVersion > room.Version || room.Version - afterVersion > ClassroomView.MaxCatchUp) return null;
        if (afterVersion == room.Version) return [];
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(room.Id, fromVersion: afterVersion + 1, token: ct);
        return events.Where(e => e.Version > afterVersion && e.Version <= room.Version)
            .Select(e => ClassroomView.For(room.Id, e.Version, (IClassroomEvent)e.Data, viewer, viewerIsHost)).ToList();
    }
}

internal static class ClassroomGroups
{
    public static string Room(Guid sessionId) => HubGroups.Class(sessionId);
    public static string Hosts(Guid sessionId) => HubGroups.Class(sessionId) + ":hosts";
}

/// <summary>
/// Sends committed events to the room, each with its stream version. Runs after the commit; if a send is lost
/// (a host dies in between), clients see the gap in versions and catch up from PostgreSQL.
/// </summary>
internal sealed class ClassroomBroadcaster(IHubContext<ClassroomHub> hub, ClassesReader db)
{
    public const string Method = "classroomEvent";

    public async Task SendAsync(Committed committed, CancellationToken ct)
    {
        var sessionId = committed.Room.Id;
        foreach (var connection in committed.Dropped)
        {
            await hub.Groups.RemoveFromGroupAsync(connection, ClassroomGroups.Room(sessionId), ct);
            await hub.Groups.RemoveFromGroupAsync(connection, ClassroomGroups.Hosts(sessionId), ct);
        }
        foreach (var (version, e) in committed.Events)
        {
            if (e is PrivateMessageSent p)
            {
                var learner = p.ToPersonId ?? p.FromPersonId;
                var full = ClassroomView.For(sessionId, version, e, null, true);
                await hub.Clients.Groups([ClassroomGroups.Hosts(sessionId), HubGroups.User(learner)]).SendAsync(Method, full, ct);
                var involved = await db.ListAsync("select connection_id from classes.connections where session_id = @s and (person_id = @p or role <> 'LEARNER')",
                    r => r.GetString(0), ct, ("s", sessionId), ("p", learner));
                await hub.Clients.GroupExcept(ClassroomGroups.Room(sessionId), involved).SendAsync(Method, ClassroomView.For(sessionId, version, e, null, false), ct);
                continue;
            }
            var message = ClassroomView.For(sessionId, version, e, null, false);
            await hub.Clients.Group(ClassroomGroups.Room(sessionId)).SendAsync(Method, message, ct);
            // Learners in the lobby are not in the room's group yet: tell them they may come in (or are out).
            if (e is LearnersAdmitted admitted)
                await hub.Clients.Groups(admitted.PersonIds.Select(HubGroups.User).ToList()).SendAsync(Method, message, ct);
            if (e is ParticipantRemoved removed)
                await hub.Clients.Group(HubGroups.User(removed.PersonId)).SendAsync(Method, message, ct);
        }
    }
}

public static class ClassroomErrors
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
}
