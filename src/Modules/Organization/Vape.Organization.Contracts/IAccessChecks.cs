using System.Security.Claims;

namespace Vape.Organization.Contracts;

/// <summary>
/// For what a signed-in person makes that outlives the request (a calendar feed's secret URL): the way in the user
/// came by, as a key to keep beside it, and whether that way in still holds later (ADR 0106's rule, ADR 0159).
/// </summary>
public interface IAccessChecks
{
    /// <summary>
    /// The way the user is the person they act as: null when their token names the person itself (a member's own
    /// sign-in); else the account link or the Entra ID link that made them the person. Opaque; keep it as it is.
    /// </summary>
    Task<string?> AccessKeyAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Whether the person is still a member and, for a key from a link, that link still makes them the person.</summary>
    Task<bool> AccessHoldsAsync(Guid personId, string? accessKey, CancellationToken ct);
}
