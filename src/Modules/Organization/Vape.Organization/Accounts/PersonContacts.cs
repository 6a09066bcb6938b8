using System.Security.Claims;
using System.Security.Cryptography;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;
using Vape.Records.Contracts;

namespace Vape.Organization.Accounts;

internal enum ContactKind { Phone, Email }

/// <summary>The signed-in member's own phone and e-mail, and the change waiting for its code (if any).</summary>
internal sealed record MyContact(string? Phone, string? Email, ContactChangeStarted? Pending);

/// <summary>A change waiting for the code sent to the new address, which is shown masked.</summary>
internal sealed record ContactChangeStarted(ContactKind Kind, string SentTo, DateTimeOffset ExpiresAt);

/// <summary>
/// A member's phone number and e-mail address (ADR 0185): sealed with the person's key (erased with their record),
/// found at recovery by a keyed hash, changed only with a code sent to the new address, never logged, shown to the
/// member alone. Five codes an hour; five wrong codes lock changes for 15 minutes.
/// </summary>
internal sealed class PersonContacts(NpgsqlDataSource database, CitizenIds keys, IPersonSealing sealing, CodeSenders senders, TimeProvider clock)
    : IPersonContacts
{
    public const string Locked = "CONTACT_LOCKED";
    public const int MaxCodesPerHour = 5;
    public const int MaxFailures = 5;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    private static ContactKind KindOf(string normalized) => normalized.Contains('@') ? ContactKind.Email : ContactKind.Phone;

    private byte[] LookupHash(string normalized) => keys.Keyed("contact-address", normalized);

    private byte[] CodeHash(Guid person, string normalized, string code) => keys.Keyed("contact-code", $"{person}\n{normalized}\n{code}");

    public async Task<MyContact> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var person = PersonOf(user);
        string? phone = null, email = null;
        ContactChangeStarted? pending = null;
        var now = clock.GetUtcNow();
        await using var cmd = database.CreateCommand("""
            select kind, sealed, null::timestamptz from organization.person_contacts where person_id = @p
            union all
            select kind, sealed, expires_at from organization.contact_changes where person_id = @p and code_hash is not null and expires_at > @now
            """);
        cmd.Parameters.AddWithValue("p", person);
        cmd.Parameters.AddWithValue("now", now);
        var rows = new List<(ContactKind Kind, byte[] Sealed, DateTimeOffset? Expires)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                rows.Add((Enum.Parse<ContactKind>(reader.GetString(0)), (byte[])reader[1], reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        foreach (var (kind, sealedValue, expires) in rows)
        {
            var value = await sealing.OpenAsync(person, sealedValue, ct);
            if (value is null) continue;
            if (expires is { } until) pending = new ContactChangeStarted(kind, Mask(value), until);
            else if (kind == ContactKind.Phone) phone = value;
            else email = value;
        }
        return new MyContact(phone, email, pending);
    }

    /// <summary>Sends a code to the new address; the change waits for it. A new request replaces the waiting one.</summary>
    public async Task<ContactChangeStarted> RequestChangeAsync(ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        var person = PersonOf(user);
        var normalized = SignInAddress.Normalize(address);
        var kind = KindOf(normalized);
        var code = OneTimeCodes.NewCode();
        var sealedValue = await sealing.SealAsync(person, normalized, ct);
        var now = clock.GetUtcNow();
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Sql.ExecuteAsync(conn, tx, """
            insert into organization.contact_changes (person_id, window_start, sent_in_window) values (@p, @now, 0) on conflict do nothing
            """, ct, ("p", person), ("now", now));
        var (lockedUntil, windowStart, sent) = await ReadStateAsync(conn, tx, person, ct);
        if (lockedUntil > now) throw LockedUntil(lockedUntil.Value);
        var windowOver = windowStart <= now - TimeSpan.FromHours(1);
        if (!windowOver && sent >= MaxCodesPerHour)
            throw new VapeException(ErrorCodes.RateLimited, "Đã gửi quá nhiều mã xác nhận; hãy thử lại sau một giờ.");
        var expires = now + CodeLifetime;
        await Sql.ExecuteAsync(conn, tx, """
            update organization.contact_changes set kind = @k, sealed = @s, code_hash = @c, expires_at = @exp, failures = 0, locked_until = null,
                   window_start = @ws, sent_in_window = @n
             where person_id = @p
            """, ct, ("k", kind.ToString()), ("s", sealedValue), ("c", CodeHash(person, normalized, code)), ("exp", expires),
            ("ws", windowOver ? now : windowStart), ("n", windowOver ? 1 : sent + 1), ("p", person));
        await senders.DeliverAsync(conn, tx, normalized,
            $"Mã xác nhận {(kind == ContactKind.Phone ? "số điện thoại" : "địa chỉ e-mail")} mới của bạn trên Vape là {code}. Mã có hiệu lực trong {CodeLifetime.TotalMinutes:0} phút; đừng đưa mã cho ai.", ct);
        await tx.CommitAsync(ct);
        return new ContactChangeStarted(kind, Mask(normalized), expires);
    }

    /// <summary>The right code for the waiting change to this address, in time: it becomes the member's phone or e-mail.</summary>
    public async Task<MyContact> ConfirmChangeAsync(ClaimsPrincipal user, string? address, string? code, CancellationToken ct)
    {
        var person = PersonOf(user);
        var normalized = SignInAddress.Normalize(address);
        var given = (code ?? "").Trim();
        var now = clock.GetUtcNow();
        await using (var conn = await database.OpenConnectionAsync(ct))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            var (lockedUntil, _, _) = await ReadStateAsync(conn, tx, person, ct);
            if (lockedUntil > now) throw LockedUntil(lockedUntil.Value);
            (byte[] Code, byte[] Sealed, string Kind)? waiting = null;
            await using (var read = new NpgsqlCommand("""
                select code_hash, sealed, kind from organization.contact_changes
                 where person_id = @p and code_hash is not null and expires_at > @now
                """, conn, tx))
            {
                read.Parameters.AddWithValue("p", person);
                read.Parameters.AddWithValue("now", now);
                await using var reader = await read.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct)) waiting = ((byte[])reader[0], (byte[])reader[1], reader.GetString(2));
            }
            if (waiting is null) throw OneTimeCodes.Invalid();
            if (given.Length != 6 || !CryptographicOperations.FixedTimeEquals(waiting.Value.Code, CodeHash(person, normalized, given)))
            {
                // The fifth wrong code ends the waiting change and locks changes for a while.
                await Sql.ExecuteAsync(conn, tx, """
                    update organization.contact_changes set failures = failures + 1,
                           locked_until = case when failures + 1 >= @max then @until end,
                           code_hash = case when failures + 1 >= @max then null else code_hash end,
                           sealed = case when failures + 1 >= @max then null else sealed end
                     where person_id = @p
                    """, ct, ("max", MaxFailures), ("until", now + LockTime), ("p", person));
                await tx.CommitAsync(ct);
                throw OneTimeCodes.Invalid();
            }
            await Sql.ExecuteAsync(conn, tx, """
                insert into organization.person_contacts (person_id, kind, sealed, lookup_hash, changed_at) values (@p, @k, @s, @h, @now)
                on conflict (person_id, kind) do update set sealed = excluded.sealed, lookup_hash = excluded.lookup_hash, changed_at = excluded.changed_at;
                update organization.contact_changes set kind = null, sealed = null, code_hash = null, expires_at = null, failures = 0 where person_id = @p
                """, ct, ("p", person), ("k", waiting.Value.Kind), ("s", waiting.Value.Sealed), ("h", LookupHash(normalized)), ("now", now));
            await tx.CommitAsync(ct);
        }
        return await MineAsync(user, ct);
    }

    /// <summary>Removes the member's phone or e-mail (no code: it only takes away); NOT_FOUND when there is none on file.</summary>
    public async Task<MyContact> RemoveAsync(ClaimsPrincipal user, ContactKind kind, CancellationToken ct)
    {
        var person = PersonOf(user);
        await using var cmd = database.CreateCommand("delete from organization.person_contacts where person_id = @p and kind = @k");
        cmd.Parameters.AddWithValue("p", person);
        cmd.Parameters.AddWithValue("k", kind.ToString());
        if (await cmd.ExecuteNonQueryAsync(ct) == 0)
            throw VapeException.NotFound(kind == ContactKind.Phone
                ? "Bạn chưa có số điện thoại nào trong hồ sơ để xoá."
                : "Bạn chưa có địa chỉ e-mail nào trong hồ sơ để xoá.");
        return await MineAsync(user, ct);
    }

    /// <summary>The member (still a member) who has this address on file, when exactly one has; else null.</summary>
    public async Task<Guid?> OnlyPersonWithAsync(string normalized, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            select c.person_id from organization.person_contacts c join organization.people p on p.id = c.person_id
             where c.lookup_hash = @h and p.left_on is null limit 2
            """);
        cmd.Parameters.AddWithValue("h", LookupHash(normalized));
        var found = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetGuid(0));
        return found.Count == 1 ? found[0] : null;
    }

    public async Task EraseAsync(Guid personId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            delete from organization.person_contacts where person_id = @p;
            delete from organization.contact_changes where person_id = @p
            """);
        cmd.Parameters.AddWithValue("p", personId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(DateTimeOffset? LockedUntil, DateTimeOffset WindowStart, int Sent)> ReadStateAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, Guid person, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand(
            "select locked_until, window_start, sent_in_window from organization.contact_changes where person_id = @p for update", conn, tx);
        read.Parameters.AddWithValue("p", person);
        await using var reader = await read.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (null, DateTimeOffset.MinValue, 0);
        return (reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2));
    }

    private static Guid PersonOf(ClaimsPrincipal user) =>
        user.PersonId() ?? throw VapeException.NotAllowed("Chỉ hội viên mới có số điện thoại và e-mail trong hồ sơ; hãy gắn tài khoản với hội viên trước.");

    private static VapeException LockedUntil(DateTimeOffset until) =>
        new(Locked, $"Đã nhập sai mã quá nhiều lần; hãy thử lại sau {until.ToOffset(TimeSpan.FromHours(7)):HH:mm} (giờ Việt Nam).");

    /// <summary>`09******78`, `e***@example.vn`: enough to recognise one's own address, not to learn another's.</summary>
    internal static string Mask(string normalized)
    {
        var at = normalized.IndexOf('@');
        if (at < 0) return normalized[..2] + new string('*', normalized.Length - 4) + normalized[^2..];
        return normalized[..1] + "***" + normalized[at..];
    }
}
