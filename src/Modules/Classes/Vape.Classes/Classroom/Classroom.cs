namespace Vape.Classes.Classroom;

/// <summary>
/// The state of a live session, folded from its events and stored beside them in the same transaction (so the
/// document's <see cref="Version"/> is always the stream's). Everything a hub call checks, and everything a
/// snapshot shows, is here.
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
    public Dictionary<Guid, Participant> People { get; set; } = [];
    public List<Guid> Lobby { get; set; } = [];
    public List<Guid> Hands { get; set; } = [];
    public Dictionary<Guid, Poll> Polls { get; set; } = [];
    public Dictionary<Guid, Question> Questions { get; set; } = [];
    public int Material { get; set; }
    public int Page { get; set; } = 1;
    public List<ChatPosted> Chat { get; set; } = [];
    public Dictionary<Guid, RelayRoom> Relays { get; set; } = [];

    public bool Ended => EndedAt is not null;

    public IEnumerable<Participant> Present => People.Values.Where(p => p.Present);

    public Participant? Find(Guid person) => People.GetValueOrDefault(person);

    public void Apply(IClassroomEvent e)
    {
        Version++;
        switch (e)
        {
            case ClassroomOpened o:
                Id = o.SessionId; ClassId = o.ClassId; OpenedAt = o.At;
                break;
            case LearnerWaiting w:
                if (!Lobby.Contains(w.PersonId)) Lobby.Add(w.PersonId);
                People.TryAdd(w.PersonId, new Participant { PersonId = w.PersonId, Name = w.Name, Role = ClassroomRole.Learner });
                break;
            case LearnersAdmitted a:
                foreach (var id in a.PersonIds)
                {
                    Lobby.Remove(id);
                    if (People.TryGetValue(id, out var p)) p.Admitted = true;
                }
                break;
            case ParticipantJoined j:
                var person = People.TryGetValue(j.PersonId, out var known) ? known
                    : People[j.PersonId] = new Participant { PersonId = j.PersonId };
                person.Name = j.Name; person.Role = j.Role; person.Admitted = true; person.Present = true; person.PresentSince = j.At;
                person.FirstJoinedAt ??= j.At;
                break;
            case ParticipantLeft l when People.TryGetValue(l.PersonId, out var leaving):
                leaving.Leave(l.At);
                break;
            case ChatPosted c:
                Chat.Add(c);
                if (Chat.Count > ChatKept) Chat.RemoveRange(0, Chat.Count - ChatKept);
                break;
            case QuestionAsked q:
                Questions[q.QuestionId] = new Question { Id = q.QuestionId, PersonId = q.PersonId, Name = q.Name, Text = q.Text, At = q.At };
                break;
            case QuestionUpvoted u when Questions.TryGetValue(u.QuestionId, out var question):
                question.Upvoters.Add(u.PersonId);
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
                poll.Votes[pv.PersonId] = pv.Choices;
                poll.Counts = pv.Counts;
                break;
            case PollClosed pc when Polls.TryGetValue(pc.PollId, out var ended):
                ended.Open = false;
                break;
            case ChatMuted m when m.PersonId is Guid mutedId && People.TryGetValue(mutedId, out var muted):
                muted.Muted = m.Muted;
                break;
            case ChatMuted m when m.PersonId is null:
                AllMuted = m.Muted;
                break;
            case ParticipantRemoved r when People.TryGetValue(r.PersonId, out var removed):
                removed.Removed = true;
                removed.Leave(r.At);
                Hands.Remove(r.PersonId);
                Lobby.Remove(r.PersonId);
                break;
            case RemovalLifted rl when People.TryGetValue(rl.PersonId, out var back):
                back.Removed = false;
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
                foreach (var p in People.Values) p.Leave(end.At);
                Hands.Clear();
                foreach (var p in Polls.Values) p.Open = false;
                break;
        }
    }
}

public sealed class Participant
{
    public Guid PersonId { get; set; }
    public string Name { get; set; } = "";
    public ClassroomRole Role { get; set; }
    public bool Admitted { get; set; }
    public bool Present { get; set; }
    public bool Muted { get; set; }
    public bool Removed { get; set; }
    public DateTimeOffset? PresentSince { get; set; }
    public DateTimeOffset? FirstJoinedAt { get; set; }
    public DateTimeOffset? LastLeftAt { get; set; }
    public double SecondsPresent { get; set; }

    public bool IsHost => Role is ClassroomRole.Host or ClassroomRole.CoHost;

    public void Leave(DateTimeOffset at)
    {
        if (!Present) return;
        Present = false;
        if (PresentSince is DateTimeOffset since) SecondsPresent += Math.Max(0, (at - since).TotalSeconds);
        PresentSince = null;
        LastLeftAt = at;
    }
}

public sealed class Poll
{
    public Guid Id { get; set; }
    public string Question { get; set; } = "";
    public string[] Options { get; set; } = [];
    public bool Multiple { get; set; }
    public bool Open { get; set; } = true;
    public int[] Counts { get; set; } = [];
    public Dictionary<Guid, int[]> Votes { get; set; } = [];
}

public sealed class Question
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public string Name { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Status { get; set; } = "OPEN";
    public HashSet<Guid> Upvoters { get; set; } = [];
}

public sealed class RelayRoom
{
    public Guid SessionId { get; set; }
    public string Name { get; set; } = "";
    public int Headcount { get; set; }
}
