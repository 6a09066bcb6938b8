using System.Net.Http.Headers;
using Vape.Records.Contracts;
using Wolverine.Tracking;

namespace Vape.Tests.Classes;

/// <summary>
/// Minutes with media connected beside minutes in the room (issue #27, docs/adr/0229): each device reports its picture
/// and sound through the classroom hub (JSON and MessagePack); a device that leaves, is removed or sees the class end
/// closes its stretch; the class's end sums them into attendance, never above the minutes present.
/// </summary>
[Collection(ClassesClockCollection.Name)]
public sealed class MediaMinutesTests(ClassesClockApp app) : ClassroomTestsBase<ClassesClockApp>(app)
{
    [Fact]
    public async Task Attendance_counts_the_minutes_each_learner_had_media_connected_never_more_than_the_minutes_in_the_room()
    {
        var c = await Api.Schedule("Lớp có hình và tiếng");
        var classId = ClassesApi.Id(c);
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var learners = await Api.NewLearners(4);
        var (steady, leaves, never, twoDevices) = (learners[0], learners[1], learners[2], learners[3]);
        foreach (var l in learners) (await Api.Enrol(classId, l.Token)).HasErrors.ShouldBeFalse();

        var host = await Device("commune");
        await host.Join(session);
        var a = await Connect(steady.Token);
        await a.Join(session);
        var b = await ClassroomClient.Connect(App, leaves.Token, messagePack: true);
        await b.Enter(session);
        await (await Connect(never.Token)).Join(session);
        var d1 = await Connect(twoDevices.Token);
        await d1.Join(session);
        var d2 = await ClassroomClient.Connect(App, twoDevices.Token, messagePack: true);
        await d2.Enter(session);

        await a.Call<object>("MediaConnected", true);
        await b.Call<object>("MediaConnected", true);
        await d1.Call<object>("MediaConnected", true);
        await d2.Call<object>("MediaConnected", true);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await a.Call<object>("MediaConnected", true); // said twice: the stretch that is open goes on
        // The MessagePack learner's device drops with its media connected: its stretch ends with it.
        await b.DisposeAsync();
        (await host.Next("participantLeft")).Data.GetProperty("personId").GetString().ShouldBe(leaves.PersonId.ToString());
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await a.Call<object>("MediaConnected", false);
        await a.Call<object>("MediaConnected", false); // said twice: nothing more is counted
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await a.Call<object>("MediaConnected", true);
        App.Clock.Advance(TimeSpan.FromMinutes(10));

        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => await host.Do("End")));

        var rows = (await App.GraphQL("query($s: ID!) { attendance(sessionId: $s) { attendees { personId minutesPresent minutesWithMedia } } }",
            new { s = session }, await Api.Org.Token("commune"))).Data["attendance"]!["attendees"]!.AsArray()
            .ToDictionary(r => Guid.Parse(r!["personId"]!.GetValue<string>()), r => (Present: r!["minutesPresent"]!.GetValue<int>(), Media: r["minutesWithMedia"]!.GetValue<int>()));
        rows[steady.PersonId].ShouldBe((30, 25));
        rows[leaves.PersonId].ShouldBe((10, 10));
        rows[never.PersonId].ShouldBe((30, 0));
        // Two devices with media for the whole class count the class once.
        rows[twoDevices.PersonId].ShouldBe((30, 30));

        var sent = tracked.Sent.MessagesOf<RecordClassAttendance>().ToDictionary(m => m.PersonId);
        sent[steady.PersonId].MinutesWithMedia.ShouldBe(25);
        sent[never.PersonId].MinutesWithMedia.ShouldBe(0);
        sent[twoDevices.PersonId].MinutesWithMedia.ShouldBe(30);

        var csv = new HttpRequestMessage(HttpMethod.Get, $"/classes/sessions/{session}/attendance.csv");
        csv.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Api.Org.Token("commune"));
        var text = System.Text.Encoding.UTF8.GetString((await (await App.Host.Server.CreateClient().SendAsync(csv)).Content.ReadAsByteArrayAsync())[3..]);
        text.ShouldStartWith("ho_ten,vai_tro,vao_luc,roi_luc,so_phut,hoan_thanh,so_phut_co_hinh_tieng\r\n");
        text.ShouldContain(",30,có,25\r\n");
        text.ShouldContain(",30,có,0\r\n");
        await d2.DisposeAsync();
    }

    [Fact]
    public async Task A_removed_learners_stretch_ends_with_the_removal_and_a_device_outside_the_room_is_refused_and_changes_nothing()
    {
        var c = await Api.Schedule("Lớp mời ra");
        var classId = ClassesApi.Id(c);
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var learners = await Api.NewLearners(2);
        var (removed, outside) = (learners[0], learners[1]);
        foreach (var l in learners) (await Api.Enrol(classId, l.Token)).HasErrors.ShouldBeFalse();
        var host = await Device("commune");

        // Not joined yet (JSON and MessagePack): NOT_IN_ROOM.
        var early = await Connect(outside.Token);
        (await early.Fails("MediaConnected", true)).ShouldBe("NOT_IN_ROOM");
        var earlyPack = await ClassroomClient.Connect(App, outside.Token, messagePack: true);
        (await earlyPack.Fails("MediaConnected", true)).ShouldBe("NOT_IN_ROOM");
        await earlyPack.DisposeAsync();

        await host.Join(session);
        var r = await Connect(removed.Token);
        await r.Join(session);
        await r.Call<object>("MediaConnected", true);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Do("Remove", removed.PersonId);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        // Removed: the device is out of the room; its report is refused and counts nothing.
        (await r.Fails("MediaConnected", true)).ShouldBe("REMOVED");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Do("End");
        (await early.Fails("MediaConnected", true)).ShouldBe("NOT_IN_ROOM");

        var rows = (await App.GraphQL("query($s: ID!) { attendance(sessionId: $s) { attendees { personId minutesPresent minutesWithMedia } } }",
            new { s = session }, await Api.Org.Token("commune"))).Data["attendance"]!["attendees"]!.AsArray();
        var row = rows.Single(x => x!["personId"]!.GetValue<string>() == removed.PersonId.ToString())!;
        row["minutesPresent"]!.GetValue<int>().ShouldBe(5);
        row["minutesWithMedia"]!.GetValue<int>().ShouldBe(5);
        // A learner who never got in has no attendance line at all.
        rows.ShouldNotContain(x => x!["personId"]!.GetValue<string>() == outside.PersonId.ToString());
    }

    [Fact]
    public async Task After_the_class_ended_a_device_that_reports_media_is_told_CLASS_ENDED()
    {
        var c = await Api.Schedule("Lớp đã kết thúc");
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var learner = (await Api.NewLearners(1))[0];
        (await Api.Enrol(ClassesApi.Id(c), learner.Token)).HasErrors.ShouldBeFalse();
        var host = await Device("commune");
        await host.Join(session);
        var l = await Connect(learner.Token);
        await l.Join(session);
        await host.Do("End");
        (await l.Fails("MediaConnected", true)).ShouldBe("CLASS_ENDED");
        (await host.Fails("MediaConnected", true)).ShouldBe("CLASS_ENDED");
    }
}
