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
/// many open escalated questions each relay has; and the relay room's host sending a question up with the page's
/// "Gửi lên lớp chính" button. The other people are .NET SignalR clients of the same host.
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
            .AddJsonProtocol(Vape.BuildingBlocks.Hosting.VapeJson.UseHub)
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

    [Fact]
    public async Task The_relay_rooms_host_sends_a_learners_question_up_and_the_parent_rooms_teacher_and_learner_see_it()
    {
        var title = $"Bài giảng của Hà Nội {Random.Shared.Next(100_000, 999_999)}";
        var parent = await _api.Schedule(title, unitCode: "T01", login: "province");
        var parentSession = Guid.Parse(parent["sessions"]![0]!["id"]!.GetValue<string>());
        (await _api.Enrol(ClassesApi.Id(parent), await _api.Org.Token("learner2"))).HasErrors.ShouldBeFalse();
        var relay = await _api.Schedule($"Tiếp sóng tại Ba Đình {Random.Shared.Next(100_000, 999_999)}", unitCode: "T01-X001", login: "commune",
            extra: new { relayOfSessionId = parentSession.ToString(), startsAt = (string?)null, durationMinutes = (int?)null });
        var relaySession = Guid.Parse(relay["sessions"]![0]!["id"]!.GetValue<string>());
        (await _api.Enrol(ClassesApi.Id(relay), await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();

        var teacher = await web.SignedIn("province");
        await teacher.GotoAsync($"/classes/{ClassesApi.Id(parent)}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Mở phòng học" }).ClickAsync();
        await Expect(teacher.Locator("[data-status=live]")).ToBeVisibleAsync();
        var parentLearner = await Device("learner2");
        var upward = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        parentLearner.On<JsonElement>("classroomEvent", m =>
        {
            if (m.GetProperty("type").GetString() == "questionAsked") upward.TrySetResult(m);
        });
        await parentLearner.InvokeAsync<JsonElement>("Join", parentSession);

        var local = await web.SignedIn("commune");
        await local.GotoAsync($"/classes/{ClassesApi.Id(relay)}");
        await local.GetByRole(AriaRole.Link, new() { Name = "Mở phòng học" }).ClickAsync();
        await Expect(local.Locator("[data-status=live]")).ToBeVisibleAsync();
        var learner = await Device("learner");
        await learner.InvokeAsync<JsonElement>("Join", relaySession);
        const string text = "Xã có được mượn máy tính để thực hành không ạ?";
        await learner.InvokeAsync<long>("AskQuestionWithId", Guid.CreateVersion7(), text);

        var asked = local.Locator($"[data-question='{text}']");
        await Expect(asked).ToContainTextAsync("Hoàng Thị Em");
        await WebHost.ShouldPassAxe(local);
        await WebHost.Screenshot(local, "live-relay-host");
        await asked.GetByRole(AriaRole.Button, new() { Name = "Gửi lên lớp chính" }).ClickAsync();
        // Sent up, it leaves the relay room's open questions (closed as FORWARDED)...
        await Expect(asked).ToHaveCountAsync(0);

        // ...and is asked in the parent room: its teacher sees it marked with the relay, its learner receives it.
        var escalated = teacher.Locator($"[data-question='{text}']");
        await Expect(escalated).ToContainTextAsync("Hoàng Thị Em");
        await Expect(escalated).ToContainTextAsync("Từ điểm cầu: Phường Ba Đình");
        var received = (await upward.Task.WaitAsync(TimeSpan.FromSeconds(30))).GetProperty("data");
        received.GetProperty("text").GetString().ShouldBe(text);
        received.GetProperty("relaySessionId").GetGuid().ShouldBe(relaySession);
        // The parent room relays nothing: its teacher has no such button.
        await Expect(teacher.GetByRole(AriaRole.Button, new() { Name = "Gửi lên lớp chính" })).ToHaveCountAsync(0);
    }
}
