using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vape.Tests.Classes;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The officials' classes screens in Chromium at 360×640 (issue #21): scheduling a class (a time in the past refused
/// with the server's sentence, nothing scheduled), a learner enrolling in a second context, the official seeing them on
/// the roster and a second learner on the waiting list, a larger capacity letting them in, and after a session the
/// attendance with minutes and completion and its CSV (its content read). The host and learners in the room are .NET
/// SignalR clients of the same host.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleClassesTests(WebHost web) : IAsyncLifetime
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

    /// <summary>A time in Viet Nam as the date-time field takes it.</summary>
    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_official_schedules_a_class_sees_who_enrolled_and_who_waits_and_downloads_the_attendance()
    {
        var title = $"Tin học cho người cao tuổi {Random.Shared.Next(100_000, 999_999)}";
        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync("/console");
        await cuong.GetByRole(AriaRole.Navigation, new() { Name = "Quản lý" }).GetByRole(AriaRole.Link, new() { Name = "Lớp học" }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lớp học của đơn vị");
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Phường Ba Đình" })).ToBeVisibleAsync();
        var form = cuong.GetByTestId("schedule-class");
        await form.GetByLabel("Tên lớp").FillAsync(title);
        await form.GetByLabel("Lĩnh vực").SelectOptionAsync("DIGITAL_SKILLS");
        await form.GetByLabel("Sĩ số tối đa").FillAsync("1");
        await form.GetByLabel("Thời lượng mỗi buổi (phút)").FillAsync("60");

        // A start in the past: the server's sentence, and no class.
        await form.GetByLabel("Bắt đầu (giờ Việt Nam)").FillAsync(Local(DateTimeOffset.UtcNow.AddDays(-1)));
        await form.GetByRole(AriaRole.Button, new() { Name = "Xếp lịch" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không thể xếp lịch buổi học trong quá khứ.");
        (await _api.Titles(new { text = title, upcoming = false }, await _api.Org.Token("commune"))).ShouldBeEmpty();
        await ConsoleChecks.PhoneFriendly(cuong, "console-schedule-refused");

        // In ten minutes (the room opens 30 minutes before): scheduled, and the form's link opens it.
        await form.GetByLabel("Bắt đầu (giờ Việt Nam)").FillAsync(Local(DateTimeOffset.UtcNow.AddMinutes(10)));
        await form.GetByRole(AriaRole.Button, new() { Name = "Xếp lịch" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã xếp lịch lớp “{title}”.");
        await Expect(cuong.GetByTestId("unit-classes")).ToContainTextAsync(title);
        await form.GetByRole(AriaRole.Link, new() { Name = $"Mở lớp “{title}”" }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(cuong.GetByTestId("roster-enrolled")).ToHaveTextAsync("Chưa có ai.");
        var classId = cuong.Url.Split('/').Last();
        var cls = (await _api.Class(classId, await _api.Org.Token("commune")))!;
        (cls["capacity"]!.GetValue<int>(), cls["topic"]!.GetValue<string>(), cls["sessions"]!.AsArray().Count).ShouldBe((1, "DIGITAL_SKILLS", 1));
        var sessionId = cls["sessions"]![0]!["id"]!.GetValue<string>();

        // A learner enrols in a second context; a second learner (through the API) waits.
        var em = await web.SignedIn("learner");
        await em.GotoAsync($"/classes/{classId}");
        await em.GetByRole(AriaRole.Button, new() { Name = "Đăng ký học" }).ClickAsync();
        await Expect(em.GetByText("Bạn đã có chỗ trong lớp này.")).ToBeVisibleAsync();
        await em.Context.CloseAsync();
        (await _api.Enrol(classId, await _api.Org.Token("learner2"))).HasErrors.ShouldBeFalse();

        await cuong.ReloadAsync();
        await Expect(cuong.GetByTestId("roster-enrolled").Locator("li")).ToHaveCountAsync(1);
        await Expect(cuong.GetByTestId("roster-enrolled")).ToContainTextAsync("Hoàng Thị Em");
        await Expect(cuong.GetByTestId("roster-waiting")).ToContainTextAsync("Trần Văn Phúc");
        await Expect(cuong.GetByTestId("roster-waiting")).ToContainTextAsync("thứ 1");
        await Expect(cuong.GetByTestId("class-counts")).ToHaveTextAsync("Sĩ số 1: 1 đã vào lớp, 1 đang chờ.");
        await ConsoleChecks.PhoneFriendly(cuong, "console-class-roster");

        // Two places: the one waiting is let in.
        var capacity = cuong.GetByTestId("capacity");
        await capacity.GetByLabel("Sĩ số mới").FillAsync("2");
        await capacity.GetByRole(AriaRole.Button, new() { Name = "Lưu sĩ số" }).ClickAsync();
        await Expect(capacity.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã đổi sĩ số thành 2.");
        await Expect(cuong.GetByTestId("roster-enrolled").Locator("li")).ToHaveCountAsync(2);
        await Expect(cuong.GetByTestId("roster-waiting")).ToHaveTextAsync("Chưa có ai.");

        // The session: the host opens the room, both learners come, the host ends it.
        var host = await Device("commune");
        await host.InvokeAsync<JsonElement>("Join", Guid.Parse(sessionId));
        foreach (var login in new[] { "learner", "learner2" })
            await (await Device(login)).InvokeAsync<JsonElement>("Join", Guid.Parse(sessionId));
        await host.InvokeAsync<long>("End");

        await cuong.ReloadAsync();
        var sessions = cuong.GetByTestId("sessions");
        await Expect(sessions).ToContainTextAsync("Đã kết thúc");
        await sessions.GetByRole(AriaRole.Button, new() { Name = "Xem điểm danh buổi 1" }).ClickAsync();
        var attendance = cuong.GetByTestId("attendance-1");
        await Expect(attendance.GetByRole(AriaRole.Table, new() { Name = "Điểm danh buổi 1" })).ToBeVisibleAsync();
        // Minutes and completion: moments in a 60-minute session do not complete it (80 %).
        foreach (var name in new[] { "Hoàng Thị Em", "Trần Văn Phúc" })
            await Expect(attendance.Locator("tbody tr", new() { HasText = name })).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+Chưa$"));
        await Expect(attendance).ToContainTextAsync("người hoàn thành (có mặt từ 80% thời lượng)");
        await ConsoleChecks.PhoneFriendly(cuong, "console-class-attendance");
        var csv = await cuong.RunAndWaitForDownloadAsync(() => attendance.GetByRole(AriaRole.Button, new() { Name = "Tải điểm danh buổi 1 (CSV)" }).ClickAsync());
        var lines = (await File.ReadAllLinesAsync((await csv.PathAsync())!)).Where(l => l.Length > 0).ToList();
        lines[0].TrimStart('\uFEFF').ShouldBe("ho_ten,vai_tro,vao_luc,roi_luc,so_phut,hoan_thanh,so_phut_co_hinh_tieng");
        lines.ShouldContain(l => l.StartsWith("Hoàng Thị Em,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Trần Văn Phúc,", StringComparison.Ordinal));
        csv.SuggestedFilename.ShouldBe("diem-danh-1.csv");
        await cuong.Context.CloseAsync();

        // A learner gets no roster: null and NOT_ALLOWED through the API, and the console's classes screen refuses.
        var refused = await web.App.GraphQL("query($id: ID!) { class(id: $id) { title enrolments { nodes { name } } } }", new { id = classId }, await _api.Org.Token("learner"));
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        refused.Data["class"]!["enrolments"].ShouldBeNull();
        var learner = await web.SignedIn("learner");
        await learner.GotoAsync("/console/classes");
        await Expect(learner.GetByTestId("not-official")).ToBeVisibleAsync();
        await learner.Context.CloseAsync();
    }

    [Fact]
    public async Task An_official_moves_a_session_the_learner_sees_the_new_time_and_a_cancelled_class_leaves_the_catalogue()
    {
        var title = $"Sơ cứu ban đầu {Random.Shared.Next(100_000, 999_999)}";
        var scheduled = await _api.Schedule(title);
        var classId = scheduled["id"]!.GetValue<string>();
        var session = scheduled["sessions"]![0]!;
        var sessionId = session["id"]!.GetValue<string>();
        var startsAt = session["startsAt"]!.GetValue<DateTimeOffset>();
        (await _api.Enrol(classId, await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();
        async Task<DateTimeOffset> Starts() =>
            (await _api.Class(classId, await _api.Org.Token("commune")))!["sessions"]![0]!["startsAt"]!.GetValue<DateTimeOffset>();

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync($"/console/classes/{classId}");
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await cuong.GetByTestId("sessions").GetByRole(AriaRole.Button, new() { Name = "Đổi giờ buổi 1" }).ClickAsync();
        var form = cuong.GetByTestId("reschedule-1");
        await Expect(form).ToContainTextAsync("dài từ 10 đến 480 phút");
        await Expect(form.GetByLabel("Bắt đầu mới (giờ Việt Nam)")).ToHaveValueAsync(Local(startsAt));
        await Expect(form.GetByLabel("Thời lượng (phút)")).ToHaveValueAsync("60");

        // A time in the past: the server's sentence, and the session keeps its time.
        await form.GetByLabel("Bắt đầu mới (giờ Việt Nam)").FillAsync(Local(DateTimeOffset.UtcNow.AddDays(-1)));
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu giờ mới" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không thể xếp lịch buổi học trong quá khứ.");
        (await Starts()).ShouldBe(startsAt);

        // Three days later at 19:30 in Viet Nam, 90 minutes.
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date.AddDays(3);
        var moved = new DateTimeOffset(day.Year, day.Month, day.Day, 19, 30, 0, TimeSpan.FromHours(7));
        await form.GetByLabel("Bắt đầu mới (giờ Việt Nam)").FillAsync(Local(moved));
        await form.GetByLabel("Thời lượng (phút)").FillAsync("90");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu giờ mới" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đổi buổi 1 sang");
        (await Starts()).ShouldBe(moved);
        await ConsoleChecks.PhoneFriendly(cuong, "console-class-reschedule");

        // The learner's class page shows the new time, as the app writes it in Viet Nam.
        var em = await web.SignedIn("learner");
        await em.GotoAsync($"/classes/{classId}");
        var written = await em.EvaluateAsync<string>(
            "iso => new Intl.DateTimeFormat('vi-VN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso))",
            moved.ToString("O"));
        await Expect(em.GetByText($"Buổi 1: {written}")).ToBeVisibleAsync();
        await em.Context.CloseAsync();

        // A learner may not move it: NOT_ALLOWED with its sentence, nor cancel the class; nothing changes.
        var learnerToken = await _api.Org.Token("learner");
        var refused = await web.App.GraphQL("mutation($i: RescheduleClassSessionInput!) { rescheduleClassSession(input: $i) { id } }",
            new { i = new { sessionId, startsAt = DateTimeOffset.UtcNow.AddDays(5).ToString("O"), durationMinutes = 60 } }, learnerToken);
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        refused.Body.ShouldContain("Bạn không có quyền đổi lịch lớp học này.");
        (await web.App.GraphQL("mutation($i: CancelClassInput!) { cancelClass(input: $i) { id } }", new { i = new { classId } }, learnerToken))
            .FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Starts()).ShouldBe(moved);

        // Cancelling asks first; "no" keeps the class, "yes" cancels it and it leaves the catalogue.
        var cancel = cuong.GetByTestId("cancel-class");
        await cancel.GetByRole(AriaRole.Button, new() { Name = "Hủy lớp này…" }).ClickAsync();
        await Expect(cancel.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Hủy lớp “{title}”?");
        await WebHost.ShouldPassAxe(cuong);
        await cancel.GetByRole(AriaRole.Button, new() { Name = "Không hủy" }).ClickAsync();
        (await _api.Titles(new { text = title }, null)).ShouldContain(title);
        await cancel.GetByRole(AriaRole.Button, new() { Name = "Hủy lớp này…" }).ClickAsync();
        await cancel.GetByRole(AriaRole.Button, new() { Name = "Có, hủy lớp" }).ClickAsync();
        await Expect(cuong.GetByTestId("class-cancelled")).ToHaveTextAsync("Lớp đã bị hủy.");
        await Expect(cuong.GetByTestId("sessions")).ToContainTextAsync("Đã hủy");
        (await _api.Titles(new { text = title }, null)).ShouldBeEmpty();
        await WebHost.ShouldPassAxe(cuong);
        await cuong.Context.CloseAsync();
    }
}
