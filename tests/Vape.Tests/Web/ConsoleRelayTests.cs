using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
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
public sealed class ConsoleRelayTests(WebHost web) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(web.App);
    private readonly List<HubConnection> _hubs = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var h in _hubs) await h.DisposeAsync();
    }

    private async Task<HubConnection> Device(string login)
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        var answer = await (await http.PostAsJsonAsync("/dev/token", new { login })).Content.ReadFromJsonAsync<JsonElement>();
        var token = answer.GetProperty("accessToken").GetString();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(web.BaseUrl), "/hubs/classroom"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(Vape.BuildingBlocks.Hosting.VapeJson.UseHub)
            .Build();
        _hubs.Add(hub);
        await hub.StartAsync();
        return hub;
    }

    [Fact]
    public async Task The_provinces_relay_panel_counts_a_learner_joining_and_leaving_a_relay_room_without_reload_and_the_commune_is_told_why_no_roster()
    {
        var title = $"Bài giảng trực tiếp {Random.Shared.Next(100_000, 999_999)}";
        var parent = await _api.Schedule(title, unitCode: "T01", login: "province");
        var parentSession = Guid.Parse(parent["sessions"]![0]!["id"]!.GetValue<string>());
        var relay = await _api.Schedule($"Tiếp sóng tại Ba Đình {Random.Shared.Next(100_000, 999_999)}", unitCode: "T01-X001", login: "commune",
            extra: new { relayOfSessionId = parentSession.ToString(), startsAt = (string?)null, durationMinutes = (int?)null });
        var relaySession = Guid.Parse(relay["sessions"]![0]!["id"]!.GetValue<string>());
        (await _api.Enrol(ClassesApi.Id(relay), await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();
        await (await Device("province")).InvokeAsync<JsonElement>("Join", parentSession);
        await (await Device("commune")).InvokeAsync<JsonElement>("Join", relaySession);

        var official = await web.SignedIn("province");
        await official.GotoAsync($"/console/classes/{ClassesApi.Id(parent)}");
        await official.GetByRole(AriaRole.Button, new() { Name = "Xem phòng tiếp sóng buổi 1" }).ClickAsync();
        var panel = official.GetByTestId("relays");
        await Expect(panel.GetByTestId("relays-live")).ToHaveTextAsync("Số người cập nhật trực tiếp khi có người vào hoặc rời phòng.");
        await Expect(panel.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("Phường Ba Đình: 1 người");

        var learner = await Device("learner");
        await learner.InvokeAsync<JsonElement>("Join", relaySession);
        await Expect(panel.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("Phường Ba Đình: 2 người");
        await Expect(panel).ToContainTextAsync("Tổng số người có mặt (phòng chính và các phòng tiếp sóng): 3");
        await learner.InvokeAsync("Leave");
        await Expect(panel.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("Phường Ba Đình: 1 người");
        await WebHost.ShouldPassAxe(official);
        await official.Context.CloseAsync();

        // Following the relays is for the class's hosts and its unit's officials: a learner and the relaying commune are refused.
        foreach (var login in new[] { "learner2", "commune" })
        {
            var refused = await Should.ThrowAsync<HubException>(() => Device(login).ContinueWith(t => t.Result.InvokeAsync<long>("WatchRelays", parentSession)).Unwrap());
            refused.Message.ShouldContain("NOT_ALLOWED");
            refused.Message.ShouldContain("Chỉ người dẫn lớp và cán bộ tổ chức lớp theo dõi được các phòng tiếp sóng.");
        }

        // The relaying commune's official sees on the province's class page why there is no roster, not an error.
        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync($"/console/classes/{ClassesApi.Id(parent)}");
        await Expect(cuong.GetByTestId("roster-enrolled-not-yours")).ToContainTextAsync("Danh sách học viên của lớp này do đơn vị tổ chức lớp quản lý; bạn không xem được.");
        await Expect(cuong.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(cuong, "console-relay-roster-not-yours");
        await cuong.Context.CloseAsync();
    }

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
