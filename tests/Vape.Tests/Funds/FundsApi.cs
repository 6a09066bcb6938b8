using System.Globalization;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>What the funds tests keep doing through GraphQL: open a fund, record donations, run a programme, read the public figures.</summary>
public sealed class FundsApi(VapeApp app)
{
    public OrganizationApi Org { get; } = new(app);

    internal static VapeApp? Current;

    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int Year => DateTime.UtcNow.AddHours(7).Year;

    public const string DonationFields = "id fundId entryId amount kind goods donorName visibility receivedOn receiptNumber";

    public static GraphQLResponse Ok(GraphQLResponse response)
    {
        response.HasErrors.ShouldBeFalse(response.Body + string.Join("\n", Current?.Logs.Lines.Where(l => l.Contains("Exception")).TakeLast(2) ?? []));
        return response;
    }

    public async Task<GraphQLResponse> CreateFund(string login, string unitCode, string name = "Quỹ khuyến học phường Ba Đình", string? bankBin = "970436",
        string? bankAccount = "0011001234567") =>
        await Org.Mutate("createFund", new
        {
            unitId = await Org.UnitId(unitCode), name, purpose = "Học bổng cho học sinh nghèo vượt khó và người học suốt đời",
            rules = "Chi theo quyết định của Ban Thường vụ", bankBin, bankAccount, accountName = "HOI KHUYEN HOC PHUONG BA DINH",
        }, login, "id unitId name bankBin bankAccount");

    public async Task<string> FundOk(string login, string unitCode, string name = "Quỹ khuyến học phường Ba Đình") =>
        Ok(await CreateFund(login, unitCode, name)).Data["createFund"]!["id"]!.GetValue<string>();

    public Task<GraphQLResponse> Donate(string? login, string fundId, long amount, string? donorName = "Công ty TNHH Sách Việt", string visibility = "PUBLIC",
        string? receivedOn = null, string kind = "CASH", string? goods = null, string? pledgeId = null, string? requestId = null) =>
        Org.Mutate("recordDonation", new { fundId, amount, receivedOn = receivedOn ?? Today, kind, goods, donorName, visibility, pledgeId, requestId }, login,
            DonationFields);

    public async Task<string> Programme(string login, string unitCode, string[] fundIds, long budget, string? opensOn = null, string? closesOn = null)
    {
        var response = Ok(await Org.Mutate("createProgramme", new
        {
            unitId = await Org.UnitId(unitCode), name = "Học bổng \"Vượt khó học giỏi\" năm học 2026–2027", kind = "SCHOLARSHIP",
            criteria = "Học sinh, sinh viên có hoàn cảnh khó khăn, kết quả học tập khá trở lên", opensOn = opensOn ?? Day(-1), closesOn = closesOn ?? Day(30),
            budget, fundIds,
        }, login, "id budget awarded"));
        return response.Data["createProgramme"]!["id"]!.GetValue<string>();
    }

    public async Task<GraphQLResponse> Nominate(string login, string programmeId, string unitCode, string personLogin, bool publicName = true) =>
        await Org.Mutate("nominate", new
        {
            programmeId, unitId = await Org.UnitId(unitCode), personId = await Org.PersonId(personLogin), reason = "Học sinh nghèo vượt khó, học lực giỏi", publicName,
        }, login, "id status");

    public Task<GraphQLResponse> Decide(string login, string nominationId, long? amount, string? fundId, bool approve = true) =>
        Org.Mutate("decideNomination", new { nominationId, approve, amount, fundId, reason = approve ? "Đạt tiêu chí" : "Chưa đạt tiêu chí" }, login,
            "id status decisionReason awardId");

    public Task<GraphQLResponse> Disburse(string login, string awardId, string? paidOn = null, string method = "CASH") =>
        Org.Mutate("disburseAward", new { awardId, method, paidOn = paidOn ?? Today, reference = "Lễ trao học bổng" }, login, "id amount disbursed entryId");

    public async Task<JsonNode> Totals(string unitCode, int? year = null)
    {
        var response = Ok(await app.GraphQL("""
            query($u: ID!, $y: Int) { fundsTotals(unitId: $u, year: $y) {
              totals { received receivedInKind awarded disbursed held heldInKind }
              byProgramme { name year awarded disbursed awards }
              byYear { year totals { received awarded disbursed held } } } }
            """, new { u = await Org.UnitId(unitCode), y = year }));
        return response.Data["fundsTotals"]!;
    }

    public async Task<JsonNode> Fund(string? login, string fundId)
    {
        var response = Ok(await app.GraphQL("query($id: ID!) { fund(id: $id) { id name accounts { account balance } donations(first: 100) { nodes { " + DonationFields + " } } } }",
            new { id = fundId }, login is null ? null : await Org.Token(login)));
        var fund = response.Data["fund"]!;
        fund["donations"] = fund["donations"]!["nodes"]!.DeepClone();
        return fund;
    }

    public static long Balance(JsonNode fund, string account) =>
        fund["accounts"]!.AsArray().SingleOrDefault(a => a!["account"]!.GetValue<string>() == account)?["balance"]!.GetValue<long>() ?? 0;

    /// <summary>The unit's ledger head and verification, with every line read a page of <paramref name="pageSize"/> at a time.</summary>
    public async Task<JsonNode> Ledger(string unitCode, int pageSize = 100)
    {
        var unit = await Org.UnitId(unitCode);
        var ledger = Ok(await app.GraphQL("query($u: ID!) { unitLedger(unitId: $u) { headSeq headHash verification { valid problems entries } } }",
            new { u = unit })).Data["unitLedger"]!;
        var lines = new JsonArray();
        string? after = null;
        while (true)
        {
            var page = Ok(await app.GraphQL("""
                query($u: ID!, $n: Int, $a: String) { unitLedger(unitId: $u) { entries(first: $n, after: $a) {
                  nodes { id seq kind debit credit amount hash prevHash } pageInfo { hasNextPage endCursor } } } }
                """, new { u = unit, n = pageSize, a = after })).Data["unitLedger"]!["entries"]!;
            foreach (var line in page["nodes"]!.AsArray()) lines.Add(line!.DeepClone());
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        ledger["entries"] = lines;
        return ledger;
    }
}
