using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;

namespace Vape.Organization.Accounts;

/// <summary>
/// Sign-up and sign-in at the local issuer with a one-time code sent to a phone or an e-mail address, outside
/// Production only: the code goes to the development mailbox, where a tester (or a browser test) reads it.
/// Production signs citizens in at the OpenID Connect provider of the configuration (ADR 0120). Addresses and
/// codes are kept only as keyed hashes; the first right code for a new address makes its account.
/// Recovery (ADR 0186): a code to the phone or e-mail a member has on file links the address's account to them.
/// </summary>
internal sealed class LocalSignIn(NpgsqlDataSource database, OneTimeCodes codes, DevMailbox mailbox, CodeSenders senders, PersonContacts contacts,
    LocalTokenIssuer issuer, TimeProvider clock)
{
    public const string CodeInvalid = "CODE_INVALID";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);
    private const string SignInPurpose = "sign-in";
    private const string RecoveryPurpose = "recovery";

    public Task SendCodeAsync(string? address, CancellationToken ct) =>
        SendAsync(SignInPurpose, address, toMembersOnly: false, code =>
            $"Mã đăng nhập Vape của bạn là {code}. Mã có hiệu lực trong {OneTimeCodes.CodeLifetime.TotalMinutes:0} phút; đừng đưa mã cho ai.", ct);

    /// <summary>The right code, in time: a token for the address's account, made now if the address is new.</summary>
    public Task<LocalSignInResponse> VerifyAsync(string? address, string? code, CancellationToken ct) =>
        UseAsync(SignInPurpose, address, code, linkToMember: false, ct);

    /// <summary>
    /// A code to an address some member has on file, and to no other: the answer is the same either way (accepted),
    /// and so is its limit of five codes an hour, so that no one learns from it whether the address is a member's.
    /// </summary>
    public Task SendRecoveryCodeAsync(string? address, CancellationToken ct) =>
        SendAsync(RecoveryPurpose, address, toMembersOnly: true, code =>
            $"Mã khôi phục tài khoản Vape của bạn là {code}. Mã có hiệu lực trong {OneTimeCodes.CodeLifetime.TotalMinutes:0} phút; đừng đưa mã cho ai.", ct);

    /// <summary>
    /// The right recovery code: the address's account (made now if new) is linked to the member who has the address
    /// on file, and a token for it is answered. Every failure is CODE_INVALID.
    /// </summary>
    public Task<LocalSignInResponse> RecoverAsync(string? address, string? code, CancellationToken ct) =>
        UseAsync(RecoveryPurpose, address, code, linkToMember: true, ct);

    /// <summary>
    /// Keeps a new code for the purpose and address and sends it there; with <paramref name="toMembersOnly"/> the code is
    /// kept (and counts against the limit) either way but sent only when a member has the address on file. A send that
    /// fails keeps nothing: CODE_SEND_FAILED for a sign-in, the usual silent answer for a recovery (ADR 0212).
    /// </summary>
    private async Task SendAsync(string purpose, string? address, bool toMembersOnly, Func<string, string> message, CancellationToken ct)
    {
        var normalized = SignInAddress.Normalize(address);
        var code = OneTimeCodes.NewCode();
        var deliver = !toMembersOnly || await contacts.OnlyPersonWithAsync(normalized, ct) is not null;
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await codes.KeepAsync(conn, tx, purpose, normalized, code, clock.GetUtcNow(), ct);
        if (deliver)
        {
            try
            {
                await senders.DeliverAsync(conn, tx, normalized, message(code), ct);
            }
            catch (VapeException e) when (toMembersOnly && e.Code == CodeSenders.SendFailed)
            {
                // Recovery answers the same as for an address no one has (nothing is kept: the transaction rolls back).
                return;
            }
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Uses the purpose's code for the address and answers a token for the address's account (made now if new); with
    /// <paramref name="linkToMember"/> the account is also linked to the one member who has the address on file.
    /// </summary>
    private async Task<LocalSignInResponse> UseAsync(string purpose, string? address, string? code, bool linkToMember, CancellationToken ct)
    {
        var normalized = SignInAddress.Normalize(address);
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await codes.UseAsync(conn, tx, purpose, normalized, code, clock.GetUtcNow(), ct);
        var person = linkToMember ? await contacts.OnlyPersonWithAsync(normalized, ct) ?? throw OneTimeCodes.Invalid() : (Guid?)null;
        var (account, made) = await AccountOfAddressAsync(conn, tx, normalized, ct);
        if (person is { } member)
        {
            var linked = await Sql.ExecuteAsync(conn, tx, """
                update organization.accounts set person_id = @p, linked_at = @now
                 where id = @id and (person_id is null or person_id = @p)
                """, ct, ("p", member), ("now", clock.GetUtcNow()), ("id", account));
            if (linked == 0)
                throw VapeException.InvalidInput("Địa chỉ này đang là tài khoản của một hội viên khác; hãy nhờ đơn vị của bạn gỡ liên kết đó.");
        }
        await tx.CommitAsync(ct);
        return new LocalSignInResponse(issuer.IssueForAccount(account, TokenLifetime), account, made);
    }

    /// <summary>The local account of a sign-in address, made now if the address has none.</summary>
    private async Task<(Guid Account, bool Made)> AccountOfAddressAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string normalized, CancellationToken ct)
    {
        var addressHash = codes.AddressHash(SignInPurpose, normalized);
        var fresh = Guid.CreateVersion7();
        await Sql.ExecuteAsync(conn, tx, """
            with made as (
                insert into organization.accounts (id, issuer, subject, created_at)
                select @id, @iss, @id::text, @now where not exists (select 1 from organization.local_addresses where address_hash = @a)
                returning id)
            insert into organization.local_addresses (address_hash, account_id) select @a, id from made
            """, ct, ("id", fresh), ("iss", LocalTokenIssuer.Issuer), ("now", clock.GetUtcNow()), ("a", addressHash));
        await using var find = new NpgsqlCommand("select account_id from organization.local_addresses where address_hash = @a", conn, tx);
        find.Parameters.AddWithValue("a", addressHash);
        var account = (Guid)(await find.ExecuteScalarAsync(ct))!;
        return (account, account == fresh);
    }

    public Task<IReadOnlyList<MailboxMessage>> MailboxAsync(string? address, CancellationToken ct) =>
        mailbox.ReadAsync(SignInAddress.Normalize(address), ct);

    /// <summary>
    /// `POST /auth/local/code`, `POST /auth/local/token`, `POST /auth/local/recovery/code`, `POST /auth/local/recovery/token`,
    /// `POST /dev/mailbox`: outside Production, with the local issuer.
    /// </summary>
    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (services.GetRequiredService<IHostEnvironment>().IsProduction() || services.GetService<LocalTokenIssuer>() is null) return;
        endpoints.MapPost("/auth/local/code", async (LocalCodeRequest? request, LocalSignIn signIn, CancellationToken ct) =>
        {
            await signIn.SendCodeAsync(request?.Address, ct);
            return Results.Accepted();
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/auth/local/token", async (LocalTokenRequest? request, LocalSignIn signIn, CancellationToken ct) =>
            Results.Ok(await signIn.VerifyAsync(request?.Address, request?.Code, ct))).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/auth/local/recovery/code", async (LocalCodeRequest? request, LocalSignIn signIn, CancellationToken ct) =>
        {
            await signIn.SendRecoveryCodeAsync(request?.Address, ct);
            return Results.Accepted();
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/auth/local/recovery/token", async (LocalTokenRequest? request, LocalSignIn signIn, CancellationToken ct) =>
            Results.Ok(await signIn.RecoverAsync(request?.Address, request?.Code, ct))).AllowAnonymous().ExcludeFromDescription();
        // A POST, so that no address travels in a URL (and in a proxy's log).
        endpoints.MapPost("/dev/mailbox", async (LocalCodeRequest? request, LocalSignIn signIn, CancellationToken ct) =>
            Results.Ok(await signIn.MailboxAsync(request?.Address, ct))).AllowAnonymous().ExcludeFromDescription();
    }
}

internal sealed record LocalCodeRequest(string? Address);

internal sealed record LocalTokenRequest(string? Address, string? Code);

internal sealed record LocalSignInResponse(string AccessToken, Guid AccountId, bool NewAccount);

internal sealed record MailboxMessage(string Message, DateTimeOffset SentAt);
