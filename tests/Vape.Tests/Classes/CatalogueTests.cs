using System.Globalization;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>Scheduling, changing, cancelling and finding classes, through GraphQL over HTTP.</summary>
[Collection(VapeCollection.Name)]
public sealed class CatalogueTests(VapeApp app) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_official_schedules_a_weekly_series_with_its_sessions_and_hosts()
    {
        var c = await _api.Schedule("Tiếng Anh giao tiếp cho người lớn tuổi", extra: new { repeat = new { frequency = "WEEKLY", count = 4 }, mediaUrl = "https://meet.example.vn/abc" });
        c["unit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        c["audienceUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        c["completionPercent"]!.GetValue<int>().ShouldBe(70);
        c["status"]!.GetValue<string>().ShouldBe("SCHEDULED");
        var sessions = c["sessions"]!.AsArray();
        sessions.Count.ShouldBe(4);
        var starts = sessions.Select(s => DateTimeOffset.Parse(s!["startsAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        (starts[1] - starts[0]).ShouldBe(TimeSpan.FromDays(7));
        (starts[3] - starts[0]).ShouldBe(TimeSpan.FromDays(21));
        var hosts = c["hosts"]!.AsArray();
        hosts.Count.ShouldBe(1);
        hosts[0]!["role"]!.GetValue<string>().ShouldBe("HOST");
        hosts[0]!["name"]!.GetValue<string>().ShouldBe("Lê Văn Cường");
    }

    [Theory]
    [InlineData("central", true)]
    [InlineData("province", true)]
    [InlineData("commune", true)]
    [InlineData("sibling-province", false)]
    [InlineData("learner", false)]
    public async Task Only_officials_with_the_right_to_run_classes_on_the_unit_or_above_may_schedule(string login, bool allowed)
    {
        var response = await _api.ScheduleRaw("Lớp thử quyền", login: login);
        if (allowed) response.HasErrors.ShouldBeFalse(response.Body);
        else response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Titles(new { text = "Lớp thử quyền" }, null)).Count.ShouldBe(allowed ? 1 : 0);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_schedule_enrol_or_leave()
    {
        (await _api.ScheduleRaw(login: null)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        var c = await _api.Schedule();
        (await app.GraphQL("mutation($i: EnrolInClassInput!) { enrolInClass(input: $i) { status } }", new { i = new { classId = ClassesApi.Id(c) } }))
            .FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    public static TheoryData<object> BadClasses => new()
    {
        new { title = "" },
        new { title = new string('a', 201) },
        new { capacity = 0 },
        new { capacity = 10_001 },
        new { startsAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") },
        new { durationMinutes = 5 },
        new { durationMinutes = 481 },
        new { repeat = new { frequency = "DAILY", count = 53 } },
        new { repeat = new { frequency = "DAILY", count = 0 } },
        new { mediaUrl = "javascript:alert(1)" },
        new { mediaUrl = "không phải địa chỉ" },
        new { completionPercent = 0 },
        new { completionPercent = 101 },
        new { hostIds = new[] { "không-phải-uuid" } },
        new { hostIds = new[] { Guid.NewGuid().ToString() } },
        new { materials = new[] { new { title = "Giáo trình", url = "ftp://x" } } },
    };

    [Theory]
    [MemberData(nameof(BadClasses))]
    public async Task A_bad_class_is_refused_with_INVALID_INPUT_and_nothing_is_scheduled(object bad)
    {
        var response = await _api.ScheduleRaw("Lớp sai dữ liệu", extra: bad, capacity: bad.GetType().GetProperty("capacity")?.GetValue(bad) as int? ?? 30);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
        (await _api.Titles(new { text = "Lớp sai dữ liệu" }, await _api.Org.Token("commune"))).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BadClasses))]
    public async Task A_caller_who_may_not_schedule_hears_NOT_ALLOWED_before_anything_about_the_input(object bad)
    {
        var response = await _api.ScheduleRaw("Lớp sai dữ liệu", login: "learner", extra: bad,
            capacity: bad.GetType().GetProperty("capacity")?.GetValue(bad) as int? ?? 30);
        // A malformed id cannot name anything, so it stays INVALID_INPUT; everything else is the learner's lack of right.
        if (bad.GetType().GetProperty("hostIds")?.GetValue(bad) is string[] ids && !Guid.TryParse(ids[0], out _))
            response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
        else response.FirstErrorCode.ShouldBe("NOT_ALLOWED", response.Body);
        (await _api.Titles(new { text = "Lớp sai dữ liệu" }, await _api.Org.Token("commune"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_members_only_class_is_seen_only_by_members_of_the_audience_subtree_and_its_officials()
    {
        var c = await _api.Schedule("Pháp luật về đất đai", audience: "MEMBERS");
        var id = ClassesApi.Id(c);
        (await _api.Class(id, await _api.Org.Token("learner"))).ShouldNotBeNull();
        (await _api.Class(id, await _api.Org.Token("province"))).ShouldNotBeNull();
        (await _api.Class(id, await _api.Org.Token("learner-hp"))).ShouldBeNull();
        (await _api.Class(id, null)).ShouldBeNull();
        (await _api.Titles(new { text = "dat dai" }, await _api.Org.Token("learner"))).ShouldBe(["Pháp luật về đất đai"]);
        (await _api.Titles(new { text = "dat dai" }, await _api.Org.Token("learner-hp"))).ShouldBeEmpty();
        (await _api.Titles(new { text = "dat dai" }, null)).ShouldBeEmpty();
        (await _api.Enrol(id, await _api.Org.Token("learner-hp"))).FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Search_folds_diacritics_and_puts_exact_matches_first()
    {
        await _api.Schedule("Sức khỏe người cao tuổi");
        await _api.Schedule("Suc khoe hoc duong");
        (await _api.Titles(new { text = "suc khoe" }, null)).ShouldBe(["Suc khoe hoc duong", "Sức khỏe người cao tuổi"]);
        (await _api.Titles(new { text = "Sức khỏe" }, null)).ShouldBe(["Sức khỏe người cao tuổi", "Suc khoe hoc duong"]);
        (await _api.Titles(new { text = "SỨC KHOẺ NGƯỜI" }, null)).ShouldBe(["Sức khỏe người cao tuổi"]);
    }

    [Fact]
    public async Task Browsing_filters_by_topic_date_and_unit_subtree_and_pages_with_cursors()
    {
        await _api.Schedule("Lớp Ba Đình A");
        await _api.Schedule("Lớp Ba Đình B", extra: new { topic = "SCIENCE", startsAt = DateTimeOffset.UtcNow.AddDays(10).ToString("O") });
        await _api.Schedule("Lớp Lê Chân", unitCode: "T18-X001", login: "sibling-province");
        var baDinh = await _api.Org.UnitId("T01-X001");
        var haNoi = await _api.Org.UnitId("T01");
        (await _api.Titles(new { unitId = baDinh, text = "Lớp" }, null)).ShouldBe(["Lớp Ba Đình A", "Lớp Ba Đình B"]);
        (await _api.Titles(new { unitId = haNoi, text = "Lớp" }, null)).ShouldBe(["Lớp Ba Đình A", "Lớp Ba Đình B"]);
        (await _api.Titles(new { topic = "SCIENCE" }, null)).ShouldBe(["Lớp Ba Đình B"]);
        (await _api.Titles(new { from = DateTimeOffset.UtcNow.AddDays(5).ToString("O"), text = "Lớp" }, null)).ShouldBe(["Lớp Ba Đình B"]);
        (await _api.Titles(new { to = DateTimeOffset.UtcNow.AddDays(5).ToString("O"), text = "Lớp" }, null)).ShouldBe(["Lớp Ba Đình A", "Lớp Lê Chân"], ignoreOrder: true);

        var seen = new List<string>();
        string? after = null;
        do
        {
            var response = await app.GraphQL("query($a: String) { classes(filter: { text: \"Lớp\" }, first: 1, after: $a) { nodes { title } pageInfo { hasNextPage endCursor } } }", new { a = after });
            var page = response.Data["classes"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after is not null);
        seen.Count.ShouldBe(3);
        seen.Distinct().Count().ShouldBe(3);
        (await app.GraphQL("{ classes(after: \"rác\") { nodes { id } } }")).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task The_demo_classes_are_in_Vietnamese_in_the_demo_units()
    {
        var titles = await _api.Titles(null, null);
        titles.ShouldContain("Kỹ năng số cho người cao tuổi: dùng điện thoại thông minh an toàn");
        titles.ShouldContain("Khoa học thường thức: Phòng chống sốt xuất huyết mùa mưa");
        (await _api.Titles(null, await _api.Org.Token("learner"))).ShouldContain("Pháp luật trong đời sống: Luật Hôn nhân và gia đình");
    }

    [Fact]
    public async Task Changing_a_class_needs_the_version_read_and_the_right_to_run_classes()
    {
        var c = await _api.Schedule("Lớp cần sửa");
        var id = ClassesApi.Id(c);
        var stale = await _api.Org.Mutate("changeClass", new { classId = id, expectedVersion = 7, title = "Tên mới" }, "commune", "title");
        stale.FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (await _api.Org.Mutate("changeClass", new { classId = id, expectedVersion = 1, title = "Tên mới" }, "sibling-province", "title"))
            .FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var changed = await _api.Org.Mutate("changeClass", new { classId = id, expectedVersion = 1, title = "Tên mới", lobby = true }, "commune", "title version lobby");
        changed.Data["changeClass"]!["title"]!.GetValue<string>().ShouldBe("Tên mới");
        changed.Data["changeClass"]!["version"]!.GetValue<int>().ShouldBe(2);
        changed.Data["changeClass"]!["lobby"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancelled_class_leaves_the_catalogue_and_takes_no_enrolments()
    {
        var c = await _api.Schedule("Lớp sẽ hủy");
        var id = ClassesApi.Id(c);
        (await _api.Org.Mutate("cancelClass", new { classId = id }, "learner", "status")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var cancelled = await _api.Org.Mutate("cancelClass", new { classId = id }, "commune", "status sessions { status }");
        cancelled.Data["cancelClass"]!["status"]!.GetValue<string>().ShouldBe("CANCELLED");
        (await _api.Titles(new { text = "Lớp sẽ hủy" }, null)).ShouldBeEmpty();
        (await _api.Enrol(id, await _api.Org.Token("learner"))).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Class(id, null))!["sessions"]![0]!["status"]!.GetValue<string>().ShouldBe("CANCELLED");
    }
}
