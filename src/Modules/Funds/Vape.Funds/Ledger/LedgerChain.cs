using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vape.Funds.Ledger;

/// <summary>One line of a unit's ledger as it is exported and hashed. Amounts are whole đồng.</summary>
public sealed record LedgerLine(
    long Seq, Guid Id, Guid FundId, DateTimeOffset RecordedAt, DateOnly Date, string Kind, string Debit, string Credit, long Amount,
    string Reference, string Memo, Guid? Reverses, string PrevHash, string Hash);

/// <summary>A unit's ledger as anyone can download it: its lines, its head, and the unit's signature of the head.</summary>
internal sealed record LedgerExport(
    string Format, Guid UnitId, string UnitName, IReadOnlyList<LedgerLine> Entries, long HeadSeq, string HeadHash,
    string SignedMessage, string Signature, string PublicKey);

/// <summary>A unit's ledger head and its signature, as <see cref="LedgerExport"/> without the lines.</summary>
public sealed record LedgerHead(Guid UnitId, string UnitName, long HeadSeq, string HeadHash, string SignedMessage, string Signature, string PublicKey);

/// <summary>What a verification found: valid, or the problems (the first broken line and why), and the balances it recomputed.</summary>
public sealed record LedgerVerification(bool Valid, IReadOnlyList<string> Problems, long Entries, IReadOnlyDictionary<string, long> Balances);

/// <summary>
/// The hash chain and the signature of a unit's ledger (docs/adr/0091): the one definition used when an entry is
/// appended, when the ledger is exported, by the public verification endpoint and by `tools/Vape.Funds.Verify`.
/// </summary>
internal static class LedgerChain
{
    public const string Format = "vape-funds-ledger/1";

    public static readonly string Genesis = new('0', 64);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>PostgreSQL keeps microseconds: times are cut to them before they are hashed or stored.</summary>
    public static DateTimeOffset Micro(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>The bytes hashed for a line: its fields in a fixed order, as a compact JSON array (escaping every non-ASCII character).</summary>
    public static byte[] Canonical(Guid unitId, LedgerLine l)
    {
        var fields = new object?[]
        {
            Format, unitId.ToString("D"), l.Seq, l.Id.ToString("D"), l.FundId.ToString("D"),
            Micro(l.RecordedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Kind, l.Debit, l.Credit, l.Amount, l.Reference, l.Memo,
            l.Reverses?.ToString("D"), l.PrevHash,
        };
        return JsonSerializer.SerializeToUtf8Bytes(fields);
    }

    public static string HashOf(Guid unitId, LedgerLine line) => Convert.ToHexStringLower(SHA256.HashData(Canonical(unitId, line)));

    /// <summary>What the unit signs: the format, the unit, and the head of its chain.</summary>
    public static string SignedMessage(Guid unitId, long seq, string headHash) => $"{Format}|{unitId:D}|{seq}|{headHash}";

    public static LedgerVerification Verify(LedgerExport export, string? trustedPublicKeyPem = null)
    {
        var problems = new List<string>();
        var balances = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (export.Format != Format) problems.Add($"Định dạng `{export.Format}` không phải `{Format}`.");
        var prev = Genesis;
        long expected = 1;
        foreach (var line in export.Entries)
        {
            if (line.Seq != expected) { problems.Add($"Dòng {line.Seq}: số thứ tự phải là {expected}."); break; }
            if (line.PrevHash != prev) { problems.Add($"Dòng {line.Seq}: mã băm dòng trước không khớp."); break; }
            if (HashOf(export.UnitId, line) != line.Hash) { problems.Add($"Dòng {line.Seq}: nội dung đã bị sửa (mã băm không khớp)."); break; }
            if (line.Amount <= 0 || line.Debit == line.Credit) { problems.Add($"Dòng {line.Seq}: bút toán không hợp lệ."); break; }
            var debit = $"{line.FundId:D}/{line.Debit}";
            var credit = $"{line.FundId:D}/{line.Credit}";
            balances[debit] = balances.GetValueOrDefault(debit) + line.Amount;
            balances[credit] = balances.GetValueOrDefault(credit) - line.Amount;
            if (line.Credit is "CASH" or "GOODS" && balances[credit] < 0) { problems.Add($"Dòng {line.Seq}: quỹ chi quá số đang giữ."); break; }
            prev = line.Hash;
            expected++;
        }
        if (problems.Count == 0)
        {
            if (export.HeadSeq != expected - 1 || export.HeadHash != prev) problems.Add("Đầu chuỗi (headSeq, headHash) không khớp với dòng cuối.");
            if (export.SignedMessage != SignedMessage(export.UnitId, export.HeadSeq, export.HeadHash)) problems.Add("Nội dung được ký không khớp với đầu chuỗi.");
            if (trustedPublicKeyPem is not null && Normalize(trustedPublicKeyPem) != Normalize(export.PublicKey))
                problems.Add("Khóa công khai trong tệp khác khóa công khai của đơn vị.");
            else if (!SignatureValid(export.PublicKey, export.SignedMessage, export.Signature)) problems.Add("Chữ ký của đơn vị không hợp lệ.");
        }
        if (balances.Values.Sum() != 0) problems.Add("Tổng nợ và tổng có không bằng nhau.");
        return new LedgerVerification(problems.Count == 0, problems, export.Entries.Count, balances);
    }

    public static bool SignatureValid(string publicKeyPem, string message, string signatureBase64)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(publicKeyPem);
            return key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signatureBase64), HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static string Normalize(string pem) => string.Concat(pem.Where(c => !char.IsWhiteSpace(c)));
}
