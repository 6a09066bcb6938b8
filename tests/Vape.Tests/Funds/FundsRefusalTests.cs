using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>Every kind of bad input and refused caller gets its code and a Vietnamese message, and nothing is written.</summary>
[Collection(VapeCollection.Name)]
public sealed class FundsRefusalTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What must not move when a request is refused: the ledger's head, every balance and donation, the programme's awards.</summary>
    private async Task<string> Books(string fund, string? programme = null)
    {
        var ledger = await _api.Ledger("T01-X001");
        var state = new JsonObject
        {
            ["head"] = ledger["headSeq"]!.DeepClone(),
            ["hash"] = ledger["headHash"]!.DeepClone(),
            ["fund"] = (await _api.Fund("commune", fund)).DeepClone(),
        };
        if (programme is not null)
            state["programme"] = FundsApi.Ok(await app.GraphQL("query($id: ID!) { programme(id: $id) { awarded } }", new { id = programme }, await _api.Org.Token("province")))
                .Data["programme"]!.DeepClone();
        return state.ToJsonString();
    }

    private static void Refused(GraphQLResponse response, string code)
    {
        response.FirstErrorCode.ShouldBe(code, response.Body);
        response.FirstErrorMessage.ShouldNotBeNullOrWhiteSpace();
        response.FirstErrorMessage!.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Zero_negative_future_and_unnamed_donations_are_refused_and_nothing_is_written()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        FundsApi.Ok(await _api.Donate("commune", fund, 1_000_000));
        var before = await Books(fund);

        Refused(await _api.Donate("commune", fund, 0), "INVALID_INPUT");
        Refused(await _api.Donate("commune", fund, -5_000_000), "INVALID_INPUT");
        Refused(await _api.Donate("commune", fund, long.MaxValue), "INVALID_INPUT");
        Refused(await _api.Donate("commune", fund, 1_000_000, receivedOn: FundsApi.Day(1)), "INVALID_INPUT");
        Refused(await _api.Donate("commune", fund, 1_000_000, donorName: null, visibility: "PUBLIC"), "INVALID_INPUT");
        Refused(await _api.Donate("commune", fund, 1_000_000, kind: "GOODS", goods: null), "INVALID_INPUT");
        (await Books(fund)).ShouldBe(before);
        (await _api.Donate("commune", fund, 1_000_000)).HasErrors.ShouldBeFalse(); // the refusals took no receipt number
        (await _api.Fund("commune", fund))["donations"]!.AsArray().Select(d => d!["receiptNumber"]!.GetValue<string>())
            .ShouldBe([$"00002/{FundsApi.Year}", $"00001/{FundsApi.Year}"]);
        (await _api.Ledger("T01-X001"))["headSeq"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Officials_of_a_sibling_unit_learners_and_anonymous_callers_cannot_touch_a_fund()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        FundsApi.Ok(await _api.Donate("commune", fund, 1_000_000));
        var before = await Books(fund);

        Refused(await _api.Donate("sibling-province", fund, 1_000_000), "NOT_ALLOWED");
        Refused(await _api.Donate("learner", fund, 1_000_000), "NOT_ALLOWED");
        Refused(await _api.Donate(null, fund, 1_000_000), "NOT_AUTHENTICATED");
        Refused(await _api.CreateFund("sibling-province", "T01-X001", "Quỹ lạ"), "NOT_ALLOWED");
        Refused(await _api.CreateFund("commune", "T01-X002", "Quỹ của phường khác"), "NOT_ALLOWED");
        var ledgerEntryId = (await app.GraphQL("query($u: ID!) { unitLedger(unitId: $u) { entries { nodes { id } } } }", new { u = await _api.Org.UnitId("T01-X001") }))
            .Data["unitLedger"]!["entries"]!["nodes"]![0]!["id"]!.GetValue<string>();
        Refused(await _api.Org.Mutate("reverseLedgerEntry", new { entryId = ledgerEntryId, reason = "Nhầm" }, "sibling-province", "seq"), "NOT_ALLOWED");
        (await Books(fund)).ShouldBe(before);
        (await app.GraphQL("query($u: ID!) { funds(unitId: $u) { nodes { id } } }", new { u = await _api.Org.UnitId("T01-X002") })).Data["funds"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Awards_outside_the_window_or_the_budget_and_payments_of_what_was_not_awarded_are_refused()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        FundsApi.Ok(await _api.Donate("commune", fund, 50_000_000));
        var programme = await _api.Programme("province", "T01", [fund], budget: 12_000_000);
        var hoa = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner")).Data["nominate"]!["id"]!.GetValue<string>();
        var phuc = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner2")).Data["nominate"]!["id"]!.GetValue<string>();
        var before = await Books(fund, programme);

        Refused(await _api.Decide("province", hoa, 13_000_000, fund), "BUDGET_EXCEEDED");
        Refused(await _api.Decide("province", hoa, 0, fund), "INVALID_INPUT");
        Refused(await _api.Decide("province", hoa, -1, fund), "INVALID_INPUT");
        Refused(await _api.Decide("commune", hoa, 1_000_000, fund), "NOT_ALLOWED"); // the commune nominates; the province decides
        Refused(await _api.Decide("sibling-province", hoa, 1_000_000, fund), "NOT_ALLOWED");
        Refused(await _api.Disburse("commune", hoa), "NOT_AWARDED"); // a nomination is not an award
        Refused(await _api.Nominate("commune", programme, "T01-X001", "learner"), "ALREADY_NOMINATED");
        Refused(await _api.Nominate("commune", programme, "T01-X001", "learner-hp"), "INVALID_INPUT"); // not a member of the commune
        Refused(await _api.Nominate("sibling-province", programme, "T18-X001", "learner-hp"), "NOT_ALLOWED");
        (await Books(fund, programme)).ShouldBe(before);

        FundsApi.Ok(await _api.Decide("province", hoa, 10_000_000, fund));
        Refused(await _api.Decide("province", phuc, 3_000_000, fund), "BUDGET_EXCEEDED");
        FundsApi.Ok(await _api.Decide("province", phuc, 0, null, approve: false));
        Refused(await _api.Decide("province", phuc, 1_000, fund), "ALREADY_DECIDED");
        Refused(await _api.Disburse("commune", phuc), "NOT_AWARDED"); // declined

        var closed = await _api.Programme("province", "T01", [fund], budget: 5_000_000, opensOn: FundsApi.Day(-30), closesOn: FundsApi.Day(-1));
        Refused(await _api.Nominate("commune", closed, "T01-X001", "learner"), "OUTSIDE_WINDOW");
        var later = await _api.Programme("province", "T01", [fund], budget: 5_000_000, opensOn: FundsApi.Day(5), closesOn: FundsApi.Day(30));
        Refused(await _api.Nominate("commune", later, "T01-X001", "learner"), "OUTSIDE_WINDOW");
    }

    [Fact]
    public async Task A_payment_above_what_the_fund_holds_is_refused_and_a_reversal_is_a_new_line_made_once()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        var donation = FundsApi.Ok(await _api.Donate("commune", fund, 4_000_000)).Data["recordDonation"]!;
        var programme = await _api.Programme("province", "T01", [fund], budget: 20_000_000);
        var hoa = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner")).Data["nominate"]!["id"]!.GetValue<string>();
        var award = FundsApi.Ok(await _api.Decide("province", hoa, 5_000_000, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>();
        var before = await Books(fund);

        Refused(await _api.Disburse("commune", award), "INSUFFICIENT_FUNDS");
        Refused(await _api.Disburse("commune", award, paidOn: FundsApi.Day(2)), "INVALID_INPUT");
        (await Books(fund)).ShouldBe(before);

        FundsApi.Ok(await _api.Donate("commune", fund, 1_000_000));
        FundsApi.Ok(await _api.Disburse("commune", award));
        Refused(await _api.Disburse("commune", award), "ALREADY_DISBURSED");
        FundsApi.Balance(await _api.Fund(null, fund), "CASH").ShouldBe(0);

        // The first donation cannot be reversed while the fund holds nothing; the payment can, once, with a reason.
        var entryOfDonation = donation["entryId"]!.GetValue<string>();
        Refused(await _api.Org.Mutate("reverseLedgerEntry", new { entryId = entryOfDonation, reason = "Ghi nhầm" }, "commune", "seq"), "INSUFFICIENT_FUNDS");
        var ledger = await app.GraphQL("query($u: ID!) { unitLedger(unitId: $u) { entries(first: 100) { nodes { id kind } } } }", new { u = await _api.Org.UnitId("T01-X001") });
        var payment = ledger.Data["unitLedger"]!["entries"]!["nodes"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "DISBURSEMENT")!["id"]!.GetValue<string>();
        Refused(await _api.Org.Mutate("reverseLedgerEntry", new { entryId = payment, reason = "" }, "commune", "seq"), "INVALID_INPUT");
        var reversal = FundsApi.Ok(await _api.Org.Mutate("reverseLedgerEntry", new { entryId = payment, reason = "Chi nhầm người, hoàn lại quỹ" }, "commune",
            "seq kind debit credit amount reverses memo")).Data["reverseLedgerEntry"]!;
        reversal["kind"]!.GetValue<string>().ShouldBe("REVERSAL");
        reversal["debit"]!.GetValue<string>().ShouldBe("CASH");
        reversal["reverses"]!.GetValue<string>().ShouldBe(payment);
        Refused(await _api.Org.Mutate("reverseLedgerEntry", new { entryId = payment, reason = "Lần nữa" }, "commune", "seq"), "ALREADY_REVERSED");
        FundsApi.Balance(await _api.Fund(null, fund), "CASH").ShouldBe(5_000_000);
        (await _api.Ledger("T01-X001"))["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
        FundsApi.Ok(await _api.Disburse("commune", award)); // the reversed payment leaves the award to be paid again
    }

    [Fact]
    public async Task Fifty_concurrent_payments_against_a_fund_that_can_pay_ten_pay_ten()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        FundsApi.Ok(await _api.Donate("commune", fund, 10_000_000));
        var programme = await _api.Programme("province", "T01", [fund], budget: 1_000_000_000);
        // 50 awards of 1,000,000 đồng to one learner is not possible (one nomination each): 50 programmes of one award each.
        var awards = new List<string>();
        var person = "learner";
        for (var i = 0; i < 50; i++)
        {
            var p = i == 0 ? programme : await _api.Programme("province", "T01", [fund], budget: 1_000_000);
            var n = FundsApi.Ok(await _api.Nominate("commune", p, "T01-X001", person)).Data["nominate"]!["id"]!.GetValue<string>();
            awards.Add(FundsApi.Ok(await _api.Decide("province", n, 1_000_000, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>());
        }
        var results = await Task.WhenAll(awards.Select(a => _api.Disburse("commune", a)));
        results.Count(r => !r.HasErrors).ShouldBe(10);
        results.Where(r => r.HasErrors).ShouldAllBe(r => r.FirstErrorCode == "INSUFFICIENT_FUNDS");
        var books = await _api.Fund(null, fund);
        FundsApi.Balance(books, "CASH").ShouldBe(0);
        FundsApi.Balance(books, "AWARDS_PAID").ShouldBe(10_000_000);
        var ledger = await _api.Ledger("T01-X001");
        ledger["headSeq"]!.GetValue<long>().ShouldBe(11);
        ledger["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }
}
