using System.Text.Json;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>Cascade classes: local relay rooms of a higher unit's class, each with its own room, headcount rolled up live.</summary>
[Collection(VapeCollection.Name)]
public sealed class CascadeTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    private async Task<(string ParentSession, string RelayClass, string RelaySession)> Relay()
    {
        var parent = await Api.Schedule("Bài giảng của Hà Nội", unitCode: "T01", login: "province");
        var parentSession = parent["sessions"]![0]!["id"]!.GetValue<string>();
        var relay = await Api.Schedule("Tiếp sóng tại Ba Đình", unitCode: "T01-X001", login: "commune",
            extra: new { relayOfSessionId = parentSession, startsAt = (string?)null, durationMinutes = (int?)null });
        relay["sessions"]!.AsArray().Count.ShouldBe(1);
        relay["sessions"]![0]!["startsAt"]!.GetValue<string>().ShouldBe(parent["sessions"]![0]!["startsAt"]!.GetValue<string>());
        return (parentSession, ClassesApi.Id(relay), relay["sessions"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_relay_rooms_headcount_rolls_up_live_to_the_parent_and_a_local_host_forwards_a_question_upward()
    {
        var (parentSession, relayClass, relaySession) = await Relay();
        await Api.Enrol(relayClass, await Api.Org.Token("learner"));
        var centre = await Device("province");
        await centre.Join(parentSession);
        var local = await Device("commune");
        await local.Join(relaySession);
        (await centre.Next("relayHeadcountChanged")).Data.GetProperty("headcount").GetInt32().ShouldBe(1);
        var learner = await Device("learner");
        await learner.Join(relaySession);
        var rolled = await centre.Next("relayHeadcountChanged");
        rolled.Data.GetProperty("headcount").GetInt32().ShouldBe(2);
        rolled.Data.GetProperty("name").GetString().ShouldBe("Phường Ba Đình");

        var snapshot = await (await Device("province")).Join(parentSession);
        snapshot.Relays.Single().Headcount.ShouldBe(2);
        snapshot.TotalHeadcount.ShouldBe(3);

        await learner.Do("AskQuestion", "Ở phường có lớp thực hành không ạ?");
        var question = (await local.Next("questionAsked")).Data.GetProperty("questionId").GetGuid();
        (await learner.Fails("ForwardQuestion", question)).ShouldBe("NOT_ALLOWED");
        await local.Do("ForwardQuestion", question);
        var upward = await centre.Next("questionAsked");
        upward.Data.GetProperty("text").GetString().ShouldBe("Ở phường có lớp thực hành không ạ?");
        upward.Data.GetProperty("name").GetString().ShouldBe("Hoàng Thị Em");
        upward.Data.GetProperty("relayName").GetString().ShouldBe("Phường Ba Đình");
        upward.Data.GetProperty("relaySessionId").GetGuid().ShouldBe(Guid.Parse(relaySession));
        (await local.Next("questionClosed")).Data.GetProperty("status").GetString().ShouldBe("FORWARDED");

        await learner.Hub.DisposeAsync();
        (await centre.Next("relayHeadcountChanged")).Data.GetProperty("headcount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_escalated_question_keeps_its_relay_room_in_the_live_event_and_the_snapshot_over_json_and_messagepack()
    {
        var (parentSession, relayClass, relaySession) = await Relay();
        await Api.Enrol(relayClass, await Api.Org.Token("learner"));
        var centre = await Device("province");
        await centre.Join(parentSession);
        var centreMsgPack = await Device("province", messagePack: true);
        await centreMsgPack.Join(parentSession);
        var local = await Device("commune");
        await local.Join(relaySession);
        var learner = await Device("learner");
        await learner.Join(relaySession);

        await learner.Do("AskQuestion", "Ở phường có lớp thực hành không ạ?");
        await local.Do("ForwardQuestion", (await local.Next("questionAsked")).Data.GetProperty("questionId").GetGuid());
        // A question asked in the parent room itself carries no relay.
        await centre.Do("AskQuestion", "Câu hỏi tại phòng chính");

        foreach (var device in new[] { centre, centreMsgPack })
        {
            var escalated = await device.Next("questionAsked");
            escalated.Data.GetProperty("name").GetString().ShouldBe("Hoàng Thị Em");
            escalated.Data.GetProperty("relayName").GetString().ShouldBe("Phường Ba Đình");
            escalated.Data.GetProperty("relaySessionId").GetGuid().ShouldBe(Guid.Parse(relaySession));
            var local_ = await device.Next("questionAsked");
            local_.Data.GetProperty("text").GetString().ShouldBe("Câu hỏi tại phòng chính");
            (local_.Data.TryGetProperty("relaySessionId", out var none) ? none.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        }

        foreach (var messagePack in new[] { false, true })
        {
            var snapshot = await (await Device("province", messagePack)).Join(parentSession);
            var up = snapshot.Questions.Single(q => q.Text == "Ở phường có lớp thực hành không ạ?");
            up.Name.ShouldBe("Hoàng Thị Em");
            up.RelayName.ShouldBe("Phường Ba Đình");
            up.RelaySessionId.ShouldBe(Guid.Parse(relaySession));
            var here = snapshot.Questions.Single(q => q.Text == "Câu hỏi tại phòng chính");
            here.RelaySessionId.ShouldBeNull();
            here.RelayName.ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_relay_rooms_snapshot_names_its_parent_session_over_json_messagepack_and_graphql_and_the_parents_does_not()
    {
        var (parentSession, relayClass, relaySession) = await Relay();
        await Api.Enrol(relayClass, await Api.Org.Token("learner"));
        (await (await Device("province")).Join(parentSession)).RelayOfSessionId.ShouldBeNull("the parent room relays nothing");
        foreach (var messagePack in new[] { false, true })
            (await (await Device("commune", messagePack)).Join(relaySession)).RelayOfSessionId.ShouldBe(Guid.Parse(parentSession));
        // A learner of the relay room sees it too (the page shows the "send up" button to hosts only).
        (await (await Device("learner", messagePack: true)).Join(relaySession)).RelayOfSessionId.ShouldBe(Guid.Parse(parentSession));

        const string query = "query($s: ID!) { classroomSnapshot(sessionId: $s) { relayOfSessionId } }";
        var relay = await App.GraphQL(query, new { s = relaySession }, await Api.Org.Token("commune"));
        relay.HasErrors.ShouldBeFalse(relay.Body);
        relay.Data["classroomSnapshot"]!["relayOfSessionId"]!.GetValue<string>().ShouldBe(parentSession);
        var parent = await App.GraphQL(query, new { s = parentSession }, await Api.Org.Token("province"));
        parent.HasErrors.ShouldBeFalse(parent.Body);
        parent.Data["classroomSnapshot"]!["relayOfSessionId"].ShouldBeNull();
    }

    [Fact]
    public async Task Only_a_unit_below_the_parent_classes_unit_may_relay_it_and_a_relay_is_not_relayed_again()
    {
        var (parentSession, _, relaySession) = await Relay();
        (await Api.ScheduleRaw("Tiếp sóng sai", unitCode: "T18-X001", login: "sibling-province",
            extra: new { relayOfSessionId = parentSession, startsAt = (string?)null, durationMinutes = (int?)null })).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Api.ScheduleRaw("Tiếp sóng lại", unitCode: "T01-X001-02", login: "commune",
            extra: new { relayOfSessionId = relaySession, startsAt = (string?)null, durationMinutes = (int?)null })).FirstErrorCode.ShouldBe("INVALID_INPUT");
        var local = await Device("commune");
        await local.Join(relaySession);
        (await (await Device("province")).Join(parentSession)).Relays.Single().Headcount.ShouldBe(1, "a relay opened before its parent reports when the parent opens");
    }
}
