using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;

namespace Vape.Funds.Ledger;

/// <summary>
/// A unit's ledger for anyone, without sign-in: JSON (with its head signed by the unit's key) and CSV, the unit's
/// public key, and the verification of an export anyone uploads (the same check as `tools/Vape.Funds.Verify`).
/// </summary>
internal sealed class LedgerExports(NpgsqlDataSource database, IOrganizationQueries organization)
{
    public async Task<LedgerExport?> ExportAsync(Guid unitId, CancellationToken ct)
    {
        var unit = (await organization.UnitsAsync([unitId], ct)).SingleOrDefault();
        if (unit is null) return null;
        var lines = await LinesAsync(unitId, 0, null, ct);
        var (seq, head) = lines.Count == 0 ? (0L, LedgerChain.Genesis) : (lines[^1].Seq, lines[^1].Hash);
        var (message, signature, publicKey) = await SignAsync(unitId, seq, head, ct);
        return new LedgerExport(LedgerChain.Format, unitId, unit.Name, lines, seq, head, message, signature, publicKey);
    }

    /// <summary>The ledger's head, signed, without its lines (they come a page at a time: <see cref="EntriesAsync"/>); null for no such unit.</summary>
    public async Task<LedgerHead?> HeadAsync(Guid unitId, CancellationToken ct)
    {
        var unit = (await organization.UnitsAsync([unitId], ct)).SingleOrDefault();
        if (unit is null) return null;
        var last = await database.ListAsync("select seq, hash from funds.entries where unit_id = @u order by seq desc limit 1",
            r => (Seq: r.GetInt64(0), Hash: Convert.ToHexStringLower((byte[])r[1])), ct, ("u", unitId));
        var (seq, head) = last.Count == 0 ? (0L, LedgerChain.Genesis) : last[0];
        var (message, signature, publicKey) = await SignAsync(unitId, seq, head, ct);
        return new LedgerHead(unitId, unit.Name, seq, head, message, signature, publicKey);
    }

    /// <summary>The head's message signed with the unit's key (made on first use), and that key's public half.</summary>
    private async Task<(string Message, string Signature, string PublicKey)> SignAsync(Guid unitId, long seq, string head, CancellationToken ct)
    {
        var (publicKey, privateKey) = await UnitKeys.GetOrCreateAsync(database, unitId, ct);
        var message = LedgerChain.SignedMessage(unitId, seq, head);
        return (message, UnitKeys.Sign(privateKey, message), publicKey);
    }

    /// <summary>Lines of the ledger in order, after line <paramref name="afterSeq"/>, up to <paramref name="count"/>.</summary>
    public Task<List<LedgerLine>> EntriesAsync(Guid unitId, long afterSeq, int count, CancellationToken ct) => LinesAsync(unitId, afterSeq, count, ct);

    private Task<List<LedgerLine>> LinesAsync(Guid unitId, long afterSeq, int? count, CancellationToken ct) =>
        database.ListAsync("""
            select seq, id, fund_id, recorded_at, on_date, kind, debit, credit, amount, reference, memo, reverses, prev_hash, hash
              from funds.entries where unit_id = @u and seq > @after order by seq limit @n
            """, r => new LedgerLine(r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateOnly>(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetInt64(8), r.GetString(9), r.GetString(10), r.Get<Guid?>(11), Convert.ToHexStringLower((byte[])r[12]),
                Convert.ToHexStringLower((byte[])r[13])), ct, ("u", unitId), ("after", afterSeq),
            ("n", Sql.Typed("n", count, NpgsqlTypes.NpgsqlDbType.Integer)));

    /// <summary>The unit's public key; null for a unit that does not exist (no key is made for it).</summary>
    public async Task<string?> PublicKeyAsync(Guid unitId, CancellationToken ct) =>
        (await organization.UnitsAsync([unitId], ct)).Count == 0 ? null : (await UnitKeys.GetOrCreateAsync(database, unitId, ct)).PublicKeyPem;

    public static string Csv(LedgerExport export)
    {
        var csv = new StringBuilder("seq,id,fund_id,recorded_at,date,kind,debit,credit,amount,reference,memo,reverses,prev_hash,hash\n");
        foreach (var l in export.Entries)
            csv.AppendJoin(',', l.Seq.ToString(CultureInfo.InvariantCulture), l.Id, l.FundId,
                    LedgerChain.Micro(l.RecordedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Kind, l.Debit, l.Credit, l.Amount.ToString(CultureInfo.InvariantCulture),
                    Quote(l.Reference), Quote(l.Memo), l.Reverses?.ToString() ?? "", l.PrevHash, l.Hash)
                .Append('\n');
        csv.Append(CultureInfo.InvariantCulture, $"# head,{export.HeadSeq},{export.HeadHash},signature,{export.Signature}\n");
        return csv.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/funds/units/{unitId:guid}/ledger.json", async (Guid unitId, LedgerExports exports, CancellationToken ct) =>
            await exports.ExportAsync(unitId, ct) is { } export
                ? Results.Text(JsonSerializer.Serialize(export, LedgerChain.Json), "application/json; charset=utf-8", Encoding.UTF8)
                : Results.NotFound());
        endpoints.MapGet("/funds/units/{unitId:guid}/ledger.csv", async (Guid unitId, LedgerExports exports, CancellationToken ct) =>
            await exports.ExportAsync(unitId, ct) is { } export ? Results.Text(Csv(export), "text/csv; charset=utf-8", Encoding.UTF8) : Results.NotFound());
        endpoints.MapGet("/funds/units/{unitId:guid}/ledger-key.pem", async (Guid unitId, LedgerExports exports, CancellationToken ct) =>
            await exports.PublicKeyAsync(unitId, ct) is { } key ? Results.Text(key, "application/x-pem-file", Encoding.ASCII) : Results.NotFound());
        endpoints.MapPost("/funds/ledgers/verify", async (HttpRequest request, LedgerExports exports, CancellationToken ct) =>
        {
            LedgerExport? export;
            try { export = await JsonSerializer.DeserializeAsync<LedgerExport>(request.Body, LedgerChain.Json, ct); }
            catch (JsonException) { export = null; }
            if (export?.Entries is null || export.PublicKey is null)
                return Results.Json(new { code = "INVALID_INPUT", message = "Tệp sổ quỹ không đúng định dạng." }, statusCode: 400);
            // Checked against the key the unit publishes, not the one the file brings.
            var verification = await exports.PublicKeyAsync(export.UnitId, ct) is { } key
                ? LedgerChain.Verify(export, key)
                : new LedgerVerification(false, ["Không có đơn vị nào với mã này."], export.Entries.Count, new Dictionary<string, long>());
            return Results.Json(verification, LedgerChain.Json);
        }).DisableAntiforgery();
    }
}
