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
