using Marten;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Realtime;
using Vape.Classes.Attendance;
using Vape.Classes.Catalogue;
using Vape.Organization.Contracts;
using Wolverine.Marten;

namespace Vape.Classes.Classroom;

/// <summary>
/// `/hubs/classroom`: the live class. A connection joins one session; every change is an event appended to the
/// session's stream and committed before it is sent to the room with its version (docs/adr/0010). Presence lives
/// in `classes.connections`, so it holds across hosts. The method table is in docs/classes.md.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = VapePolicies.Person)] // refused at negotiate, as /hubs/coordination
internal sealed class ClassroomHub(IDocumentStore store, CatalogueStore catalogue, ClassAccess access, ClassesClock clock,
    IMartenOutbox outbox, ClassroomBroadcaster broadcaster, IOrganizationQueries organization, RelayNames relays, ClassroomPresence presence, ClassroomLines lines, ClassroomOpening opening,
    Media.Speaking speaking) : Hub
{
    public const string Path = "/hubs/classroom";
    private const string SessionKey = "classroom.session";
    private const string LobbyKey = "classroom.lobby";

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // Queued, not written here: when a thousand connections drop at once, one writer leaves them in batches
        // (a host that dies first leaves its rows to the lease sweep of another host).
        if ((Context.Items[SessionKey] ?? Context.Items[LobbyKey]) is Guid sessionId)
            presence.Depart(sessionId, Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Enter a session's room (hosts open it); returns the snapshot, or a lobby place when the host admits learners.</summary>
    public Task<ClassroomSnapshot> Join(Guid sessionId) => Run(async ct =>
    {
        var person = Me();
        if ((Context.Items[SessionKey] ?? Context.Items[LobbyKey]) is Guid current && current != sessionId)
            throw VapeException.InvalidInput("Kết nối này đang ở một phòng học khác; hãy rời phòng đó trước.");
        var s = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
        var c = await catalogue.LoadAsync(s.ClassId, ct) ?? throw Errors.ClassNotFound();
        var role = c.HostIds.Contains(person) ? ClassroomRole.Host : c.CoHostIds.Contains(person) ? ClassroomRole.CoHost : ClassroomRole.Learner;
        if (role == ClassroomRole.Learner) await access.DemandAudienceAsync(c, person, ct);
        if (c.Status == ClassStatus.Cancelled || s.Status == SessionStatus.Cancelled)
            throw new VapeException(ClassroomErrors.Cancelled, "Lớp học đã bị hủy.");
        if (s.Status == SessionStatus.Ended) throw ClassroomErrors.Refusal(ClassroomErrors.Ended);
        if (role == ClassroomRole.Learner && (await catalogue.EnrolmentAsync(c.Id, person, ct))?.Status != EnrolmentStatus.Enrolled)
            throw new VapeException(ClassroomErrors.NotEnrolled, "Bạn chưa có chỗ trong lớp học này; hãy đăng ký trước.");
        var name = (await organization.DisplayNamesAsync([person], ct)).GetValueOrDefault(person) ?? "Học viên";
        var join = new JoinRoom(sessionId, c.Id, person, role, name, c.Lobby, clock.Now);
        var now = join.At;
        var lobby = false;

        ClassroomSnapshot? snapshot = null;
        var committed = await ClassroomStore.WriteAsync(store, sessionId, null, async w =>
        {
            if (w.Room is null)
            {
                var opened = join.Open(w.Room);
                opening.DemandOpenable(s, now);
                w.Open(opened);
                await w.Sql.ExecuteAsync("update classes.sessions set status = 'LIVE', opened_at = @at where id = @s and status = 'SCHEDULED'", ct,
                    ("s", sessionId), ("at", now));
                // Relay rooms opened before this one report their headcount now.
                var relayIds = await w.Sql.ListAsync("select id from classes.sessions where parent_session_id = @s", r => r.GetGuid(0), ct, ("s", sessionId));
                foreach (var relayId in relayIds)
                    if (await w.Session.LoadAsync<Classroom>(relayId, ct) is { Ended: false })
                        w.Append(new RelayHeadcountChanged(relayId, await relays.NameAsync(w.Sql, relayId, ct), await ClassroomTables.HeadcountAsync(w.Sql, relayId, ct), now));
            }
            var (events, waiting) = join.Decide(w.Room!, await w.PersonAsync(person, ct));
            lobby = waiting;
            await w.Sql.ExecuteAsync("""
                insert into classes.connections (connection_id, session_id, person_id, role, connected_at, host_id, in_lobby)
                values (@id, @s, @p, @role, @at, @host, @lobby)
                on conflict (connection_id) do update set in_lobby = @lobby
                """, ct, ("id", Context.ConnectionId), ("s", sessionId), ("p", person), ("role", ClassroomView.Role(role)), ("at", now),
                ("host", presence.HostId), ("lobby", waiting));
            foreach (var e in events) w.Append(e);
        }, ct, relays, async w => snapshot = await ClassroomView.SnapshotAsync(w.Sql, w.Room!, person, ct));

        if (lobby) Context.Items[LobbyKey] = sessionId;
        else
        {
            Context.Items[SessionKey] = sessionId;
            Context.Items.Remove(LobbyKey);
            await Groups.AddToGroupAsync(Context.ConnectionId, ClassroomGroups.Room(sessionId), ct);
            if (role != ClassroomRole.Learner) await Groups.AddToGroupAsync(Context.ConnectionId, ClassroomGroups.Hosts(sessionId), ct);
        }
        await broadcaster.SendAsync(committed);
        return snapshot!;
    });

    /// <summary>
    /// Follow a session's relay rooms without entering it (the console's relay panel): the connection hears the room's
    /// `relayHeadcountChanged` and `classroomEnded`, and is not counted. For the class's hosts and the officials who
    /// may manage it, as GraphQL's `classroomSnapshot`; returns the room's version (0 before it opens).
    /// </summary>
    public Task<long> WatchRelays(Guid sessionId) => Run(async ct =>
    {
        var person = Me();
        var s = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
        var c = await catalogue.LoadAsync(s.ClassId, ct) ?? throw Errors.ClassNotFound();
        if (!c.IsHost(person) && !await access.MayManageAsync(c, person, ct))
            throw VapeException.NotAllowed("Chỉ người dẫn lớp và cán bộ tổ chức lớp theo dõi được các phòng tiếp sóng.");
        await Groups.AddToGroupAsync(Context.ConnectionId, ClassroomGroups.Watchers(sessionId), ct);
        return (await ClassroomStore.LoadAsync(store, sessionId, ct))?.Version ?? 0L;
    });

    /// <summary>Leave the room (or its lobby); the learner stops counting when their last device leaves.</summary>
    public Task Leave() => Run(async ct =>
    {
        if ((Context.Items[SessionKey] ?? Context.Items[LobbyKey]) is not Guid sessionId) return 0;
        await presence.LeaveAsync(sessionId, [Context.ConnectionId], ct);
        Context.Items.Remove(SessionKey);
        Context.Items.Remove(LobbyKey);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ClassroomGroups.Room(sessionId), ct);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ClassroomGroups.Hosts(sessionId), ct);
        return 0;
    });

    /// <summary>The next page of the people present, after the cursor a snapshot (or the previous page) gave.</summary>
    public Task<ParticipantPage> Participants(Guid after) => Run(async ct =>
    {
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        return (await ClassroomStore.ReadAsync(store, sessionId, async (sql, room) =>
        {
            var (page, next) = await ClassroomTables.PresentAsync(sql, sessionId, after, ct);
            return new ParticipantPage(page.Select(p => ClassroomView.View(p, room)).ToList(), next);
        }, ct))!;
    });

    /// <summary>The events after `afterVersion`, exactly those and in order; too far behind: a fresh snapshot instead.</summary>
    public Task<ClassroomCatchUp> CatchUp(long afterVersion) => Run(ct =>
        CatchUpAsync(Context.Items[SessionKey] as Guid? ?? throw NotInRoom(), afterVersion, ct));

    /// <summary>
    /// <see cref="CatchUp"/> for a room this connection has not joined (yet): a client back after a lost connection
    /// catches up first, then joins, so that its own re-join is not among the events it missed (docs/adr/0111).
    /// For someone who was in the room (not removed); a connection in another room is refused.
    /// </summary>
    public Task<ClassroomCatchUp> CatchUpIn(Guid sessionId, long afterVersion) => Run(ct =>
    {
        if ((Context.Items[SessionKey] ?? Context.Items[LobbyKey]) is Guid current && current != sessionId)
            throw VapeException.InvalidInput("Kết nối này đang ở một phòng học khác; hãy rời phòng đó trước.");
        return CatchUpAsync(sessionId, afterVersion, ct);
    });

    private async Task<ClassroomCatchUp> CatchUpAsync(Guid sessionId, long afterVersion, CancellationToken ct)
    {
        var person = Me();
        return await ClassroomStore.ReadAsync(store, sessionId, async (sql, room) =>
        {
            var me = await ClassroomTables.FindAsync(sql, sessionId, person, ct);
            if (me is { Removed: true }) throw ClassroomErrors.Refusal(ClassroomErrors.Removed);
            if (me?.FirstJoinedAt is null) throw NotInRoom();
            var events = await ClassroomStore.EventsAfterAsync(sql.Session, room, afterVersion, person, me.IsHost, ct);
            return events is null ? new ClassroomCatchUp([], await ClassroomView.SnapshotAsync(sql, room, person, ct)) : new ClassroomCatchUp(events, null);
        }, ct) ?? throw Errors.SessionNotFound();
    }

    /// <summary>A chat line: the sender's name is the room's (their participant row).</summary>
    public Task<long> SendChat(string text) => Line(() => global::Vape.Classes.Classroom.SendChat.Of(Guid.CreateVersion7(), text, clock.Now));

    /// <summary>
    /// <see cref="SendChat(string)"/> with the client's id for the line (docs/adr/0111): sent again after an answer was
    /// lost, it is not posted twice, and the caller gets the version it was posted at.
    /// </summary>
    public Task<long> SendChatWithId(Guid messageId, string text) => Line(() => global::Vape.Classes.Classroom.SendChat.Of(messageId, text, clock.Now));

    public Task<long> SendPrivate(string text, Guid? toPersonId) => Act(new SendPrivate(Guid.CreateVersion7(), text, toPersonId, clock.Now));

    public Task<long> AskQuestion(string text) => Act(new AskQuestion(Guid.CreateVersion7(), text, clock.Now));

    /// <summary><see cref="AskQuestion(string)"/> with the client's id for the question: asked again after an answer was lost, it is not asked twice.</summary>
    public Task<long> AskQuestionWithId(Guid questionId, string text) => Act(new AskQuestion(questionId, text, clock.Now));

    public Task<long> UpvoteQuestion(Guid questionId) => Act(new UpvoteQuestion(questionId, clock.Now));

    public Task<long> AnswerQuestion(Guid questionId) => Act(new AnswerQuestion(questionId, clock.Now));

    public Task<long> DismissQuestion(Guid questionId) => Act(new DismissQuestion(questionId, clock.Now));

    public Task<long> RaiseHand() => Act(new RaiseHand(clock.Now));

    public Task<long> LowerHand(Guid? personId) => Act(new LowerHand(personId, clock.Now));

    public Task<long> CallOn(Guid personId) => Act(new CallOn(personId, clock.Now));

    /// <summary><see cref="CallOn(Guid)"/>, the learner allowed to publish their picture too (`picture`) or only their voice (docs/adr/0299).</summary>
    public Task<long> CallOnWithPicture(Guid personId, bool picture) => Act(new CallOn(personId, clock.Now, picture));

    /// <summary>During a learner's turn to speak, a host allows or withdraws their picture; their voice goes on.</summary>
    public Task<long> AllowPicture(Guid personId, bool allowed) => Run(async ct =>
    {
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var speaks = await speaking.IsSpeakingAsync(sessionId, personId, ct);
        return await ActAsync(new AllowPicture(personId, allowed, speaks, clock.Now), null, null);
    });

    public Task<long> OpenPoll(string question, string[] options, bool multiple) => Act(new OpenPoll(Guid.CreateVersion7(), question, options, multiple, clock.Now));

    public Task<long> ClosePoll(Guid pollId) => Act(new ClosePoll(pollId, clock.Now));

    public Task<long> Vote(Guid pollId, int[] choices) => Act(new Vote(pollId, choices, clock.Now));

    public Task<long> React(string reaction) => Line(() => SendReaction.Of(reaction, clock.Now));

    /// <summary>
    /// A chat line or a reaction: decided and written with other lines of a busy room in one statement, and queued
    /// for the room (<see cref="ClassroomLines"/>, docs/adr/0061).
    /// </summary>
    private Task<long> Line(Func<IRoomAction> line) => Run(_ =>
    {
        var person = Me();
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        return lines.PostAsync(sessionId, person, line());
    });

    /// <summary>Mute one learner's chat, or (no `personId`) every learner's.</summary>
    public Task<long> Mute(Guid? personId) => Act(new MuteChat(personId, true, clock.Now));

    public Task<long> Unmute(Guid? personId) => Act(new MuteChat(personId, false, clock.Now));

    /// <summary>Remove a learner: their devices leave the room (in the same transaction) and its groups (after it).</summary>
    public Task<long> Remove(Guid personId) => Run(ct => ActAsync(new RemoveLearner(personId, clock.Now), null, async w =>
    {
        if (w.Events.Count > 0)
        {
            await ClassroomTables.CloseMediaAsync(w.Sql, w.SessionId, "c.person_id = @p", clock.Now, ct, ("p", personId));
            w.Dropped.AddRange(await w.Sql.ListAsync("delete from classes.connections where session_id = @s and person_id = @p returning connection_id",
                r => r.GetString(0), ct, ("s", w.SessionId), ("p", personId)));
        }
    }));

    public Task<long> AllowBack(Guid personId) => Act(new AllowBack(personId, clock.Now));

    public Task<long> Lock(bool locked) => Act(new LockRoom(locked, clock.Now));

    public Task<long> Admit(Guid personId) => Act(new AdmitLearner(personId, clock.Now));

    public Task<long> AdmitAll() => Act(new AdmitAll(clock.Now));

    public Task<long> ShowPage(int material, int page) => Act(new ShowPage(material, page, clock.Now));

    /// <summary>End the class: attendance is closed and each learner who met the completion rule is sent to Records, in the same transaction.</summary>
    public Task<long> End() => Run(async ct =>
    {
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var s = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
        var c = await catalogue.LoadAsync(s.ClassId, ct) ?? throw Errors.ClassNotFound();
        var end = new EndClass(clock.Now);
        return await ActAsync(end, outbox, async w =>
        {
            await ClassroomTables.CloseMediaAsync(w.Sql, sessionId, "true", end.At, ct);
            await CloseAttendance.RecordAsync(w, c, s, end.At, ct);
            await w.Sql.ExecuteAsync("delete from classes.connections where session_id = @s", ct, ("s", sessionId));
        });
    });

    /// <summary>
    /// This device's picture and sound: connected (a stretch with media starts now) or not (it ends, its seconds
    /// counted); a device that leaves ends its stretch too. Summed into attendance at the class's end beside the
    /// minutes in the room (docs/adr/0229). Saying the same twice changes nothing.
    /// </summary>
    public Task MediaConnected(bool connected) => Run(async ct =>
    {
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var now = clock.Now;
        await using var session = store.LightweightSession();
        var sql = new ClassesSql(session);
        if (connected)
        {
            if (!await ClassroomTables.OpenMediaAsync(sql, sessionId, Context.ConnectionId, now, ct))
            {
                // This device is no longer in the room: say why (the class ended, the person was removed).
                var (ended, removed) = (await sql.ListAsync("""
                    select coalesce((select status = 'ENDED' from classes.sessions where id = @s), false),
                           coalesce((select removed from classes.participants where session_id = @s and person_id = @p), false)
                    """, r => (r.GetBoolean(0), r.GetBoolean(1)), ct, ("s", sessionId), ("p", Me())))[0];
                throw ClassroomErrors.Refusal(ended ? ClassroomErrors.Ended : removed ? ClassroomErrors.Removed : ClassroomErrors.NotInRoom);
            }
        }
        else await ClassroomTables.CloseMediaAsync(sql, sessionId, "c.connection_id = @c", now, ct, ("c", Context.ConnectionId));
        await session.SaveChangesAsync(ct);
        return 0;
    });

    /// <summary>
    /// This page started or stopped publishing on Janus (a host's camera or screen, a speaking learner's voice): the
    /// room hears `mediaPublishersChanged` and every page subscribes again now, not at its next poll (docs/adr/0268).
    /// </summary>
    public Task<long> MediaPublishing(bool publishing) => Run(async ct =>
    {
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var mine = await speaking.IsSpeakingAsync(sessionId, Me(), ct);
        return await ActAsync(new ReportPublishing(publishing, mine, clock.Now), null, null);
    });

    private Task<long> Act(IRoomAction action) => Run(_ => ActAsync(action, null, null));

    /// <summary>
    /// An action in the room the connection has joined: decided (<see cref="ClassroomDecider"/>) against the room and
    /// the rows it reads under the room's lock, appended with what goes with it (`then`, in the same transaction),
    /// committed, then broadcast.
    /// </summary>
    private async Task<long> ActAsync(IRoomAction action, IMartenOutbox? withOutbox, Func<ClassroomWrite, Task>? then)
    {
        var person = Me();
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var ct = Context.ConnectionAborted;
        var committed = await ClassroomStore.WriteAsync(store, sessionId, withOutbox, async w =>
        {
            foreach (var e in ClassroomDecider.Decide(action, await StateAsync(w, person, action.Reads, ct))) w.Append(e);
            if (then is not null) await then(w);
        }, ct, relays, person: person);
        // Committed: the room hears it in order, and the caller has its version without waiting for every learner to.
        _ = broadcaster.SendAsync(committed);
        return committed.Version;
    }

    /// <summary>What the decision reads (<see cref="RoomState"/>), as of the room's lock.</summary>
    private static async Task<RoomState> StateAsync(ClassroomWrite w, Guid person, RoomReads reads, CancellationToken ct)
    {
        var state = new RoomState(w.Room, await w.PersonAsync(person, ct));
        if (w.Room is null) return state;
        if (reads.Person is Guid other) state = state with { Person = await w.PersonAsync(other, ct) };
        if (reads.Poll is Guid poll) state = state with { Voted = await ClassroomTables.VotedAsync(w.Sql, poll, person, ct) };
        if (reads.Question is Guid question) state = state with { Voted = await ClassroomTables.UpvotedAsync(w.Sql, question, person, ct) };
        if (reads.Lobby) state = state with { Waiting = await ClassroomTables.AllWaitingAsync(w.Sql, w.SessionId, ct) };
        return state;
    }

    /// <summary>A relay room's host sends a learner's question up to the parent class's Q&amp;A.</summary>
    public Task<long> ForwardQuestion(Guid questionId) => Run(async ct =>
    {
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var s = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
        if (s.ParentSessionId is not Guid parentId) throw VapeException.InvalidInput("Buổi học này không tiếp sóng lớp nào.");
        if (await ClassroomStore.LoadAsync(store, parentId, ct) is not { Ended: false })
            throw new VapeException(ClassroomErrors.NotOpen, "Lớp gốc chưa mở hoặc đã kết thúc.");
        var name = await relays.NameAsync(s.Id, ct);
        Question? forwarded = null;
        var version = await ActAsync(new ForwardQuestion(questionId, clock.Now), null, w =>
        {
            forwarded = w.Room!.Questions[questionId];
            return Task.CompletedTask;
        });
        var parent = await ClassroomStore.WriteAsync(store, parentId, null, w =>
        {
            foreach (var e in global::Vape.Classes.Classroom.ForwardQuestion.Receive(w.RoomOrThrow, forwarded!, sessionId, name, Guid.CreateVersion7(), clock.Now)) w.Append(e);
            return Task.CompletedTask;
        }, ct);
        await broadcaster.SendAsync(parent);
        return version;
    });

    private Guid Me() => Context.User.PersonId() ?? throw VapeException.NotAuthenticated();

    private static VapeException NotInRoom() => ClassroomErrors.Refusal(ClassroomErrors.NotInRoom);

    private async Task<T> Run<T>(Func<CancellationToken, Task<T>> action)
    {
        try
        {
            return await action(Context.ConnectionAborted);
        }
        catch (VapeException e)
        {
            throw HubErrors.Create(e.Code, e.Message);
        }
    }
}
