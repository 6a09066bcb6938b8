using Vape.Tests.Records;
using Wolverine.Tracking;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>The record page shows a class attendance's minutes with picture and sound beside its minutes present (issue #27).</summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RecordMediaMinutesBrowserTests(WebHost web)
{
    private readonly RecordsApi _api = new(web.App);

    [Fact]
    public async Task The_learner_sees_the_minutes_with_media_under_a_class_attendance_on_the_record_page()
    {
        var title = $"Lớp có hình và tiếng {Random.Shared.Next(100_000, 999_999)}";
        var unit = Guid.Parse(await _api.Org.UnitId("T01-X001"));
        await web.App.Host.InvokeMessageAndWaitAsync(RecordsApi.Attendance(await _api.PersonGuid("learner"), unit, minutes: 90, title: title, date: DateOnly.FromDateTime(DateTime.UtcNow)) with { MinutesWithMedia = 60 });

        var em = await web.SignedIn("learner");
        await em.GotoAsync("/record");
        var entry = em.GetByTestId("activities").Locator("li", new() { HasText = title });
        await Expect(entry).ToContainTextAsync("Có âm thanh và hình ảnh 60 trong 90 phút có mặt");
        await Expect(entry.Locator("[data-minutes-with-media='60']")).ToHaveCountAsync(1);
        await em.Context.CloseAsync();
    }
}
