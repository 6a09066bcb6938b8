using System.Text;
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
internal sealed class ClassroomHub(IDocumentStore store, CatalogueStore catalogue, ClassAccess access, ClassesClock clock,
    IMartenOutbox outbox, ClassroomBroadcaster broadcaster, IOrganizationQueries organization, RelayNames relays, ClassroomPresence presence, ClassroomLines lines, ClassroomOpening opening) : Hub
{
    public const string Path = "/hubs/classroom";
    private const string SessionKey = "classroom.session";
    private const string LobbyKey = "classroom.lobby";
    public const int MaxChat = 2000;
    public const int MaxQuestion = 500;
    public static readonly string[] Reactions = ["👍", "👏", "❤️", "😂", "😮", "🙋", "🎉"];

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
        var now = clock.Now;
        var lobby = false;

        ClassroomSnapshot? snapshot = null;
        var committed = await ClassroomStore.WriteAsync(store, sessionId, null, async w =>
        {
            if (w.Room is null)
            {
                if (role == ClassroomRole.Learner) _ = w.RoomOrThrow;
                opening.DemandOpenable(s, now);
                w.Open(new ClassroomOpened(sessionId, c.Id, person, now));
                await w.Sql.ExecuteAsync("update classes.sessions set status = 'LIVE', opened_at = @at where id = @s and status = 'SCHEDULED'", ct,
                    ("s", sessionId), ("at", now));
                // Relay rooms opened before this one report their headcount now.
                var opened = await w.Sql.ListAsync("select id from classes.sessions where parent_session_id = @s", r => r.GetGuid(0), ct, ("s", sessionId));
                foreach (var relayId in opened)
                    if (await w.Session.LoadAsync<Classroom>(relayId, ct) is { Ended: false })
                        w.Append(new RelayHeadcountChanged(relayId, await relays.NameAsync(w.Sql, relayId, ct), await ClassroomTables.HeadcountAsync(w.Sql, relayId, ct), now));
            }
            var room = w.Room!;
            if (room.Ended) throw ClassroomErrors.Refusal(ClassroomErrors.Ended);
            var me = await w.PersonAsync(person, ct);
            if (me?.Removed == true) throw ClassroomErrors.Refusal(ClassroomErrors.Removed);
            var waiting = false;
            if (role == ClassroomRole.Learner && me?.Admitted != true)
            {
                if (room.Locked) throw new VapeException(ClassroomErrors.Locked, "Phòng học đã khóa; không vào thêm được.");
                if (c.Lobby)
                {
                    if (me?.InLobby != true) w.Append(new LearnerWaiting(person, name, now));
                    waiting = lobby = true;
                }
            }
            await w.Sql.ExecuteAsync("""
                insert into classes.connections (connection_id, session_id, person_id, role, connected_at, host_id, in_lobby)
                values (@id, @s, @p, @role, @at, @host, @lobby)
                on conflict (connection_id) do update set in_lobby = @lobby
                """, ct, ("id", Context.ConnectionId), ("s", sessionId), ("p", person), ("role", ClassroomView.Role(role)), ("at", now),
                ("host", presence.HostId), ("lobby", waiting));
            if (!waiting && me?.Present != true) w.Append(new ParticipantJoined(person, role, name, now));
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
    public Task<ClassroomCatchUp> CatchUp(long afterVersion) => Run(async ct =>
    {
        var person = Me();
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        return await ClassroomStore.ReadAsync(store, sessionId, async (sql, room) =>
        {
            var me = await ClassroomTables.FindAsync(sql, sessionId, person, ct);
            if (me is null || me.Removed) throw ClassroomErrors.Refusal(ClassroomErrors.Removed);
            var events = await ClassroomStore.EventsAfterAsync(sql.Session, room, afterVersion, person, me.IsHost, ct);
            return events is null ? new ClassroomCatchUp([], await ClassroomView.SnapshotAsync(sql, room, person, ct)) : new ClassroomCatchUp(events, null);
        }, ct) ?? throw Errors.SessionNotFound();
    });

    /// <summary>A chat line: the sender's name is the room's (their participant row), set by the statement that writes it.</summary>
    public Task<long> SendChat(string text) => Line(me => new ChatPosted(Guid.CreateVersion7(), me, "", Text(text, MaxChat, "Tin nhắn"), clock.Now));

    /// <summary>A learner writes to the hosts (no `toPersonId`); a host writes to one learner.</summary>
    public Task<long> SendPrivate(string text, Guid? toPersonId) => Act(async (w, room, me) =>
    {
        var body = Text(text, MaxChat, "Tin nhắn");
        Guid? to = null;
        if (me.IsHost)
        {
            if (toPersonId is not Guid target || await w.PersonAsync(target, Context.ConnectionAborted) is not { Role: ClassroomRole.Learner })
                throw VapeException.InvalidInput("Hãy chọn một học viên trong lớp để nhắn riêng.");
            to = target;
        }
        w.Append(new PrivateMessageSent(Guid.CreateVersion7(), me.PersonId, me.Name, to, body, clock.Now));
    });

    public Task<long> AskQuestion(string text) => Act((w, _, me) =>
        w.Append(new QuestionAsked(Guid.CreateVersion7(), me.PersonId, me.Name, Text(text, MaxQuestion, "Câu hỏi"), clock.Now)));

    public Task<long> UpvoteQuestion(Guid questionId) => Act(async (w, room, me) =>
    {
        var q = OpenQuestion(room, questionId);
        if (q.PersonId == me.PersonId) throw VapeException.InvalidInput("Không thể tự bình chọn câu hỏi của mình.");
        if (await ClassroomTables.UpvotedAsync(w.Sql, q.Id, me.PersonId, Context.ConnectionAborted))
            throw new VapeException(ClassroomErrors.AlreadyVoted, "Bạn đã bình chọn câu hỏi này.");
        w.Append(new QuestionUpvoted(q.Id, me.PersonId, q.Votes + 1, clock.Now));
    });

    public Task<long> AnswerQuestion(Guid questionId) => Act((w, room, me) =>
        w.Append(new QuestionClosed(OpenQuestion(room, questionId).Id, "ANSWERED", me.PersonId, clock.Now)), hostOnly: true);

    public Task<long> DismissQuestion(Guid questionId) => Act((w, room, me) =>
        w.Append(new QuestionClosed(OpenQuestion(room, questionId).Id, "DISMISSED", me.PersonId, clock.Now)), hostOnly: true);

    public Task<long> RaiseHand() => Act((w, room, me) =>
    {
        if (!room.Hands.Contains(me.PersonId)) w.Append(new HandRaised(me.PersonId, clock.Now));
    });

    /// <summary>Lower your own hand, or (a host) anyone's.</summary>
    public Task<long> LowerHand(Guid? personId) => Act((w, room, me) =>
    {
        var whose = personId ?? me.PersonId;
        if (whose != me.PersonId && !me.IsHost) throw HostOnly();
        if (room.Hands.Contains(whose)) w.Append(new HandLowered(whose, "LOWERED", me.PersonId, clock.Now));
    });

    public Task<long> CallOn(Guid personId) => Act((w, room, me) =>
    {
        if (!room.Hands.Contains(personId)) throw VapeException.InvalidInput("Người này không giơ tay.");
        w.Append(new HandLowered(personId, "CALLED_ON", me.PersonId, clock.Now));
    }, hostOnly: true);

    public Task<long> OpenPoll(string question, string[] options, bool multiple) => Act((w, _, me) =>
    {
        var q = Text(question, 300, "Câu hỏi thăm dò");
        if (options is null || options.Length is < 2 or > 10) throw VapeException.InvalidInput("Cuộc thăm dò có từ 2 đến 10 lựa chọn.");
        var texts = options.Select(o => Text(o, 200, "Lựa chọn")).ToArray();
        w.Append(new PollOpened(Guid.CreateVersion7(), q, texts, multiple, me.PersonId, clock.Now));
    }, hostOnly: true);

    public Task<long> ClosePoll(Guid pollId) => Act((w, room, me) =>
    {
        var poll = room.Polls.GetValueOrDefault(pollId) ?? throw VapeException.NotFound("Không có cuộc thăm dò này.");
        if (!poll.Open) throw new VapeException(ClassroomErrors.PollClosed, "Cuộc thăm dò đã đóng.");
        w.Append(new PollClosed(poll.Id, poll.Counts, me.PersonId, clock.Now));
    }, hostOnly: true);

    public Task<long> Vote(Guid pollId, int[] choices) => Act(async (w, room, me) =>
    {
        var poll = room.Polls.GetValueOrDefault(pollId) ?? throw VapeException.NotFound("Không có cuộc thăm dò này.");
        if (!poll.Open) throw new VapeException(ClassroomErrors.PollClosed, "Cuộc thăm dò đã đóng.");
        if (await ClassroomTables.VotedAsync(w.Sql, poll.Id, me.PersonId, Context.ConnectionAborted)) throw new VapeException(ClassroomErrors.AlreadyVoted, "Bạn đã bình chọn rồi.");
        var picked = (choices ?? []).Distinct().ToArray();
        if (picked.Length == 0 || picked.Length != (choices ?? []).Length || picked.Any(i => i < 0 || i >= poll.Options.Length) || (!poll.Multiple && picked.Length > 1))
            throw VapeException.InvalidInput(poll.Multiple ? "Hãy chọn một hoặc nhiều lựa chọn có trong danh sách." : "Hãy chọn đúng một lựa chọn có trong danh sách.");
        var counts = poll.Counts.ToArray();
        foreach (var i in picked) counts[i]++;
        w.Append(new PollVoted(poll.Id, me.PersonId, picked, counts, clock.Now));
    });

    public Task<long> React(string reaction) => Line(me =>
        Reactions.Contains(reaction) ? new ReactionSent(me, reaction, clock.Now) : throw VapeException.InvalidInput("Biểu cảm không hợp lệ."));

    /// <summary>
    /// A chat line or a reaction (`make` gets the sender): checked and written by one statement, with other lines of a
    /// busy room in one transaction, and queued for the room (<see cref="ClassroomLines"/>, docs/adr/0061).
    /// </summary>
    private Task<long> Line(Func<Guid, IClassroomEvent> make) => Run(_ =>
    {
        var person = Me();
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        return lines.PostAsync(sessionId, make(person));
    });

    /// <summary>Mute one learner's chat, or (no `personId`) every learner's.</summary>
    public Task<long> Mute(Guid? personId) => SetMuted(personId, true);

    public Task<long> Unmute(Guid? personId) => SetMuted(personId, false);

    private Task<long> SetMuted(Guid? personId, bool muted) => Act(async (w, room, me) =>
    {
        if (personId is Guid target)
        {
            var p = await LearnerAsync(w, target);
            if (p.Muted != muted) w.Append(new ChatMuted(target, muted, me.PersonId, clock.Now));
        }
        else if (room.AllMuted != muted) w.Append(new ChatMuted(null, muted, me.PersonId, clock.Now));
    }, hostOnly: true);

    /// <summary>Remove a learner: their devices leave the room and they cannot join again unless allowed back.</summary>
    public Task<long> Remove(Guid personId) => Act(async (w, room, me) =>
    {
        var p = await LearnerAsync(w, personId);
        if (p.Removed) return;
        w.Dropped.AddRange(await w.Sql.ListAsync("delete from classes.connections where session_id = @s and person_id = @p returning connection_id",
            r => r.GetString(0), Context.ConnectionAborted, ("s", room.Id), ("p", personId)));
        w.Append(new ParticipantRemoved(personId, me.PersonId, clock.Now));
    }, hostOnly: true);

    public Task<long> AllowBack(Guid personId) => Act(async (w, room, me) =>
    {
        var p = await w.PersonAsync(personId, Context.ConnectionAborted);
        if (p?.Removed != true) throw VapeException.InvalidInput("Người này không bị mời ra.");
        w.Append(new RemovalLifted(personId, me.PersonId, clock.Now));
    }, hostOnly: true);

    public Task<long> Lock(bool locked) => Act((w, room, me) =>
    {
        if (room.Locked != locked) w.Append(new RoomLocked(locked, me.PersonId, clock.Now));
    }, hostOnly: true);

    public Task<long> Admit(Guid personId) => Act(async (w, room, me) =>
    {
        if (await w.PersonAsync(personId, Context.ConnectionAborted) is not { InLobby: true }) throw VapeException.InvalidInput("Người này không ở phòng chờ.");
        w.Append(new LearnersAdmitted([personId], me.PersonId, clock.Now));
    }, hostOnly: true);

    public Task<long> AdmitAll() => Act(async (w, room, me) =>
    {
        var waiting = await ClassroomTables.AllWaitingAsync(w.Sql, room.Id, Context.ConnectionAborted);
        if (waiting.Count > 0) w.Append(new LearnersAdmitted([.. waiting], me.PersonId, clock.Now));
    }, hostOnly: true);

    /// <summary>Show page `page` (from 1) of material `material` (its index in the class's materials, from 0).</summary>
    public Task<long> ShowPage(int material, int page) => Act((w, _, me) =>
    {
        if (material < 0 || material > 19 || page is < 1 or > 10_000) throw VapeException.InvalidInput("Tài liệu hoặc số trang không hợp lệ.");
        w.Append(new PageShown(material, page, me.PersonId, clock.Now));
    }, hostOnly: true);

    /// <summary>End the class: attendance is closed and each learner who met the completion rule is sent to Records, in the same transaction.</summary>
    public Task<long> End() => Run(async ct =>
    {
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var s = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
        var c = await catalogue.LoadAsync(s.ClassId, ct) ?? throw Errors.ClassNotFound();
        return await ActAsync(async (w, _, me) =>
        {
            var now = clock.Now;
            w.Append(new ClassroomEnded(me.PersonId, now));
            await CloseAttendance.RecordAsync(w, c, s, now, ct);
            await w.Sql.ExecuteAsync("delete from classes.connections where session_id = @s", ct, ("s", sessionId));
        }, hostOnly: true, outbox);
    });

    private Task<long> Act(Action<ClassroomWrite, Classroom, Participant> decide, bool hostOnly = false) =>
        Run(_ => ActAsync((w, room, me) => { decide(w, room, me); return Task.CompletedTask; }, hostOnly, null));

    private Task<long> Act(Func<ClassroomWrite, Classroom, Participant, Task> decide, bool hostOnly = false) =>
        Run(_ => ActAsync(decide, hostOnly, null));

    /// <summary>An action in the room the connection has joined: checked against the committed room, appended, committed, then broadcast.</summary>
    private async Task<long> ActAsync(Func<ClassroomWrite, Classroom, Participant, Task> decide, bool hostOnly, IMartenOutbox? withOutbox)
    {
        var person = Me();
        var sessionId = Context.Items[SessionKey] as Guid? ?? throw NotInRoom();
        var ct = Context.ConnectionAborted;
        var committed = await ClassroomStore.WriteAsync(store, sessionId, withOutbox, async w =>
        {
            var room = w.RoomOrThrow;
            if (room.Ended) throw ClassroomErrors.Refusal(ClassroomErrors.Ended);
            var me = await w.PersonAsync(person, ct);
            if (me?.Removed == true) throw ClassroomErrors.Refusal(ClassroomErrors.Removed);
            if (me is not { Present: true }) throw NotInRoom();
            if (hostOnly && !me.IsHost) throw HostOnly();
            await decide(w, room, me);
        }, ct, relays, person: person);
        // Committed: the room hears it in order, and the caller has its version without waiting for every learner to.
        _ = broadcaster.SendAsync(committed);
        return committed.Version;
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
        var version = await ActAsync((w, room, me) =>
        {
            forwarded = OpenQuestion(room, questionId);
            w.Append(new QuestionClosed(forwarded.Id, "FORWARDED", me.PersonId, clock.Now));
            return Task.CompletedTask;
        }, hostOnly: true, null);
        var parent = await ClassroomStore.WriteAsync(store, parentId, null, w =>
        {
            if (!w.RoomOrThrow.Ended)
                w.Append(new QuestionAsked(Guid.CreateVersion7(), forwarded!.PersonId, $"{forwarded.Name} ({name})", forwarded.Text, clock.Now, sessionId));
            return Task.CompletedTask;
        }, ct);
        await broadcaster.SendAsync(parent);
        return version;
    });

    private Guid Me() => Context.User.PersonId() ?? throw VapeException.NotAuthenticated();

    private static VapeException NotInRoom() => ClassroomErrors.Refusal(ClassroomErrors.NotInRoom);

    private static VapeException HostOnly() => VapeException.NotAllowed("Chỉ người dẫn lớp được làm việc này.");

    private async Task<Participant> LearnerAsync(ClassroomWrite w, Guid personId) =>
        await w.PersonAsync(personId, Context.ConnectionAborted) is { Role: ClassroomRole.Learner } p ? p
            : throw VapeException.InvalidInput("Không có học viên này trong lớp.");

    private static Question OpenQuestion(Classroom room, Guid questionId)
    {
        var q = room.Questions.GetValueOrDefault(questionId) ?? throw VapeException.NotFound("Không có câu hỏi này.");
        if (q.Status != "OPEN") throw VapeException.InvalidInput("Câu hỏi đã được trả lời hoặc bỏ qua.");
        return q;
    }

    /// <summary>Text as written (NFC), 1..max characters; stored and sent as text, never interpreted as HTML.</summary>
    private static string Text(string? value, int max, string what)
    {
        var text = (value ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (text.Length == 0) throw VapeException.InvalidInput($"{what} không được để trống.");
        if (text.Length > max) throw VapeException.InvalidInput($"{what} dài tối đa {max} ký tự.");
        return text;
    }

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
