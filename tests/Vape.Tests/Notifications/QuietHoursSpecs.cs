using Vape.BuildingBlocks.Errors;
using Vape.Notifications.Contracts;
using Vape.Notifications.Inbox;
using Vape.Notifications.Push;

namespace Vape.Tests.Notifications;

/// <summary>Given quiet hours and a notification, when it is to be pushed at `now`, then now, later or never (ADR 0182), in memory.</summary>
public class QuietHoursSpecs
{
    private static readonly DateTimeOffset Night = new(2026, 12, 6, 16, 0, 0, TimeSpan.Zero); // 23:00 in Hà Nội
    private static readonly QuietHours AcrossMidnight = QuietHours.Parse("22:00", "06:00", null)!;

    private static Notification Made(DateTimeOffset at, bool priority = false) =>
        new(Guid.CreateVersion7(), NotificationKind.ClassChanged, "t", "b", null, at, null, priority);

    [Fact]
    public void Hours_across_midnight_hold_a_push_until_the_next_morning() =>
        PushDecision.Decide(Made(Night), AcrossMidnight, Night).ShouldBe((PushTiming.Later, new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(7))));

    [Fact]
    public void After_midnight_they_end_the_same_morning() =>
        PushDecision.Decide(Made(Night), AcrossMidnight, Night.AddHours(4)).ShouldBe((PushTiming.Later, new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(7))));

    [Fact]
    public void Outside_them_the_push_goes_now() =>
        PushDecision.Decide(Made(Night), AcrossMidnight, Night.AddHours(8)).When.ShouldBe(PushTiming.Now);

    [Fact]
    public void The_end_itself_is_no_longer_quiet() =>
        PushDecision.Decide(Made(Night), AcrossMidnight, new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(7))).When.ShouldBe(PushTiming.Now);

    [Fact]
    public void Hours_within_a_day_hold_only_inside_them()
    {
        var lunch = QuietHours.Parse("12:00", "13:30", "Asia/Ho_Chi_Minh")!;
        var at = new DateTimeOffset(2026, 12, 6, 12, 15, 0, TimeSpan.FromHours(7));
        PushDecision.Decide(Made(at), lunch, at).ShouldBe((PushTiming.Later, new DateTimeOffset(2026, 12, 6, 13, 30, 0, TimeSpan.FromHours(7))));
        PushDecision.Decide(Made(at), lunch, at.AddHours(-1)).When.ShouldBe(PushTiming.Now);
    }

    [Fact]
    public void Another_time_zone_counts_in_its_own_hours()
    {
        var paris = QuietHours.Parse("22:00", "06:00", "Europe/Paris")!;
        PushDecision.Decide(Made(Night), paris, Night).When.ShouldBe(PushTiming.Now, "16:00 UTC is 17:00 in Paris");
        PushDecision.Decide(Made(Night), paris, Night.AddHours(6)).ShouldBe((PushTiming.Later, new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void A_priority_notification_goes_through_them() =>
        PushDecision.Decide(Made(Night, priority: true), AcrossMidnight, Night).When.ShouldBe(PushTiming.Now);

    [Fact]
    public void One_that_would_be_expired_when_they_end_is_dropped() =>
        PushDecision.Decide(Made(Night.AddHours(-20)), AcrossMidnight, Night).When.ShouldBe(PushTiming.Drop);

    [Fact]
    public void Without_quiet_hours_the_push_goes_now() =>
        PushDecision.Decide(Made(Night), null, Night).When.ShouldBe(PushTiming.Now);

    [Fact]
    public void No_start_and_no_end_is_no_quiet_hours() => QuietHours.Parse(" ", null, "Asia/Ho_Chi_Minh").ShouldBeNull();

    [Theory]
    [InlineData("22:00", null, null)]
    [InlineData("7:00", "08:00", null)]
    [InlineData("22:00", "22:00", null)]
    [InlineData("22:00", "06:00", "Not/AZone")]
    public void A_bad_edit_is_INVALID_INPUT(string? start, string? end, string? zone) =>
        Should.Throw<VapeException>(() => QuietHours.Parse(start, end, zone)).Code.ShouldBe(ErrorCodes.InvalidInput);
}
