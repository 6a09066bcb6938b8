namespace Vape.Classes.Classroom;

/// <summary>
/// The small state of a live session, folded from its events and stored beside them in the same transaction (so
/// the document's <see cref="Version"/> is always the stream's). What grows with the number of people (the
/// participants, the lobby, chat lines, who voted) is in SQL tables written in the same transaction
/// (<see cref="ClassroomTables"/>, docs/adr/0014): a chat line rewrites nothing proportional to the room's size.
/// </summary>
public sealed class Classroom
{
    public const int ChatKept = 50;

    public Guid Id { get; set; }
    public Guid ClassId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public bool Locked { get; set; }
    public bool AllMuted { get; set; }
    public List<Guid> Hands { get; set; } = [];
    public Dictionary<Guid, Poll> Polls { get; set; } = [];
    public Dictionary<Guid, Question> Questions { get; set; } = [];
    public int Material { get; set; }
    public int Page { get; set; } = 1;
    public Dictionary<Guid, RelayRoom> Relays { get; set; } = [];

    public bool Ended => EndedAt is not null;

    public void Apply(IClassroomEvent e)
    {
        Version++;
        switch (e)
        {
            case ClassroomOpened o:
                Id = o.SessionId; ClassId = o.ClassId; OpenedAt = o.At;
                break;
            case QuestionAsked q:
                Questions[q.QuestionId] = new Question
                {
                    Id = q.QuestionId, PersonId = q.PersonId, Name = q.Name, Text = q.Text, At = q.At, RelaySessionId = q.RelaySessionId,
                    RelayName = q.RelayName ?? (q.RelaySessionId is Guid relay ? Relays.GetValueOrDefault(relay)?.Name : null),
                };
                break;
            case QuestionUpvoted u when Questions.TryGetValue(u.QuestionId, out var question):
                question.Votes = u.Votes;
                break;
            case QuestionClosed qc when Questions.TryGetValue(qc.QuestionId, out var closed):
                closed.Status = qc.Status;
                break;
            case HandRaised h:
                if (!Hands.Contains(h.PersonId)) Hands.Add(h.PersonId);
                break;
            case HandLowered hl:
                Hands.Remove(hl.PersonId);
                break;
            case PollOpened po:
                Polls[po.PollId] = new Poll { Id = po.PollId, Question = po.Question, Options = po.Options, Multiple = po.Multiple, Counts = new int[po.Options.Length] };
                break;
            case PollVoted pv when Polls.TryGetValue(pv.PollId, out var poll):
                poll.Counts = pv.Counts;
                break;
            case PollClosed pc when Polls.TryGetValue(pc.PollId, out var ended):
                ended.Open = false;
                break;
            case ChatMuted m when m.PersonId is null:
                AllMuted = m.Muted;
                break;
            case ParticipantRemoved r:
                Hands.Remove(r.PersonId);
                break;
            case RelayHeadcountChanged rh:
                Relays[rh.RelaySessionId] = new RelayRoom { SessionId = rh.RelaySessionId, Name = rh.Name, Headcount = rh.Headcount };
                break;
            case RoomLocked rk:
                Locked = rk.Locked;
                break;
            case PageShown ps:
                Material = ps.Material; Page = ps.Page;
                break;
            case ClassroomEnded end:
                EndedAt = end.At;
                Hands.Clear();
                foreach (var p in Polls.Values) p.Open = false;
                break;
        }
    }
}

/// <summary>One person of a room, as read from `classes.participants` (one row per person and session).</summary>
public sealed class Participant
{
    public Guid PersonId { get; set; }
    public string Name { get; set; } = "";
    public ClassroomRole Role { get; set; }
    public bool Admitted { get; set; }
    public bool Present { get; set; }
    public bool Muted { get; set; }
    public bool Removed { get; set; }
    public bool InLobby { get; set; }
    public DateTimeOffset? FirstJoinedAt { get; set; }
    public DateTimeOffset? LastLeftAt { get; set; }
    public double SecondsPresent { get; set; }

    public bool IsHost => Role is ClassroomRole.Host or ClassroomRole.CoHost;
}

public sealed class Poll
{
    public Guid Id { get; set; }
    public string Question { get; set; } = "";
    public string[] Options { get; set; } = [];
    public bool Multiple { get; set; }
    public bool Open { get; set; } = true;
    public int[] Counts { get; set; } = [];
}

public sealed class Question
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public string Name { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Status { get; set; } = "OPEN";
    public int Votes { get; set; }
    /// <summary>Set when the question was escalated from a relay room (ADR 0157).</summary>
    public Guid? RelaySessionId { get; set; }
    public string? RelayName { get; set; }
}

public sealed class RelayRoom
{
    public Guid SessionId { get; set; }
    public string Name { get; set; } = "";
    public int Headcount { get; set; }
}
