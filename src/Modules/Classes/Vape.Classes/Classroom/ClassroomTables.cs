using Npgsql;

namespace Vape.Classes.Classroom;

/// <summary>
/// The part of a room that grows with its people, in SQL tables written in the classroom's own transaction (under
/// its lock, beside the events): `classes.participants` (one row per person), `classes.chat`, `classes.poll_votes`
/// and `classes.question_votes`. Each event touches at most the rows it is about; only the end of the class
/// touches every participant (docs/adr/0014).
/// </summary>
internal static class ClassroomTables
{
    /// <summary>Participants in one page of a snapshot (the rest with the hub's `Participants(after)`).</summary>
    public const int PageSize = 100;

    private const string LeaveSql = """
        seconds_present = seconds_present + greatest(0, extract(epoch from (@at - coalesce(present_since, @at)))),
        last_left_at = case when present then @at else last_left_at end, present = false, present_since = null
        """;

    /// <summary>Writes the event's rows now (a decision reads them before it commits).</summary>
    public static Task ApplyAsync(ClassesSql sql, Guid s, long version, IClassroomEvent e, CancellationToken ct) =>
        StatementOf(s, version, e) is { } w ? sql.ExecuteAsync(w.Sql, ct, w.Parameters) : Task.CompletedTask;

    /// <summary>Queues the event's rows into the commit's batch: they go to PostgreSQL with the events and the room document, in one round trip.</summary>
    public static void Queue(ClassesSql sql, Guid s, long version, IClassroomEvent e)
    {
        if (StatementOf(s, version, e) is { } w) sql.Queue(w.Sql, w.Parameters);
    }

    private static Statement W(string sql, params (string Name, object? Value)[] parameters) => new(sql, parameters);

    private sealed record Statement(string Sql, (string Name, object? Value)[] Parameters);

    /// <summary>
    /// The one statement that writes what the event changes in the tables, if it changes anything there. Chat lines
    /// are not written here: `classes.append_lines` writes their rows with them (<see cref="ClassroomLines"/>).
    /// </summary>
    private static Statement? StatementOf(Guid s, long version, IClassroomEvent e) => e switch
    {
        LearnerWaiting w => W("""
            insert into classes.participants (session_id, person_id, name, role, in_lobby, lobby_since) values (@s, @p, @name, 'LEARNER', true, @at)
            on conflict (session_id, person_id) do update set in_lobby = true, lobby_since = @at, name = @name
            """, ("s", s), ("p", w.PersonId), ("name", w.Name), ("at", w.At)),
        LearnerLeftLobby l => W("update classes.participants set in_lobby = false where session_id = @s and person_id = @p",
            ("s", s), ("p", l.PersonId)),
        LearnersAdmitted a => W("update classes.participants set in_lobby = false, admitted = true where session_id = @s and person_id = any(@p)",
            ("s", s), ("p", a.PersonIds)),
        ParticipantJoined j => W("""
            insert into classes.participants (session_id, person_id, name, role, admitted, present, present_since, first_joined_at)
            values (@s, @p, @name, @role, true, true, @at, @at)
            on conflict (session_id, person_id) do update set name = @name, role = @role, admitted = true, in_lobby = false, present = true,
                present_since = @at, first_joined_at = coalesce(participants.first_joined_at, @at)
            """, ("s", s), ("p", j.PersonId), ("name", j.Name), ("role", ClassroomView.Role(j.Role)), ("at", j.At)),
        ParticipantLeft l => W($"update classes.participants set {LeaveSql} where session_id = @s and person_id = @p and present",
            ("s", s), ("p", l.PersonId), ("at", l.At)),
        ParticipantRemoved r => W($"update classes.participants set removed = true, in_lobby = false, {LeaveSql} where session_id = @s and person_id = @p",
            ("s", s), ("p", r.PersonId), ("at", r.At)),
        RemovalLifted rl => W("update classes.participants set removed = false where session_id = @s and person_id = @p",
            ("s", s), ("p", rl.PersonId)),
        ChatMuted { PersonId: Guid muted } m => W("update classes.participants set muted = @m where session_id = @s and person_id = @p",
            ("s", s), ("p", muted), ("m", m.Muted)),
        PollVoted v => W("insert into classes.poll_votes (poll_id, person_id, session_id, choices) values (@poll, @p, @s, @choices)",
            ("poll", v.PollId), ("p", v.PersonId), ("s", s), ("choices", v.Choices)),
        QuestionUpvoted u => W("insert into classes.question_votes (question_id, person_id, session_id) values (@q, @p, @s)",
            ("q", u.QuestionId), ("p", u.PersonId), ("s", s)),
        ClassroomEnded end => W($"update classes.participants set {LeaveSql} where session_id = @s and present",
            ("s", s), ("at", end.At)),
        _ => null,
    };

    /// <summary>
    /// Closes the media stretches of the session's connections that match `filter` (on `c`, with `@ids` or `@p`):
    /// each adds its seconds up to `@at` to its person's `media_seconds` and is cleared. The rows are locked first, so
    /// a device's own report and its leaving (or the class's end) never count one stretch twice (docs/adr/0229).
    /// </summary>
    public static Task CloseMediaAsync(ClassesSql sql, Guid s, string filter, DateTimeOffset at, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        sql.ExecuteAsync($"""
            with closed as (
                select c.connection_id, c.person_id, c.media_since from classes.connections c
                where c.session_id = @s and c.media_since is not null and ({filter}) for update
            ), cleared as (
                update classes.connections c set media_since = null from closed where c.connection_id = closed.connection_id
            )
            update classes.participants p set media_seconds = p.media_seconds + m.seconds
            from (select person_id, sum(greatest(0, extract(epoch from (@at - media_since))))::double precision as seconds from closed group by person_id) m
            where p.session_id = @s and p.person_id = m.person_id
            """, ct, [("s", s), ("at", at), .. parameters]);

    /// <summary>A device of the room reports its media connected: its stretch starts now, unless one is open. False: no such device in the room.</summary>
    public static async Task<bool> OpenMediaAsync(ClassesSql sql, Guid s, string connection, DateTimeOffset at, CancellationToken ct) =>
        await sql.ScalarAsync<long>("""
            with opened as (
                update classes.connections set media_since = coalesce(media_since, @at)
                where session_id = @s and connection_id = @c and not in_lobby returning 1
            ) select count(*) from opened
            """, ct, ("s", s), ("c", connection), ("at", at)) > 0;

    /// <summary>Each learner's seconds with media connected (closed stretches only).</summary>
    public static async Task<Dictionary<Guid, double>> MediaSecondsAsync(ClassesSql sql, Guid s, CancellationToken ct) =>
        (await sql.ListAsync("select person_id, media_seconds from classes.participants where session_id = @s and media_seconds > 0",
            r => (r.GetGuid(0), r.GetDouble(1)), ct, ("s", s))).ToDictionary(x => x.Item1, x => x.Item2);

    private const string Columns = "person_id, name, role, admitted, present, muted, removed, in_lobby, first_joined_at, last_left_at, seconds_present";

    internal static Participant Read(NpgsqlDataReader r) => new()
    {
        PersonId = r.GetGuid(0),
        Name = r.GetString(1),
        Role = r.GetString(2) switch { "HOST" => ClassroomRole.Host, "CO_HOST" => ClassroomRole.CoHost, _ => ClassroomRole.Learner },
        Admitted = r.GetBoolean(3),
        Present = r.GetBoolean(4),
        Muted = r.GetBoolean(5),
        Removed = r.GetBoolean(6),
        InLobby = r.GetBoolean(7),
        FirstJoinedAt = r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
        LastLeftAt = r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
        SecondsPresent = r.GetDouble(10),
    };

    /// <summary>One person's row of a session (`@s`, `@p`).</summary>
    internal const string FindSql = $"select {Columns} from classes.participants where session_id = @s and person_id = @p";

    public static async Task<Participant?> FindAsync(ClassesSql sql, Guid s, Guid person, CancellationToken ct) =>
        (await sql.ListAsync(FindSql, Read, ct, ("s", s), ("p", person))).FirstOrDefault();

    /// <summary>The learners a host muted or removed: what the media sweep keeps true on Janus (docs/adr/0140).</summary>
    public static Task<List<Participant>> ModeratedAsync(ClassesSql sql, Guid s, CancellationToken ct) =>
        sql.ListAsync($"select {Columns} from classes.participants where session_id = @s and (muted or removed)", Read, ct, ("s", s));

    /// <summary>People present (each once, however many devices), hosts included.</summary>
    public static async Task<int> HeadcountAsync(ClassesSql sql, Guid s, CancellationToken ct) =>
        (int)await sql.ScalarAsync<long>("select count(*) from classes.participants where session_id = @s and present", ct, ("s", s));

    public static Task<List<Participant>> LearnersWhoJoinedAsync(ClassesSql sql, Guid s, CancellationToken ct) =>
        sql.ListAsync($"select {Columns} from classes.participants where session_id = @s and role = 'LEARNER' and first_joined_at is not null", Read, ct,
            ("s", s));

    /// <summary>People present, hosts first then by name, `PageSize` at a time after the person `after`; the next cursor or null.</summary>
    public static async Task<(List<Participant> Page, Guid? Next)> PresentAsync(ClassesSql sql, Guid s, Guid? after, CancellationToken ct)
    {
        var rows = await sql.ListAsync($"""
            select {Columns} from classes.participants
            where session_id = @s and present
              and (@after::uuid is null or (rank, name, person_id) > (select rank, name, person_id from classes.participants where session_id = @s and person_id = @after))
            order by rank, name, person_id limit @n
            """, Read, ct, ("s", s), ("after", after), ("n", PageSize + 1));
        if (rows.Count <= PageSize) return (rows, null);
        rows.RemoveAt(PageSize);
        return (rows, rows[^1].PersonId);
    }

    /// <summary>Learners waiting in the lobby, first come first; at most a page (the others after those are admitted).</summary>
    public static Task<List<Participant>> LobbyAsync(ClassesSql sql, Guid s, CancellationToken ct) =>
        sql.ListAsync($"select {Columns} from classes.participants where session_id = @s and in_lobby order by lobby_since, person_id limit @n",
            Read, ct, ("s", s), ("n", PageSize));

    public static Task<List<Guid>> AllWaitingAsync(ClassesSql sql, Guid s, CancellationToken ct) =>
        sql.ListAsync("select person_id from classes.participants where session_id = @s and in_lobby order by lobby_since, person_id",
            r => r.GetGuid(0), ct, ("s", s));

    public static async Task<bool> VotedAsync(ClassesSql sql, Guid poll, Guid person, CancellationToken ct) =>
        await sql.ScalarAsync<bool>("select exists (select 1 from classes.poll_votes where poll_id = @poll and person_id = @p)", ct, ("poll", poll), ("p", person));

    public static async Task<bool> UpvotedAsync(ClassesSql sql, Guid question, Guid person, CancellationToken ct) =>
        await sql.ScalarAsync<bool>("select exists (select 1 from classes.question_votes where question_id = @q and person_id = @p)", ct, ("q", question), ("p", person));

    public static async Task<Dictionary<Guid, int[]>> MyVotesAsync(ClassesSql sql, Guid s, Guid person, CancellationToken ct) =>
        (await sql.ListAsync("select poll_id, choices from classes.poll_votes where session_id = @s and person_id = @p",
            r => (r.GetGuid(0), r.GetFieldValue<int[]>(1)), ct, ("s", s), ("p", person))).ToDictionary(x => x.Item1, x => x.Item2);

    public static async Task<HashSet<Guid>> MyUpvotesAsync(ClassesSql sql, Guid s, Guid person, CancellationToken ct) =>
        [.. await sql.ListAsync("select question_id from classes.question_votes where session_id = @s and person_id = @p", r => r.GetGuid(0), ct,
            ("s", s), ("p", person))];

    /// <summary>The last `Classroom.ChatKept` chat lines, oldest first, as of `version`.</summary>
    public static async Task<List<SnapshotChat>> ChatAsync(ClassesSql sql, Guid s, long version, CancellationToken ct)
    {
        var rows = await sql.ListAsync("""
            select message_id, person_id, name, text, at from classes.chat where session_id = @s and version <= @v order by version desc limit @n
            """, r => new SnapshotChat(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)), ct,
            ("s", s), ("v", version), ("n", Classroom.ChatKept));
        rows.Reverse();
        return rows;
    }
}
