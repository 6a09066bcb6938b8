using Vape.Classes.Classroom;
using Vape.Tests.Support;

namespace Vape.Tests.Classes.Deciders;

/// <summary>
/// Given events (and the rows of `classes.participants` the decision reads), when a command, then events or a
/// refusal: a classroom decision tested in memory, without a host or a database (docs/adr/0110). The wiring (the hub,
/// the store, the SQL) is tested by the integration tests beside this folder.
/// </summary>
internal sealed class ClassroomSpec
{
    public static readonly Guid Session = Guid.Parse("01900000-0000-7000-8000-000000000001");
    public static readonly Guid ClassId = Guid.Parse("01900000-0000-7000-8000-000000000002");
    public static readonly Guid HostId = Guid.Parse("01900000-0000-7000-8000-0000000000a1");
    public static readonly Guid LearnerId = Guid.Parse("01900000-0000-7000-8000-0000000000b1");
    public static readonly Guid OtherId = Guid.Parse("01900000-0000-7000-8000-0000000000b2");
    public static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = T0.AddMinutes(5);

    public static ClassroomOpened Opened => new(Session, ClassId, HostId, T0);

    private readonly Classroom? _room;
    private readonly Dictionary<Guid, Participant> _rows = [];
    private bool _voted;
    private Guid[] _waiting = [];
    private (long Version, Guid By)? _written;

    private ClassroomSpec(IEnumerable<IClassroomEvent> events)
    {
        foreach (var e in events)
        {
            _room ??= new Classroom();
            _room.Apply(e);
        }
    }

    /// <summary>The room's events so far (none: the room is not open).</summary>
    public static ClassroomSpec Given(params IClassroomEvent[] events) => new(events);

    /// <summary>An open room, a host and two learners present (their rows), after `events`.</summary>
    public static ClassroomSpec InRoom(params IClassroomEvent[] events) =>
        Given([Opened, .. events]).With(Host(HostId), Learner(LearnerId), Learner(OtherId, "Bình"));

    /// <summary>Rows of `classes.participants` as the adapter reads them (replacing a row of the same person).</summary>
    public ClassroomSpec With(params Participant[] rows)
    {
        foreach (var r in rows) _rows[r.PersonId] = r;
        return this;
    }

    /// <summary>The actor has already voted in the poll (or for the question) the command is about.</summary>
    public ClassroomSpec AlreadyVoted()
    {
        _voted = true;
        return this;
    }

    /// <summary>The command's client-chosen id is already in the room, written at `version` by `by`.</summary>
    public ClassroomSpec Written(long version, Guid by)
    {
        _written = (version, by);
        return this;
    }

    public ClassroomSpec Waiting(params Guid[] people)
    {
        _waiting = people;
        return this;
    }

    public static Participant Host(Guid id, string name = "Cô Lan", ClassroomRole role = ClassroomRole.Host) =>
        new() { PersonId = id, Name = name, Role = role, Admitted = true, Present = true };

    /// <summary>A learner's row: admitted and present unless said otherwise.</summary>
    public static Participant Learner(Guid id, string name = "An", bool present = true, bool muted = false, bool removed = false) =>
        new() { PersonId = id, Name = name, Role = ClassroomRole.Learner, Admitted = true, Present = present, Muted = muted, Removed = removed };

    /// <summary>`actor` does `action`: the state is built as the hub's adapter builds it, from what the action reads.</summary>
    public Decision<IClassroomEvent> When(Guid actor, IRoomAction action)
    {
        var reads = action.Reads;
        var state = new RoomState(_room, _rows.GetValueOrDefault(actor))
        {
            Person = reads.Person is Guid p ? _rows.GetValueOrDefault(p) : null,
            Voted = _voted,
            Waiting = _waiting,
            Written = _written,
        };
        return Decision<IClassroomEvent>.Of(() => ClassroomDecider.Decide(action, state));
    }

    /// <summary>Someone joins (<see cref="JoinRoom"/>): opening the room first when it is not open.</summary>
    public Decision<IClassroomEvent> WhenJoining(JoinRoom join) => Decision<IClassroomEvent>.Of(() =>
    {
        var room = _room;
        var events = new List<IClassroomEvent>();
        if (room is null)
        {
            var opened = join.Open(null);
            room = new Classroom();
            room.Apply(opened);
            events.Add(opened);
        }
        var (joined, waiting) = join.Decide(room, _rows.GetValueOrDefault(join.PersonId));
        events.AddRange(joined);
        return waiting ? [.. events, new Lobby()] : events;
    });

    /// <summary>What a command's outcome is compared as: a waiting person's lobby place.</summary>
    public sealed record Lobby : IClassroomEvent
    {
        public DateTimeOffset At => default;
    }

    /// <summary>The room after the given events (a question or a poll to forward, what an event changed).</summary>
    public Classroom Room => _room ?? throw new InvalidOperationException("No room given.");
}
