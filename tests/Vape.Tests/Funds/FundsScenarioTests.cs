using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Wolverine.Tracking;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>
/// The scenario through GraphQL: a commune raises donations, the province runs a scholarship round, the
/// commune nominates, the province awards, the commune pays; the public figures at each level, the ledger's
/// verification (and an edited export's failure), and the award in the recipient's record once.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class FundsScenarioTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_commune_raises_the_province_awards_the_commune_pays_and_everyone_can_check()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        var first = FundsApi.Ok(await _api.Donate("commune", fund, 30_000_000)).Data["recordDonation"]!;
        first["receiptNumber"]!.GetValue<string>().ShouldBe($"00001/{FundsApi.Year}");
        FundsApi.Ok(await _api.Donate("commune", fund, 20_000_000, "Bà Nguyễn Thị Hoa", "OFFICIALS"));
        FundsApi.Ok(await _api.Donate("commune", fund, 10_000_000, null, "ANONYMOUS"));
        var books = FundsApi.Ok(await _api.Donate("commune", fund, 5_000_000, "Nhà sách Tiền Phong", kind: "GOODS", goods: "500 quyển vở")).Data["recordDonation"]!;
        books["receiptNumber"]!.GetValue<string>().ShouldBe($"00004/{FundsApi.Year}");

        var programme = await _api.Programme("province", "T01", [fund], budget: 25_000_000);
        var hoa = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner", publicName: true)).Data["nominate"]!["id"]!.GetValue<string>();
        var phuc = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner2", publicName: false)).Data["nominate"]!["id"]!.GetValue<string>();

        string? awardHoa = null;
        await app.Host.ExecuteAndWaitAsync(async () =>
        {
            var decided = FundsApi.Ok(await _api.Decide("province", hoa, 10_000_000, fund)).Data["decideNomination"]!;
            decided["status"]!.GetValue<string>().ShouldBe("AWARDED");
            awardHoa = decided["awardId"]!.GetValue<string>();
        });
        string? awardPhuc = null;
        await app.Host.ExecuteAndWaitAsync(async () =>
            awardPhuc = FundsApi.Ok(await _api.Decide("province", phuc, 5_000_000, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>());

        FundsApi.Ok(await _api.Disburse("commune", awardHoa!));
        FundsApi.Ok(await _api.Disburse("commune", awardPhuc!, method: "TRANSFER"));

        // The public figures, without sign-in, at the commune and every level above it; nothing at a sibling.
        foreach (var level in new[] { "T01-X001", "T01", "TW" })
        {
            var totals = (await _api.Totals(level))["totals"]!;
            totals["received"]!.GetValue<long>().ShouldBe(60_000_000, level);
            totals["receivedInKind"]!.GetValue<long>().ShouldBe(5_000_000, level);
            totals["awarded"]!.GetValue<long>().ShouldBe(15_000_000, level);
            totals["disbursed"]!.GetValue<long>().ShouldBe(15_000_000, level);
            totals["held"]!.GetValue<long>().ShouldBe(45_000_000, level);
            totals["heldInKind"]!.GetValue<long>().ShouldBe(5_000_000, level);
        }
        var byProgramme = (await _api.Totals("T01", FundsApi.Year))["byProgramme"]!.AsArray().Single()!;
        byProgramme["awards"]!.GetValue<int>().ShouldBe(2);
        byProgramme["disbursed"]!.GetValue<long>().ShouldBe(15_000_000);
        ((await _api.Totals("T18"))["totals"]!["received"]!.GetValue<long>()).ShouldBe(0);
        ((await _api.Totals("T01-X002"))["totals"]!["held"]!.GetValue<long>()).ShouldBe(0);

        // Names only where the recipient agreed; donors as they chose.
        var awards = FundsApi.Ok(await app.GraphQL("query($u: ID!) { fundsAwards(unitId: $u) { nodes { amount recipientName disbursed } } }",
            new { u = await _api.Org.UnitId("T01") })).Data["fundsAwards"]!["nodes"]!.AsArray();
        awards.Select(a => a!["recipientName"]?.GetValue<string>()).OrderBy(n => n).ShouldBe([null, "Hoàng Thị Em"]);
        awards.ShouldAllBe(a => a!["disbursed"]!.GetValue<bool>());
        var publicDonors = (await _api.Fund(null, fund))["donations"]!.AsArray().Select(d => d!["donorName"]?.GetValue<string>()).ToList();
        publicDonors.ShouldBe([null, null, null, "Công ty TNHH Sách Việt"], ignoreOrder: true);
        var officialDonors = (await _api.Fund("province", fund))["donations"]!.AsArray().Select(d => d!["donorName"]?.GetValue<string>()).ToList();
        officialDonors.ShouldBe(["Nhà sách Tiền Phong", null, "Bà Nguyễn Thị Hoa", "Công ty TNHH Sách Việt"], ignoreOrder: true);

        // The books balance and the ledger verifies, on the server and from a download.
        var ledger = await _api.Ledger("T01-X001");
        ledger["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue(ledger.ToJsonString());
        ledger["headSeq"]!.GetValue<long>().ShouldBe(6);
        var download = await Download("T01-X001");
        (await Verify(download))["valid"]!.GetValue<bool>().ShouldBeTrue();

        // The recipient's record holds the scholarship once, verified.
        var credentials = (await new RecordsApi(app).MyRecord("learner"))["credentials"]!.AsArray();
        credentials.Count(c => c!["title"]!.GetValue<string>().StartsWith("Học bổng \"Vượt khó học giỏi\"", StringComparison.Ordinal)).ShouldBe(1);
        credentials.Single()!["status"]!.GetValue<string>().ShouldBe("ACCEPTED");
        credentials.Single()!["issuer"]!.GetValue<string>().ShouldBe((await _api.Org.Unit("T01"))["name"]!.GetValue<string>());

        // The learner turns it into an Open Badges credential that says it is an award, not a certificate.
        var badge = await _api.Org.Mutate("issueBadge", new { source = "ENTRY", sourceId = credentials.Single()!["id"]!.GetValue<string>() }, "learner", "credential");
        badge.HasErrors.ShouldBeFalse(badge.Body);
        var jwt = badge.Data["issueBadge"]!["credential"]!.GetValue<string>();
        var achievement = JsonNode.Parse(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(jwt.Split('.')[1]))!["credentialSubject"]!["achievement"]!;
        achievement["achievementType"]!.GetValue<string>().ShouldBe("Award");
        achievement["description"]!.GetValue<string>().ShouldStartWith("Học bổng, giải thưởng “Học bổng \"Vượt khó học giỏi\"");
    }

    [Fact]
    public async Task Changing_any_line_of_a_downloaded_ledger_breaks_its_verification()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        for (var i = 1; i <= 3; i++) FundsApi.Ok(await _api.Donate("commune", fund, i * 1_000_000));
        var download = await Download("T01-X001");
        (await Verify(download))["valid"]!.GetValue<bool>().ShouldBeTrue();

        var raised = JsonNode.Parse(download)!;
        raised["entries"]![1]!["amount"] = 20_000_000;
        var result = await Verify(raised.ToJsonString());
        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["problems"]![0]!.GetValue<string>().ShouldContain("Dòng 2");

        var dropped = JsonNode.Parse(download)!;
        dropped["entries"]!.AsArray().RemoveAt(2);
        (await Verify(dropped.ToJsonString()))["valid"]!.GetValue<bool>().ShouldBeFalse();

        var resigned = JsonNode.Parse(download)!;
        resigned["signature"] = Convert.ToBase64String(new byte[70]);
        (await Verify(resigned.ToJsonString()))["valid"]!.GetValue<bool>().ShouldBeFalse();
    }

    private async Task<string> Download(string unitCode)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/funds/units/{_api.Org.UnitId(unitCode).Result}/ledger.json");
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsTextAsync();
    }

    private async Task<JsonNode> Verify(string export)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/funds/ledgers/verify") { Content = new StringContent(export, Encoding.UTF8, "application/json") };
        var response = await app.Host.Server.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
