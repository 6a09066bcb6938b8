namespace Vape.Classes.Classroom;

/// <summary>The events of a live session's stream (stream id = session id). Each carries when it happened.</summary>
public interface IClassroomEvent
{
    DateTimeOffset At { get; }
}

public enum ClassroomRole { Host, CoHost, Learner }

public sealed record ClassroomOpened(Guid SessionId, Guid ClassId, Guid OpenedBy, DateTimeOffset At) : IClassroomEvent;
public sealed record ParticipantJoined(Guid PersonId, ClassroomRole Role, string Name, DateTimeOffset At) : IClassroomEvent;
public sealed record ParticipantLeft(Guid PersonId, DateTimeOffset At) : IClassroomEvent;
public sealed record LearnerWaiting(Guid PersonId, string Name, DateTimeOffset At) : IClassroomEvent;
/// <summary>A learner waiting in the lobby left (their last device there went away) before being admitted.</summary>
public sealed record LearnerLeftLobby(Guid PersonId, DateTimeOffset At) : IClassroomEvent;
public sealed record LearnersAdmitted(Guid[] PersonIds, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record ChatPosted(Guid MessageId, Guid PersonId, string Name, string Text, DateTimeOffset At) : IClassroomEvent;
/// <summary>To the hosts when `ToPersonId` is null (from a learner); else from a host to that learner.</summary>
public sealed record PrivateMessageSent(Guid MessageId, Guid FromPersonId, string FromName, Guid? ToPersonId, string Text, DateTimeOffset At) : IClassroomEvent;
/// <summary>
/// Asked in this room, or (`RelaySessionId` set) escalated from the relay room `RelaySessionId` named `RelayName`;
/// `Name` is the asker's own name (events stored before ADR 0157 have "Name (Relay)" there and no `RelayName`).
/// </summary>
public sealed record QuestionAsked(Guid QuestionId, Guid PersonId, string Name, string Text, DateTimeOffset At, Guid? RelaySessionId = null, string? RelayName = null) : IClassroomEvent;
/// <summary>In a parent room: a relay room's headcount is now `Headcount` (absolute, so a lost update heals with the next one).</summary>
public sealed record RelayHeadcountChanged(Guid RelaySessionId, string Name, int Headcount, DateTimeOffset At) : IClassroomEvent;
public sealed record QuestionUpvoted(Guid QuestionId, Guid PersonId, int Votes, DateTimeOffset At) : IClassroomEvent;
public sealed record QuestionClosed(Guid QuestionId, string Status, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record HandRaised(Guid PersonId, DateTimeOffset At) : IClassroomEvent;
/// <summary>`Reason`: LOWERED (by themselves or a host) or CALLED_ON (a host gave them the floor).</summary>
public sealed record HandLowered(Guid PersonId, string Reason, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record PollOpened(Guid PollId, string Question, string[] Options, bool Multiple, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record PollVoted(Guid PollId, Guid PersonId, int[] Choices, int[] Counts, DateTimeOffset At) : IClassroomEvent;
public sealed record PollClosed(Guid PollId, int[] Counts, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record ReactionSent(Guid PersonId, string Reaction, DateTimeOffset At) : IClassroomEvent;
/// <summary>`PersonId` null: everyone's chat (learners only).</summary>
public sealed record ChatMuted(Guid? PersonId, bool Muted, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record ParticipantRemoved(Guid PersonId, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record RemovalLifted(Guid PersonId, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record RoomLocked(bool Locked, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record PageShown(int Material, int Page, Guid By, DateTimeOffset At) : IClassroomEvent;
public sealed record ClassroomEnded(Guid By, DateTimeOffset At) : IClassroomEvent;
/// <summary>
/// The room's publishers on Janus changed: `PersonId` started (`Publishing`) or stopped a camera, a voice or a screen,
/// or a host ended their turn. Every page subscribes again at once, instead of polling Janus (docs/adr/0268).
/// </summary>
public sealed record MediaPublishersChanged(Guid PersonId, bool Publishing, DateTimeOffset At) : IClassroomEvent;
/// <summary>
/// The room's Janus node stopped answering and the room was made again on a live node as `Room`: every page whose
/// media is not in that room yet drops its Janus session and asks `joinClassMedia` again at once (docs/adr/0302).
/// </summary>
public sealed record MediaRoomMoved(int Room, DateTimeOffset At) : IClassroomEvent;
/// <summary>
/// A host let the learner whose hand they took publish their picture too (`Allowed`), or withdrew it; the turn's
/// voice goes on either way. Janus forwards the learner's video only while it is allowed (docs/adr/0299).
/// </summary>
public sealed record PictureAllowed(Guid PersonId, bool Allowed, Guid By, DateTimeOffset At) : IClassroomEvent;

internal static class ClassroomEventTypes
{
    public static readonly Type[] All =
    [
        typeof(ClassroomOpened), typeof(ParticipantJoined), typeof(ParticipantLeft), typeof(LearnerWaiting), typeof(LearnersAdmitted), typeof(LearnerLeftLobby),
        typeof(ChatPosted), typeof(PrivateMessageSent), typeof(QuestionAsked), typeof(QuestionUpvoted), typeof(QuestionClosed),
        typeof(HandRaised), typeof(HandLowered), typeof(PollOpened), typeof(PollVoted), typeof(PollClosed), typeof(ReactionSent),
        typeof(RelayHeadcountChanged), typeof(ChatMuted), typeof(ParticipantRemoved), typeof(RemovalLifted), typeof(RoomLocked), typeof(PageShown), typeof(ClassroomEnded),
        typeof(MediaPublishersChanged), typeof(MediaRoomMoved), typeof(PictureAllowed),
    ];

    /// <summary>The name clients see: `chatPosted`, `pollVoted`, ...</summary>
    public static string Name(object e) => char.ToLowerInvariant(e.GetType().Name[0]) + e.GetType().Name[1..];
}
