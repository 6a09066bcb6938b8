using Microsoft.AspNetCore.SignalR.Client;
using Vape.Coordination.Messages;
using Vape.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace Vape.Tests.Coordination;

/// <summary>Posting, editing, deleting, mentions, priorities and acknowledgements, through the real SignalR client.</summary>
[Collection(VapeCollection.Name)]
public sealed class MessageTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The centre with the provinces: central moderates, province and sibling-province are members.</summary>
    private Task<Guid> CentreWithProvinces() => _api.ChannelId("central", "TW", "CROSS_LEVEL");

    private async Task<long> VersionOf(Guid channelId, string login)
    {
        var response = await _api.Query("query($id: ID!) { channel(id: $id) { version } }", new { id = channelId }, login);
        return response.Data["channel"]!["version"]!.GetValue<long>();
    }

    private async Task<int> MessageCount(Guid channelId, string login)
    {
        var response = await _api.Query("query($id: ID!) { channel(id: $id) { messages(first: 100) { nodes { id } } } }", new { id = channelId }, login);
        return response.Data["channel"]!["messages"]!["nodes"]!.AsArray().Count;
    }

    [Fact]
    public async Task A_message_reaches_the_members_after_it_is_committed_with_the_channel_version_and_never_a_non_member()
    {
        var channel = await CentreWithProvinces();
        var haNoiCross = await _api.ChannelId("province", "T01", "CROSS_LEVEL");
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        await using var commune = await _api.Connect("commune");

        var posted = await central.Post(channel, "Đề nghị các tỉnh báo cáo kết quả năm học.");
        posted.Version.ShouldBe(1);
        var heard = await Member.Next(province.Events);
        heard.Kind.ShouldBe("POSTED");
        heard.ChannelId.ShouldBe(channel);
        heard.Version.ShouldBe(posted.Version);
        heard.Message.Body.ShouldBe("Đề nghị các tỉnh báo cáo kết quả năm học.");
        // What was heard is what PostgreSQL holds.
        (await VersionOf(channel, "province")).ShouldBe(heard.Version);

        // The commune official is not in that channel: the first thing they hear is a message of their own channel.
        var later = await province.Post(haNoiCross, "Phường Ba Đình gửi báo cáo trước thứ Sáu.");
        (await Member.Next(commune.Events)).Message.Id.ShouldBe(later.Id);
        commune.Events.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_resend_with_the_same_message_id_after_a_dropped_connection_never_duplicates()
    {
        var channel = await CentreWithProvinces();
        await using var province = await _api.Connect("province");
        var id = Guid.CreateVersion7();
        MessageView first;
        await using (var central = await _api.Connect("central"))
            first = await central.Post(channel, "Họp giao ban lúc 8 giờ.", id);
        await using var again = await _api.Connect("central");
        var resent = await again.Post(channel, "Họp giao ban lúc 8 giờ.", id);

        resent.Id.ShouldBe(first.Id);
        resent.PostedAt.ShouldBe(first.PostedAt);
        resent.Version.ShouldBe(first.Version);
        (await VersionOf(channel, "central")).ShouldBe(first.Version);
        (await MessageCount(channel, "central")).ShouldBe(1);
        // The member heard it once: the next thing they hear is the next message.
        var next = await again.Post(channel, "Tin tiếp theo.");
        (await Member.Next(province.Events)).Message.Id.ShouldBe(id);
        (await Member.Next(province.Events)).Message.Id.ShouldBe(next.Id);
    }

    [Fact]
    public async Task Posts_from_many_connections_at_once_are_each_stored_once_in_order_and_a_refused_one_among_them_changes_nothing_for_the_others()
    {
        var channel = await CentreWithProvinces();
        var commune = await _api.PersonId("commune");
        await using var listener = await _api.Connect("province");
        // Two connections of each member (a connection's calls run one after another; several connections post at once).
        var senders = new List<Member>();
        foreach (var login in new[] { "central", "province", "sibling-province" })
            for (var device = 0; device < 2; device++) senders.Add(await _api.Connect(login));
        var twice = Guid.CreateVersion7();
        try
        {
            // Four calls each (within the five a second a connection may make): 23 posts, one sent twice at once
            // from two devices of its author, and one that mentions a non-member.
            var calls = senders.SelectMany((member, i) => Enumerable.Range(0, 4).Select(async k =>
            {
                if (i == 0 && k == 3) return await Outcome(() => member.Post(channel, "Nhắc tên người ngoài kênh.", mentions: [commune]));
                if (i is 0 or 1 && k == 2) return await Outcome(() => member.Post(channel, "Gửi hai lần cùng lúc.", twice));
                return await Outcome(() => member.Post(channel, $"Thiết bị {i}, tin {k}: đã nhận công văn."));
            })).ToList();
            var outcomes = await Task.WhenAll(calls);

            outcomes.Count(o => o.Error is not null).ShouldBe(1);
            outcomes.Single(o => o.Error is not null).Error.ShouldBe("INVALID_INPUT");
            var stored = outcomes.Where(o => o.Message is not null).Select(o => o.Message!).ToList();
            stored.Count.ShouldBe(23);
            // The message sent twice is one message, both senders got it; every other has a version of its own, with no gap.
            stored.Where(m => m.Id == twice).Select(m => m.Version).Distinct().Count().ShouldBe(1);
            var versions = stored.Select(m => m.Version).Distinct().Order().ToList();
            versions.ShouldBe(Enumerable.Range(1, 22).Select(v => (long)v).ToList());
            (await VersionOf(channel, "central")).ShouldBe(22);
            (await MessageCount(channel, "central")).ShouldBe(22);

            // A member hears each change once, in the order of the versions.
            var heard = await listener.UntilVersion(channel, 22);
            heard.Where(e => e.ChannelId == channel).Select(e => e.Version).ShouldBe(versions);
        }
        finally
        {
            foreach (var sender in senders) await sender.DisposeAsync();
        }
    }

    /// <summary>The message a post returned, or the code it was refused with.</summary>
    private static async Task<(MessageView? Message, string? Error)> Outcome(Func<Task<MessageView>> post)
    {
        var call = post();
        try
        {
            return (await call, null);
        }
        catch (Microsoft.AspNetCore.SignalR.HubException)
        {
            return (null, await HubCalls.Refused(() => call));
        }
    }

    [Fact]
    public async Task A_message_id_used_by_someone_else_is_refused()
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        var id = Guid.CreateVersion7();
        await central.Post(channel, "Của tôi.", id);
        (await HubCalls.Refused(() => province.Post(channel, "Cũng mã đó.", id))).ShouldBe("INVALID_INPUT");
        (await MessageCount(channel, "central")).ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    [InlineData("4001")]
    public async Task An_empty_message_or_one_over_4000_characters_is_refused_and_changes_nothing(string? body)
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        if (body == "4001") body = new string('à', 4001);
        (await HubCalls.Refused(() => central.Post(channel, body!))).ShouldBe("INVALID_INPUT");
        (await VersionOf(channel, "central")).ShouldBe(0);
        (await MessageCount(channel, "central")).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_of_exactly_4000_characters_is_accepted()
    {
        await using var central = await _api.Connect("central");
        (await central.Post(await CentreWithProvinces(), new string('ệ', 4000))).Body!.Length.ShouldBe(4000);
    }

    [Fact]
    public async Task Posting_to_a_channel_one_is_not_a_member_of_is_refused_and_an_unknown_channel_is_not_found()
    {
        var haNoiUnit = await _api.ChannelId("province", "T01", "UNIT");
        await using var sibling = await _api.Connect("sibling-province");
        (await HubCalls.Refused(() => sibling.Post(haNoiUnit, "Xin chào Hà Nội."))).ShouldBe("NOT_ALLOWED");
        (await HubCalls.Refused(() => sibling.Post(Guid.NewGuid(), "Xin chào."))).ShouldBe("NOT_FOUND");
        (await VersionOf(haNoiUnit, "province")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_upper_level_posts_in_an_announcement_channel_and_the_lower_levels_hear_it()
    {
        var announcements = await _api.ChannelId("central", "TW", "ANNOUNCEMENT");
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        (await HubCalls.Refused(() => province.Post(announcements, "Tỉnh muốn đăng."))).ShouldBe("NOT_ALLOWED");
        var posted = await central.Post(announcements, "Thông báo: tổng kết năm học vào ngày 15/12.", priority: "IMPORTANT");
        (await Member.Next(province.Events)).Message.Id.ShouldBe(posted.Id);
        // A reader may still acknowledge and react.
        (await province.Hub.InvokeAsync<MessageView>("Acknowledge", posted.Id)).AcknowledgedCount.ShouldBe(1);
        (await province.Hub.InvokeAsync<MessageView>("React", posted.Id, "👍", true)).Reactions.Single().Emoji.ShouldBe("👍");
    }

    [Fact]
    public async Task The_author_edits_and_the_message_shows_as_edited_and_no_one_else_may_edit_it()
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        var posted = await province.Post(channel, "Hà Nội đã nộp báo cáo.");

        (await HubCalls.Refused(() => central.Hub.InvokeAsync<MessageView>("Edit", posted.Id, "Sửa hộ."))).ShouldBe("NOT_ALLOWED");
        (await HubCalls.Refused(() => province.Hub.InvokeAsync<MessageView>("Edit", posted.Id, ""))).ShouldBe("INVALID_INPUT");
        (await HubCalls.Refused(() => province.Hub.InvokeAsync<MessageView>("Edit", Guid.NewGuid(), "Không có."))).ShouldBe("NOT_FOUND");
        var edited = await province.Hub.InvokeAsync<MessageView>("Edit", posted.Id, "Hà Nội đã nộp báo cáo (bản sửa).");
        edited.Edited.ShouldBeTrue();
        edited.Version.ShouldBe(posted.Version + 1);

        var heard = await central.UntilVersion(channel, edited.Version);
        heard.Select(e => e.Kind).ShouldBe(["POSTED", "EDITED"]);
        heard[^1].Message.Body.ShouldBe("Hà Nội đã nộp báo cáo (bản sửa).");
        heard[^1].Message.EditedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_member_may_not_delete_another_s_message_but_a_moderator_may_and_a_tombstone_stays()
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        await using var sibling = await _api.Connect("sibling-province");
        var posted = await province.Post(channel, "Tin sẽ bị xóa.");

        (await HubCalls.Refused(() => sibling.Hub.InvokeAsync<MessageView>("Delete", posted.Id))).ShouldBe("NOT_ALLOWED");
        var deleted = await central.Hub.InvokeAsync<MessageView>("Delete", posted.Id);
        deleted.Deleted.ShouldBeTrue();
        deleted.Body.ShouldBeNull();

        var heard = await sibling.UntilVersion(channel, deleted.Version);
        heard[^1].Kind.ShouldBe("DELETED");
        heard[^1].Message.Body.ShouldBeNull();
        var history = await _api.Query("query($id: ID!) { channel(id: $id) { messages { nodes { id body deleted } } } }", new { id = channel }, "sibling-province");
        var tombstone = history.Data["channel"]!["messages"]!["nodes"]![0]!;
        tombstone["deleted"]!.GetValue<bool>().ShouldBeTrue();
        tombstone["body"].ShouldBeNull();
        // Editing a tombstone is refused.
        (await HubCalls.Refused(() => province.Hub.InvokeAsync<MessageView>("Edit", posted.Id, "Hồi sinh"))).ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Mentioning_a_non_member_is_refused_and_a_mention_counts_for_the_member_mentioned()
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        var commune = await _api.PersonId("commune");
        var province = await _api.PersonId("province");

        (await HubCalls.Refused(() => central.Post(channel, "@Cường xem giúp.", mentions: [commune]))).ShouldBe("INVALID_INPUT");
        (await VersionOf(channel, "central")).ShouldBe(0);

        await central.Post(channel, "@Bình xem giúp.", mentions: [province]);
        await central.Post(channel, "@kênh: họp lúc 14 giờ.", mentionsChannel: true);
        await central.Post(channel, "Tin thường.");
        var unread = async (string login) => (await _api.Query("query($id: ID!) { channel(id: $id) { unread { count mentions } } }", new { id = channel }, login))
            .Data["channel"]!["unread"]!;
        (await unread("province"))["count"]!.GetValue<int>().ShouldBe(3);
        (await unread("province"))["mentions"]!.GetValue<int>().ShouldBe(2);
        (await unread("sibling-province"))["mentions"]!.GetValue<int>().ShouldBe(1);
        (await unread("central"))["count"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Acknowledging_a_normal_message_is_refused_and_the_sender_sees_who_acknowledged_a_priority_one()
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        var normal = await central.Post(channel, "Tin thường.");
        (await HubCalls.Refused(() => province.Hub.InvokeAsync<MessageView>("Acknowledge", normal.Id))).ShouldBe("INVALID_INPUT");
        (await VersionOf(channel, "central")).ShouldBe(normal.Version);

        var urgent = await central.Post(channel, "KHẨN: báo cáo tình hình mưa lũ trước 17 giờ.", priority: "URGENT");
        (await HubCalls.Refused(() => central.Hub.InvokeAsync<MessageView>("Acknowledge", urgent.Id))).ShouldBe("INVALID_INPUT");
        var acknowledged = await province.Hub.InvokeAsync<MessageView>("Acknowledge", urgent.Id);
        acknowledged.AcknowledgedCount.ShouldBe(1);
        // Twice is once.
        (await province.Hub.InvokeAsync<MessageView>("Acknowledge", urgent.Id)).Version.ShouldBe(acknowledged.Version);
        (await central.UntilVersion(channel, acknowledged.Version))[^1].Kind.ShouldBe("ACKNOWLEDGED");

        var seen = await _api.Query("""
            query($id: ID!) { thread(messageId: $id) { root { priority acknowledgedCount acknowledgements { personId name } unacknowledged } } }
            """, new { id = urgent.Id }, "central");
        var root = seen.Data["thread"]!["root"]!;
        root["priority"]!.GetValue<string>().ShouldBe("URGENT");
        root["acknowledgements"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("Trần Thị Bình");
        root["unacknowledged"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldBe([(await _api.PersonId("sibling-province")).ToString()]);
    }

    [Fact]
    public async Task An_urgent_message_schedules_a_durable_reminder_that_reaches_only_those_who_have_not_acknowledged()
    {
        var channel = await CentreWithProvinces();
        await using var province = await _api.Connect("province");
        await using var sibling = await _api.Connect("sibling-province");

        GraphQLResponse posted = null!;
        var tracked = await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            posted = await _api.Mutate("postMessage", new { channelId = channel, messageId = Guid.CreateVersion7(), body = "KHẨN: rà soát số liệu.", priority = "URGENT" },
                "central", "id priority")));
        posted.HasErrors.ShouldBeFalse(posted.Body);
        var messageId = Guid.Parse(posted.Data["postMessage"]!["id"]!.GetValue<string>());
        var scheduled = tracked.Scheduled.SingleMessage<RemindUnacknowledged>();
        scheduled.MessageId.ShouldBe(messageId);
        scheduled.Attempt.ShouldBe(1);

        await province.Hub.InvokeAsync<MessageView>("Acknowledge", messageId);
        var reminded = await app.Host.InvokeMessageAndWaitAsync(new RemindUnacknowledged(messageId, 1));
        var due = reminded.Sent.SingleMessage<ReminderDue>();
        due.PersonIds.ShouldBe([await _api.PersonId("sibling-province")]);
        (await Member.Next(sibling.Reminders)).MessageId.ShouldBe(messageId);
        province.Reminders.TryRead(out _).ShouldBeFalse();
        reminded.Scheduled.SingleMessage<RemindUnacknowledged>().Attempt.ShouldBe(2);
    }

    [Fact]
    public async Task More_than_five_messages_a_second_from_one_connection_are_RATE_LIMITED_and_not_stored()
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try { await central.Post(channel, $"Tin số {i}"); return "ok"; }
            catch (Microsoft.AspNetCore.SignalR.HubException e) { return e.Message; }
        }));

        // A connection's calls run one after another and the bucket refills at 5 a second while they do, so how
        // many pass depends on how long each takes; that some are refused, and only with RATE_LIMITED, does not.
        var ok = outcomes.Count(o => o == "ok");
        ok.ShouldBeGreaterThanOrEqualTo(1);
        ok.ShouldBeLessThan(40);
        outcomes.Where(o => o != "ok").ShouldAllBe(o => o.Contains("RATE_LIMITED"));
        (await MessageCount(channel, "central")).ShouldBe(ok);
        // Another connection is not slowed down.
        (await province.Post(channel, "Tôi vẫn gửi được.")).Body.ShouldBe("Tôi vẫn gửi được.");
    }

    [Fact]
    public async Task Typing_reaches_the_other_members_with_the_channel_version_and_a_non_member_may_not_type()
    {
        var channel = await CentreWithProvinces();
        await using var central = await _api.Connect("central");
        await using var province = await _api.Connect("province");
        await using var commune = await _api.Connect("commune");
        await central.Post(channel, "Bắt đầu.");
        await province.Hub.InvokeAsync("Typing", channel);
        var typing = await Member.Next(central.TypingEvents);
        typing.PersonId.ShouldBe(await _api.PersonId("province"));
        typing.Version.ShouldBe(1);
        (await HubCalls.Refused(() => commune.Hub.InvokeAsync("Typing", channel))).ShouldBe("NOT_ALLOWED");
    }
}
