using Microsoft.Playwright;
using Vape.Classes.Media;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A Janus node that freezes mid-class (SIGSTOP: its ports accept, nothing answers; a node cut off or hung), through
/// the app in Chromium: the node watch marks it down after its misses, the room moves to the other node, the pages join
/// again there and the learner's page decodes the teacher from it; the chat goes on (ADRs 0142, 0302).
/// </summary>
[Collection(MediaWebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MediaNodeFreezeWebTests(MediaWebApp web) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => web.CloseWindows();

    private readonly ClassesApi _api = new(web.App);

    [Fact]
    public async Task When_the_rooms_Janus_node_freezes_the_watch_marks_it_down_and_the_pages_decode_the_teacher_from_the_other_node()
    {
        await web.RestartDeadNodes();
        var c = await _api.Schedule($"Lớp có hình và tiếng {Random.Shared.Next(100_000, 999_999)}", extra: new { lobby = false });
        var classId = ClassesApi.Id(c);
        var session = Guid.Parse(c["sessions"]![0]!["id"]!.GetValue<string>());
        (await _api.Enrol(classId, await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();

        var teacher = await web.SignedIn("commune", phone: false);
        await teacher.GotoAsync($"/classes/{classId}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Mở phòng học" }).ClickAsync();
        await Expect(teacher.Locator("section[data-media=on]")).ToBeVisibleAsync();
        await MediaWebApp.Until(teacher, (first, now) => now.SentVideoPackets > first.SentVideoPackets, "the teacher's page sends nothing");
        var em = await web.SignedIn("learner");
        await em.GotoAsync($"/classes/{classId}");
        await em.GetByRole(AriaRole.Link, new() { Name = "Vào lớp trực tuyến" }).ClickAsync();
        await Expect(em.Locator("section[data-media=on]")).ToBeVisibleAsync();
        await MediaWebApp.Until(em, (first, now) => now.FramesDecoded > first.FramesDecoded, "the learner sees nothing before the node freezes");
        var before = (await Room(session))!;
        (await em.Locator("section.media").GetAttributeAsync("data-media-moved")).ShouldBeNull();

        var frozen = web.Node(before.Node);
        await frozen.Pause();
        try
        {
            // The watch's pings go unanswered (the port accepts): down after its misses, not at the first.
            var down = await Eventually(async () => await Node(before.Node) is { Down: true } n ? n : null, "the watch never marked the frozen node down");
            down.Misses.ShouldBeGreaterThanOrEqualTo(3);
            var moved = await Eventually(async () => await Room(session) is { } r && r.Node != before.Node ? r : null, "the room never left the frozen node");
            moved.Node.ShouldNotBe(before.Node);
            (await Node(moved.Node))!.Down.ShouldBeFalse();

            await Expect(teacher.Locator("section.media[data-media-moved]")).ToHaveCountAsync(1);
            await Expect(em.Locator("section.media[data-media-moved]")).ToHaveCountAsync(1);
            // The frozen node sends nothing: what the learner decodes now comes from the node the room moved to.
            await MediaWebApp.Until(em, (first, now) => now.FramesDecoded > first.FramesDecoded + 30 && now.AudioSamples > first.AudioSamples,
                "the learner does not see and hear the teacher again through the other node");
            (await Room(session))!.Node.ShouldBe(moved.Node);
            // Seconds of nothing from the frozen node were no weak link: the page was not switched to sound only (ADR 0314).
            await Expect(em.GetByRole(AriaRole.Button, new() { Name = "Chỉ nghe tiếng" })).ToHaveAttributeAsync("aria-pressed", "false");

            await em.GetByPlaceholder("Tin nhắn").FillAsync("Máy chủ đứng mà em vẫn học được ạ");
            await em.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
            await Expect(teacher.Locator("[data-chat='Máy chủ đứng mà em vẫn học được ạ']")).ToHaveCountAsync(1);
        }
        finally
        {
            await frozen.Resume();
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> read, string what) where T : class
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (await read() is { } found) return found;
            if (guard.IsCancellationRequested) throw new TimeoutException(what);
            await Task.Delay(200);
        }
    }

    private async Task<MediaRoom?> Room(Guid session)
    {
        await using var query = web.App.Store.QuerySession();
        return await query.LoadAsync<MediaRoom>(session);
    }

    private async Task<MediaNode?> Node(string name)
    {
        await using var query = web.App.Store.QuerySession();
        return await query.LoadAsync<MediaNode>(name);
    }
}
