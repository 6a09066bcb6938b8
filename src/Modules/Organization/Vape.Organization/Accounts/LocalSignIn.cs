using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.People;

namespace Vape.Organization.Accounts;

/// <summary>
/// Sign-up and sign-in at the local issuer with a one-time code sent to a phone or an e-mail address, outside
/// Production only: the code goes to the development mailbox, where a tester (or a browser test) reads it.
/// Production signs citizens in at the OpenID Connect provider of the configuration (ADR 0120). Addresses and
/// codes are kept only as keyed hashes; the first right code for a new address makes its account.
/// </summary>
internal sealed class LocalSignIn(NpgsqlDataSource database, CitizenIds keys, LocalTokenIssuer issuer, TimeProvider clock)
{
    public const string CodeInvalid = "CODE_INVALID";
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);
    /// <summary>Wrong tries one code survives; then the address needs a new code.</summary>
    public const int MaxFailures = 5;
    /// <summary>Codes one address may be sent in an hour, so that five tries a code cannot become a million.</summary>
    public const int MaxCodesPerHour = 5;

    public async Task SendCodeAsync(string? address, CancellationToken ct)
    {
        var normalized = SignInAddress.Normalize(address);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var now = clock.GetUtcNow();
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var upsert = new NpgsqlCommand("""
            insert into organization.sign_in_codes (address_hash, code_hash, expires_at, failures, window_start, sent_in_window)
            values (@a, @c, @exp, 0, @now, 1)
            on conflict (address_hash) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at, failures = 0,
                window_start = case when sign_in_codes.window_start <= @now - interval '1 hour' then @now else sign_in_codes.window_start end,
                sent_in_window = case when sign_in_codes.window_start <= @now - interval '1 hour' then 1 else sign_in_codes.sent_in_window + 1 end
             where sign_in_codes.window_start <= @now - interval '1 hour' or sign_in_codes.sent_in_window < @max
            """, conn, tx))
        {
            upsert.Parameters.AddWithValue("a", AddressHash(normalized));
            upsert.Parameters.AddWithValue("c", CodeHash(normalized, code));
            upsert.Parameters.AddWithValue("exp", now + CodeLifetime);
            upsert.Parameters.AddWithValue("now", now);
            upsert.Parameters.AddWithValue("max", MaxCodesPerHour);
            if (await upsert.ExecuteNonQueryAsync(ct) == 0)
                throw new VapeException(ErrorCodes.RateLimited, "Đã gửi quá nhiều mã đến địa chỉ này; hãy thử lại sau một giờ.");
        }
        await using (var deliver = new NpgsqlCommand(
            "insert into organization.dev_mailbox (address, message, sent_at) values (@a, @m, @now)", conn, tx))
        {
            deliver.Parameters.AddWithValue("a", normalized);
            deliver.Parameters.AddWithValue("m", $"Mã đăng nhập Vape của bạn là {code}. Mã có hiệu lực trong {CodeLifetime.TotalMinutes:0} phút; đừng đưa mã cho ai.");
            deliver.Parameters.AddWithValue("now", now);
            await deliver.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The right code, in time: a token for the address's account, made now if the address is new.</summary>
    public async Task<LocalSignInResponse> VerifyAsync(string? address, string? code, CancellationToken ct)
    {
        var normalized = SignInAddress.Normalize(address);
        var given = (code ?? "").Trim();
        var addressHash = AddressHash(normalized);
        var now = clock.GetUtcNow();
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        byte[] expected;
        await using (var read = new NpgsqlCommand("""
            select code_hash from organization.sign_in_codes
             where address_hash = @a and expires_at > @now and failures < @max for update
            """, conn, tx))
        {
            read.Parameters.AddWithValue("a", addressHash);
            read.Parameters.AddWithValue("now", now);
            read.Parameters.AddWithValue("max", MaxFailures);
            expected = await read.ExecuteScalarAsync(ct) as byte[] ?? throw Invalid();
        }
        if (given.Length != 6 || !CryptographicOperations.FixedTimeEquals(expected, CodeHash(normalized, given)))
        {
            await Execute(conn, tx, "update organization.sign_in_codes set failures = failures + 1 where address_hash = @a", ct, ("a", addressHash));
            await tx.CommitAsync(ct);
            throw Invalid();
        }
        await Execute(conn, tx, "delete from organization.sign_in_codes where address_hash = @a", ct, ("a", addressHash));
        var fresh = Guid.CreateVersion7();
        await Execute(conn, tx, """
            with made as (
                insert into organization.accounts (id, issuer, subject, created_at)
                select @id, @iss, @id::text, @now where not exists (select 1 from organization.local_addresses where address_hash = @a)
                returning id)
            insert into organization.local_addresses (address_hash, account_id) select @a, id from made
            """, ct, ("id", fresh), ("iss", LocalTokenIssuer.Issuer), ("now", now), ("a", addressHash));
        Guid account;
        await using (var find = new NpgsqlCommand("select account_id from organization.local_addresses where address_hash = @a", conn, tx))
        {
            find.Parameters.AddWithValue("a", addressHash);
            account = (Guid)(await find.ExecuteScalarAsync(ct))!;
        }
        await tx.CommitAsync(ct);
        return new LocalSignInResponse(issuer.IssueForAccount(account, TokenLifetime), account, account == fresh);
    }

    public async Task<IReadOnlyList<MailboxMessage>> MailboxAsync(string? address, CancellationToken ct)
    {
        var normalized = SignInAddress.Normalize(address);
        await using var cmd = database.CreateCommand(
            "select message, sent_at from organization.dev_mailbox where address = @a order by id desc limit 20");
        cmd.Parameters.AddWithValue("a", normalized);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var messages = new List<MailboxMessage>();
        while (await reader.ReadAsync(ct)) messages.Add(new MailboxMessage(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return messages;
    }

    private byte[] AddressHash(string normalized) => keys.Keyed("sign-in-address", normalized);

    private byte[] CodeHash(string normalized, string code) => keys.Keyed("sign-in-code", normalized + "\n" + code);

    private static VapeException Invalid() => new(CodeInvalid, "Mã không đúng hoặc đã hết hạn; hãy kiểm tra lại hoặc xin mã mới.");

    private static async Task Execute(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>`POST /auth/local/code`, `POST /auth/local/token`, `POST /dev/mailbox`: outside Production, with the local issuer.</summary>
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
        // A POST, so that no address travels in a URL (and in a proxy's log).
        endpoints.MapPost("/dev/mailbox", async (LocalCodeRequest? request, LocalSignIn signIn, CancellationToken ct) =>
            Results.Ok(await signIn.MailboxAsync(request?.Address, ct))).AllowAnonymous().ExcludeFromDescription();
    }
}

public sealed record LocalCodeRequest(string? Address);

public sealed record LocalTokenRequest(string? Address, string? Code);

public sealed record LocalSignInResponse(string AccessToken, Guid AccountId, bool NewAccount);

public sealed record MailboxMessage(string Message, DateTimeOffset SentAt);
