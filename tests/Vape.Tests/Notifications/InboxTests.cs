using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Classes.Contracts;
using Vape.Records.Contracts;
using Vape.Tests.Classes;
using Vape.Tests.Content;
using Vape.Tests.Records;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Notifications;

/// <summary>
/// The inbox (ADR 0122): other modules' events become a person's notifications once, in Vietnamese, pushed live to
/// their open connections; read or unread, they stay.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class InboxTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _records = new(app);
    private readonly ClassesApi _classes = new(app);
    private readonly ContentApi _content = new(app);
    private readonly List<HubConnection> _hubs = [];

    private const string Fields = "id kind title body link createdAt readAt";

    public Task InitializeAsync() => app.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs) await hub.DisposeAsync();
    }

    private async Task<JsonArray> Inbox(string login, int first = 20, string? after = null)
    {
        var response = await app.GraphQL($"query($n: Int, $a: String) {{ myNotifications(first: $n, after: $a) {{ nodes {{ {Fields} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            new { n = first, a = after }, await _records.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["myNotifications"]!["nodes"]!.AsArray();
    }

    private async Task<int> Unread(string login)
    {
        var response = await app.GraphQL("{ unreadNotificationCount }", token: await _records.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["unreadNotificationCount"]!.GetValue<int>();
    }

    private Task<GraphQLResponse> MarkRead(string? login, object input) =>
        _records.Org.Mutate("markNotificationsRead", input, login, "marked unreadCount");

    private async Task<ChannelReader<JsonElement>> Listen(string login, string method)
    {
        var heard = Channel.CreateUnbounded<JsonElement>();
        var hub = app.Hub("/hubs/notifications", await _records.Org.Token(login));
        hub.On<JsonElement>(method, m => heard.Writer.TryWrite(m));
        await hub.StartAsync();
        _hubs.Add(hub);
        return heard.Reader;
    }

    private static async Task<JsonElement> Next(ChannelReader<JsonElement> reader)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadAsync(wait.Token);
    }

    private async Task<string> Verified(string login = "learner")
    {
        var entry = await _records.DeclareOk(login);
        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune")).HasErrors.ShouldBeFalse());
        return entry;
    }

    [Fact]
    public async Task A_verified_entry_reaches_the_learners_inbox_and_their_open_connection_once()
    {
        var live = await Listen("learner", "notificationReceived");
        (await Unread("learner")).ShouldBe(0);

        await Verified();

        var inbox = await Inbox("learner");
        var notification = inbox.ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("ENTRY_VERIFIED");
        notification["title"]!.GetValue<string>().ShouldBe("Hồ sơ học tập: một mục đã được xác nhận");
        notification["link"]!.GetValue<string>().ShouldBe("/record");
        notification["readAt"].ShouldBeNull();
        // What the entry says stays in the sealed record, not in the inbox.
        notification.ToJsonString().ShouldNotContain("tin học");
        (await Unread("learner")).ShouldBe(1);
        var pushed = await Next(live);
        pushed.GetProperty("id").GetString().ShouldBe(notification["id"]!.GetValue<string>());
        pushed.GetProperty("kind").GetString().ShouldBe("ENTRY_VERIFIED");
        (await Inbox("commune")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rejection_tells_the_learner_without_the_reason()
    {
        var entry = await _records.DeclareOk("learner");
        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("rejectRecordEntry", new { entryId = entry, reason = "Thiếu giấy chứng nhận của trung tâm" }, "commune")).HasErrors.ShouldBeFalse());

        var notification = (await Inbox("learner")).ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("ENTRY_REJECTED");
        notification.ToJsonString().ShouldNotContain("giấy chứng nhận");
    }

    [Fact]
    public async Task A_confirmed_title_tells_the_person_it_goes_to()
    {
        var entry = await _records.DeclareOk("learner", RecordsApi.Activity(title: "Câu lạc bộ khoa học", domain: "SCIENCE", hours: 2, date: "2026-05-05"));
        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune")).HasErrors.ShouldBeFalse());
        (await _records.Org.Mutate("setTitleRules", new { year = 2026, minHours = 1, minDomains = 1, familyShare = 0.5, groupShare = 0.5, minGroupMembers = 3 },
            "central")).HasErrors.ShouldBeFalse();
        var learner = await _records.PersonGuid("learner");
        var baDinh = await _records.Org.UnitId("T01-X001");
        var proposals = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 100) { nodes { id subjectId } } }",
            new { u = baDinh }, await _records.Org.Token("province"));
        proposals.HasErrors.ShouldBeFalse(proposals.Body);
        var proposal = proposals.Data["titleProposals"]!["nodes"]!.AsArray().Single(p => p!["subjectId"]!.GetValue<string>() == learner.ToString())!["id"]!
            .GetValue<string>();

        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("confirmTitle", new { unitId = baDinh, year = 2026, proposalId = proposal }, "province")).HasErrors.ShouldBeFalse());

        var notification = (await Inbox("learner")).Single(n => n!["kind"]!.GetValue<string>() == "TITLE_DECIDED")!;
        notification["body"]!.GetValue<string>().ShouldBe("Danh hiệu «Công dân học tập» năm 2026 đã được công nhận và ghi vào hồ sơ học tập.");
        (await Inbox("learner2")).ShouldNotContain(n => n!["kind"]!.GetValue<string>() == "TITLE_DECIDED");
    }

    [Fact]
    public async Task A_reviewed_resource_tells_its_submitter_and_nobody_else()
    {
        var submitted = await _records.Org.Mutate("submitResource", new
        {
            title = "Kỹ năng số", description = "Hướng dẫn", domain = "DIGITAL_SKILLS", audience = "ELDERLY", language = "vi", format = "VIDEO",
            licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1",
        }, "learner", "id");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        var id = submitted.Data["submitResource"]!["id"]!.GetValue<string>();

        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("approveResource", new { resourceId = id }, "commune")).HasErrors.ShouldBeFalse());

        var notification = (await Inbox("learner")).ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("RESOURCE_REVIEWED");
        notification["title"]!.GetValue<string>().ShouldBe("Tài nguyên của bạn đã được duyệt");
        notification["link"]!.GetValue<string>().ShouldBe($"/library/{id}");
        (await Inbox("commune")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_delivered_twice_is_one_notification_and_one_push()
    {
        var live = await Listen("learner", "notificationReceived");
        var message = new RecordEntryDecided(Guid.CreateVersion7(), await _records.PersonGuid("learner"), true, Guid.CreateVersion7(), DateTimeOffset.UtcNow);

        await app.Host.InvokeMessageAndWaitAsync(message);
        await app.Host.InvokeMessageAndWaitAsync(message);

        (await Inbox("learner")).Count.ShouldBe(1);
        (await Unread("learner")).ShouldBe(1);
        await Next(live);
        // A second, different event: the next push is its, so no second push of the first came before it.
        var other = new RecordEntryDecided(Guid.CreateVersion7(), message.PersonId, false, Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        await app.Host.InvokeMessageAndWaitAsync(other);
        (await Next(live)).GetProperty("kind").GetString().ShouldBe("ENTRY_REJECTED");
    }

    [Fact]
    public async Task Learners_of_a_cancelled_class_are_told_and_others_are_not()
    {
        var c = await _classes.Schedule(title: "Tiếng Anh giao tiếp");
        var id = c["id"]!.GetValue<string>();
        (await _classes.Enrol(id, await _records.Org.Token("learner"))).HasErrors.ShouldBeFalse();

        var cancelled = await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("cancelClass", new { classId = id }, "commune", "status")).HasErrors.ShouldBeFalse());

        cancelled.Executed.SingleMessage<ClassCancelled>().ClassId.ShouldBe(Guid.Parse(id));
        var notification = (await Inbox("learner")).ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("CLASS_CANCELLED");
        notification["title"]!.GetValue<string>().ShouldBe("Lớp «Tiếng Anh giao tiếp» đã bị hủy");
        notification["link"]!.GetValue<string>().ShouldBe($"/classes/{id}");
        (await Inbox("learner2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_changed_title_is_news_to_learners_and_a_new_capacity_is_not()
    {
        var c = await _classes.Schedule(title: "Kỹ năng số cho mọi nhà");
        var id = c["id"]!.GetValue<string>();
        (await _classes.Enrol(id, await _records.Org.Token("learner"))).HasErrors.ShouldBeFalse();

        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("changeClass", new { classId = id, expectedVersion = c["version"]!.GetValue<int>(), capacity = 40 }, "commune")).HasErrors.ShouldBeFalse());
        (await Inbox("learner")).ShouldBeEmpty();

        await app.Host.ExecuteAndWaitAsync(async () =>
            (await _records.Org.Mutate("changeClass", new { classId = id, expectedVersion = c["version"]!.GetValue<int>() + 1, title = "Kỹ năng số nâng cao" }, "commune")).HasErrors.ShouldBeFalse());
        var notification = (await Inbox("learner")).ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("CLASS_CHANGED");
        notification["title"]!.GetValue<string>().ShouldBe("Lớp «Kỹ năng số nâng cao» có thay đổi");
    }

    [Fact]
    public async Task A_directive_reaches_the_inbox_of_each_official_of_a_targeted_unit()
    {
        await app.Host.ExecuteAndWaitAsync(async () => await _content.IssueOk("central", "TW", "UNITS", unitCodes: ["T01-X001"]));

        var notification = (await Inbox("commune")).ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("DIRECTIVE_RECEIVED");
        notification["body"]!.GetValue<string>().ShouldStartWith("«Về việc đẩy mạnh xây dựng xã hội học tập» đã gửi đến đơn vị của bạn");
        (await Inbox("learner")).ShouldBeEmpty();
        (await Inbox("sibling-province")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unread_come_first_newest_first_and_pages_follow_the_cursor()
    {
        var person = await _records.PersonGuid("learner");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var message = new RecordEntryDecided(Guid.CreateVersion7(), person, true, Guid.CreateVersion7(), DateTimeOffset.UtcNow);
            ids.Add(message.EntryId);
            await app.Host.InvokeMessageAndWaitAsync(message);
        }
        var all = await Inbox("learner");
        all.Count.ShouldBe(5);
        var oldest = all[^1]!["id"]!.GetValue<string>();
        (await MarkRead("learner", new { ids = new[] { all[0]!["id"]!.GetValue<string>() } })).HasErrors.ShouldBeFalse();

        var first = await app.GraphQL("{ myNotifications(first: 2) { nodes { id readAt } pageInfo { hasNextPage endCursor } } }", token: await _records.Org.Token("learner"));
        var page = first.Data["myNotifications"]!;
        page["nodes"]![0]!["id"]!.GetValue<string>().ShouldBe(all[1]!["id"]!.GetValue<string>());
        page["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var rest = await Inbox("learner", 10, page["pageInfo"]!["endCursor"]!.GetValue<string>());
        rest.Select(n => n!["id"]!.GetValue<string>()).ShouldBe([all[3]!["id"]!.GetValue<string>(), oldest, all[0]!["id"]!.GetValue<string>()]);
        rest[^1]!["readAt"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Marking_read_updates_the_count_and_the_persons_other_devices()
    {
        await Verified();
        await Verified();
        var otherDevice = await Listen("learner", "notificationsRead");
        var inbox = await Inbox("learner");

        var one = await MarkRead("learner", new { ids = new[] { inbox[0]!["id"]!.GetValue<string>() } });
        one.Data["markNotificationsRead"]!["marked"]!.GetValue<int>().ShouldBe(1);
        one.Data["markNotificationsRead"]!["unreadCount"]!.GetValue<int>().ShouldBe(1);
        (await Next(otherDevice)).GetProperty("unreadCount").GetInt32().ShouldBe(1);

        var all = await MarkRead("learner", new { all = true });
        all.Data["markNotificationsRead"]!["marked"]!.GetValue<int>().ShouldBe(1);
        (await Unread("learner")).ShouldBe(0);
        (await Next(otherDevice)).GetProperty("unreadCount").GetInt32().ShouldBe(0);
        (await Inbox("learner")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Nobody_marks_or_learns_of_another_persons_notification()
    {
        await Verified();
        var theirs = (await Inbox("learner"))[0]!["id"]!.GetValue<string>();

        var response = await MarkRead("learner2", new { ids = new[] { theirs } });
        var unknown = await MarkRead("learner2", new { ids = new[] { Guid.CreateVersion7().ToString() } });

        response.HasErrors.ShouldBeFalse(response.Body);
        response.Data["markNotificationsRead"]!.ToJsonString().ShouldBe(unknown.Data["markNotificationsRead"]!.ToJsonString());
        response.Data["markNotificationsRead"]!["marked"]!.GetValue<int>().ShouldBe(0);
        (await Unread("learner")).ShouldBe(1);
    }

    public static TheoryData<string, object> BadMarks() => new()
    {
        { "neither ids nor all", new { } },
        { "all false", new { all = false } },
        { "both ids and all", new { ids = new[] { Guid.CreateVersion7().ToString() }, all = true } },
        { "no ids", new { ids = Array.Empty<string>() } },
        { "more than 100 ids", new { ids = Enumerable.Range(0, 101).Select(_ => Guid.CreateVersion7().ToString()).ToArray() } },
        { "a malformed id", new { ids = new[] { "không-phải-id" } } },
    };

    [Theory]
    [MemberData(nameof(BadMarks))]
    public async Task A_bad_mark_is_INVALID_INPUT_in_Vietnamese_and_changes_nothing(string why, object input)
    {
        await Verified();

        var response = await MarkRead("learner", input);

        response.FirstErrorCode.ShouldBe("INVALID_INPUT", why);
        response.FirstErrorMessage.ShouldNotBeNullOrWhiteSpace();
        (await Unread("learner")).ShouldBe(1);
    }

    [Fact]
    public async Task Without_sign_in_the_inbox_is_NOT_AUTHENTICATED()
    {
        (await app.GraphQL("{ unreadNotificationCount }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await app.GraphQL("{ myNotifications { nodes { id } } }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await MarkRead(null, new { all = true })).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task A_forged_cursor_is_INVALID_INPUT()
    {
        var forged = Convert.ToBase64String("c:2:zzz"u8.ToArray());
        var response = await app.GraphQL("query($a: String) { myNotifications(after: $a) { nodes { id } } }", new { a = forged }, await _records.Org.Token("learner"));
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }
}
