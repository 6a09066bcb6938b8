using System.Security.Cryptography;
using System.Text;
using Vape.Funds.Programmes;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>
/// The signed list of a cash ceremony (docs/adr/0190): numbered per fund and year, amounts in figures and in words,
/// the SHA-256 of its content in each payment's ledger line; payments off the list, of another unit's list, or a
/// line paid twice are refused with a code and write nothing.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class CeremonyListTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    private const string ListFields = "id fundId programmeId number ceremonyOn place content hash lines { line awardId recipientName amount amountInWords received entryId } html";

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<GraphQLResponse> Prepare(string login, string programmeId, string fundId, string place = "Hội trường UBND phường Ba Đình") =>
        _api.Org.Mutate("prepareCeremonyList", new { programmeId, fundId, ceremonyOn = FundsApi.Today, place }, login, ListFields);

    private Task<GraphQLResponse> Pay(string login, string awardId, string listId, string method = "CASH") =>
        _api.Org.Mutate("disburseAward", new { awardId, method, paidOn = FundsApi.Today, reference = "Lễ trao học bổng", ceremonyListId = listId }, login,
            "id disbursed entryId");

    private static void Refused(GraphQLResponse response, string code)
    {
        response.FirstErrorCode.ShouldBe(code, response.Body);
        response.FirstErrorMessage.ShouldNotBeNullOrWhiteSpace();
        response.FirstErrorMessage!.ShouldNotContain("Exception");
    }

    private async Task<string> Award(string programme, string login, long amount, string fund)
    {
        var nomination = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", login)).Data["nominate"]!["id"]!.GetValue<string>();
        return FundsApi.Ok(await _api.Decide("province", nomination, amount, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_ceremony_list_is_numbered_hashed_printable_and_each_payment_at_the_ceremony_is_of_one_of_its_lines_once()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        FundsApi.Ok(await _api.Donate("commune", fund, 20_000_000));
        var programme = await _api.Programme("province", "T01", [fund], budget: 12_000_000);
        var hoa = await Award(programme, "learner", 5_000_000, fund);
        var phuc = await Award(programme, "learner2", 1_250_000, fund);
        var otherFund = await _api.FundOk("province", "T01-X002", "Quỹ khuyến học phường Hoàn Kiếm");

        // Refused callers and bad input: a code, a Vietnamese message, no list (the first list is still number 1).
        Refused(await Prepare("sibling-province", programme, fund), "NOT_ALLOWED");
        Refused(await Prepare("learner", programme, fund), "NOT_ALLOWED");
        Refused(await Prepare("province", programme, otherFund), "INVALID_INPUT");
        Refused(await Prepare("commune", programme, fund, place: "  "), "INVALID_INPUT");
        Refused(await _api.Org.Mutate("prepareCeremonyList", new { programmeId = programme, fundId = fund, ceremonyOn = FundsApi.Today, place = "Hội trường" }, null,
            "id"), "NOT_AUTHENTICATED");

        var list = FundsApi.Ok(await Prepare("commune", programme, fund)).Data["prepareCeremonyList"]!;
        list["number"]!.GetValue<string>().ShouldBe($"00001/{FundsApi.Year}");
        var lines = list["lines"]!.AsArray();
        lines.Select(l => l!["awardId"]!.GetValue<string>()).ShouldBe([hoa, phuc]);
        lines.Select(l => l!["amount"]!.GetValue<long>()).ShouldBe([5_000_000L, 1_250_000L]);
        lines.Select(l => l!["amountInWords"]!.GetValue<string>()).ShouldBe(["Năm triệu đồng", "Một triệu hai trăm năm mươi nghìn đồng"]);
        lines.ShouldAllBe(l => l!["recipientName"]!.GetValue<string>().Length > 0 && !l["received"]!.GetValue<bool>());
        var hash = list["hash"]!.GetValue<string>();
        hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(list["content"]!.GetValue<string>()))));
        var html = list["html"]!.GetValue<string>();
        html.ShouldContain("DANH SÁCH KÝ NHẬN");
        html.ShouldContain("Năm triệu đồng");
        html.ShouldContain(hash);
        html.ShouldContain(System.Net.WebUtility.HtmlEncode(lines[0]!["recipientName"]!.GetValue<string>()));
        html.ShouldContain("@media print");
        var listId = list["id"]!.GetValue<string>();

        // Another unit's fund, programme and list.
        FundsApi.Ok(await _api.Donate("province", otherFund, 3_000_000));
        var otherProgramme = await _api.Programme("province", "T01", [otherFund], budget: 2_000_000);
        var other = await Award(otherProgramme, "learner", 1_000_000, otherFund);
        var otherList = FundsApi.Ok(await Prepare("province", otherProgramme, otherFund)).Data["prepareCeremonyList"]!;
        otherList["number"]!.GetValue<string>().ShouldBe($"00001/{FundsApi.Year}"); // numbered per fund
        var otherListId = otherList["id"]!.GetValue<string>();

        var seq = (await _api.Ledger("T01-X001"))["headSeq"]!.GetValue<long>();
        var otherSeq = (await _api.Ledger("T01-X002"))["headSeq"]!.GetValue<long>();
        Refused(await Pay("commune", hoa, otherListId), "NOT_ON_LIST");   // a list of another unit's programme
        Refused(await Pay("province", other, listId), "NOT_ON_LIST");     // a payment not on the list
        Refused(await Pay("commune", hoa, listId, method: "TRANSFER"), "INVALID_INPUT");
        Refused(await Pay("sibling-province", hoa, listId), "NOT_ALLOWED");
        Refused(await Pay("commune", hoa, Guid.NewGuid().ToString()), "NOT_FOUND");
        (await _api.Ledger("T01-X001"))["headSeq"]!.GetValue<long>().ShouldBe(seq);
        (await _api.Ledger("T01-X002"))["headSeq"]!.GetValue<long>().ShouldBe(otherSeq);

        var paid = FundsApi.Ok(await Pay("commune", hoa, listId)).Data["disburseAward"]!;
        paid["disbursed"]!.GetValue<bool>().ShouldBeTrue();
        Refused(await Pay("commune", hoa, listId), "ALREADY_DISBURSED"); // a second payment of a line
        var ledger = FundsApi.Ok(await app.GraphQL("query($u: ID!) { unitLedger(unitId: $u) { headSeq entries(first: 100) { nodes { id kind memo } } verification { valid } } }",
            new { u = await _api.Org.UnitId("T01-X001") })).Data["unitLedger"]!;
        ledger["headSeq"]!.GetValue<long>().ShouldBe(seq + 1);
        ledger["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
        var line = ledger["entries"]!["nodes"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == paid["entryId"]!.GetValue<string>())!;
        line["memo"]!.GetValue<string>().ShouldContain($"DS 00001/{FundsApi.Year} SHA-256 {hash}");

        // Who received is marked; the list reads only to those who manage the fund.
        var read = FundsApi.Ok(await app.GraphQL($"query($id: ID!) {{ ceremonyList(id: $id) {{ {ListFields} }} }}", new { id = listId },
            await _api.Org.Token("commune"))).Data["ceremonyList"]!;
        read["hash"]!.GetValue<string>().ShouldBe(hash);
        read["lines"]!.AsArray().Select(l => l!["received"]!.GetValue<bool>()).ShouldBe([true, false]);
        read["lines"]![0]!["entryId"]!.GetValue<string>().ShouldBe(paid["entryId"]!.GetValue<string>());
        Refused(await app.GraphQL("query($id: ID!) { ceremonyList(id: $id) { id } }", new { id = listId }, await _api.Org.Token("sibling-province")), "NOT_ALLOWED");
        Refused(await app.GraphQL("query($id: ID!) { ceremonyList(id: $id) { id } }", new { id = listId }), "NOT_AUTHENTICATED");

        FundsApi.Ok(await Pay("commune", phuc, listId));
        Refused(await Prepare("commune", programme, fund), "NOTHING_TO_PAY");
    }

    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(5_000_000, "Năm triệu đồng")]
    [InlineData(1_250_000, "Một triệu hai trăm năm mươi nghìn đồng")]
    [InlineData(10_500_000, "Mười triệu năm trăm nghìn đồng")]
    [InlineData(2_015_000, "Hai triệu không trăm mười lăm nghìn đồng")]
    [InlineData(21_000, "Hai mươi mốt nghìn đồng")]
    [InlineData(105, "Một trăm lẻ năm đồng")]
    [InlineData(24_000_000, "Hai mươi tư triệu đồng")]
    [InlineData(3_000_000_005, "Ba tỷ không trăm lẻ năm đồng")]
    [InlineData(1_000_000_000_000, "Một nghìn tỷ đồng")]
    [InlineData(115_000, "Một trăm mười lăm nghìn đồng")]
    public void Amounts_are_written_in_Vietnamese_words(long dong, string words) => VietnameseAmount.Words(dong).ShouldBe(words);
}
