using System.Text;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Units from a CSV file on a unit's page (issue #21), beside the member import and with the same component: a bad
/// line flagged beside its line and nothing imported; the file fixed and imported; an official outside the subtree
/// refused, nothing created.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleUnitImportTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    [Fact]
    public async Task A_commune_official_imports_units_after_fixing_the_line_flagged_and_an_outsider_is_refused()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        const string header = "ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap";
        var (first, second) = ($"T01-X001-N{n}", $"T01-X001-M{n}");
        var bad = $"{header}\r\n{first},Tổ dân phố nhập {n},VILLAGE,,2026-01-05\r\n{second},Dòng họ nhập {n},HO_TOC,,\r\n";
        var good = $"{header}\r\n{first},Tổ dân phố nhập {n},VILLAGE,,2026-01-05\r\n{second},Dòng họ nhập {n},LEARNING_CLAN,,\r\n";
        var baDinh = await _org.UnitId("T01-X001");

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync($"/console/units/{baDinh}");
        var form = cuong.GetByTestId("import-units");
        await Expect(form.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Nhập đơn vị cấp dưới từ tệp CSV");
        await form.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "don-vi.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await form.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Chưa nhập gì: 1 dòng cần sửa");
        var flagged = form.Locator("li[data-bad=true]");
        await Expect(flagged).ToHaveCountAsync(1);
        await Expect(flagged).ToHaveAttributeAsync("data-line", "3");
        await Expect(flagged).ToContainTextAsync("Loại đơn vị “HO_TOC” không hợp lệ.");
        await Expect(form.Locator("li[data-line='2']")).Not.ToHaveAttributeAsync("data-bad", "true");
        (await Exists(first)).ShouldBeFalse("nothing is imported while a line is wrong");
        await ConsoleChecks.PhoneFriendly(cuong, "console-import-units-problems");

        await form.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "don-vi.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await form.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Expect(form.GetByText("Đã nhập 2 đơn vị.")).ToBeVisibleAsync();
        await Expect(form.Locator("li[data-bad=true]")).ToHaveCountAsync(0);
        (await _org.Unit(first))["parent"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        (await _org.Unit(second))["kind"]!.GetValue<string>().ShouldBe("LEARNING_CLAN");
        await WebHost.ShouldPassAxe(cuong);
        await cuong.Context.CloseAsync();

        // An official of a sibling province: no import on Ba Đình's page, and the API refuses; nothing is created.
        var dung = await web.Phone();
        await ConsoleChecks.SignInWithoutTheButton(dung, "sibling-province");
        await dung.GotoAsync($"/console/units/{baDinh}");
        await Expect(dung.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(dung.GetByTestId("import-units")).ToHaveCountAsync(0);
        var third = $"T01-X001-P{n}";
        var refused = await _org.Mutate("importUnits",
            new { unitId = baDinh, csvBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{header}\r\n{third},Tổ ngoài {n},VILLAGE,,\r\n")) },
            "sibling-province", "ok imported");
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Exists(third)).ShouldBeFalse();
        await dung.Context.CloseAsync();
    }

    private async Task<bool> Exists(string code) =>
        (await web.App.GraphQL("query($c: String!) { unitByCode(code: $c) { id } }", new { c = code })).Data["unitByCode"] is not null;
}
