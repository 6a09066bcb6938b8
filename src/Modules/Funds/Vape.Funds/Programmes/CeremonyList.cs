using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Funds.Ledger;
using Vape.Organization.Contracts;

namespace Vape.Funds.Programmes;

/// <summary>One line of a ceremony list: the recipient's name as the award holds it, the amount, and the payment once made.</summary>
public sealed record CeremonyLine(int Line, Guid AwardId, string RecipientName, long Amount, Guid? EntryId)
{
    public string AmountInWords => VietnameseAmount.Words(Amount);
}

/// <summary>
/// The signed list of a cash ceremony (docs/adr/0190): numbered per fund and year (<c>00001/2026</c>), its lines the
/// programme's awards from the fund not yet paid when it was prepared, and the SHA-256 of its canonical content.
/// </summary>
public sealed record CeremonyList(Guid Id, Guid FundId, Guid ProgrammeId, Guid UnitId, int Year, int Number, DateOnly CeremonyOn, string Place,
    string Content, string Hash, IReadOnlyList<CeremonyLine> Lines)
{
    public string ListNo => $"{Number:D5}/{Year}";

    internal const string Columns = "c.id, c.fund_id, c.programme_id, c.unit_id, c.year, c.number, c.ceremony_on, c.place, c.content, c.hash";

    internal static CeremonyList Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetGuid(3), r.GetInt32(4), r.GetInt32(5),
        r.GetFieldValue<DateOnly>(6), r.GetString(7), r.GetString(8), Convert.ToHexStringLower((byte[])r[9]), []);

    internal const string LineColumns = "l.line, l.award_id, l.recipient_name, l.amount, l.entry_id";

    internal static CeremonyLine ReadLine(NpgsqlDataReader r) => new(r.GetInt32(0), r.GetGuid(1), r.GetString(2), r.GetInt64(3), r.Get<Guid?>(4));

    /// <summary>The canonical content the hash is of: UTF-8 JSON, properties in this order, no spaces, lines in order.</summary>
    internal static string Canonical(Guid fundId, Guid programmeId, string listNo, DateOnly ceremonyOn, string place, IEnumerable<CeremonyLine> lines) =>
        JsonSerializer.Serialize(new
        {
            format = "vape-ceremony-list/1", fund = fundId.ToString("D"), programme = programmeId.ToString("D"), number = listNo,
            ceremonyOn = ceremonyOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), place,
            lines = lines.Select(l => new { line = l.Line, award = l.AwardId.ToString("D"), name = l.RecipientName, amount = l.Amount }),
        }, CanonicalJson);

    private static readonly JsonSerializerOptions CanonicalJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string HashOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}

/// <summary>An official of the paying fund's unit prepares the list of a cash ceremony for a programme's awards from that fund.</summary>
public sealed record PrepareCeremonyList(Guid ActorId, Guid ProgrammeId, Guid FundId, DateOnly CeremonyOn, string Place);

public static class PrepareCeremonyListHandler
{
    public const string NothingToPay = "NOTHING_TO_PAY";

    public static async Task<CeremonyList> Handle(PrepareCeremonyList command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var sql = new FundsSql(session);
        var fund = await FundStore.LoadAsync(sql, command.FundId, ct);
        // Who may do it at all comes before what was sent (ADR 0070): the list pays out of this fund.
        await FundRules.DemandManageAsync(organization, command.ActorId, fund.UnitId, ct);
        var programme = await CreateProgrammeHandler.LoadAsync(sql, command.ProgrammeId, ct);
        if (!programme.FundIds.Contains(fund.Id)) throw VapeException.InvalidInput("Quỹ này không chi cho chương trình này.");
        var place = FundRules.Text(command.Place, "nơi tổ chức lễ trao", 300);
        if (command.CeremonyOn.Year < 2000) throw VapeException.InvalidInput("Ngày tổ chức lễ trao không hợp lệ.");
        // Under the unit's ledger lock, so no payment slips between the list and what it says is unpaid.
        await LedgerWriter.LockAsync(sql, fund.UnitId, ct);
        var awards = await sql.ListAsync("""
            select a.id, a.person_id, a.amount from funds.awards a
             where a.programme_id = @p and a.fund_id = @f and a.status = 'AWARDED' order by a.decided_on, a.id
            """, r => (Id: r.GetGuid(0), Person: r.GetGuid(1), Amount: r.GetInt64(2)), ct, ("p", programme.Id), ("f", fund.Id));
        if (awards.Count == 0) throw new VapeException(NothingToPay, "Chương trình không còn học bổng, giải thưởng nào chưa chi từ quỹ này.");
        var names = await organization.DisplayNamesAsync(awards.Select(a => a.Person).Distinct().ToList(), ct);
        var lines = awards.Select((a, i) => new CeremonyLine(i + 1, a.Id, names.TryGetValue(a.Person, out var name) ? name : "", a.Amount, null)).ToList();
        var year = command.CeremonyOn.Year;
        var number = await sql.ScalarAsync<int>("""
            insert into funds.ceremony_counters (fund_id, year, last) values (@f, @y, 1)
            on conflict (fund_id, year) do update set last = funds.ceremony_counters.last + 1 returning last
            """, ct, ("f", fund.Id), ("y", year));
        var listNo = $"{number:D5}/{year}";
        var content = CeremonyList.Canonical(fund.Id, programme.Id, listNo, command.CeremonyOn, place, lines);
        var list = new CeremonyList(Guid.CreateVersion7(), fund.Id, programme.Id, fund.UnitId, year, number, command.CeremonyOn, place, content,
            CeremonyList.HashOf(content), lines);
        await sql.ExecuteAsync("""
            insert into funds.ceremony_lists (id, fund_id, programme_id, unit_id, year, number, ceremony_on, place, content, hash, prepared_by, prepared_at)
            values (@id, @f, @p, @u, @y, @n, @on, @place, @content, @hash, @by, @at);
            insert into funds.ceremony_lines (list_id, line, award_id, recipient_name, amount)
            select @id, x.line, x.award, x.name, x.amount from unnest(@lines, @awards, @names, @amounts) as x(line, award, name, amount);
            """, ct, ("id", list.Id), ("f", fund.Id), ("p", programme.Id), ("u", fund.UnitId), ("y", year), ("n", number), ("on", command.CeremonyOn),
            ("place", place), ("content", content), ("hash", Convert.FromHexString(list.Hash)), ("by", command.ActorId), ("at", clock.GetUtcNow()),
            ("lines", lines.Select(l => l.Line).ToArray()), ("awards", lines.Select(l => l.AwardId).ToArray()),
            ("names", lines.Select(l => l.RecipientName).ToArray()), ("amounts", lines.Select(l => l.Amount).ToArray()));
        return list;
    }
}

/// <summary>Reads of ceremony lists, outside any transaction.</summary>
internal sealed class CeremonyListStore(NpgsqlDataSource database)
{
    public async Task<CeremonyList?> FindAsync(Guid id, CancellationToken ct)
    {
        var list = (await database.ListAsync($"select {CeremonyList.Columns} from funds.ceremony_lists c where c.id = @id", CeremonyList.Read, ct, ("id", id)))
            .SingleOrDefault();
        return list is null ? null : list with
        {
            Lines = await database.ListAsync($"select {CeremonyList.LineColumns} from funds.ceremony_lines l where l.list_id = @id and l.moved_to_fund_id is null order by l.line",
                CeremonyList.ReadLine, ct, ("id", id)),
        };
    }
}

/// <summary>Amounts in Vietnamese words, as written on a payment list: 5,000,000 is "Năm triệu đồng".</summary>
internal static class VietnameseAmount
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    public static string Words(long dong)
    {
        if (dong < 0) throw new ArgumentOutOfRangeException(nameof(dong));
        var words = dong == 0 ? "không" : Read(dong, full: false);
        return char.ToUpper(words[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + words[1..] + " đồng";
    }

    /// <summary>Below a billion by groups of three (triệu, nghìn, units); a billion and above is so many "tỷ" and the rest.</summary>
    private static string Read(long n, bool full)
    {
        const long Billion = 1_000_000_000;
        if (n >= Billion)
        {
            var rest = n % Billion;
            var head = Read(n / Billion, full) + " tỷ";
            return rest == 0 ? head : head + " " + Read(rest, full: true);
        }
        var parts = new List<string>();
        foreach (var (scale, name) in new[] { (1_000_000L, "triệu"), (1_000L, "nghìn"), (1L, "") })
        {
            var group = (int)(n / scale % 1000);
            if (group == 0) continue;
            var words = Group(group, full || parts.Count > 0);
            parts.Add(name.Length == 0 ? words : words + " " + name);
        }
        return string.Join(' ', parts);
    }

    /// <summary>Three digits; <paramref name="full"/> reads the hundreds even when zero ("không trăm lẻ năm"), as after a higher group.</summary>
    private static string Group(int n, bool full)
    {
        int hundreds = n / 100, tens = n / 10 % 10, ones = n % 10;
        var words = new List<string>();
        if (hundreds > 0 || full) words.Add(Digits[hundreds] + " trăm");
        if (tens == 0)
        {
            if (ones > 0) words.Add(words.Count > 0 ? "lẻ " + Digits[ones] : Digits[ones]);
        }
        else
        {
            words.Add(tens == 1 ? "mười" : Digits[tens] + " mươi");
            if (ones == 1 && tens > 1) words.Add("mốt");
            else if (ones == 4 && tens > 1) words.Add("tư");
            else if (ones == 5) words.Add("lăm");
            else if (ones > 0) words.Add(Digits[ones]);
        }
        return string.Join(' ', words);
    }
}

/// <summary>The printable list (HTML, print CSS, every value escaped): the officials bring it to the ceremony and each recipient signs.</summary>
internal static class CeremonyListPage
{
    private const string Style = """
        body{font-family:serif;max-width:60em;margin:2em auto}h1{text-align:center;font-size:1.3em}
        table{width:100%;border-collapse:collapse}th,td{border:1px solid #000;padding:.4em;vertical-align:top}
        td.money{text-align:right;white-space:nowrap}td.sign{width:10em;height:3em}.hash{font-family:monospace;font-size:.8em;word-break:break-all}
        @media print{button{display:none}tr{page-break-inside:avoid}}
        """;

    public static string Html(CeremonyList list, Fund fund, Programme programme, string unitName)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var rows = string.Join("\n", list.Lines.Select(l =>
            $"<tr><td>{l.Line}</td><td>{E(l.RecipientName)}</td><td class=\"money\">{E(LedgerWriter.Money(l.Amount))}</td><td>{E(l.AmountInWords)}</td><td class=\"sign\"></td></tr>"));
        var total = list.Lines.Sum(l => l.Amount);
        return $$"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><title>Danh sách ký nhận {{E(list.ListNo)}}</title>
            <style>{{Style}}</style></head>
            <body>
            <p>{{E(unitName)}}<br>{{E(fund.Name)}}</p>
            <h1>DANH SÁCH KÝ NHẬN<br>{{E(programme.Name)}}<br>Số {{E(list.ListNo)}}</h1>
            <p>Lễ trao ngày {{list.CeremonyOn:dd/MM/yyyy}} tại {{E(list.Place)}}</p>
            <table>
            <thead><tr><th>STT</th><th>Họ và tên</th><th>Số tiền</th><th>Số tiền bằng chữ</th><th>Ký nhận</th></tr></thead>
            <tbody>
            {{rows}}
            </tbody>
            <tfoot><tr><td></td><td>Tổng cộng</td><td class="money">{{E(LedgerWriter.Money(total))}}</td><td>{{E(VietnameseAmount.Words(total))}}</td><td></td></tr></tfoot>
            </table>
            <p class="hash">SHA-256 của danh sách: {{E(list.Hash)}}</p>
            <p style="margin-top:3em;display:flex;justify-content:space-between"><span>Người lập danh sách</span><span>Thủ quỹ</span><span>Lãnh đạo đơn vị</span></p>
            <button onclick="window.print()">In danh sách</button>
            </body></html>
            """;
    }
}
