using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vape.Tests.Funds;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The public funds page (docs/adr/0216): anyone, without sign-in, on a phone, finds Hà Nội by a search without
/// accents, reads the totals the GraphQL API gives and the awards, checks the ledger in the browser (Web Crypto: the
/// hash chain and the unit's signature), and a downloaded ledger with one byte changed is broken at that entry.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FundsBrowserTests(WebHost web)
{
    private readonly FundsApi _api = new(web.App);

    [Fact]
    public async Task Anyone_reads_Ha_Nois_funds_checks_its_ledger_valid_and_a_changed_download_broken_at_its_entry()
    {
        FundsApi.Current = web.App;
        var amount = Random.Shared.Next(1_000, 9_000) * 10_000L + 1_234;
        var fund = await _api.FundOk("province", "T01", $"Quỹ Khuyến học Hà Nội {amount}");
        FundsApi.Ok(await _api.Donate("province", fund, amount, "Công ty \"Sách & Vở\" <Việt>"));
        FundsApi.Ok(await _api.Donate("province", fund, 3_000_000, "Dòng họ Nguyễn Văn", kind: "GOODS", goods: "300 quyển vở \"Tiến bộ\" & <bút> + 1's"));
        FundsApi.Ok(await _api.Donate("province", fund, 2_000_000, null, "ANONYMOUS"));
        var programme = await _api.Programme("province", "T01", [fund], budget: 5_000_000);
        var nomination = FundsApi.Ok(await _api.Nominate("commune", programme, "T01-X001", "learner")).Data["nominate"]!["id"]!.GetValue<string>();
        var award = FundsApi.Ok(await _api.Decide("province", nomination, 1_500_000, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>();
        FundsApi.Ok(await _api.Disburse("province", award));
        var totals = await _api.Totals("T01");
        var unitId = await _api.Org.UnitId("T01");

        var anyone = await web.Phone();
        // The funds page is in the app's navigation, for everyone.
        await anyone.GotoAsync("/sign-in");
        await anyone.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quỹ", Exact = true }).ClickAsync();
        await Expect(anyone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/funds$"));
        await anyone.GetByLabel("Tìm đơn vị").FillAsync("ha noi");
        await anyone.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await anyone.GetByTestId("funds-units").GetByRole(AriaRole.Link, new() { Name = "Hà Nội", Exact = true }).ClickAsync();
        await Expect(anyone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/funds/{unitId}$"));

        // The totals are what fundsTotals says, each year and all years, in đồng as Viet Nam writes them.
        var table = anyone.GetByTestId("funds-totals");
        var all = table.Locator("tr[data-year='all']");
        foreach (var field in new[] { "received", "receivedInKind", "awarded", "disbursed", "held" })
            await Expect(all).ToContainTextAsync(Money(totals["totals"]![field]!.GetValue<long>()));
        foreach (var year in totals["byYear"]!.AsArray())
        {
            var row = table.Locator($"tr[data-year='{year!["year"]!.GetValue<int>()}']");
            foreach (var field in new[] { "received", "awarded", "disbursed", "held" })
                await Expect(row).ToContainTextAsync(Money(year["totals"]![field]!.GetValue<long>()));
        }
        await Expect(anyone.GetByTestId("funds-list")).ToContainTextAsync($"Quỹ Khuyến học Hà Nội {amount}");
        await Expect(anyone.GetByTestId("funds-awards")).ToContainTextAsync("Hoàng Thị Em");
        await Expect(anyone.GetByTestId("funds-awards")).ToContainTextAsync(Money(1_500_000));
        await Expect(anyone.GetByRole(AriaRole.Link, new() { Name = "Tải sổ quỹ (CSV)" })).ToHaveAttributeAsync("href", $"/funds/units/{unitId}/ledger.csv");

        // "Kiểm tra sổ": the whole check in the browser.
        await anyone.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra sổ" }).ClickAsync();
        await Expect(anyone.GetByTestId("ledger-check")).ToContainTextAsync("Sổ hợp lệ");
        await WebHost.ShouldPassAxe(anyone);
        await WebHost.Screenshot(anyone, "funds-valid");

        // The download, as is, through the file input: valid; with one digit of one line's amount changed: broken there.
        var download = await anyone.RunAndWaitForDownloadAsync(() => anyone.GetByRole(AriaRole.Link, new() { Name = "Tải sổ quỹ (JSON)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"vape-ledger-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        var json = await File.ReadAllTextAsync(file);
        var line = JsonNode.Parse(json)!["entries"]!.AsArray().Single(e => e!["amount"]!.GetValue<long>() == amount)!;
        var seq = line["seq"]!.GetValue<long>();
        var input = anyone.GetByLabel("Hoặc kiểm tra một tệp sổ quỹ đã tải (JSON)");
        await input.SetInputFilesAsync(file);
        await Expect(anyone.GetByTestId("ledger-check")).ToContainTextAsync("Sổ hợp lệ");
        // The input is cleared after each check, so choosing the same file again (a browser fires no change for an unchanged choice) checks it again.
        await Expect(input).ToHaveValueAsync("");

        var needle = $"\"amount\": {amount},";
        json.Split(needle).Length.ShouldBe(2);
        var changed = json.Replace(needle, $"\"amount\": {amount + 1},", StringComparison.Ordinal);
        (changed.Length == json.Length && changed.Zip(json).Count(p => p.First != p.Second) == 1).ShouldBeTrue();
        var edited = Path.Combine(Path.GetTempPath(), $"vape-ledger-edited-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(edited, changed);
        await input.SetInputFilesAsync(edited);
        var result = anyone.GetByTestId("ledger-check");
        await Expect(result).ToContainTextAsync($"Sổ không hợp lệ: hỏng ở bút toán số {seq}.");
        await Expect(result).ToContainTextAsync("Nội dung dòng này đã bị sửa");
        await Expect(input).ToHaveValueAsync("");

        // The same file, mended on disk and chosen again: checked again, valid.
        await File.WriteAllTextAsync(edited, json);
        await input.SetInputFilesAsync(edited);
        await Expect(result).ToContainTextAsync("Sổ hợp lệ");
        await WebHost.ShouldPassAxe(anyone);
        await WebHost.Screenshot(anyone, "funds-broken");
        await anyone.Context.CloseAsync();
        File.Delete(file);
        File.Delete(edited);
    }

    private static string Money(long amount) => amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " đ";
}
