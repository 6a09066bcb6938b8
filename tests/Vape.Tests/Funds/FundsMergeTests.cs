using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Vape.Organization.Contracts;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Funds;

/// <summary>
/// Funds follow their unit's end (docs/adr/0189): a merged unit's funds pass to its successor by a line in each
/// ledger; a dissolved unit's funds stay readable and take no new donations.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class FundsMergeTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>How long a tracked session may wait for every module's handling of a merge on a busy machine (a bound, not an assertion).</summary>
    private const int Settle = 120_000;

    [Fact]
    public async Task A_merged_units_funds_pass_to_its_successor_with_a_line_in_both_ledgers()
    {
        var fund = await _api.FundOk("province", "T01-X003", "Quỹ khuyến học xã Sóc Sơn");
        FundsApi.Ok(await _api.Donate("province", fund, 5_000_000));
        FundsApi.Ok(await _api.Donate("province", fund, 1_200_000, kind: "GOODS", goods: "60 bộ sách giáo khoa"));
        var haNoiBefore = (await _api.Totals("T01"))["totals"]!;

        var socSon = await _api.Org.Unit("T01-X003");
        await app.Host.ExecuteAndWaitAsync(async () => FundsApi.Ok(await _api.Org.Mutate("mergeUnit",
            new { unitId = socSon["id"]!.GetValue<string>(), successorId = await _api.Org.UnitId("T01-X001"), expectedVersion = socSon["version"]!.GetValue<int>() },
            "province", "status")));

        var old = await _api.Fund(null, fund);
        FundsApi.Balance(old, "CASH").ShouldBe(0);
        FundsApi.Balance(old, "GOODS").ShouldBe(0);
        FundsApi.Balance(old, "TRANSFERRED").ShouldBe(6_200_000);
        var funds = FundsApi.Ok(await app.GraphQL("query($u: ID!) { funds(unitId: $u, first: 10) { nodes { id name } } }",
            new { u = await _api.Org.UnitId("T01-X001") })).Data["funds"]!["nodes"]!.AsArray();
        var successor = funds.Single(f => f!["name"]!.GetValue<string>().StartsWith("Quỹ khuyến học xã Sóc Sơn (từ ", StringComparison.Ordinal))!;
        var taken = await _api.Fund(null, successor["id"]!.GetValue<string>());
        FundsApi.Balance(taken, "CASH").ShouldBe(5_000_000);
        FundsApi.Balance(taken, "GOODS").ShouldBe(1_200_000);
        FundsApi.Balance(taken, "TRANSFERRED").ShouldBe(-6_200_000);

        // Both ledgers say so and still verify; what is held counts under the successor, nothing counts twice above.
        var from = await _api.Ledger("T01-X003");
        from["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue(from.ToJsonString());
        from["entries"]!.AsArray().Count(l => l!["kind"]!.GetValue<string>() == "MERGED_OUT").ShouldBe(2);
        var to = await _api.Ledger("T01-X001");
        to["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue(to.ToJsonString());
        to["entries"]!.AsArray().Count(l => l!["kind"]!.GetValue<string>() == "MERGED_IN").ShouldBe(2);
        var baDinh = (await _api.Totals("T01-X001"))["totals"]!;
        baDinh["held"]!.GetValue<long>().ShouldBe(5_000_000);
        baDinh["heldInKind"]!.GetValue<long>().ShouldBe(1_200_000);
        var haNoi = (await _api.Totals("T01"))["totals"]!;
        haNoi.ToJsonString().ShouldBe(haNoiBefore.ToJsonString());

        // A merge's line cannot be reversed alone (the money would count twice).
        var mergedOut = from["entries"]!.AsArray().First(l => l!["kind"]!.GetValue<string>() == "MERGED_OUT")!["id"]!.GetValue<string>();
        var reversed = await _api.Org.Mutate("reverseLedgerEntry", new { entryId = mergedOut, reason = "Nhầm" }, "province", "id");
        reversed.FirstErrorCode.ShouldBe("INVALID_INPUT", reversed.Body);
        reversed.FirstErrorMessage.ShouldNotBeNull().ShouldContain("sáp nhập");

        // The successor's fund takes donations; the merged unit's refuses them, and nothing is written.
        FundsApi.Ok(await _api.Donate("commune", successor["id"]!.GetValue<string>(), 300_000));
        var refused = await _api.Donate("province", fund, 300_000);
        refused.FirstErrorCode.ShouldBe("UNIT_MERGED", refused.Body);
        refused.FirstErrorMessage.ShouldNotBeNull().ShouldContain("sáp nhập");
        (await _api.Ledger("T01-X003"))["headSeq"]!.GetValue<long>().ShouldBe(from["headSeq"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_award_decided_from_a_merged_units_fund_is_paid_from_the_successors_and_its_open_programme_moves_there()
    {
        var (fund, programme, award) = await AwardFromSocSonsFund();
        var open = await _api.Programme("province", "T01-X003", [fund], budget: 1_000_000);

        var socSon = await _api.Org.Unit("T01-X003");
        var baDinhId = await _api.Org.UnitId("T01-X001");
        var merge = new UnitMerged(Guid.Parse(socSon["id"]!.GetValue<string>()), Guid.Parse(baDinhId), DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)));
        await app.Host.ExecuteAndWaitAsync(async () => FundsApi.Ok(await _api.Org.Mutate("mergeUnit",
            new { unitId = socSon["id"]!.GetValue<string>(), successorId = baDinhId, expectedVersion = socSon["version"]!.GetValue<int>() },
            "province", "status")), Settle);
        // The same event handled again (a redelivery) moves nothing twice.
        await app.Host.ExecuteAndWaitAsync(async () =>
        {
            using var scope = app.Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(merge);
        }, Settle);

        var successor = FundsApi.Ok(await app.GraphQL("query($u: ID!) { funds(unitId: $u, first: 10) { nodes { id name } } }", new { u = baDinhId }))
            .Data["funds"]!["nodes"]!.AsArray().Single(f => f!["name"]!.GetValue<string>().StartsWith("Quỹ khuyến học xã Sóc Sơn (từ ", StringComparison.Ordinal))!
            ["id"]!.GetValue<string>();
        var moved = FundsApi.Ok(await app.GraphQL("query($a: ID!, $b: ID!) { a: programme(id: $a) { unitId fundIds } b: programme(id: $b) { unitId fundIds } }",
            new { a = open, b = programme })).Data;
        moved["a"]!["unitId"]!.GetValue<string>().ShouldBe(baDinhId);
        moved["a"]!["fundIds"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe([fund, successor], ignoreOrder: true);
        moved["b"]!["unitId"]!.GetValue<string>().ShouldBe(await _api.Org.UnitId("T01"));
        moved["b"]!["fundIds"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe([fund, successor], ignoreOrder: true);

        // Paid by the successor's officials from the successor's fund: its ledger has the line, both ledgers balance and verify.
        var paid = FundsApi.Ok(await _api.Disburse("commune", award)).Data["disburseAward"]!;
        paid["disbursed"]!.GetValue<bool>().ShouldBeTrue();
        FundsApi.Balance(await _api.Fund(null, successor), "CASH").ShouldBe(3_000_000);
        FundsApi.Balance(await _api.Fund(null, successor), "AWARDS_PAID").ShouldBe(2_000_000);
        FundsApi.Balance(await _api.Fund(null, fund), "AWARDS_PAID").ShouldBe(0);
        var to = await _api.Ledger("T01-X001");
        to["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue(to.ToJsonString());
        to["entries"]!.AsArray().Count(l => l!["kind"]!.GetValue<string>() == "DISBURSEMENT" && l["amount"]!.GetValue<long>() == 2_000_000).ShouldBe(1);
        to["entries"]!.AsArray().Count(l => l!["kind"]!.GetValue<string>() == "MERGED_IN").ShouldBe(1);
        var from = await _api.Ledger("T01-X003");
        from["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue(from.ToJsonString());
        from["entries"]!.AsArray().Count(l => l!["kind"]!.GetValue<string>() == "MERGED_OUT").ShouldBe(1);

        // The public figures count the award once, paid.
        var byProgramme = (await _api.Totals("T01", FundsApi.Year))["byProgramme"]!.AsArray().Single(p => p!["awards"]!.GetValue<int>() > 0)!;
        byProgramme["awards"]!.GetValue<int>().ShouldBe(1);
        byProgramme["awarded"]!.GetValue<long>().ShouldBe(2_000_000);
        byProgramme["disbursed"]!.GetValue<long>().ShouldBe(2_000_000);
        (await _api.Disburse("commune", award)).FirstErrorCode.ShouldBe("ALREADY_DISBURSED");
    }

    [Fact]
    public async Task A_ceremony_list_of_a_merged_units_fund_no_longer_lists_an_award_that_moved_to_the_successor()
    {
        var (fund, programme, award) = await AwardFromSocSonsFund();
        var prepare = new { programmeId = programme, fundId = fund, ceremonyOn = FundsApi.Today, place = "Hội trường xã" };
        var old = FundsApi.Ok(await _api.Org.Mutate("prepareCeremonyList", prepare, "province", "id hash lines { awardId }")).Data["prepareCeremonyList"]!;
        old["lines"]!.AsArray().Single()!["awardId"]!.GetValue<string>().ShouldBe(award);
        var oldId = old["id"]!.GetValue<string>();

        var socSon = await _api.Org.Unit("T01-X003");
        var baDinhId = await _api.Org.UnitId("T01-X001");
        await app.Host.ExecuteAndWaitAsync(async () => FundsApi.Ok(await _api.Org.Mutate("mergeUnit",
            new { unitId = socSon["id"]!.GetValue<string>(), successorId = baDinhId, expectedVersion = socSon["version"]!.GetValue<int>() },
            "province", "status")), Settle);

        // The old list keeps its number and hash (the paper was signed) but no longer lists what the successor pays.
        var read = FundsApi.Ok(await app.GraphQL("query($id: ID!) { ceremonyList(id: $id) { hash lines { awardId } html } }", new { id = oldId },
            await _api.Org.Token("province"))).Data["ceremonyList"]!;
        read["hash"]!.GetValue<string>().ShouldBe(old["hash"]!.GetValue<string>());
        read["lines"]!.AsArray().ShouldBeEmpty();
        var seq = (await _api.Ledger("T01-X001"))["headSeq"]!.GetValue<long>();
        var throughOld = new { awardId = award, method = "CASH", paidOn = FundsApi.Today, ceremonyListId = oldId };
        var refused = await _api.Org.Mutate("disburseAward", throughOld, "commune", "id");
        refused.FirstErrorCode.ShouldBe("NOT_ON_LIST", refused.Body);
        refused.FirstErrorMessage.ShouldNotBeNull().ShouldContain("danh sách");
        (await _api.Ledger("T01-X001"))["headSeq"]!.GetValue<long>().ShouldBe(seq);

        // The successor's officials list it from the successor's fund and pay it through that list.
        var successor = FundsApi.Ok(await app.GraphQL("query($u: ID!) { funds(unitId: $u, first: 10) { nodes { id name } } }", new { u = baDinhId }))
            .Data["funds"]!["nodes"]!.AsArray().Single(f => f!["name"]!.GetValue<string>().StartsWith("Quỹ khuyến học xã Sóc Sơn (từ ", StringComparison.Ordinal))!
            ["id"]!.GetValue<string>();
        var prepareAgain = new { programmeId = programme, fundId = successor, ceremonyOn = FundsApi.Today, place = "Hội trường phường" };
        var fresh = FundsApi.Ok(await _api.Org.Mutate("prepareCeremonyList", prepareAgain, "commune", "id lines { awardId }")).Data["prepareCeremonyList"]!;
        fresh["lines"]!.AsArray().Single()!["awardId"]!.GetValue<string>().ShouldBe(award);
        var pay = new { awardId = award, method = "CASH", paidOn = FundsApi.Today, ceremonyListId = fresh["id"]!.GetValue<string>() };
        FundsApi.Ok(await _api.Org.Mutate("disburseAward", pay, "commune", "id"));
        (await _api.Ledger("T01-X001"))["headSeq"]!.GetValue<long>().ShouldBe(seq + 1);
    }

    [Fact]
    public async Task A_pledge_to_a_merged_units_fund_still_reconciles_by_its_reference_against_the_successors_fund()
    {
        var fund = await _api.FundOk("province", "T01-X003", "Quỹ khuyến học xã Sóc Sơn");
        var open = await Pledge(fund, 750_000);
        var received = await Pledge(fund, 400_000);
        var paidBefore = $"""
            ngay,so_tien,noi_dung
            {FundsApi.Day(-1)},400000,UNG HO {received}
            """;
        FundsApi.Ok(await Reconcile("province", fund, paidBefore)).Data["reconcileStatement"]!["matched"]!.AsArray().Count.ShouldBe(1);

        var socSon = await _api.Org.Unit("T01-X003");
        await app.Host.ExecuteAndWaitAsync(async () => FundsApi.Ok(await _api.Org.Mutate("mergeUnit",
            new { unitId = socSon["id"]!.GetValue<string>(), successorId = await _api.Org.UnitId("T01-X001"), expectedVersion = socSon["version"]!.GetValue<int>() },
            "province", "status")), Settle);
        var successor = FundsApi.Ok(await app.GraphQL("query($u: ID!) { funds(unitId: $u, first: 10) { nodes { id name } } }",
                new { u = await _api.Org.UnitId("T01-X001") })).Data["funds"]!["nodes"]!.AsArray()
            .Single(f => f!["name"]!.GetValue<string>().StartsWith("Quỹ khuyến học xã Sóc Sơn (từ ", StringComparison.Ordinal))!["id"]!.GetValue<string>();

        // The donor transfers after the merge with the reference they were given: the successor's statement matches it once.
        var statement = $"""
            ngay,so_tien,noi_dung
            {FundsApi.Today},750000,CHUYEN KHOAN {open} UNG HO QUY
            {FundsApi.Today},400000,UNG HO {received}
            """;
        (await Reconcile("province", fund, statement)).FirstErrorCode.ShouldBe("UNIT_MERGED");
        var result = FundsApi.Ok(await Reconcile("commune", successor, statement)).Data["reconcileStatement"]!;
        result["matched"]!.AsArray().Single()!["amount"]!.GetValue<long>().ShouldBe(750_000);
        result["unmatched"]!.AsArray().Single()!["line"]!.GetValue<int>().ShouldBe(3);
        FundsApi.Balance(await _api.Fund(null, successor), "CASH").ShouldBe(400_000 + 750_000);
        FundsApi.Balance(await _api.Fund(null, fund), "CASH").ShouldBe(0);
        var again = FundsApi.Ok(await Reconcile("commune", successor, statement)).Data["reconcileStatement"]!;
        again["matched"]!.AsArray().ShouldBeEmpty();
        FundsApi.Balance(await _api.Fund(null, successor), "CASH").ShouldBe(400_000 + 750_000);
        (await _api.Ledger("T01-X001"))["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    private async Task<string> Pledge(string fund, long amount) =>
        FundsApi.Ok(await _api.Org.Mutate("pledgeDonation", new { fundId = fund, amount, donorName = "Gia đình ông Nguyễn Đình Hùng", visibility = "PUBLIC" },
            "learner", "reference")).Data["pledgeDonation"]!["reference"]!.GetValue<string>();

    private Task<GraphQLResponse> Reconcile(string login, string fund, string csv) =>
        _api.Org.Mutate("reconcileStatement", new { fundId = fund, csvBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(csv)) }, login,
            "matched { amount } unmatched { line reason }");

    [Fact]
    public async Task A_dissolved_units_funds_stay_readable_and_refuse_new_donations()
    {
        var fund = await _api.FundOk("commune", "T01-X001-03", "Quỹ khuyến học thôn");
        FundsApi.Ok(await _api.Donate("commune", fund, 2_000_000));
        var village = await _api.Org.Unit("T01-X001-03");
        await app.Host.ExecuteAndWaitAsync(async () => FundsApi.Ok(await _api.Org.Mutate("dissolveUnit",
            new { unitId = village["id"]!.GetValue<string>(), expectedVersion = village["version"]!.GetValue<int>() }, "commune", "status")));

        var donated = await _api.Donate("commune", fund, 500_000);
        donated.FirstErrorCode.ShouldBe("UNIT_DISSOLVED", donated.Body);
        donated.FirstErrorMessage.ShouldNotBeNull().ShouldContain("giải thể");
        var pledged = await _api.Org.Mutate("pledgeDonation", new { fundId = fund, amount = 500_000, donorName = "Gia đình ông Nguyễn Văn An" }, "learner", "reference");
        pledged.FirstErrorCode.ShouldBe("UNIT_DISSOLVED", pledged.Body);

        var read = await _api.Fund(null, fund);
        FundsApi.Balance(read, "CASH").ShouldBe(2_000_000);
        read["donations"]!.AsArray().Count.ShouldBe(1);
        var ledger = await _api.Ledger("T01-X001-03");
        ledger["headSeq"]!.GetValue<long>().ShouldBe(1);
        ledger["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    /// <summary>Sóc Sơn's fund holds 5,000,000 and Hà Nội's programme awards 2,000,000 of it to a learner of Ba Đình.</summary>
    private async Task<(string Fund, string Programme, string Award)> AwardFromSocSonsFund()
    {
        var fund = await _api.FundOk("province", "T01-X003", "Quỹ khuyến học xã Sóc Sơn");
        FundsApi.Ok(await _api.Donate("province", fund, 5_000_000));
        var programme = await _api.Programme("province", "T01", [fund], budget: 5_000_000);
        var nomination = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner")).Data["nominate"]!["id"]!.GetValue<string>();
        string? award = null;
        await app.Host.ExecuteAndWaitAsync(async () =>
            award = FundsApi.Ok(await _api.Decide("province", nomination, 2_000_000, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>(), Settle);
        return (fund, programme, award!);
    }
}
