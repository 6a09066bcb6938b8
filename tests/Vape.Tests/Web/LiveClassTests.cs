using Microsoft.Playwright;
using Vape.Tests.Classes;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The live class in two browser contexts at 360×640, a teacher and learners, through the real hub (issue #19,
/// scenarios 2–4): the lobby, chat, a question with a vote, a raised hand taken, a poll; offline and back with
/// exactly the missed lines; the end and the attendance in the learner's record.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LiveClassTests(WebHost web)
{
    private readonly ClassesApi _api = new(web.App);

    /// <summary>A class of Phường Ba Đình taught by `commune`, with `learners` enrolled; the teacher's page has opened the room.</summary>
    private async Task<(string ClassId, string Title, IPage Teacher)> Opened(bool lobby, params string[] learners)
    {
        var title = $"Lớp trực tuyến {Random.Shared.Next(100_000, 999_999)}";
        // completionPercent 1: a learner who joined and stayed until the end has completed it, however slow the machine.
        var c = await _api.Schedule(title, extra: new { lobby, mediaUrl = "https://meet.vape.test/lop", completionPercent = 1 });
        var classId = c["id"]!.GetValue<string>();
        foreach (var login in learners)
        {
            var enrolled = await _api.Enrol(classId, await _api.Org.Token(login));
            enrolled.HasErrors.ShouldBeFalse(enrolled.Body);
        }
        var teacher = await web.SignedIn("commune");
        await teacher.GotoAsync($"/classes/{classId}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Mở phòng học" }).ClickAsync();
        await Expect(teacher.Locator("[data-status=live]")).ToBeVisibleAsync();
        return (classId, title, teacher);
    }

    private async Task<IPage> Learner(string login, string classId, bool waitsInLobby)
    {
        var page = await web.SignedIn(login);
        await page.GotoAsync($"/classes/{classId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vào lớp trực tuyến" }).ClickAsync();
        await Expect(page.Locator(waitsInLobby ? "[data-status=lobby]" : "[data-status=live]")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task A_teacher_starts_the_class_admits_learners_from_the_lobby_and_chat_questions_hands_and_polls_reach_the_other_side()
    {
        var (classId, _, teacher) = await Opened(lobby: true, "learner", "learner2");
        var em = await Learner("learner", classId, waitsInLobby: true);
        var phuc = await Learner("learner2", classId, waitsInLobby: true);
        await Expect(em.GetByText("Bạn đang ở phòng chờ. Người dẫn lớp sẽ cho bạn vào.")).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(em);
        await WebHost.Screenshot(em, "live-lobby");

        await Expect(teacher.GetByText("Hoàng Thị Em")).ToBeVisibleAsync();
        await WebHost.Screenshot(teacher, "live-teacher-lobby");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Cho tất cả vào" }).ClickAsync();
        await Expect(em.Locator("[data-status=live]")).ToBeVisibleAsync();
        await Expect(phuc.Locator("[data-status=live]")).ToBeVisibleAsync();
        await Expect(teacher.GetByText("3 người trong phòng")).ToBeVisibleAsync();
        // This host has no Janus (no `Vape:Media`): the class says it has chat and slides only (ADR 0141).
        await Expect(em.Locator("[data-media=off]")).ToHaveTextAsync("Lớp này không có âm thanh và hình ảnh: chỉ trò chuyện và trang trình chiếu.");

        // Chat both ways.
        await em.GetByPlaceholder("Tin nhắn").FillAsync("Em chào cô ạ");
        await em.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(teacher.Locator("[data-chat='Em chào cô ạ']")).ToHaveCountAsync(1);
        await teacher.GetByPlaceholder("Tin nhắn").FillAsync("Chào các em");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(em.Locator("[data-chat='Chào các em']")).ToHaveCountAsync(1);
        // A private line to the teacher: the teacher and its sender see it, the other learner does not.
        await em.GetByLabel("Riêng cho người dẫn lớp").CheckAsync();
        await em.GetByPlaceholder("Tin nhắn").FillAsync("Cô ơi, em hỏi riêng");
        await em.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(teacher.Locator("[data-chat='Cô ơi, em hỏi riêng']")).ToHaveCountAsync(1);
        await Expect(em.Locator("[data-chat='Cô ơi, em hỏi riêng']")).ToHaveCountAsync(1);
        await em.GetByLabel("Riêng cho người dẫn lớp").UncheckAsync();

        await Expect(phuc.Locator("[data-chat='Chào các em']")).ToHaveCountAsync(1);
        await Expect(phuc.Locator("[data-chat='Cô ơi, em hỏi riêng']")).ToHaveCountAsync(0);

        // A question, a vote from another learner, the teacher sees both.
        await em.GetByPlaceholder("Đặt câu hỏi").FillAsync("Bài tập nộp ở đâu ạ?");
        await em.GetByRole(AriaRole.Button, new() { Name = "Đặt câu hỏi" }).ClickAsync();
        var question = phuc.Locator("[data-question='Bài tập nộp ở đâu ạ?']");
        await question.GetByRole(AriaRole.Button, new() { Name = "Đồng ý (0)" }).ClickAsync();
        await Expect(question.GetByRole(AriaRole.Button, new() { Name = "Đồng ý (1)" })).ToBeDisabledAsync();
        await Expect(teacher.Locator("[data-question='Bài tập nộp ở đâu ạ?'] .tag")).ToHaveTextAsync("1");

        // A raised hand, taken by the teacher.
        await em.GetByRole(AriaRole.Button, new() { Name = "Giơ tay" }).ClickAsync();
        await Expect(teacher.GetByText("1 người giơ tay")).ToBeVisibleAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Mời người giơ tay tiếp theo: Hoàng Thị Em" }).ClickAsync();
        await Expect(em.GetByRole(AriaRole.Button, new() { Name = "Giơ tay" })).ToBeVisibleAsync();
        await Expect(teacher.GetByText("0 người giơ tay")).ToBeVisibleAsync();

        // A poll, answered; the teacher sees the count.
        await teacher.GetByText("Mở bình chọn").First.ClickAsync();
        await teacher.GetByLabel("Câu hỏi bình chọn").FillAsync("Các em hiểu bài chưa?");
        await teacher.GetByLabel("Các lựa chọn (mỗi dòng một lựa chọn)").FillAsync("Rồi\nChưa");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Mở bình chọn" }).ClickAsync();
        var poll = em.Locator("[data-poll='Các em hiểu bài chưa?']");
        await poll.GetByLabel("Rồi").CheckAsync();
        await poll.GetByRole(AriaRole.Button, new() { Name = "Bình chọn" }).ClickAsync();
        await Expect(teacher.Locator("[data-poll='Các em hiểu bài chưa?'] [data-count='0']")).ToHaveTextAsync("1");
        await Expect(poll.Locator("[data-count='0']")).ToHaveTextAsync("1");

        await WebHost.ShouldPassAxe(em);
        await WebHost.ShouldPassAxe(teacher);
        await WebHost.Screenshot(em, "live-learner");
        await WebHost.Screenshot(teacher, "live-teacher");
        foreach (var p in new[] { teacher, em, phuc }) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task A_learner_offline_while_the_teacher_posts_twenty_lines_gets_exactly_those_once_in_order_with_the_page_and_the_open_poll_and_their_own_line_sent_once()
    {
        var (classId, _, teacher) = await Opened(lobby: false, "learner");
        var em = await Learner("learner", classId, waitsInLobby: false);
        await teacher.GetByPlaceholder("Tin nhắn").FillAsync("Trước khi mất mạng");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(em.Locator("[data-chat='Trước khi mất mạng']")).ToHaveCountAsync(1);

        await em.Context.SetOfflineAsync(true);
        await Expect(em.Locator("[data-status=reconnecting]")).ToBeVisibleAsync();
        await Expect(em.GetByText("Mất kết nối. Đang kết nối lại…")).ToBeVisibleAsync();
        await em.GetByPlaceholder("Tin nhắn").FillAsync("Em gửi lúc mất mạng");
        await em.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(em.GetByText("Em gửi lúc mất mạng — đang chờ gửi")).ToBeVisibleAsync();
        await WebHost.Screenshot(em, "live-offline");

        var lines = Enumerable.Range(1, 20).Select(i => $"Dòng số {i}").ToList();
        foreach (var line in lines)
        {
            await teacher.GetByPlaceholder("Tin nhắn").FillAsync(line);
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
            await Expect(teacher.Locator($"[data-chat='{line}']")).ToHaveCountAsync(1);
            await Task.Delay(250); // the hub allows five calls a second per connection
        }
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Trang sau" }).ClickAsync();
        await Expect(teacher.GetByTestId("page")).ToHaveTextAsync("Tài liệu 1, trang 2");
        await teacher.GetByText("Mở bình chọn").First.ClickAsync();
        await teacher.GetByLabel("Câu hỏi bình chọn").FillAsync("Ai vừa mất mạng?");
        await teacher.GetByLabel("Các lựa chọn (mỗi dòng một lựa chọn)").FillAsync("Em\nKhông ai");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Mở bình chọn" }).ClickAsync();
        await Expect(teacher.Locator("[data-poll='Ai vừa mất mạng?']")).ToBeVisibleAsync();
        // Nothing reached the offline learner.
        await Expect(em.Locator("[data-chat^='Dòng số']")).ToHaveCountAsync(0);

        await em.Context.SetOfflineAsync(false);
        await Expect(em.Locator("[data-status=live]")).ToBeVisibleAsync();
        await Expect(em.Locator("[data-chat^='Dòng số']")).ToHaveCountAsync(20);
        (await em.Locator("[data-chat^='Dòng số']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.chat)")).ShouldBe(lines);
        await Expect(em.GetByTestId("page")).ToHaveTextAsync("Tài liệu 1, trang 2");
        await Expect(em.Locator("[data-poll='Ai vừa mất mạng?']")).ToBeVisibleAsync();
        // The line typed offline went once, and the teacher sees it once.
        await Expect(teacher.Locator("[data-chat='Em gửi lúc mất mạng']")).ToHaveCountAsync(1);
        await Expect(em.Locator("[data-chat='Em gửi lúc mất mạng']")).ToHaveCountAsync(1);
        await Expect(em.Locator(".pending")).ToHaveCountAsync(0);
        await Expect(em.Locator("[data-chat='Trước khi mất mạng']")).ToHaveCountAsync(1);
        await WebHost.Screenshot(em, "live-back-online");
        foreach (var p in new[] { teacher, em }) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task When_the_teacher_ends_the_class_the_learner_sees_it_ended_and_the_record_page_shows_the_attendance()
    {
        var (classId, title, teacher) = await Opened(lobby: false, "learner-hp");
        var giang = await Learner("learner-hp", classId, waitsInLobby: false);
        // She attends for a moment (presence is counted in whole seconds; a zero-second stay completes nothing).
        await giang.GetByPlaceholder("Tin nhắn").FillAsync("Em có mặt");
        await giang.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(teacher.Locator("[data-chat='Em có mặt']")).ToHaveCountAsync(1);
        await Task.Delay(2000);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Kết thúc buổi học" }).ClickAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Chắc chắn kết thúc buổi học" }).ClickAsync();
        await Expect(giang.GetByText("Buổi học đã kết thúc. Cảm ơn bạn đã tham gia.")).ToBeVisibleAsync();
        await Expect(teacher.GetByRole(AriaRole.Button, new() { Name = "Điểm danh (CSV)" })).ToBeVisibleAsync();
        var download = await teacher.RunAndWaitForDownloadAsync(() => teacher.GetByRole(AriaRole.Button, new() { Name = "Điểm danh (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("Vũ Thị Giang");
        await WebHost.Screenshot(giang, "live-ended");

        // Attendance reaches Records through the durable outbox: the page shows it once it has arrived.
        await giang.GotoAsync("/record");
        var entry = giang.GetByTestId("activities").GetByText(title);
        for (var i = 0; i < 30 && await entry.CountAsync() == 0; i++)
        {
            await Task.Delay(1000);
            await giang.ReloadAsync();
            await Expect(giang.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ học tập" })).ToBeVisibleAsync();
        }
        await Expect(entry).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(giang);
        await WebHost.Screenshot(giang, "record");
        foreach (var p in new[] { teacher, giang }) await p.Context.CloseAsync();
    }
}
