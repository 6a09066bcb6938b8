using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>
/// The public figures come from running totals moved with each line and award (ADR 0188): they must say what the
/// lines say after every kind of movement (a donation of an earlier year, goods, a payment, its reversal, the award
/// paid again), stay as they were after a refusal, and roll up to every level above.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class FundsTotalsTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_public_figures_follow_every_line_and_award_and_a_refusal_moves_none()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        var lastYear = $"{FundsApi.Year - 1}-12-15";
        FundsApi.Ok(await _api.Donate("commune", fund, 7_000_000, receivedOn: lastYear));
        FundsApi.Ok(await _api.Donate("commune", fund, 3_000_000));
        FundsApi.Ok(await _api.Donate("commune", fund, 2_000_000, kind: "GOODS", goods: "200 quyển vở"));
        var programme = await _api.Programme("province", "T01", [fund], budget: 20_000_000);
        var nomination = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner")).Data["nominate"]!["id"]!.GetValue<string>();
        var award = FundsApi.Ok(await _api.Decide("province", nomination, 4_000_000, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>();
        await Matches("T01-X001", received: 10_000_000, inKind: 2_000_000, awarded: 4_000_000, disbursed: 0, held: 10_000_000);

        FundsApi.Ok(await _api.Disburse("commune", award));
        await Matches("T01-X001", received: 10_000_000, inKind: 2_000_000, awarded: 4_000_000, disbursed: 4_000_000, held: 6_000_000);
        var paid = await _api.Totals("T01", FundsApi.Year);
        paid["byProgramme"]!.AsArray().Single()!["disbursed"]!.GetValue<long>().ShouldBe(4_000_000);

        // A refused payment (paid already) and a refused reversal (no reason) move no figure.
        var before = (await _api.Totals("TW")).ToJsonString();
        (await _api.Disburse("commune", award)).FirstErrorCode.ShouldBe("ALREADY_DISBURSED");
        var payment = (await _api.Ledger("T01-X001"))["entries"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "DISBURSEMENT")!["id"]!.GetValue<string>();
        (await _api.Org.Mutate("reverseLedgerEntry", new { entryId = payment, reason = "" }, "commune", "seq")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Totals("TW")).ToJsonString().ShouldBe(before);

        // The payment reversed: the award is unpaid again, the cash back; paid again, the figures as before.
        FundsApi.Ok(await _api.Org.Mutate("reverseLedgerEntry", new { entryId = payment, reason = "Chi nhầm ngày, chi lại" }, "commune", "seq"));
        await Matches("T01-X001", received: 10_000_000, inKind: 2_000_000, awarded: 4_000_000, disbursed: 0, held: 10_000_000);
        var unpaid = (await _api.Totals("T01", FundsApi.Year))["byProgramme"]!.AsArray().Single()!;
        unpaid["disbursed"]!.GetValue<long>().ShouldBe(0);
        unpaid["awards"]!.GetValue<int>().ShouldBe(1);
        FundsApi.Ok(await _api.Disburse("commune", award));
        await Matches("T01-X001", received: 10_000_000, inKind: 2_000_000, awarded: 4_000_000, disbursed: 4_000_000, held: 6_000_000);

        // By year: last year's donation in last year only; this year's figures without it.
        var thisYear = (await _api.Totals("T01", FundsApi.Year))["totals"]!;
        thisYear["received"]!.GetValue<long>().ShouldBe(3_000_000);
        thisYear["held"]!.GetValue<long>().ShouldBe(-1_000_000); // this year's change: 3,000,000 in, 4,000,000 out
        var earlier = (await _api.Totals("T01", FundsApi.Year - 1))["totals"]!;
        earlier["received"]!.GetValue<long>().ShouldBe(7_000_000);
        earlier["awarded"]!.GetValue<long>().ShouldBe(0);
        ((await _api.Totals("T01-X002"))["totals"]!["received"]!.GetValue<long>()).ShouldBe(0);
    }

    /// <summary>The figures at the commune and every level above, and the same figures summed from the commune's ledger lines.</summary>
    private async Task Matches(string commune, long received, long inKind, long awarded, long disbursed, long held)
    {
        var lines = (await _api.Ledger(commune))["entries"]!.AsArray().Select(e => e!).ToList();
        Sum(lines, "DONATIONS", credit: true).ShouldBe(received);
        Sum(lines, "AWARDS_PAID", credit: false).ShouldBe(disbursed);
        Sum(lines, "CASH", credit: false).ShouldBe(held);
        foreach (var level in new[] { commune, "T01", "TW" })
        {
            var totals = (await _api.Totals(level))["totals"]!;
            totals["received"]!.GetValue<long>().ShouldBe(received, level);
            totals["receivedInKind"]!.GetValue<long>().ShouldBe(inKind, level);
            totals["awarded"]!.GetValue<long>().ShouldBe(awarded, level);
            totals["disbursed"]!.GetValue<long>().ShouldBe(disbursed, level);
            totals["held"]!.GetValue<long>().ShouldBe(held, level);
            totals["heldInKind"]!.GetValue<long>().ShouldBe(inKind, level);
        }
    }

    /// <summary>What the lines moved into an account (credits into it when <paramref name="credit"/>, else debits), less what they moved out.</summary>
    private static long Sum(List<JsonNode> lines, string account, bool credit) =>
        lines.Sum(l => (l["debit"]!.GetValue<string>() == account ? 1 : l["credit"]!.GetValue<string>() == account ? -1 : 0) * (credit ? -1 : 1) * l["amount"]!.GetValue<long>());
}
