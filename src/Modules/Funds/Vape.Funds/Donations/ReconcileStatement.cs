using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Funds.Ledger;
using Vape.Organization.Contracts;

namespace Vape.Funds.Donations;

/// <summary>A statement line that matched no open pledge of the fund, with why, for an official to look at.</summary>
public sealed record UnmatchedLine(int Line, string Text, string Reason);

public sealed record Reconciliation(IReadOnlyList<Donation> Matched, IReadOnlyList<UnmatchedLine> Unmatched);

/// <summary>
/// An official uploads the fund's bank statement (CSV, header `ngay,so_tien,noi_dung`): each credit whose description
/// holds an open pledge's reference and whose amount is the pledge's becomes that pledge's donation, with its receipt;
/// every other line is listed with the reason. A statement uploaded twice records nothing twice (a pledge is received once).
/// </summary>
public sealed partial record ReconcileStatement(Guid ActorId, Guid FundId, string CsvBase64);

public static partial class ReconcileStatementHandler
{
    public const int MaxBytes = 2_000_000;
    public const int MaxLines = 5_000;

    [GeneratedRegex("VAPE[0-9A-F]{10}", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    public static async Task<Reconciliation> Handle(ReconcileStatement command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var sql = new FundsSql(session);
        var fund = await FundStore.LoadAsync(sql, command.FundId, ct);
        await FundRules.DemandManageAsync(organization, command.ActorId, fund.UnitId, ct);
        await FundRules.DemandOpenAsync(organization, fund.UnitId, ct);
        byte[] bytes;
        try { bytes = Convert.FromBase64String(command.CsvBase64 ?? ""); }
        catch (FormatException) { throw VapeException.InvalidInput("Tệp sao kê phải được mã hóa base64."); }
        if (bytes.Length is 0 or > MaxBytes) throw VapeException.InvalidInput($"Tệp sao kê phải có nội dung và không quá {MaxBytes / 1_000_000} MB.");
        var lines = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF').Normalize(NormalizationForm.FormC)
            .Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || !string.Equals(lines[0].Trim(), "ngay,so_tien,noi_dung", StringComparison.OrdinalIgnoreCase))
            throw VapeException.InvalidInput("Dòng đầu của tệp sao kê phải là: ngay,so_tien,noi_dung");
        if (lines.Count > MaxLines + 1) throw VapeException.InvalidInput($"Tệp sao kê có tối đa {MaxLines} dòng.");

        var today = FundRules.Today(clock);
        var matched = new List<Donation>();
        var unmatched = new List<UnmatchedLine>();
        for (var i = 1; i < lines.Count; i++)
        {
            var text = lines[i];
            if (string.IsNullOrWhiteSpace(text)) continue;
            var parts = text.Split(',', 3);
            if (parts.Length < 3
                || !DateOnly.TryParseExact(parts[0].Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !long.TryParse(parts[1].Trim().Replace(".", "").Replace(" ", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                unmatched.Add(new UnmatchedLine(i + 1, text, "Dòng không đọc được (ngày, số tiền nguyên đồng, nội dung)."));
                continue;
            }
            if (amount <= 0 || amount > FundRules.MaxAmount || date > today)
            {
                unmatched.Add(new UnmatchedLine(i + 1, text, "Số tiền hoặc ngày không hợp lệ."));
                continue;
            }
            var reference = Reference().Match(parts[2]) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
            var pledge = reference is null ? default : (await sql.ListAsync(
                "select id, amount, donation_id from funds.pledges where fund_id = @f and reference = @r",
                r => (Id: r.GetGuid(0), Amount: r.GetInt64(1), Received: !r.IsDBNull(2)), ct, ("f", fund.Id), ("r", reference))).SingleOrDefault();
            var reason = reference is null ? "Không có mã tham chiếu của lời hứa ủng hộ."
                : pledge.Id == Guid.Empty ? $"Không có lời hứa ủng hộ {reference} của quỹ này."
                : pledge.Received ? $"Lời hứa ủng hộ {reference} đã được ghi nhận trước đó."
                : pledge.Amount != amount ? $"Số tiền khác số đã hứa ({LedgerWriter.Money(pledge.Amount)})."
                : null;
            if (reason is not null)
            {
                unmatched.Add(new UnmatchedLine(i + 1, text, reason));
                continue;
            }
            matched.Add(await RecordDonationHandler.RecordAsync(sql, fund, new RecordDonation(command.ActorId, fund.Id, amount, date, DonationKind.Cash, null, null,
                DonorVisibility.Anonymous, pledge.Id, null), clock.GetUtcNow(), ct));
        }
        return new Reconciliation(matched, unmatched);
    }
}
