using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>
/// A class's attendance on the record shows its minutes with picture and sound beside the minutes present (issue #27,
/// docs/adr/0229): kept sealed with the entry, never above the minutes present, and absent from other activities.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class ClassMinutesWithMediaTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_learners_record_shows_a_class_attendances_minutes_with_media_never_above_the_minutes_present()
    {
        var person = await _api.PersonGuid("learner");
        var unit = Guid.Parse(await _api.Org.UnitId("T01-X001"));
        await _api.Attend(RecordsApi.Attendance(person, unit, minutes: 90, title: "Lớp có hình và tiếng") with { MinutesWithMedia = 60 });
        // A sender claiming more minutes with media than present: the record keeps no more than the minutes present.
        await _api.Attend(RecordsApi.Attendance(person, unit, minutes: 45, title: "Lớp báo quá số phút") with { MinutesWithMedia = 50 });
        await _api.Attend(RecordsApi.Attendance(person, unit, minutes: 30, title: "Lớp chỉ có trò chuyện"));
        await _api.DeclareOk("learner");

        var response = await app.GraphQL("{ myRecord { activities(first: 100) { nodes { title hours minutesWithMedia } } } }", token: await _api.Org.Token("learner"));
        response.HasErrors.ShouldBeFalse(response.Body);
        var entries = response.Data["myRecord"]!["activities"]!["nodes"]!.AsArray()
            .ToDictionary(a => a!["title"]!.GetValue<string>(), a => (Hours: a!["hours"]!.GetValue<decimal>(), Media: a["minutesWithMedia"]?.GetValue<int>()));

        entries["Lớp có hình và tiếng"].ShouldBe((1.5m, (int?)60));
        entries["Lớp báo quá số phút"].ShouldBe((0.75m, (int?)45));
        entries["Lớp chỉ có trò chuyện"].ShouldBe((0.5m, (int?)0));
        entries["Lớp tin học cơ bản cho người cao tuổi"].Media.ShouldBeNull("a declared activity has no minutes with media");
    }
}
