using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.People;

namespace Vape.Organization.Accounts;

/// <summary>
/// The local issuer's six-digit codes to an address, for one purpose (signing in, recovering an account): kept as
/// keyed hashes in `organization.sign_in_codes` by the address's hash for that purpose, ten minutes, five wrong
/// tries, five codes an address an hour (ADR 0120, 0186).
/// </summary>
internal sealed class OneTimeCodes(CitizenIds keys)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    /// <summary>Wrong tries one code survives; then the address needs a new code.</summary>
    public const int MaxFailures = 5;
    /// <summary>Codes one address may be sent in an hour, so that five tries a code cannot become a million.</summary>
    public const int MaxCodesPerHour = 5;

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public byte[] AddressHash(string purpose, string normalized) => keys.Keyed(purpose + "-address", normalized);

    private byte[] CodeHash(string purpose, string normalized, string code) => keys.Keyed(purpose + "-code", normalized + "\n" + code);

    /// <summary>Keeps a new code for the address (in the caller's transaction); RATE_LIMITED after five in an hour.</summary>
    public async Task KeepAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string purpose, string normalized, string code, DateTimeOffset now, CancellationToken ct)
    {
        await using var upsert = new NpgsqlCommand("""
            insert into organization.sign_in_codes (address_hash, code_hash, expires_at, failures, window_start, sent_in_window)
            values (@a, @c, @exp, 0, @now, 1)
            on conflict (address_hash) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at, failures = 0,
                window_start = case when sign_in_codes.window_start <= @now - interval '1 hour' then @now else sign_in_codes.window_start end,
                sent_in_window = case when sign_in_codes.window_start <= @now - interval '1 hour' then 1 else sign_in_codes.sent_in_window + 1 end
             where sign_in_codes.window_start <= @now - interval '1 hour' or sign_in_codes.sent_in_window < @max
            """, conn, tx);
        upsert.Parameters.AddWithValue("a", AddressHash(purpose, normalized));
        upsert.Parameters.AddWithValue("c", CodeHash(purpose, normalized, code));
        upsert.Parameters.AddWithValue("exp", now + CodeLifetime);
        upsert.Parameters.AddWithValue("now", now);
        upsert.Parameters.AddWithValue("max", MaxCodesPerHour);
        if (await upsert.ExecuteNonQueryAsync(ct) == 0)
            throw new VapeException(ErrorCodes.RateLimited, "Đã gửi quá nhiều mã đến địa chỉ này; hãy thử lại sau một giờ.");
    }

    /// <summary>
    /// The right code, in time, is used up (in the caller's transaction); a wrong one counts a failure, committed
    /// at once, and CODE_INVALID is thrown.
    /// </summary>
    public async Task UseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string purpose, string normalized, string? code, DateTimeOffset now, CancellationToken ct)
    {
        var given = (code ?? "").Trim();
        var addressHash = AddressHash(purpose, normalized);
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
        if (given.Length != 6 || !CryptographicOperations.FixedTimeEquals(expected, CodeHash(purpose, normalized, given)))
        {
            await Sql.ExecuteAsync(conn, tx, "update organization.sign_in_codes set failures = failures + 1 where address_hash = @a", ct, ("a", addressHash));
            await tx.CommitAsync(ct);
            throw Invalid();
        }
        await Sql.ExecuteAsync(conn, tx, "delete from organization.sign_in_codes where address_hash = @a", ct, ("a", addressHash));
    }

    public static VapeException Invalid() => new(LocalSignIn.CodeInvalid, "Mã không đúng hoặc đã hết hạn; hãy kiểm tra lại hoặc xin mã mới.");
}

/// <summary>Statements on a connection and transaction of the caller.</summary>
internal static class Sql
{
    public static async Task<int> ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// What Development and the tests send a phone or an e-mail address: a table read back through `POST /dev/mailbox`,
/// by the address's keyed hash (no plain address is kept). Production has none: it refuses to deliver.
/// </summary>
internal sealed class DevMailbox(NpgsqlDataSource database, CitizenIds keys, Microsoft.Extensions.Hosting.IHostEnvironment environment, TimeProvider clock)
{
    public const string NoSender = "CODE_SENDER_MISSING";

    public bool Available => !Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsProduction(environment);

    private byte[] Hash(string normalized) => keys.Keyed("mailbox-address", normalized);

    public async Task DeliverAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string normalized, string message, CancellationToken ct)
    {
        if (!Available)
            throw new VapeException(NoSender, "Chưa có dịch vụ gửi mã đến điện thoại hay e-mail ở đây; hãy liên hệ đơn vị của bạn.");
        await Sql.ExecuteAsync(conn, tx, "insert into organization.dev_mailbox (address_hash, message, sent_at) values (@a, @m, @now)", ct,
            ("a", Hash(normalized)), ("m", message), ("now", clock.GetUtcNow()));
    }

    public async Task<IReadOnlyList<MailboxMessage>> ReadAsync(string normalized, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(
            "select message, sent_at from organization.dev_mailbox where address_hash = @a order by id desc limit 20");
        cmd.Parameters.AddWithValue("a", Hash(normalized));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var messages = new List<MailboxMessage>();
        while (await reader.ReadAsync(ct)) messages.Add(new MailboxMessage(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return messages;
    }
}
