using System.Security.Claims;
using System.Security.Cryptography;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Accounts;

internal sealed record IssuedClaimCode(string Code, DateTimeOffset ExpiresAt, Person Person);

/// <summary>
/// A citizen's account becomes a member's through a claim code the member's unit hands out (ADR 0121). A
/// failed claim says the same whatever failed (no such code, expired, someone else's, the citizen id does not
/// match, the member left), so that no one learns whether a person exists; five failures lock the account's
/// claims for a while, counted in PostgreSQL so that every host sees them.
/// </summary>
internal sealed class MembershipClaims(NpgsqlDataSource database, CitizenIds keys, OrganizationQueries access, PeopleStore people,
    AccountStore accounts, TimeProvider clock)
{
    public const string ClaimFailed = "CLAIM_FAILED";
    public const string ClaimLocked = "CLAIM_LOCKED";
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(30);
    /// <summary>No 0/O, 1/I/L: read aloud or typed from paper without confusion. 10 letters: about 2^49 codes.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 10;

    /// <summary>A new code for a member of a unit the official manages; it replaces the member's earlier code.</summary>
    public async Task<IssuedClaimCode> IssueAsync(Guid actor, Guid personId, CancellationToken ct)
    {
        var person = await people.LoadAsync(personId, ct) ?? throw VapeException.NotFound("Không tìm thấy hội viên.");
        await access.DemandAsync(actor, Permission.ManageMembers, person.HomeUnitId, ct);
        var code = string.Create(CodeLength, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });
        var expires = clock.GetUtcNow() + CodeLifetime;
        await using var cmd = database.CreateCommand("""
            insert into organization.claim_codes (code_hash, person_id, issued_by, expires_at) values (@h, @p, @by, @exp)
            on conflict (person_id) do update set code_hash = excluded.code_hash, issued_by = excluded.issued_by, expires_at = excluded.expires_at
            """);
        cmd.Parameters.AddWithValue("h", CodeHash(code));
        cmd.Parameters.AddWithValue("p", person.Id);
        cmd.Parameters.AddWithValue("by", actor);
        cmd.Parameters.AddWithValue("exp", expires);
        await cmd.ExecuteNonQueryAsync(ct);
        return new IssuedClaimCode($"{code[..5]}-{code[5..]}", expires, person);
    }

    public async Task<Account> ClaimAsync(ClaimsPrincipal user, string? code, string? citizenId, CancellationToken ct)
    {
        // A demo login names its person in the token itself: it is linked already.
        if (user.PersonId() is not null) throw VapeException.InvalidInput("Tài khoản này đã gắn với một hội viên.");
        var account = await accounts.OfAsync(user, ct);
        if (account.PersonId is not null) throw VapeException.InvalidInput("Tài khoản này đã gắn với một hội viên.");
        var citizenHash = keys.Hash(citizenId);
        var given = new string((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        var now = clock.GetUtcNow();
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var row = new NpgsqlCommand("""
            insert into organization.claim_attempts (account_id, failures) values (@a, 0) on conflict do nothing;
            select locked_until from organization.claim_attempts where account_id = @a for update
            """, conn, tx))
        {
            row.Parameters.AddWithValue("a", account.Id);
            if (await row.ExecuteScalarAsync(ct) is DateTime until && until > now.UtcDateTime) throw Locked(new DateTimeOffset(until, TimeSpan.Zero));
        }
        Guid? person = null;
        if (given.Length == CodeLength)
        {
            await using var find = new NpgsqlCommand("""
                select c.person_id from organization.claim_codes c join organization.people p on p.id = c.person_id
                 where c.code_hash = @h and c.expires_at > @now and p.left_on is null
                   and (@cid::bytea is null or p.citizen_id_hash = @cid::bytea)
                """, conn, tx);
            find.Parameters.AddWithValue("h", CodeHash(given));
            find.Parameters.AddWithValue("now", now);
            find.Parameters.Add(new NpgsqlParameter("cid", NpgsqlTypes.NpgsqlDbType.Bytea) { Value = (object?)citizenHash ?? DBNull.Value });
            person = await find.ExecuteScalarAsync(ct) as Guid?;
        }
        if (person is not Guid found)
        {
            DateTimeOffset? lockedUntil;
            await using (var fail = new NpgsqlCommand("""
                update organization.claim_attempts
                   set failures = case when failures + 1 >= @max then 0 else failures + 1 end,
                       locked_until = case when failures + 1 >= @max then @until else locked_until end
                 where account_id = @a
                returning case when locked_until = @until then locked_until end
                """, conn, tx))
            {
                fail.Parameters.AddWithValue("a", account.Id);
                fail.Parameters.AddWithValue("max", MaxFailures);
                fail.Parameters.AddWithValue("until", now + LockFor);
                lockedUntil = await fail.ExecuteScalarAsync(ct) is DateTime t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
            }
            await tx.CommitAsync(ct);
            throw lockedUntil is DateTimeOffset locked ? Locked(locked)
                : new VapeException(ClaimFailed, "Mã nhận hội viên không đúng, đã hết hạn hoặc không khớp với thông tin đã nhập.");
        }
        await using (var link = new NpgsqlCommand("""
            update organization.accounts set person_id = @p, linked_at = @now where id = @a;
            delete from organization.claim_codes where person_id = @p;
            delete from organization.claim_attempts where account_id = @a
            """, conn, tx))
        {
            link.Parameters.AddWithValue("p", found);
            link.Parameters.AddWithValue("a", account.Id);
            link.Parameters.AddWithValue("now", now);
            await link.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return account with { PersonId = found, ClaimsLockedUntil = null };
    }

    private byte[] CodeHash(string code) => keys.Keyed("claim-code", code);

    private static VapeException Locked(DateTimeOffset until) => new(ClaimLocked,
        $"Đã nhập sai mã {MaxFailures} lần; hãy thử lại sau {until.ToOffset(TimeSpan.FromHours(7)):HH:mm} (giờ Việt Nam).");
}
