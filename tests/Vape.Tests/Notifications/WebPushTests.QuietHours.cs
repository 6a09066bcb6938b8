using System.Globalization;
using Vape.Content.Contracts;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Notifications;

/// <summary>
/// Quiet hours (ADR 0182): the inbox gets everything at once; the push waits until they end, unless the notification
/// is a priority one its sender's role may push through them.
/// </summary>
public sealed partial class WebPushTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private const string SettingsFields = "version quietHours { start end timeZone }";

    private Task<GraphQLResponse> SetQuietHours(string? login, object input) => _org.Mutate("setQuietHours", input, login, SettingsFields);

    private static string Local(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Quiet hours that began an hour ago and end `minutes` after this minute (Vietnam's time); and that end.</summary>
    private static (string Start, string End, DateTimeOffset EndsAt) QuietNow(int minutes)
    {
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        return (Local(minute.AddHours(-1)), Local(minute.AddMinutes(minutes)), minute.AddMinutes(minutes));
    }

    [Fact]
    public async Task Quiet_hours_are_read_back_version_checked_and_turned_off()
    {
        var set = await SetQuietHours("learner", new { start = "22:00", end = "06:30", expectedVersion = 0 });
        set.HasErrors.ShouldBeFalse(set.Body);
        var settings = set.Data["setQuietHours"]!;
        settings["version"]!.GetValue<int>().ShouldBe(1);
        settings["quietHours"]!["start"]!.GetValue<string>().ShouldBe("22:00");
        settings["quietHours"]!["end"]!.GetValue<string>().ShouldBe("06:30");
        settings["quietHours"]!["timeZone"]!.GetValue<string>().ShouldBe("Asia/Ho_Chi_Minh");

        // Another device that read version 0 does not undo it unseen; a kind's switch shares the version.
        (await SetQuietHours("learner", new { start = (string?)null, end = (string?)null, expectedVersion = 0 })).FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (await _org.Mutate("setNotificationPreference", new { kind = "CLASS_CHANGED", push = false, expectedVersion = 1 }, "learner", "version"))
            .Data["setNotificationPreference"]!["version"]!.GetValue<int>().ShouldBe(2);

        var off = await SetQuietHours("learner", new { expectedVersion = 2 });
        off.HasErrors.ShouldBeFalse(off.Body);
        off.Data["setQuietHours"]!["quietHours"].ShouldBeNull();
        var read = await app.GraphQL($"{{ myNotificationSettings {{ {SettingsFields} preferences {{ kind push }} }} }}", token: await _org.Token("learner"));
        read.Data["myNotificationSettings"]!["version"]!.GetValue<int>().ShouldBe(3);
        read.Data["myNotificationSettings"]!["preferences"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "CLASS_CHANGED")!["push"]!.GetValue<bool>()
            .ShouldBeFalse("turning quiet hours off keeps the kinds' switches");
        // Someone else's settings are their own.
        (await app.GraphQL($"{{ myNotificationSettings {{ {SettingsFields} }} }}", token: await _org.Token("learner2")))
            .Data["myNotificationSettings"]!["version"]!.GetValue<int>().ShouldBe(0);
    }

    public static TheoryData<string, object> BadQuietHours() => new()
    {
        { "only a start", new { start = "22:00" } },
        { "only an end", new { end = "06:00" } },
        { "not HH:mm", new { start = "10pm", end = "06:00" } },
        { "an hour past 23", new { start = "24:00", end = "06:00" } },
        { "the same start and end", new { start = "22:00", end = "22:00" } },
        { "a time zone nobody knows", new { start = "22:00", end = "06:00", timeZone = "Sao Hỏa/Căn cứ" } },
    };

    [Theory]
    [MemberData(nameof(BadQuietHours))]
    public async Task Bad_quiet_hours_are_INVALID_INPUT_and_change_nothing(string why, object input)
    {
        var response = await SetQuietHours("learner", input);

        response.FirstErrorCode.ShouldBe("INVALID_INPUT", why);
        response.FirstErrorMessage.ShouldNotBeNullOrWhiteSpace();
        (await app.GraphQL($"{{ myNotificationSettings {{ {SettingsFields} }} }}", token: await _org.Token("learner")))
            .Data["myNotificationSettings"]!["version"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Without_sign_in_nobody_sets_quiet_hours()
    {
        (await SetQuietHours(null, new { start = "22:00", end = "06:00" })).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task In_quiet_hours_the_inbox_has_it_at_once_and_the_push_waits_until_they_end()
    {
        using var browser = new BrowserSubscription($"{Service.Origin}/push/{Guid.NewGuid():N}");
        (await Subscribe("learner", browser.Input)).HasErrors.ShouldBeFalse();
        var (start, end, endsAt) = QuietNow(minutes: 2);
        (await SetQuietHours("learner", new { start, end })).HasErrors.ShouldBeFalse();

        await Notify("learner");

        (await app.GraphQL("{ unreadNotificationCount }", token: await _org.Token("learner"))).Data["unreadNotificationCount"]!.GetValue<int>().ShouldBe(1);
        Service.TryNext(out _).ShouldBeFalse();
        var pushed = await Service.NextAsync(TimeSpan.FromMinutes(4));
        var arrived = DateTimeOffset.UtcNow;
        arrived.ShouldBeGreaterThanOrEqualTo(endsAt, "the push waited for the end of the quiet hours");
        browser.Decrypt(pushed.Body).GetProperty("kind").GetString().ShouldBe("ENTRY_VERIFIED");
        await Task.Delay(TimeSpan.FromSeconds(10));
        Service.TryNext(out _).ShouldBeFalse("pushed once");
    }

    [Fact]
    public async Task An_overdue_directive_is_pushed_through_quiet_hours_and_an_ordinary_notification_is_not()
    {
        using var browser = new BrowserSubscription($"{Service.Origin}/push/{Guid.NewGuid():N}");
        (await Subscribe("learner", browser.Input)).HasErrors.ShouldBeFalse();
        var (start, end, _) = QuietNow(minutes: 120);
        (await SetQuietHours("learner", new { start, end })).HasErrors.ShouldBeFalse();

        await Notify("learner");
        await app.Host.InvokeMessageAndWaitAsync(new DirectiveOverdue(Guid.CreateVersion7(), Guid.CreateVersion7(), "12/CT", "Về khuyến học",
            DirectiveDeadline.Acknowledge, DateOnly.FromDateTime(DateTime.UtcNow), [Guid.Parse(await _org.PersonId("learner"))]));

        var pushed = await Service.NextAsync();
        browser.Decrypt(pushed.Body).GetProperty("kind").GetString().ShouldBe("DIRECTIVE_OVERDUE");
        await Task.Delay(TimeSpan.FromSeconds(10));
        Service.TryNext(out _).ShouldBeFalse("the verified entry waits for the end of the quiet hours");
        (await app.GraphQL("{ unreadNotificationCount }", token: await _org.Token("learner"))).Data["unreadNotificationCount"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task A_priority_post_is_pushed_through_quiet_hours_only_when_urgent_in_an_announcement_channel()
    {
        var coordination = new Coordination.CoordinationApi(app);
        var cross = await coordination.ChannelId("central", "TW", "CROSS_LEVEL");
        var announcement = await coordination.ChannelId("central", "TW", "ANNOUNCEMENT");
        using var browser = new BrowserSubscription($"{Service.Origin}/push/{Guid.NewGuid():N}");
        (await Subscribe("province", browser.Input)).HasErrors.ShouldBeFalse();
        var (start, end, _) = QuietNow(minutes: 120);
        (await SetQuietHours("province", new { start, end })).HasErrors.ShouldBeFalse();
        await using var central = await coordination.Connect("central");

        // Each post's notification is decided before the next is posted: the first three wait for the end of the quiet hours.
        await app.Host.ExecuteAndWaitAsync(async () => await central.Post(cross, "@Bình xem giúp.", mentions: [await coordination.PersonId("province")]));
        await app.Host.ExecuteAndWaitAsync(async () => await central.Post(announcement, "Lưu ý lịch họp.", priority: "IMPORTANT"));
        await app.Host.ExecuteAndWaitAsync(async () => await central.Post(cross, "KHẨN: báo cáo mưa lũ.", priority: "URGENT"));
        Service.TryNext(out _).ShouldBeFalse("a mention, an important post and an urgent one outside an announcement channel wait");
        await app.Host.ExecuteAndWaitAsync(async () => await central.Post(announcement, "KHẨN: sơ tán.", priority: "URGENT"));

        var pushed = browser.Decrypt((await Service.NextAsync()).Body);
        pushed.GetProperty("kind").GetString().ShouldBe("PRIORITY_POST");
        pushed.GetProperty("link").GetString().ShouldBe($"/console/channels/{announcement}");
        pushed.GetProperty("title").GetString()!.ShouldStartWith("Tin khẩn");
        Service.TryNext(out _).ShouldBeFalse("pushed once, and alone");
        (await app.GraphQL("{ unreadNotificationCount }", token: await _org.Token("province"))).Data["unreadNotificationCount"]!.GetValue<int>().ShouldBe(4);
    }
}
