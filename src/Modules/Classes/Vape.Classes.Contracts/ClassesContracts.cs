namespace Vape.Classes.Contracts;

/// <summary>
/// Published by the Classes module (durable outbox, after the commit) when what learners see of a class changed
/// (title, description, topic, hosts, link, materials, a session moved); `LearnerIds` are those enrolled or waiting then.
/// </summary>
public sealed record ClassChanged(Guid ClassId, int Version, string Title, IReadOnlyList<Guid> LearnerIds);

/// <summary>Published by the Classes module (durable outbox) when a class is cancelled; `LearnerIds` were enrolled or waiting.</summary>
public sealed record ClassCancelled(Guid ClassId, string Title, IReadOnlyList<Guid> LearnerIds);

/// <summary>
/// Published by the Classes module (durable outbox) when places freed in a class moved learners up from its waiting
/// list; `LearnerIds` got a place. `Id` names this move, so a second delivery is known.
/// </summary>
public sealed record ClassPlaceFreed(Guid Id, Guid ClassId, string Title, IReadOnlyList<Guid> LearnerIds);

/// <summary>
/// Published by the Classes module (durable outbox) when a session's reminder falls due: `LeadMinutes` (a day, 1440,
/// or 15) before `StartsAt`, to `PersonIds`, the class's enrolled learners and its hosts then. Raised once per session,
/// lead and start time: a session moved to another time has reminders of its own, and the old time's never come.
/// </summary>
public sealed record ClassReminderDue(Guid SessionId, Guid ClassId, string Title, DateTimeOffset StartsAt, int LeadMinutes, IReadOnlyList<Guid> PersonIds);

/// <summary>
/// Published by the Classes module (durable outbox, with the removal's row) when an official takes a learner off a
/// class or its waiting list (`removeLearner`): the learner is told the class and the reason (issue #21, docs/adr/0312).
/// </summary>
public sealed record ClassLearnerRemoved(Guid ClassId, string Title, Guid PersonId, string Reason, DateTimeOffset RemovedAt);
