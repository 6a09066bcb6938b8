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
