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
        upward.Data.GetProperty("name").GetString().ShouldBe("Hoàng Thị Em (Phường Ba Đình)");
        (await local.Next("questionClosed")).Data.GetProperty("status").GetString().ShouldBe("FORWARDED");

        await learner.Hub.DisposeAsync();
        (await centre.Next("relayHeadcountChanged")).Data.GetProperty("headcount").GetInt32().ShouldBe(1);
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
