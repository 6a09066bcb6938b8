using System.Security.Claims;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;

namespace Vape.Organization.Accounts;

/// <summary>An account of an issuer, the person it is linked to (if any), and until when its claims are locked.</summary>
internal sealed record Account(Guid Id, Guid? PersonId, DateTimeOffset? ClaimsLockedUntil);

/// <summary>
/// Accounts by (issuer, subject). The local issuer's accounts are made at sign-up (their subject is the account
/// id); an account of an external issuer (the citizens' OpenID Connect provider, Entra ID) the first time it asks.
/// </summary>
internal sealed class AccountStore(NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>The token's issuer and subject; Microsoft.Identity.Web maps `sub` to the name identifier.</summary>
    public static (string Issuer, string Subject)? IdentityOf(ClaimsPrincipal user)
    {
        var subject = user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier);
        return subject is null || string.IsNullOrEmpty(subject.Value) ? null : (subject.Issuer, subject.Value);
    }

    /// <summary>The person an account is linked to, if the person is still a member.</summary>
    public async Task<Guid?> LinkedPersonAsync(string issuer, string subject, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select a.person_id from organization.accounts a join organization.people p on p.id = a.person_id
             where a.issuer = @iss and a.subject = @sub and p.left_on is null
            """);
        cmd.Parameters.AddWithValue("iss", issuer);
        cmd.Parameters.AddWithValue("sub", subject);
        return await cmd.ExecuteScalarAsync(ct) as Guid?;
    }

    /// <summary>The caller's account: made now for an external issuer, refused for a local one that was deleted.</summary>
    public async Task<Account> OfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (IdentityOf(user) is not (string issuer, string subject)) throw VapeException.NotAuthenticated();
        if (issuer != LocalTokenIssuer.Issuer)
        {
            await using var insert = database.CreateCommand("""
                insert into organization.accounts (id, issuer, subject, created_at) values (@id, @iss, @sub, @now)
                on conflict (issuer, subject) do nothing
                """);
            insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
            insert.Parameters.AddWithValue("iss", issuer);
            insert.Parameters.AddWithValue("sub", subject);
            insert.Parameters.AddWithValue("now", clock.GetUtcNow());
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = database.CreateCommand("""
            select a.id, a.person_id, c.locked_until from organization.accounts a
              left join organization.claim_attempts c on c.account_id = a.id
             where a.issuer = @iss and a.subject = @sub
            """);
        cmd.Parameters.AddWithValue("iss", issuer);
        cmd.Parameters.AddWithValue("sub", subject);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        // A local account that was deleted: the token is genuine, but there is no one behind it any more.
        if (!await reader.ReadAsync(ct)) throw VapeException.NotAuthenticated();
        DateTimeOffset? locked = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
        return new Account(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), locked > clock.GetUtcNow() ? locked : null);
    }

    /// <summary>The citizen deletes their account: its link, its sign-in addresses and its claim attempts go with it.</summary>
    public async Task DeleteAsync(Account account, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("delete from organization.accounts where id = @id");
        cmd.Parameters.AddWithValue("id", account.Id);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every account of the person stops being them (and an Entra ID link set by `linkAccount` ends too).</summary>
    public async Task EndLinksAsync(Guid personId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            update organization.accounts set person_id = null, linked_at = null where person_id = @p;
            update organization.people set external_id = null where id = @p
            """);
        cmd.Parameters.AddWithValue("p", personId);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
