namespace Vape.Content.Contracts;

/// <summary>Which deadline of a directive a unit missed.</summary>
public enum DirectiveDeadline
{
    Acknowledge,
    Report,
}

/// <summary>
/// Published by the Content module (durable outbox) once a directive reached a unit: `OfficialIds` are the unit's
/// officials then. Number and title are what every official of a targeted unit sees.
/// </summary>
public sealed record DirectiveReceived(Guid DirectiveId, Guid UnitId, string Number, string Title, DateOnly AcknowledgeBy, IReadOnlyList<Guid> OfficialIds);

/// <summary>Published by the Content module (durable outbox) when a unit missed a directive's deadline; `OfficialIds` are the unit's officials.</summary>
public sealed record DirectiveOverdue(Guid DirectiveId, Guid UnitId, string Number, string Title, DirectiveDeadline Deadline, DateOnly Due, IReadOnlyList<Guid> OfficialIds);
