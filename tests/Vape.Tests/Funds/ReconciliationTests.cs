using System.Globalization;
using System.Text;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>Pledges with their VietQR code, and the bank statement matched to them by reference and amount.</summary>
[Collection(VapeCollection.Name)]
public sealed class ReconciliationTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Reference, string? VietQr)> Pledge(string login, string fund, long amount, string? donor = "Gia đình ông Trần Văn Ba")
    {
        var pledge = FundsApi.Ok(await _api.Org.Mutate("pledgeDonation", new { fundId = fund, amount, donorName = donor, visibility = "PUBLIC" }, login,
            "reference amount vietQr")).Data["pledgeDonation"]!;
        return (pledge["reference"]!.GetValue<string>(), pledge["vietQr"]?.GetValue<string>());
    }

    private Task<GraphQLResponse> Reconcile(string login, string fund, string csv) =>
        _api.Org.Mutate("reconcileStatement", new { fundId = fund, csvBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)) }, login,
            "matched { amount donorName receiptNumber receivedOn } unmatched { line reason }");

    [Fact]
    public async Task A_statement_records_the_pledges_it_matches_once_and_lists_every_other_line()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        var (first, qr) = await Pledge("learner", fund, 2_000_000);
        var (second, _) = await Pledge("learner2", fund, 500_000, donor: "Trần Văn Phúc");
        qr!.ShouldStartWith("00020101021238");
        qr.ShouldContain("0010A000000727");
        qr.ShouldContain("0006970436" + "0113" + "0011001234567");
        qr.ShouldContain("54072000000" + "5802VN");
        qr.ShouldContain("62180814" + first);

        var csv = $"""
            ngay,so_tien,noi_dung
            {FundsApi.Day(-1)},2000000,CT tu TRAN VAN BA {first.ToLowerInvariant()} ung ho quy
            {FundsApi.Day(-1)},400000,PHUC {second}
            {FundsApi.Day(-1)},1000000,ung ho khong ghi ma
            {FundsApi.Day(-1)},300000,VAPE0000000000
            khong phai mot dong
            """;
        var result = FundsApi.Ok(await Reconcile("commune", fund, csv)).Data["reconcileStatement"]!;
        var matched = result["matched"]!.AsArray().Single()!;
        matched["amount"]!.GetValue<long>().ShouldBe(2_000_000);
        matched["donorName"]!.GetValue<string>().ShouldBe("Gia đình ông Trần Văn Ba");
        matched["receiptNumber"]!.GetValue<string>().ShouldBe($"00001/{DateOnly.Parse(FundsApi.Day(-1), CultureInfo.InvariantCulture).Year}");
        result["unmatched"]!.AsArray().Select(u => u!["line"]!.GetValue<int>()).ShouldBe([3, 4, 5, 6]);
        result["unmatched"]![0]!["reason"]!.GetValue<string>().ShouldContain("Số tiền khác");

        var again = FundsApi.Ok(await Reconcile("commune", fund, csv)).Data["reconcileStatement"]!;
        again["matched"]!.AsArray().ShouldBeEmpty();
        again["unmatched"]![0]!["reason"]!.GetValue<string>().ShouldContain("đã được ghi nhận");
        FundsApi.Balance(await _api.Fund(null, fund), "CASH").ShouldBe(2_000_000);
    }

    [Fact]
    public async Task A_statement_without_the_header_or_from_a_sibling_official_changes_nothing()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        var (reference, _) = await Pledge("learner", fund, 1_000_000);
        var csv = $"ngay,so_tien,noi_dung\n{FundsApi.Today},1000000,{reference}\n";
        (await Reconcile("sibling-province", fund, csv)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Reconcile("commune", fund, "date,amount,text\n")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Org.Mutate("reconcileStatement", new { fundId = fund, csvBase64 = "khong phai base64" }, "commune", "__typename")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Org.Mutate("pledgeDonation", new { fundId = fund, amount = -1, donorName = "A" }, "learner", "reference")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        FundsApi.Balance(await _api.Fund(null, fund), "CASH").ShouldBe(0);
        (await _api.Ledger("T01-X001"))["headSeq"]!.GetValue<long>().ShouldBe(0);
    }
}
