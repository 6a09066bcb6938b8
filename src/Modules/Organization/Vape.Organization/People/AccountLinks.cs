using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.Organization.Accounts;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

/// <summary>
/// A user signed in with Microsoft Entra ID is linked to a person by the account's object id (`oid`). The
/// local issuer puts the person in the token itself; an Entra token gets it here, from PostgreSQL.
/// </summary>
internal sealed class AccountLinks(NpgsqlDataSource database, AccountStore accounts) : IClaimsTransformation, IAccessChecks
{
    public static readonly string[] ObjectIdClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];

    /// <summary>The issuer of a person claim that Vape added from an account link (not from the token itself).</summary>
    private const string LinkIssuer = "vape:account-link";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return principal;
        // A validly signed token is not enough: the person must exist and not have left, checked on every request
        // (and every hub connection), so that a token of a removed member stops working at once.
        if (principal.PersonId() is Guid person) return await IsActiveAsync(person) ? principal : WithoutPerson(principal);
        if (principal.HasClaim(c => c.Type == VapeClaims.Person)) return WithoutPerson(principal); // not even a person id
        var personId = await LinkedPersonAsync(principal);
        if (personId is null) return principal;
        var linked = principal.Clone();
        ((ClaimsIdentity)linked.Identity!).AddClaim(new Claim(VapeClaims.Person, personId.Value.ToString(), ClaimValueTypes.String, LinkIssuer));
        return linked;
    }

    /// <summary>
    /// Whether a user transformed earlier (an open hub connection's) is still the same person: the person has not
    /// left, and a person that came from an account link still comes from it (ADR 0106).
    /// </summary>
    public async Task<bool> StillThePersonAsync(ClaimsPrincipal user)
    {
        if (user.FindFirst(VapeClaims.Person) is not { } claim || !Guid.TryParse(claim.Value, out var person)) return true;
        if (claim.Issuer != LinkIssuer) return await IsActiveAsync(person);
        try
        {
            return await LinkedPersonAsync(user) == person;
        }
        catch (Exception e) when (VapeException.IsTransient(e))
        {
            return true; // as in IsActiveAsync: the connection's next call meets the outage itself
        }
    }

    private const string ByObjectId = "oid:", ByAccount = "account:";

    public async Task<string?> AccessKeyAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.FindFirst(VapeClaims.Person) is not { Issuer: LinkIssuer }) return null;
        // The same order as LinkedPersonAsync: the Entra ID link (object id) first, then the account.
        if (ObjectIdClaims.Select(user.FindFirstValue).FirstOrDefault(v => !string.IsNullOrEmpty(v)) is { } objectId
            && await LinkedByObjectIdAsync(user) is not null)
            return ByObjectId + objectId;
        return AccountStore.IdentityOf(user) is (string issuer, string subject) ? ByAccount + issuer + "\n" + subject : null;
    }

    public async Task<bool> AccessHoldsAsync(Guid personId, string? accessKey, CancellationToken ct)
    {
        if (accessKey is null) return await IsActiveAsync(personId);
        if (accessKey.StartsWith(ByObjectId, StringComparison.Ordinal))
        {
            await using var cmd = database.CreateCommand("select exists (select 1 from organization.people where id = @id and external_id = @oid and left_on is null)");
            cmd.Parameters.AddWithValue("id", personId);
            cmd.Parameters.AddWithValue("oid", accessKey[ByObjectId.Length..]);
            return await cmd.ExecuteScalarAsync(ct) is true;
        }
        if (accessKey.StartsWith(ByAccount, StringComparison.Ordinal) && accessKey[ByAccount.Length..].Split("\n") is [var issuer, var subject])
            return await accounts.LinkedPersonAsync(issuer, subject, ct) == personId;
        return false;
    }

    private async Task<Guid?> LinkedPersonAsync(ClaimsPrincipal principal)
    {
        var personId = await LinkedByObjectIdAsync(principal);
        // Any issuer's account (a citizen who signed up, ADR 0120) is a person only through its link.
        if (personId is null && AccountStore.IdentityOf(principal) is (string issuer, string subject))
            personId = await accounts.LinkedPersonAsync(issuer, subject, CancellationToken.None);
        return personId;
    }

    private async Task<Guid?> LinkedByObjectIdAsync(ClaimsPrincipal principal)
    {
        var objectId = ObjectIdClaims.Select(principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (objectId is null) return null;
        await using var cmd = database.CreateCommand("select id from organization.people where external_id = @oid and left_on is null");
        cmd.Parameters.AddWithValue("oid", objectId);
        return await cmd.ExecuteScalarAsync() as Guid?;
    }

    private async Task<bool> IsActiveAsync(Guid person)
    {
        await using var cmd = database.CreateCommand("select exists (select 1 from organization.people where id = @id and left_on is null)");
        cmd.Parameters.AddWithValue("id", person);
        try
        {
            return await cmd.ExecuteScalarAsync() is true;
        }
        catch (Exception e) when (VapeException.IsTransient(e))
        {
            // The database is away for a moment: whatever the request does next meets the same and answers
            // UNAVAILABLE in its own shape (a GraphQL error, a hub error), which a client retries.
            return true;
        }
    }

    /// <summary>Still signed in (the token is genuine), but no one Vape knows: every write and every person-only read is refused.</summary>
    private static ClaimsPrincipal WithoutPerson(ClaimsPrincipal principal)
    {
        var stripped = principal.Clone();
        var identity = (ClaimsIdentity)stripped.Identity!;
        foreach (var claim in identity.FindAll(VapeClaims.Person).ToList()) identity.RemoveClaim(claim);
        return stripped;
    }
}

/// <summary>An official links a member to their Entra ID account (object id), so that the member can sign in.</summary>
public sealed record LinkAccount(Guid PersonId, string ExternalId, Guid ActorId);

public static class LinkAccountHandler
{
    public static async Task<Person> Handle(LinkAccount command, PeopleStore people, OrganizationQueries access,
        IDocumentSession session, CancellationToken ct)
    {
        if (!Guid.TryParse(command.ExternalId, out var objectId))
            throw VapeException.InvalidInput("Mã tài khoản (object id) phải là một GUID.");
        var person = await people.LoadAsync(command.PersonId, ct) ?? throw VapeException.NotFound("Không tìm thấy hội viên.");
        await access.DemandAsync(command.ActorId, Permission.ManageMembers, person.HomeUnitId, ct);
        await new OrganizationSql(session).ExecuteAsync("update organization.people set external_id = @oid, version = version + 1 where id = @id", ct,
            ("id", person.Id), ("oid", objectId.ToString()));
        Streams.Append(session, person.Id, new MemberDetailsChanged(person.Id, person.HomeUnitId, command.ActorId));
        return person with { Version = person.Version + 1 };
    }
}
