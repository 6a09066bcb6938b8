using Microsoft.Playwright;
using Vape.Tests.Classes;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Cascade classes from the console (issue #21): a commune official schedules, from the province's class page, a relay
/// room of its session for their commune; an official of a sibling province, outside the class's subtree, is told why
/// not and nothing is scheduled.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleRelayTests(WebHost web)
{
    private readonly ClassesApi _api = new(web.App);

    [Fact]
    public async Task A_commune_official_schedules_a_relay_room_of_the_provinces_session_and_a_sibling_province_is_refused()
    {
        var title = $"Bài giảng chuyển đổi số {Random.Shared.Next(100_000, 999_999)}";
        var parent = await _api.Schedule(title, unitCode: "T01", login: "province");
        var parentSession = parent["sessions"]![0]!["id"]!.GetValue<string>();

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync($"/console/classes/{ClassesApi.Id(parent)}");
        var form = cuong.GetByTestId("relay-form");
        await Expect(form.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Tiếp sóng lớp này cho đơn vị của tôi");
        await form.GetByLabel("Đơn vị tiếp sóng").SelectOptionAsync(new SelectOptionValue { Label = "Phường Ba Đình" });
        await form.GetByLabel("Sĩ số tối đa").FillAsync("40");
        await form.GetByRole(AriaRole.Button, new() { Name = "Xếp lịch phòng tiếp sóng" }).ClickAsync();
        var relayTitle = $"{title} (tiếp sóng tại Phường Ba Đình)";
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã xếp lịch lớp “{relayTitle}”.");
        await ConsoleChecks.PhoneFriendly(cuong, "console-relay-scheduled");
        var href = await form.GetByRole(AriaRole.Link, new() { Name = $"Mở lớp “{relayTitle}”" }).GetAttributeAsync("href");
        var relay = await _api.Class(href!.Split('/')[^1], await _api.Org.Token("commune"));
        relay!["unit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        relay["capacity"]!.GetValue<int>().ShouldBe(40);
        var session = await web.App.GraphQL("query($id: ID!) { class(id: $id) { sessions { startsAt relayOfSessionId } } }",
            new { id = href.Split('/')[^1] }, await _api.Org.Token("commune"));
        session.Data["class"]!["sessions"]![0]!["relayOfSessionId"]!.GetValue<string>().ShouldBe(parentSession);
        session.Data["class"]!["sessions"]![0]!["startsAt"]!.GetValue<DateTimeOffset>().ShouldBe(parent["sessions"]![0]!["startsAt"]!.GetValue<DateTimeOffset>());
        await cuong.Context.CloseAsync();

        // Hải Phòng's official may run classes, but not relay a Hà Nội class: the server's sentence, nothing scheduled.
        var dung = await web.Phone();
        await ConsoleChecks.SignInWithoutTheButton(dung, "sibling-province");
        await dung.GotoAsync($"/console/classes/{ClassesApi.Id(parent)}");
        var theirs = dung.GetByTestId("relay-form");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Xếp lịch phòng tiếp sóng" }).ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Alert)).ToContainTextAsync("Thông tin chưa đúng.");
        (await _api.Titles(new { unitId = await _api.Org.UnitId("T18"), text = title }, await _api.Org.Token("sibling-province"))).ShouldBeEmpty();
        await ConsoleChecks.PhoneFriendly(dung, "console-relay-refused");
        await dung.Context.CloseAsync();
    }
}
