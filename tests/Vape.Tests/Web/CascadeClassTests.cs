using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vape.Tests.Classes;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A cascade class in Chromium (issue #19): the province's teacher sees the relay room's headcount, the question its
/// local host escalated marked with the relay's name (live, and again after a reload: the snapshot keeps it), and how
/// many open escalated questions each relay has. The relay room's people are .NET SignalR clients of the same host
/// (the web app has no "send up" button yet).
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CascadeClassTests(WebHost web) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(web.App);
    private readonly List<HubConnection> _hubs = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var h in _hubs) await h.DisposeAsync();
    }

    /// <summary>A device on the browser's host (real Kestrel and WebSockets), signed in as a demo login.</summary>
    private async Task<HubConnection> Device(string login)
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        var answer = await (await http.PostAsJsonAsync("/dev/token", new { login })).Content.ReadFromJsonAsync<JsonElement>();
        var token = answer.GetProperty("accessToken").GetString();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(web.BaseUrl), "/hubs/classroom"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => Vape.BuildingBlocks.Hosting.VapeJson.ApplyHub(o.PayloadSerializerOptions))
            .Build();
        _hubs.Add(hub);
        await hub.StartAsync();
        return hub;
    }

    [Fact]
    public async Task The_teacher_sees_an_escalated_question_marked_with_its_relay_room_and_each_relays_open_questions()
    {
        var title = $"Bài giảng của Hà Nội {Random.Shared.Next(100_000, 999_999)}";
        var parent = await _api.Schedule(title, unitCode: "T01", login: "province");
        var parentSession = parent["sessions"]![0]!["id"]!.GetValue<string>();
        var relay = await _api.Schedule("Tiếp sóng tại Ba Đình", unitCode: "T01-X001", login: "commune",
            extra: new { relayOfSessionId = parentSession, startsAt = (string?)null, durationMinutes = (int?)null });
        var relaySession = Guid.Parse(relay["sessions"]![0]!["id"]!.GetValue<string>());
        (await _api.Enrol(ClassesApi.Id(relay), await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();

        var teacher = await web.SignedIn("province");
        await teacher.GotoAsync($"/classes/{ClassesApi.Id(parent)}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Mở phòng học" }).ClickAsync();
        await Expect(teacher.Locator("[data-status=live]")).ToBeVisibleAsync();

        var local = await Device("commune");
        await local.InvokeAsync<JsonElement>("Join", relaySession);
        var learner = await Device("learner");
        await learner.InvokeAsync<JsonElement>("Join", relaySession);
        var relayRow = teacher.Locator($"li[data-relay='{relaySession}']");
        await Expect(relayRow).ToContainTextAsync("Phường Ba Đình: 2");

        var question = Guid.CreateVersion7();
        await learner.InvokeAsync<long>("AskQuestionWithId", question, "Ở phường có lớp thực hành không ạ?");
        await local.InvokeAsync<long>("ForwardQuestion", question);
        var escalated = teacher.Locator("[data-question='Ở phường có lớp thực hành không ạ?']");
        await Expect(escalated).ToContainTextAsync("Hoàng Thị Em");
        await Expect(escalated).ToContainTextAsync("Từ điểm cầu: Phường Ba Đình");
        await Expect(relayRow).ToContainTextAsync("1 câu hỏi chuyển lên đang mở");
        await WebHost.ShouldPassAxe(teacher);
        await WebHost.Screenshot(teacher, "live-cascade-teacher");

        // After a reload the room comes from the snapshot: the question is still marked, the relay still counts it.
        await teacher.ReloadAsync();
        await Expect(teacher.Locator("[data-status=live]")).ToBeVisibleAsync();
        await Expect(escalated).ToContainTextAsync("Từ điểm cầu: Phường Ba Đình");
        await Expect(relayRow).ToContainTextAsync("1 câu hỏi chuyển lên đang mở");

        // Answered, it leaves the list and the relay's count.
        await escalated.GetByRole(AriaRole.Button, new() { Name = "Đã trả lời" }).ClickAsync();
        await Expect(escalated).ToHaveCountAsync(0);
        await Expect(relayRow).ToHaveTextAsync("Phường Ba Đình: 2");
    }
}
