using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>The live classroom through the real SignalR .NET client: presence, chat, Q&amp;A, hands, polls, moderation, catch-up, bad input.</summary>
[Collection(VapeCollection.Name)]
public sealed class ClassroomHubTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    /// <summary>A class of Phường Ba Đình hosted by `commune`, with `learner` and `learner2` enrolled; returns its first session's id.</summary>
    private async Task<(string ClassId, string SessionId)> Class(string audience = "PUBLIC", object? extra = null)
    {
        var c = await Api.Schedule("Lớp trực tuyến", audience: audience, extra: extra);
        var id = ClassesApi.Id(c);
        await Api.Enrol(id, await Api.Org.Token("learner"));
        await Api.Enrol(id, await Api.Org.Token("learner2"));
        return (id, c["sessions"]![0]!["id"]!.GetValue<string>());
    }

    private async Task<(ClassroomClient Host, ClassroomClient Learner, string SessionId)> Live()
    {
        var (_, session) = await Class();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        await learner.Join(session);
        await host.Next("participantJoined");
        return (host, learner, session);
    }

    [Fact]
    public async Task The_host_opens_the_room_learners_join_with_a_snapshot_and_one_learner_on_two_devices_counts_once()
    {
        var (_, session) = await Class();
        var learnerEarly = await Device("learner");
        (await learnerEarly.Fails("Join", Guid.Parse(session))).ShouldBe("CLASS_NOT_STARTED");

        var host = await Device("commune");
        var opened = await host.Join(session);
        opened.Version.ShouldBe(2);
        opened.Me.Role.ShouldBe("HOST");
        opened.Headcount.ShouldBe(1);

        var phone = await Device("learner");
        var snapshot = await phone.Join(session);
        snapshot.Version.ShouldBe(3);
        snapshot.Headcount.ShouldBe(2);
        snapshot.Participants.Select(p => p.Role).ShouldBe(["HOST", "LEARNER"]);
        (await host.Next("participantJoined")).Version.ShouldBe(2, "the host hears its own arrival too");
        var joined = await host.Next("participantJoined");
        joined.Version.ShouldBe(3);
        joined.Data.GetProperty("name").GetString().ShouldBe("Hoàng Thị Em");
        joined.Data.GetProperty("role").GetString().ShouldBe("LEARNER", "enums are their GraphQL names on the hub too");

        var tablet = await Device("learner");
        (await tablet.Join(session)).Headcount.ShouldBe(2);
        await tablet.Hub.InvokeAsync("Leave");
        var version = await host.Do("SendChat", "Chào cả lớp");
        version.ShouldBe(4, "a second device neither joins nor leaves the learner");

        await phone.Hub.InvokeAsync("Leave");
        var left = await host.Next("participantLeft");
        left.Version.ShouldBe(5);
        (await App.GraphQL("query($s: ID!) { classroomSnapshot(sessionId: $s) { headcount version } }", new { s = session }, await Api.Org.Token("commune")))
            .Data["classroomSnapshot"]!["headcount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task A_learner_who_disconnects_leaves_the_room_and_presence_is_kept_in_PostgreSQL()
    {
        var (host, learner, session) = await Live();
        await learner.Hub.StopAsync();
        (await host.Next("participantLeft")).Data.GetProperty("personId").GetGuid().ShouldBe(Guid.Parse(await Api.Org.PersonId("learner")));
        await using var conn = await App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from classes.connections where session_id = @s", conn);
        cmd.Parameters.AddWithValue("s", Guid.Parse(session));
        ((long)(await cmd.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task Chat_reaches_everyone_after_commit_with_its_version_and_HTML_stays_text()
    {
        var (host, learner, session) = await Live();
        const string script = "<script>alert('xin chào')</script> & <b>đậm</b>";
        var version = await learner.Do("SendChat", script);
        var heard = await host.Next("chatPosted");
        heard.Version.ShouldBe(version);
        heard.Data.GetProperty("text").GetString().ShouldBe(script);
        var late = await Device("learner2");
        var snapshot = await late.Join(session);
        snapshot.Chat.Single().Text.ShouldBe(script);
        snapshot.Version.ShouldBe(version + 1);
    }

    public static TheoryData<string> BadChats => new() { "", "   ", new string('a', 2001) };

    [Theory]
    [MemberData(nameof(BadChats))]
    public async Task An_empty_or_too_long_chat_message_is_refused_and_changes_nothing(string text)
    {
        var (host, learner, _) = await Live();
        var before = await host.Do("RaiseHand");
        (await learner.Fails("SendChat", text)).ShouldBe("INVALID_INPUT");
        (await learner.Call<Vape.Classes.Classroom.ClassroomCatchUp>("CatchUp", before)).Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_chat_message_of_exactly_2000_characters_is_accepted()
    {
        var (_, learner, _) = await Live();
        (await learner.Do("SendChat", new string('ơ', 2000))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task More_than_five_messages_a_second_from_one_connection_are_throttled_and_others_are_unaffected()
    {
        var (host, learner, _) = await Live();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try { await learner.Hub.InvokeAsync<long>("SendChat", $"tin {i}"); return "ok"; }
            catch (HubException e) { return e.Message; }
        }));
        outcomes.ShouldContain(o => o.Contains("RATE_LIMITED"));
        outcomes.Count(o => o == "ok").ShouldBeLessThan(20);
        (await host.Do("SendChat", "Các bạn chậm lại nhé")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Joining_a_members_only_class_without_being_a_member_is_refused()
    {
        var (classId, session) = await Class(audience: "MEMBERS");
        var host = await Device("commune");
        await host.Join(session);
        var outsider = await Device("learner-hp");
        (await outsider.Fails("Join", Guid.Parse(session))).ShouldBe("NOT_ALLOWED");
        var notEnrolled = (await Api.NewLearners(1))[0];
        (await (await Connect(notEnrolled.Token)).Fails("Join", Guid.Parse(session))).ShouldBe("NOT_ENROLLED");
        (await (await Connect(null)).Fails("Join", Guid.Parse(session))).ShouldBe("NOT_AUTHENTICATED");
        (await host.Fails("Join", Guid.NewGuid())).ShouldBe("INVALID_INPUT", "already in another room");
        (await (await Device("learner")).Fails("Join", Guid.NewGuid())).ShouldBe("NOT_FOUND");
        classId.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_room_opens_only_from_the_lead_time_before_its_start_and_nothing_is_opened_before()
    {
        // The tests' host lets rooms open two days ahead (Vape:Classes:RoomOpensMinutesBefore = 2880); this class starts in ten.
        var (_, session) = await Class(extra: new { startsAt = DateTimeOffset.UtcNow.AddDays(10).ToString("O") });
        var host = await Device("commune");
        var refusal = await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() => host.Call<object>("Join", Guid.Parse(session)));
        refusal.Message.ShouldContain("TOO_EARLY");
        refusal.Message.ShouldContain("2880 phút trước giờ học");
        (await host.Fails("End")).ShouldBe("NOT_IN_ROOM");
        var status = await App.GraphQL("query($id: ID!) { classroomSnapshot(sessionId: $id) { status } }", new { id = session }, await Api.Org.Token("commune"));
        status.HasErrors.ShouldBeFalse(status.Body);
        status.Data["classroomSnapshot"].ShouldBeNull("the room was not opened");
    }

    [Fact]
    public async Task Joining_an_ended_or_cancelled_class_is_refused()
    {
        var (host, learner, session) = await Live();
        await host.Do("End");
        (await learner.Next("classroomEnded")).ShouldNotBeNull();
        (await (await Device("learner2")).Fails("Join", Guid.Parse(session))).ShouldBe("CLASS_ENDED");
        (await learner.Fails("SendChat", "còn ai không?")).ShouldBe("CLASS_ENDED");

        var (cancelledClass, cancelledSession) = await Class();
        await Api.Org.Mutate("cancelClass", new { classId = cancelledClass }, "commune", "status");
        (await (await Device("commune")).Fails("Join", Guid.Parse(cancelledSession))).ShouldBe("CLASS_CANCELLED");
    }

    [Fact]
    public async Task Polls_show_live_results_a_late_joiner_sees_them_and_nobody_votes_twice_or_on_a_closed_poll()
    {
        var (host, learner, session) = await Live();
        await host.Do("OpenPoll", "Bạn đã dùng ngân hàng số chưa?", new[] { "Rồi", "Chưa", "Đang tìm hiểu" }, false);
        var poll = (await learner.Next("pollOpened")).Data.GetProperty("pollId").GetGuid();
        (await learner.Fails("Vote", poll, new[] { 0, 1 })).ShouldBe("INVALID_INPUT");
        (await learner.Fails("Vote", poll, new[] { 7 })).ShouldBe("INVALID_INPUT");
        (await learner.Fails("Vote", poll, Array.Empty<int>())).ShouldBe("INVALID_INPUT");
        await learner.Do("Vote", poll, new[] { 1 });
        var voted = await host.Next("pollVoted");
        voted.Data.GetProperty("counts").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([0, 1, 0]);
        voted.Data.TryGetProperty("personId", out _).ShouldBeFalse("votes are counted, not shown");
        (await learner.Fails("Vote", poll, new[] { 0 })).ShouldBe("ALREADY_VOTED");

        var late = await Device("learner2");
        var snapshot = await late.Join(session);
        snapshot.Polls.Single().Counts.ShouldBe([0, 1, 0]);
        await host.Do("ClosePoll", poll);
        (await late.Fails("Vote", poll, new[] { 0 })).ShouldBe("POLL_CLOSED");
        (await host.Fails("ClosePoll", poll)).ShouldBe("POLL_CLOSED");
    }

    [Fact]
    public async Task Questions_are_asked_upvoted_once_and_answered_or_dismissed_by_a_host()
    {
        var (host, learner, session) = await Live();
        var other = await Device("learner2");
        await other.Join(session);
        await learner.Do("AskQuestion", "Làm sao nhận biết tin nhắn lừa đảo?");
        var question = (await other.Next("questionAsked")).Data.GetProperty("questionId").GetGuid();
        (await learner.Fails("UpvoteQuestion", question)).ShouldBe("INVALID_INPUT");
        await other.Do("UpvoteQuestion", question);
        (await host.Next("questionUpvoted")).Data.GetProperty("votes").GetInt32().ShouldBe(1);
        (await other.Fails("UpvoteQuestion", question)).ShouldBe("ALREADY_VOTED");
        (await learner.Fails("AnswerQuestion", question)).ShouldBe("NOT_ALLOWED");
        await host.Do("AnswerQuestion", question);
        (await other.Next("questionClosed")).Data.GetProperty("status").GetString().ShouldBe("ANSWERED");
        (await host.Fails("DismissQuestion", question)).ShouldBe("INVALID_INPUT");
        (await learner.Fails("AskQuestion", new string('?', 501))).ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Raised_hands_form_an_ordered_queue_that_the_host_calls_on_or_lowers()
    {
        var (host, learner, session) = await Live();
        var other = await Device("learner2");
        await other.Join(session);
        await learner.Do("RaiseHand");
        await other.Do("RaiseHand");
        var snapshot = await (await Device("commune")).Join(session);
        snapshot.Hands.ShouldBe([Guid.Parse(await Api.Org.PersonId("learner")), Guid.Parse(await Api.Org.PersonId("learner2"))]);
        (await learner.Fails("CallOn", Guid.Parse(await Api.Org.PersonId("learner2")))).ShouldBe("NOT_ALLOWED");
        (await learner.Fails("LowerHand", Guid.Parse(await Api.Org.PersonId("learner2")))).ShouldBe("NOT_ALLOWED");
        await host.Do("CallOn", Guid.Parse(await Api.Org.PersonId("learner")));
        (await other.Next("handLowered")).Data.GetProperty("reason").GetString().ShouldBe("CALLED_ON");
        (await host.Next("handLowered")).Data.GetProperty("reason").GetString().ShouldBe("CALLED_ON");
        await other.Do("LowerHand", (Guid?)null);
        (await host.Next("handLowered")).Data.GetProperty("reason").GetString().ShouldBe("LOWERED");
    }

    [Fact]
    public async Task Private_messages_reach_only_the_learner_and_the_hosts_and_others_see_only_that_a_version_passed()
    {
        var (host, learner, session) = await Live();
        var other = await Device("learner2");
        await other.Join(session);
        var version = await learner.Do("SendPrivate", "Em xin phép về sớm", (Guid?)null);
        (await host.Next("privateMessageSent")).Data.GetProperty("text").GetString().ShouldBe("Em xin phép về sớm");
        var seen = await other.Next("privateMessageSent");
        seen.Version.ShouldBe(version);
        seen.Data.TryGetProperty("text", out _).ShouldBeFalse();
        (await learner.Next("privateMessageSent")).Data.GetProperty("text").GetString().ShouldBe("Em xin phép về sớm");
        (await other.Call<Vape.Classes.Classroom.ClassroomCatchUp>("CatchUp", version - 1)).Events.Single().Version.ShouldBe(version);
        (await host.Fails("SendPrivate", "Chào em", (Guid?)null)).ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Muted_learners_cannot_chat_until_unmuted_and_hosts_are_never_muted_by_mute_all()
    {
        var (host, learner, _) = await Live();
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        await host.Do("Mute", learnerId);
        (await learner.Fails("SendChat", "alo")).ShouldBe("MUTED");
        await host.Do("Unmute", learnerId);
        await learner.Do("SendChat", "alo");
        await host.Do("Mute", (Guid?)null);
        (await learner.Fails("SendChat", "alo")).ShouldBe("MUTED");
        await host.Do("SendChat", "Cả lớp tạm dừng trò chuyện");
        await host.Do("Unmute", (Guid?)null);
        await learner.Do("SendChat", "cảm ơn thầy");
    }

    [Fact]
    public async Task A_removed_learner_cannot_rejoin_unless_allowed_back()
    {
        var (host, learner, session) = await Live();
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        await host.Do("Remove", learnerId);
        (await learner.Next("participantRemoved")).Data.GetProperty("personId").GetGuid().ShouldBe(learnerId);
        (await learner.Fails("SendChat", "cho em vào lại")).ShouldBe("REMOVED");
        var again = await Device("learner");
        (await again.Fails("Join", Guid.Parse(session))).ShouldBe("REMOVED");
        await host.Do("AllowBack", learnerId);
        (await again.Join(session)).Me.Role.ShouldBe("LEARNER");
    }

    [Fact]
    public async Task A_locked_room_takes_no_new_learner_but_those_already_admitted_may_come_back()
    {
        var (host, learner, session) = await Live();
        await host.Do("Lock", true);
        (await (await Device("learner2")).Fails("Join", Guid.Parse(session))).ShouldBe("ROOM_LOCKED");
        await learner.Hub.InvokeAsync("Leave");
        (await learner.Join(session)).Locked.ShouldBeTrue();
    }

    [Fact]
    public async Task With_a_lobby_learners_wait_until_the_host_admits_them()
    {
        var (_, session) = await Class(extra: new { lobby = true });
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner");
        (await learner.Join(session)).Me.InLobby.ShouldBeTrue();
        (await learner.Fails("SendChat", "em vào được chưa")).ShouldBe("NOT_IN_ROOM");
        (await host.Next("learnerWaiting")).Data.GetProperty("name").GetString().ShouldBe("Hoàng Thị Em");
        (await (await Device("commune")).Join(session)).Lobby.Single().Name.ShouldBe("Hoàng Thị Em");
        await host.Do("AdmitAll");
        (await learner.Next("learnersAdmitted")).ShouldNotBeNull();
        var inside = await learner.Join(session);
        inside.Me.InLobby.ShouldBeFalse();
        inside.Participants.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_late_joiner_lands_on_the_page_the_host_shows()
    {
        var (host, learner, session) = await Live();
        await host.Do("ShowPage", 0, 12);
        (await learner.Next("pageShown")).Data.GetProperty("page").GetInt32().ShouldBe(12);
        (await host.Fails("ShowPage", 0, 0)).ShouldBe("INVALID_INPUT");
        var late = await (await Device("learner2")).Join(session);
        late.Page.ShouldBe(12);
        (await learner.Fails("React", "<img>")).ShouldBe("INVALID_INPUT");
        await learner.Do("React", "👏");
        (await host.Next("reactionSent")).Data.GetProperty("reaction").GetString().ShouldBe("👏");
    }

    public static TheoryData<string, object?[]> HostOnly => new()
    {
        { "OpenPoll", ["Câu hỏi", new[] { "A", "B" }, false] },
        { "ClosePoll", [Guid.NewGuid()] },
        { "Mute", [null] },
        { "Unmute", [null] },
        { "Remove", [Guid.NewGuid()] },
        { "AllowBack", [Guid.NewGuid()] },
        { "Lock", [true] },
        { "Admit", [Guid.NewGuid()] },
        { "AdmitAll", [] },
        { "ShowPage", [0, 2] },
        { "CallOn", [Guid.NewGuid()] },
        { "AnswerQuestion", [Guid.NewGuid()] },
        { "DismissQuestion", [Guid.NewGuid()] },
        { "End", [] },
    };

    [Theory]
    [MemberData(nameof(HostOnly))]
    public async Task A_learner_calling_a_host_only_method_is_refused_and_nothing_happens(string method, object?[] args)
    {
        var (host, learner, _) = await Live();
        var before = await host.Do("RaiseHand");
        (await learner.Fails(method, args)).ShouldBe("NOT_ALLOWED");
        (await learner.Call<Vape.Classes.Classroom.ClassroomCatchUp>("CatchUp", before)).Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task Catching_up_returns_exactly_the_missing_events_in_order_over_the_hub_and_GraphQL()
    {
        var (host, learner, session) = await Live();
        var seen = await learner.Do("RaiseHand");
        var versions = new List<long>();
        foreach (var text in new[] { "một", "hai", "ba" }) versions.Add(await host.Do("SendChat", text));

        var missed = await learner.Call<Vape.Classes.Classroom.ClassroomCatchUp>("CatchUp", seen);
        missed.Snapshot.ShouldBeNull();
        missed.Events.Select(e => e.Version).ShouldBe(versions);
        missed.Events.Select(e => e.Type).ShouldAllBe(t => t == "chatPosted");

        var response = await App.GraphQL("query($s: ID!, $v: Long!) { classroomEvents(sessionId: $s, afterVersion: $v) { events { version type data } snapshot { version } } }",
            new { s = session, v = seen }, await Api.Org.Token("learner"));
        var events = response.Data["classroomEvents"]!["events"]!.AsArray();
        events.Select(e => e!["version"]!.GetValue<long>()).ShouldBe(versions);
        events[1]!["data"]!.GetValue<string>().ShouldContain("\"text\":\"hai\"");

        var behind = await learner.Call<Vape.Classes.Classroom.ClassroomCatchUp>("CatchUp", -1L);
        behind.Events.ShouldBeEmpty();
        behind.Snapshot!.Version.ShouldBe(versions[^1]);
        (await App.GraphQL("query($s: ID!) { classroomEvents(sessionId: $s, afterVersion: 0) { events { version } } }",
            new { s = session }, await Api.Org.Token("learner-hp"))).FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }
}
