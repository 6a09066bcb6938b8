namespace Vape.Classes.Classroom;

/// <summary>What a client receives for one committed event: the stream version, the event's name and its data.</summary>
public sealed record ClassroomEventMessage(Guid SessionId, long Version, string Type, DateTimeOffset At, object Data);

public sealed record SnapshotMe(Guid PersonId, string Role, bool Muted, bool InLobby);
public sealed record SnapshotParticipant(Guid PersonId, string Name, string Role, bool Muted, bool HandRaised);
public sealed record SnapshotPoll(Guid PollId, string Question, IReadOnlyList<string> Options, bool Multiple, bool Open, IReadOnlyList<int> Counts, IReadOnlyList<int> MyChoices);
public sealed record SnapshotChat(Guid MessageId, Guid PersonId, string Name, string Text, DateTimeOffset At);
public sealed record SnapshotRelay(Guid SessionId, string Name, int Headcount);
/// <summary>An open question; `RelaySessionId` and `RelayName` are set when it was escalated from a relay room (ADR 0157).</summary>
public sealed record SnapshotQuestion(Guid QuestionId, Guid PersonId, string Name, string Text, int Votes, bool UpvotedByMe, DateTimeOffset At,
    Guid? RelaySessionId = null, string? RelayName = null);

/// <summary>Everything a client needs to draw the room, as of <see cref="Version"/>; later events have higher versions.</summary>
public sealed record ClassroomSnapshot(
    Guid SessionId, Guid ClassId, long Version, string Status, SnapshotMe Me, bool Locked, bool AllMuted, int Headcount,
    IReadOnlyList<SnapshotParticipant> Participants, IReadOnlyList<SnapshotParticipant> Lobby, int Material, int Page,
    IReadOnlyList<SnapshotPoll> Polls, IReadOnlyList<Guid> Hands, IReadOnlyList<SnapshotChat> Chat, IReadOnlyList<SnapshotQuestion> Questions,
    IReadOnlyList<SnapshotRelay> Relays, int TotalHeadcount)
{
    /// <summary>More participants than one page: pass this to the hub's `Participants(after)` for the next page; null when the list is complete.</summary>
    public Guid? ParticipantsAfter { get; init; }

    /// <summary>Set when this room relays another class's session (a cascade class): the parent session, where its hosts send questions up.</summary>
    public Guid? RelayOfSessionId { get; init; }
}

/// <summary>A page of the people present, and the cursor of the next page (null at the end).</summary>
public sealed record ParticipantPage(IReadOnlyList<SnapshotParticipant> Participants, Guid? After);

/// <summary>Missing events in order, or (too far behind) a fresh snapshot instead.</summary>
public sealed record ClassroomCatchUp(IReadOnlyList<ClassroomEventMessage> Events, ClassroomSnapshot? Snapshot);

internal static class ClassroomView
{
    public const int MaxCatchUp = 500;

    public static string Role(ClassroomRole role) => role switch
    {
        ClassroomRole.Host => "HOST",
        ClassroomRole.CoHost => "CO_HOST",
        _ => "LEARNER",
    };

    /// <summary>The event as the viewer may see it: private messages only between a learner and the hosts; votes without voters.</summary>
    public static ClassroomEventMessage For(Guid sessionId, long version, IClassroomEvent e, Guid? viewer, bool viewerIsHost)
    {
        object data = e switch
        {
            PrivateMessageSent p when viewerIsHost || (viewer is Guid v && (p.FromPersonId == v || p.ToPersonId == v)) => p,
            PrivateMessageSent p => new { p.At },
            PollVoted v => new { v.PollId, v.Counts, v.At },
            QuestionUpvoted u => new { u.QuestionId, u.Votes, u.At },
            _ => e,
        };
        return new ClassroomEventMessage(sessionId, version, ClassroomEventTypes.Name(e), e.At, data);
    }

    /// <summary>
    /// The room as the viewer sees it at the room's version, read in the transaction `sql` belongs to (the write that
    /// produced the version, or a repeatable-read transaction): the first page of participants (hosts first), the
    /// lobby for hosts, the last 50 chat lines.
    /// </summary>
    public static async Task<ClassroomSnapshot> SnapshotAsync(ClassesSql sql, Classroom room, Guid viewer, CancellationToken ct)
    {
        var me = await ClassroomTables.FindAsync(sql, room.Id, viewer, ct);
        var isHost = me?.IsHost == true;
        var inLobby = me?.InLobby == true;
        var meView = new SnapshotMe(viewer, me is null ? "LEARNER" : Role(me.Role), me?.Muted == true || (room.AllMuted && !isHost), inLobby);
        var status = room.Ended ? "ENDED" : "LIVE";
        var headcount = await ClassroomTables.HeadcountAsync(sql, room.Id, ct);
        var relayOf = await sql.ScalarAsync<Guid?>("select parent_session_id from classes.sessions where id = @s", ct, ("s", room.Id));
        if (inLobby)
            return new ClassroomSnapshot(room.Id, room.ClassId, room.Version, status, meView, room.Locked, room.AllMuted, headcount, [], [], 0, 0, [], [], [], [], [], headcount)
            { RelayOfSessionId = relayOf };
        var (present, next) = await ClassroomTables.PresentAsync(sql, room.Id, null, ct);
        var lobby = isHost ? await ClassroomTables.LobbyAsync(sql, room.Id, ct) : [];
        var votes = await ClassroomTables.MyVotesAsync(sql, room.Id, viewer, ct);
        var upvotes = await ClassroomTables.MyUpvotesAsync(sql, room.Id, viewer, ct);
        return new ClassroomSnapshot(room.Id, room.ClassId, room.Version, status, meView, room.Locked, room.AllMuted, headcount,
            present.Select(p => View(p, room)).ToList(),
            lobby.Select(p => new SnapshotParticipant(p.PersonId, p.Name, Role(p.Role), p.Muted, false)).ToList(),
            room.Material, room.Page,
            room.Polls.Values.Where(p => p.Open)
                .Select(p => new SnapshotPoll(p.Id, p.Question, p.Options, p.Multiple, p.Open, p.Counts, votes.GetValueOrDefault(p.Id) ?? [])).ToList(),
            room.Hands.ToList(),
            await ClassroomTables.ChatAsync(sql, room.Id, room.Version, ct),
            room.Questions.Values.Where(q => q.Status == "OPEN").OrderByDescending(q => q.Votes).ThenBy(q => q.At)
                .Select(q => new SnapshotQuestion(q.Id, q.PersonId, q.Name, q.Text, q.Votes, upvotes.Contains(q.Id), q.At, q.RelaySessionId, q.RelayName)).ToList(),
            room.Relays.Values.OrderBy(r => r.Name).Select(r => new SnapshotRelay(r.SessionId, r.Name, r.Headcount)).ToList(),
            headcount + room.Relays.Values.Sum(r => r.Headcount))
        { ParticipantsAfter = next, RelayOfSessionId = relayOf };
    }

    public static SnapshotParticipant View(Participant p, Classroom room) =>
        new(p.PersonId, p.Name, Role(p.Role), p.Muted, room.Hands.Contains(p.PersonId));
}
