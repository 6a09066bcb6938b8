using System.Net;
using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Funds.Ledger;
using Vape.Organization.Contracts;

namespace Vape.Funds.Donations;

/// <summary>Who may see a donor's name: everyone, only the fund's officials, or nobody (anonymous).</summary>
public enum DonorVisibility
{
    Public,
    Officials,
    Anonymous,
}

public enum DonationKind
{
    Cash,
    Goods,
}

/// <summary>A donation promised, with the reference the donor puts in the bank transfer.</summary>
public sealed record Pledge(Guid Id, Guid FundId, string Reference, long Amount, string? DonorName, DonorVisibility Visibility, DateTimeOffset PledgedAt,
    Guid? DonationId, string? VietQr);

/// <summary>A donation received, with its receipt number (per fund and year) and the ledger line that holds it.</summary>
public sealed record Donation(Guid Id, Guid FundId, Guid EntryId, long Amount, DonationKind Kind, string? Goods, string? DonorName,
    DonorVisibility Visibility, DateOnly ReceivedOn, int ReceiptYear, int ReceiptNumber, DateTimeOffset RecordedAt, Guid? PledgeId)
{
    public string ReceiptNo => $"{ReceiptNumber:D5}/{ReceiptYear}";

    internal const string Columns = """
        d.id, d.fund_id, d.entry_id, d.amount, d.kind, d.goods, d.donor_name, d.visibility, d.received_on, d.receipt_year, d.receipt_number, d.recorded_at, d.pledge_id
        """;

    internal static Donation Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetInt64(3), Enum.Parse<DonationKind>(r.GetString(4)),
        r.Get<string>(5), r.Get<string>(6), Enum.Parse<DonorVisibility>(r.GetString(7)), r.GetFieldValue<DateOnly>(8), r.GetInt32(9), r.GetInt32(10),
        r.GetFieldValue<DateTimeOffset>(11), r.Get<Guid?>(12));
}

/// <summary>Anyone signed in may pledge to a fund; the answer carries the VietQR payload when the fund has a bank account.</summary>
public sealed record PledgeDonation(Guid ActorId, Guid FundId, long Amount, string? DonorName, DonorVisibility Visibility);

public static class PledgeDonationHandler
{
    public static async Task<Pledge> Handle(PledgeDonation command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var amount = FundRules.Amount(command.Amount);
        var donor = FundRules.Optional(command.DonorName, "tên người ủng hộ", 200);
        if (donor is null && command.Visibility != DonorVisibility.Anonymous) throw VapeException.InvalidInput("Hãy nhập tên người ủng hộ, hoặc chọn ẩn danh.");
        if (command.Visibility == DonorVisibility.Anonymous) donor = null;
        if (!Enum.IsDefined(command.Visibility)) throw VapeException.InvalidInput("Lựa chọn hiển thị tên không hợp lệ.");
        var sql = new FundsSql(session);
        var fund = await FundStore.LoadAsync(sql, command.FundId, ct);
        await FundRules.DemandOpenAsync(organization, fund.UnitId, ct);
        // Short, unambiguous, and within what banks keep of a transfer's description.
        var reference = "VAPE" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5));
        var pledge = new Pledge(Guid.CreateVersion7(), fund.Id, reference, amount, donor, command.Visibility, LedgerChain.Micro(clock.GetUtcNow()), null,
            fund.BankBin is { } bin && fund.BankAccount is { } account ? VietQr.Payload(bin, account, amount, reference) : null);
        await sql.ExecuteAsync("""
            insert into funds.pledges (id, fund_id, reference, amount, donor_name, visibility, pledged_by, pledged_at)
            values (@id, @f, @ref, @amount, @donor, @visibility, @by, @at)
            """, ct, ("id", pledge.Id), ("f", fund.Id), ("ref", reference), ("amount", amount), ("donor", donor), ("visibility", command.Visibility.ToString()),
            ("by", command.ActorId), ("at", pledge.PledgedAt));
        return pledge;
    }
}

/// <summary>
/// An official records a donation received (cash or goods valued in đồng): a ledger line, the next receipt number
/// of the fund's year, and the pledge it fulfils. A resent request (same `RequestId`) gets the same donation back.
/// </summary>
public sealed record RecordDonation(Guid ActorId, Guid FundId, long Amount, DateOnly ReceivedOn, DonationKind Kind, string? Goods, string? DonorName,
    DonorVisibility Visibility, Guid? PledgeId, Guid? RequestId);

public static class RecordDonationHandler
{
    public static async Task<Donation> Handle(RecordDonation command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var sql = new FundsSql(session);
        var fund = await FundStore.LoadAsync(sql, command.FundId, ct);
        await FundRules.DemandManageAsync(organization, command.ActorId, fund.UnitId, ct);
        await FundRules.DemandOpenAsync(organization, fund.UnitId, ct);
        var amount = FundRules.Amount(command.Amount, command.Kind == DonationKind.Goods ? "Giá trị hiện vật" : "Số tiền");
        var date = FundRules.Past(command.ReceivedOn, clock, "Ngày nhận");
        if (!Enum.IsDefined(command.Kind) || !Enum.IsDefined(command.Visibility)) throw VapeException.InvalidInput("Loại ủng hộ không hợp lệ.");
        var goods = FundRules.Optional(command.Goods, "mô tả hiện vật", 500);
        if (command.Kind == DonationKind.Goods && goods is null) throw VapeException.InvalidInput("Hãy mô tả hiện vật được ủng hộ.");
        return await RecordAsync(sql, fund, command with { Amount = amount, ReceivedOn = date, Goods = goods }, clock.GetUtcNow(), ct);
    }

    internal static async Task<Donation> RecordAsync(FundsSql sql, Fund fund, RecordDonation command, DateTimeOffset now, CancellationToken ct)
    {
        await LedgerWriter.LockAsync(sql, fund.UnitId, ct);
        if (command.RequestId is Guid request && await FindAsync(sql, "d.fund_id = @f and d.request_id = @r", ct, ("f", fund.Id), ("r", request)) is { } sent)
            return sent;
        var donor = FundRules.Optional(command.DonorName, "tên người ủng hộ", 200);
        var visibility = command.Visibility;
        if (command.PledgeId is Guid pledgeId)
        {
            var pledge = (await sql.ListAsync("select fund_id, donation_id, donor_name, visibility from funds.pledges where id = @p for update",
                r => (Fund: r.GetGuid(0), Donation: r.Get<Guid?>(1), Donor: r.Get<string>(2), Visibility: Enum.Parse<DonorVisibility>(r.GetString(3))),
                ct, ("p", pledgeId))).SingleOrDefault();
            if (pledge.Fund != fund.Id) throw VapeException.NotFound("Không tìm thấy lời hứa ủng hộ của quỹ này.");
            if (pledge.Donation is not null) throw new VapeException(FundRules.PledgeAlreadyReceived, "Lời hứa ủng hộ này đã được ghi nhận.");
            donor ??= pledge.Donor;
            visibility = pledge.Visibility;
        }
        if (donor is null && visibility != DonorVisibility.Anonymous) throw VapeException.InvalidInput("Hãy nhập tên người ủng hộ, hoặc chọn ẩn danh.");
        if (visibility == DonorVisibility.Anonymous) donor = null; // an anonymous donor's name is not kept at all

        var year = command.ReceivedOn.Year;
        var number = await sql.ScalarAsync<int>("""
            insert into funds.receipt_counters (fund_id, year, last) values (@f, @y, 1)
            on conflict (fund_id, year) do update set last = funds.receipt_counters.last + 1
            returning last
            """, ct, ("f", fund.Id), ("y", year));
        var goods = command.Kind == DonationKind.Goods;
        var receipt = $"{number:D5}/{year}";
        var line = await LedgerWriter.AppendAsync(sql, fund.UnitId, command.ActorId, new Movement(fund.Id, command.ReceivedOn,
            goods ? "DONATION_IN_KIND" : "DONATION", goods ? Accounts.Goods : Accounts.Cash, goods ? Accounts.DonationsInKind : Accounts.Donations,
            command.Amount, "BL " + receipt, goods ? command.Goods! : "Tiền ủng hộ"), now, ct);
        var donation = new Donation(Guid.CreateVersion7(), fund.Id, line.Id, command.Amount, command.Kind, command.Goods, donor, visibility,
            command.ReceivedOn, year, number, line.RecordedAt, command.PledgeId);
        await sql.ExecuteAsync("""
            insert into funds.donations (id, fund_id, entry_id, pledge_id, request_id, kind, amount, goods, donor_name, visibility, received_on,
                                         receipt_year, receipt_number, recorded_by, recorded_at)
            values (@id, @f, @entry, @pledge, @request, @kind, @amount, @goods, @donor, @visibility, @on, @year, @number, @by, @at)
            """, ct, ("id", donation.Id), ("f", fund.Id), ("entry", line.Id), ("pledge", Sql.Typed("pledge", command.PledgeId, NpgsqlTypes.NpgsqlDbType.Uuid)),
            ("request", Sql.Typed("request", command.RequestId, NpgsqlTypes.NpgsqlDbType.Uuid)), ("kind", command.Kind.ToString()), ("amount", command.Amount),
            ("goods", command.Goods), ("donor", donor), ("visibility", visibility.ToString()), ("on", command.ReceivedOn), ("year", year),
            ("number", number), ("by", command.ActorId), ("at", donation.RecordedAt));
        if (command.PledgeId is Guid p)
            await sql.ExecuteAsync("update funds.pledges set donation_id = @d where id = @p", ct, ("d", donation.Id), ("p", p));
        return donation;
    }

    private static async Task<Donation?> FindAsync(FundsSql sql, string where, CancellationToken ct, params (string, object?)[] parameters) =>
        (await sql.ListAsync($"select {Donation.Columns} from funds.donations d where {where}", Donation.Read, ct, parameters)).SingleOrDefault();
}

/// <summary>The printable receipt of a donation, in Vietnamese (HTML, every value escaped).</summary>
internal static class Receipt
{
    private const string Style = "body{font-family:serif;max-width:42em;margin:2em auto}h1{text-align:center;font-size:1.3em}@media print{button{display:none}}";

    public static string Html(Donation d, Fund fund, string unitName)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var donor = d.Visibility == DonorVisibility.Anonymous ? "Nhà hảo tâm (ẩn danh)" : d.DonorName;
        var what = d.Kind == DonationKind.Goods ? $"Hiện vật: {E(d.Goods)}, trị giá {E(LedgerWriter.Money(d.Amount))}" : $"Số tiền: {E(LedgerWriter.Money(d.Amount))}";
        return $$"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><title>Biên nhận {{E(d.ReceiptNo)}}</title>
            <style>{{Style}}</style></head>
            <body>
            <p>{{E(unitName)}}<br>{{E(fund.Name)}}</p>
            <h1>BIÊN NHẬN ỦNG HỘ<br>Số {{E(d.ReceiptNo)}}</h1>
            <p>Quỹ đã nhận của: <strong>{{E(donor)}}</strong></p>
            <p>{{what}}</p>
            <p>Ngày nhận: {{d.ReceivedOn:dd/MM/yyyy}}</p>
            <p>Mục đích của quỹ: {{E(fund.Purpose)}}</p>
            <p>Bút toán sổ quỹ: {{E(d.EntryId.ToString())}}</p>
            <p style="margin-top:4em;text-align:right">Người nhận (ký, ghi rõ họ tên)</p>
            <button onclick="window.print()">In biên nhận</button>
            </body></html>
            """;
    }
}
