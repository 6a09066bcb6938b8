namespace Vape.Content.Contracts;

/// <summary>An approved library resource as another module may show it: where to open it, and what it is.</summary>
/// <param name="Format">DOCUMENT, AUDIO, VIDEO, LINK or EPUB.</param>
/// <param name="Url">Its external address, or the library's download path of its file (`/content/resources/{id}/file`).</param>
public sealed record CatalogResource(Guid Id, string Title, string Format, string Url);

/// <summary>Reads of the Content module's library for other modules (implemented inside Content).</summary>
public interface IResourceCatalog
{
    /// <summary>The resources among `ids` that exist and are approved; unknown, submitted and rejected ones are simply absent.</summary>
    Task<IReadOnlyList<CatalogResource>> FindApprovedAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

/// <summary>
/// Published by the Content module (Wolverine's outbox, with the review's transaction) when an official approves or
/// rejects a submitted resource: what the submitter's notifications need (#22). The reason is read from `myResources`.
/// </summary>
public sealed record ResourceReviewed(Guid ResourceId, Guid SubmittedBy, bool Approved, Guid ReviewedBy, DateTimeOffset ReviewedAt);

/// <summary>
/// Published by the Content module (outbox, with the withdrawal's transaction) when an official takes someone else's
/// resource out of the library: the submitter is told what and why (issue #21, docs/adr/0312). Not raised when the
/// submitters withdraw their own.
/// </summary>
public sealed record ResourceWithdrawn(Guid ResourceId, string Title, Guid SubmittedBy, string Reason, DateTimeOffset WithdrawnAt);

/// <summary>
/// Sent by the Classes module (durable outbox, with the recording's row) when a recorded session's file is made: one
/// command per file (the teacher's picture, voice or shared screen). `ResourceId` is derived from the session and the
/// file's place in it, so a second delivery, or a second conversion after a host died, adds nothing (docs/adr/0235).
/// </summary>
/// <param name="Kind">CAMERA, VOICE or SCREEN.</param>
/// <param name="Domain">The class's topic (a Records `LearningDomain` name).</param>
public sealed record AddClassRecording(Guid ResourceId, Guid FileId, Guid ClassId, Guid SessionId, string Title, string Description, string Kind,
    string Domain, Guid UnitId, Guid SubmittedBy, DateTimeOffset RecordedAt);
