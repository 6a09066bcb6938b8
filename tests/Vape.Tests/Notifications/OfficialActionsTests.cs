using System.Text.Json.Nodes;
using Vape.Tests.Classes;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Notifications;

/// <summary>
/// An official's action on one person's own thing tells that person what was done and why (issue #21, docs/adr/0312):
/// a resource withdrawn by an official, a learner removed from a class. A refused action tells nobody.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class OfficialActionsTests(VapeApp app) : IAsyncLifetime
{
    private readonly ClassesApi _classes = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonArray> Inbox(string login)
    {
        var response = await app.GraphQL("{ myNotifications(first: 50) { nodes { id kind title body link } } }", token: await _classes.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["myNotifications"]!["nodes"]!.AsArray();
    }

    private async Task<JsonNode[]> Of(string login, string kind) =>
        [.. (await Inbox(login)).Where(n => n!["kind"]!.GetValue<string>() == kind).Select(n => n!)];

    private async Task<(string Id, int Version)> Approved(string title)
    {
        var submitted = await _classes.Org.Mutate("submitResource", new
        {
            title, description = "Hướng dẫn cho người mới.", domain = "DIGITAL_SKILLS", audience = "ADULTS", language = "vi",
            format = "LINK", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1",
        }, "learner", "id");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        var id = submitted.Data["submitResource"]!["id"]!.GetValue<string>();
        var approved = await _classes.Org.Mutate("approveResource", new { resourceId = id }, "commune", "version");
        approved.HasErrors.ShouldBeFalse(approved.Body);
        return (id, approved.Data["approveResource"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_resource_an_official_withdraws_tells_its_submitter_what_and_why_and_nobody_else()
    {
        var (id, version) = await Approved("Sổ tay sức khỏe người cao tuổi");

        (await _classes.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version, reason = "  " }, "commune"))
            .FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _classes.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version, reason = "Không hợp lệ" }, "learner2"))
            .FirstErrorCode.ShouldBe("NOT_ALLOWED");
        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _classes.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version, reason = "Nội dung đã cũ." }, "commune"))
            .HasErrors.ShouldBeFalse());

        var told = (await Of("learner", "RESOURCE_WITHDRAWN")).ShouldHaveSingleItem();
        told["title"]!.GetValue<string>().ShouldBe("Tài nguyên «Sổ tay sức khỏe người cao tuổi» đã bị rút khỏi thư viện");
        told["body"]!.GetValue<string>().ShouldBe("Cán bộ đơn vị duyệt đã rút tài nguyên bạn gửi. Lý do: Nội dung đã cũ.");
        told["link"]!.GetValue<string>().ShouldBe("/library/mine");
        told.ToJsonString().ShouldNotContain("Không hợp lệ");
        (await Of("commune", "RESOURCE_WITHDRAWN")).ShouldBeEmpty();
        (await Of("learner2", "RESOURCE_WITHDRAWN")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Submitters_withdrawing_their_own_resource_are_not_told_of_it()
    {
        var (id, version) = await Approved("Kỹ năng số");

        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _classes.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version }, "learner")).HasErrors.ShouldBeFalse());

        (await Of("learner", "RESOURCE_WITHDRAWN")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_removed_learner_is_told_the_class_and_the_reason_and_the_others_are_not()
    {
        var id = ClassesApi.Id(await _classes.Schedule("Tiếng Anh giao tiếp", capacity: 5));
        var (learner, learner2) = (await _classes.Org.PersonId("learner"), await _classes.Org.PersonId("learner2"));
        foreach (var person in new[] { learner, learner2 })
            (await _classes.Org.Mutate("enrolLearner", new { classId = id, personId = person }, "commune", "status")).HasErrors.ShouldBeFalse();

        (await _classes.Org.Mutate("removeLearner", new { classId = id, personId = learner, reason = "Không" }, "learner2", "id"))
            .FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _classes.Org.Mutate("removeLearner", new { classId = id, personId = learner, reason = " " }, "commune", "id"))
            .FirstErrorCode.ShouldBe("INVALID_INPUT");
        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _classes.Org.Mutate("removeLearner", new { classId = id, personId = learner, reason = "Đăng ký nhầm lớp, đã chuyển sang lớp buổi tối" },
                "commune", "id")).HasErrors.ShouldBeFalse());

        var told = (await Of("learner", "REMOVED_FROM_CLASS")).ShouldHaveSingleItem();
        told["title"]!.GetValue<string>().ShouldBe("Bạn đã được đưa ra khỏi lớp «Tiếng Anh giao tiếp»");
        told["body"]!.GetValue<string>().ShouldEndWith("Lý do: Đăng ký nhầm lớp, đã chuyển sang lớp buổi tối");
        told["link"]!.GetValue<string>().ShouldBe($"/classes/{id}");
        (await Of("learner2", "REMOVED_FROM_CLASS")).ShouldBeEmpty();
        (await Of("commune", "REMOVED_FROM_CLASS")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_long_reason_is_quoted_short_enough_for_a_push()
    {
        var (id, version) = await Approved("Tài liệu dài");
        var reason = string.Concat(Enumerable.Repeat("Nội dung không còn phù hợp. ", 60)).Trim();

        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _classes.Org.Mutate("withdrawResource", new { resourceId = id, expectedVersion = version, reason }, "commune")).HasErrors.ShouldBeFalse());

        var body = (await Of("learner", "RESOURCE_WITHDRAWN")).ShouldHaveSingleItem()["body"]!.GetValue<string>();
        body.ShouldEndWith("…");
        body.Length.ShouldBeLessThan(400);
        body.ShouldStartWith("Cán bộ đơn vị duyệt đã rút tài nguyên bạn gửi. Lý do: Nội dung không còn phù hợp.");
    }
}
