using System.Security.Cryptography;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Funds.Ledger;

/// <summary>The accounts of every fund. CASH and GOODS are what it holds; the others say where money came from or went.</summary>
internal static class Accounts
{
    public const string Cash = "CASH";
    public const string Goods = "GOODS";
    public const string Donations = "DONATIONS";
    public const string DonationsInKind = "DONATIONS_IN_KIND";
    public const string Awards = "AWARDS_PAID";

    /// <summary>What a fund passed to (or took from) another unit's fund when its unit merged (docs/adr/0189).</summary>
    public const string Transferred = "TRANSFERRED";

    public static bool IsHeld(string account) => account is Cash or Goods;
}

/// <summary>The Funds module's SQL on the Wolverine-managed Marten session (one transaction with the outbox).</summary>
internal sealed class FundsSql(IDocumentSession session) : SessionSql(session);

/// <summary>One movement to append: debit one account of the fund, credit another.</summary>
internal sealed record Movement(Guid FundId, DateOnly Date, string Kind, string Debit, string Credit, long Amount, string Reference, string Memo,
    Guid? Reverses = null, Guid? ProgrammeId = null);

/// <summary>
/// Appends to a unit's ledger (docs/adr/0090): lock the unit's head, check that what the fund holds covers the
/// credit, move both balances, chain the line to the previous one by its hash. All in the caller's transaction;
/// a refusal throws before anything is written, and the transaction rolls back whatever came before.
/// </summary>
internal static class LedgerWriter
{
    public const string InsufficientFunds = "INSUFFICIENT_FUNDS";

    public static async Task<LedgerLine> AppendAsync(FundsSql sql, Guid unitId, Guid actorId, Movement m, DateTimeOffset now, CancellationToken ct)
    {
        if (m.Amount <= 0) throw VapeException.InvalidInput("Số tiền phải lớn hơn 0 đồng.");
        var head = await LockAsync(sql, unitId, ct);

        if (Accounts.IsHeld(m.Credit))
        {
            var held = await sql.ScalarAsync<long?>("select debits - credits from funds.balances where fund_id = @f and account = @a", ct,
                ("f", m.FundId), ("a", m.Credit)) ?? 0;
            if (held < m.Amount)
                throw new VapeException(InsufficientFunds, $"Quỹ chỉ còn {Money(held)}, không đủ {Money(m.Amount)}.");
        }
        var line = new LedgerLine(head.Seq + 1, Guid.CreateVersion7(), m.FundId, LedgerChain.Micro(now), m.Date, m.Kind, m.Debit, m.Credit, m.Amount,
            m.Reference, m.Memo, m.Reverses, head.Head, "");
        line = line with { Hash = LedgerChain.HashOf(unitId, line) };
        // One round trip: the balance rows first, then the movement (an insert's own values meet the check constraint
        // before any conflict is seen), the line, and the head.
        await sql.ExecuteAsync("""
            insert into funds.balances (fund_id, account) values (@f, @d), (@f, @c) on conflict (fund_id, account) do nothing;
            update funds.balances set debits = debits + @amount where fund_id = @f and account = @d;
            update funds.balances set credits = credits + @amount where fund_id = @f and account = @c;
            insert into funds.entries (unit_id, seq, id, fund_id, recorded_at, on_date, kind, debit, credit, amount, reference, memo, reverses,
                                       programme_id, recorded_by, prev_hash, hash)
            values (@u, @seq, @id, @f, @at, @date, @kind, @d, @c, @amount, @ref, @memo, @reverses, @programme, @by, @prev, @hash);
            update funds.ledgers set seq = @seq, head = @hash where unit_id = @u;
            """, ct, ("u", unitId), ("seq", line.Seq), ("id", line.Id), ("f", m.FundId), ("at", line.RecordedAt), ("date", m.Date), ("kind", m.Kind),
            ("d", m.Debit), ("c", m.Credit), ("amount", m.Amount), ("ref", m.Reference), ("memo", m.Memo),
            ("reverses", Sql.Typed("reverses", m.Reverses, NpgsqlTypes.NpgsqlDbType.Uuid)),
            ("programme", Sql.Typed("programme", m.ProgrammeId, NpgsqlTypes.NpgsqlDbType.Uuid)), ("by", actorId),
            ("prev", Convert.FromHexString(line.PrevHash)), ("hash", Convert.FromHexString(line.Hash)));
        return line;
    }

    /// <summary>Locks the unit's ledger head until the commit: checks made after it (a balance, a status) stay true until the append.</summary>
    public static async Task<(long Seq, string Head)> LockAsync(FundsSql sql, Guid unitId, CancellationToken ct)
    {
        const string Select = "select seq, head from funds.ledgers where unit_id = @u for update";
        var head = await sql.ListAsync(Select, r => (r.GetInt64(0), Convert.ToHexStringLower((byte[])r[1])), ct, ("u", unitId));
        if (head.Count > 0) return head[0];
        await sql.ExecuteAsync("insert into funds.ledgers (unit_id, seq, head) values (@u, 0, @genesis) on conflict (unit_id) do nothing", ct,
            ("u", unitId), ("genesis", Convert.FromHexString(LedgerChain.Genesis)));
        return (await sql.ListAsync(Select, r => (r.GetInt64(0), Convert.ToHexStringLower((byte[])r[1])), ct, ("u", unitId)))[0];
    }

    public static string Money(long dong) => dong.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " đồng";
}

/// <summary>Each unit's ECDSA P-256 key, created with its first signature and kept in `funds.unit_keys` (docs/adr/0091).</summary>
internal static class UnitKeys
{
    public static async Task<(string PublicKeyPem, byte[] PrivateKey)> GetOrCreateAsync(Npgsql.NpgsqlDataSource database, Guid unitId, CancellationToken ct)
    {
        var existing = await database.ListAsync("select public_key, private_key from funds.unit_keys where unit_id = @u",
            r => ((byte[])r[0], (byte[])r[1]), ct, ("u", unitId));
        if (existing.Count == 0)
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            await database.ExecuteAsync("""
                insert into funds.unit_keys (unit_id, private_key, public_key, created_at) values (@u, @private, @public, now())
                on conflict (unit_id) do nothing
                """, ct, ("u", unitId), ("private", created.ExportPkcs8PrivateKey()), ("public", created.ExportSubjectPublicKeyInfo()));
            existing = await database.ListAsync("select public_key, private_key from funds.unit_keys where unit_id = @u",
                r => ((byte[])r[0], (byte[])r[1]), ct, ("u", unitId));
        }
        var (publicKey, privateKey) = existing[0];
        return (PemEncoding.WriteString("PUBLIC KEY", publicKey) + "\n", privateKey);
    }

    public static string Sign(byte[] privateKey, string message)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        return Convert.ToBase64String(key.SignData(System.Text.Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }
}
