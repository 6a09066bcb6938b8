using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>Without `Vape:Media` (the default), classes are chat and slides only, and the API says so.</summary>
[Collection(VapeCollection.Name)]
public sealed class MediaOffTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    [Fact]
    public async Task Without_Janus_configured_media_is_off_and_a_token_is_refused_with_MEDIA_OFF()
    {
        (await App.GraphQL("{ mediaEnabled }")).Data["mediaEnabled"]!.GetValue<bool>().ShouldBeFalse();
        var c = await Api.Schedule("Lớp không có hình");
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        await (await Device("commune")).Join(session);
        var refused = await App.GraphQL("mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { token } }",
            new { i = new { sessionId = session } }, await Api.Org.Token("commune"));
        refused.FirstErrorCode.ShouldBe("MEDIA_OFF");
        refused.FirstErrorMessage!.ShouldContain("trò chuyện");
    }

    private const string Change = "mutation($i: ChangeClassInput!) { changeClass(input: $i) { id version recording title } }";

    private async Task<GraphQLResponse> ChangeRecording(string classId, int version, string? login, object? more = null)
    {
        var input = new Dictionary<string, object?> { ["classId"] = classId, ["expectedVersion"] = version, ["recording"] = true };
        if (more is not null)
            foreach (var p in more.GetType().GetProperties()) input[p.Name] = p.GetValue(more);
        return await App.GraphQL(Change, new { i = input }, login is null ? null : await Api.Org.Token(login));
    }

    private async Task<(bool Recording, int Version, string Title)> Stored(string classId)
    {
        var c = (await App.GraphQL("query($id: ID!) { class(id: $id) { recording version title } }", new { id = classId }, await Api.Org.Token("commune"))).Data["class"]!;
        return (c["recording"]!.GetValue<bool>(), c["version"]!.GetValue<int>(), c["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_recording_folder_a_class_cannot_be_recorded_and_nothing_is_made_or_changed()
    {
        var title = $"Lớp muốn ghi hình {Guid.NewGuid():N}";
        var refused = await Api.ScheduleRaw(title, extra: new { recording = true });
        refused.FirstErrorCode.ShouldBe("RECORDING_OFF");
        refused.FirstErrorMessage!.ShouldContain("ghi hình");
        (await Api.Browse(new { text = title }, await Api.Org.Token("commune"))).Count.ShouldBe(0, "no class was scheduled");

        var c = await Api.Schedule("Lớp không ghi hình");
        c["recording"]!.GetValue<bool>().ShouldBeFalse();
        var id = ClassesApi.Id(c);
        var changed = await ChangeRecording(id, 1, "commune");
        changed.FirstErrorCode.ShouldBe("RECORDING_OFF");
        (await Stored(id)).ShouldBe((false, 1, "Lớp không ghi hình"));
    }

    [Fact]
    public async Task A_learner_or_anonymous_caller_cannot_turn_recording_on_and_a_host_who_is_no_official_may_only_turn_it_off()
    {
        var learnerId = await Api.Org.PersonId("learner");
        var c = await Api.Schedule("Lớp do học viên dẫn", extra: new { hostIds = new[] { learnerId } });
        var id = ClassesApi.Id(c);

        var byLearner = await ChangeRecording(id, 1, "learner2");
        byLearner.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        byLearner.FirstErrorMessage!.ShouldContain("quyền");
        (await ChangeRecording(id, 1, null)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await Stored(id)).ShouldBe((false, 1, "Lớp do học viên dẫn"));

        // The class's host, no official of the unit: recording alone, nothing else.
        var titleToo = await ChangeRecording(id, 1, "learner", new { recording = false, title = "Tên khác" });
        titleToo.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Stored(id)).ShouldBe((false, 1, "Lớp do học viên dẫn"));
        var on = await ChangeRecording(id, 1, "learner");
        on.FirstErrorCode.ShouldBe("RECORDING_OFF", "the host may ask, and this host has no recording folder");
        var off = await ChangeRecording(id, 1, "learner", new { recording = false });
        off.HasErrors.ShouldBeFalse(off.Body);
        (await Stored(id)).ShouldBe((false, 2, "Lớp do học viên dẫn"));
    }
}
