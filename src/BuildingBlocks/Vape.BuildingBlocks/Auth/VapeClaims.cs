using System.Security.Claims;

namespace Vape.BuildingBlocks.Auth;

public static class VapeClaims
{
    /// <summary>The person (Organization module) a signed-in user is; set by the local issuer, or by a claims transformation for Entra ID.</summary>
    public const string Person = "vape_person";
    public const string Login = "vape_login";
    public const string Name = "name";

    public static Guid? PersonId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(Person)?.Value, out var id) ? id : null;

    public static bool IsSignedIn(this ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;
}

public static class VapePolicies
{
    /// <summary>Any signed-in user that is linked to a person.</summary>
    public const string Person = "person";
}

/// <summary>Who a demo or local login is. Implemented by the Organization module, which owns people.</summary>
public interface ILoginDirectory
{
    Task<LoginIdentity?> FindAsync(string login, CancellationToken ct);
}

public sealed record LoginIdentity(Guid PersonId, string Login, string DisplayName);
