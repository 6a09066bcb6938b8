using System.Text.Json.Nodes;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vape.Classes;
using Vape.Classes.Attendance;
using Vape.Records.Contracts;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Classes;

/// <summary>A host of its own whose Classes module reads a clock the test moves: attendance and reminders are about minutes, and tests never wait.</summary>
public sealed class ClassesClockApp : VapeApp
{
    // Class reminders are swept every second (docs/adr/0208), so a reminder the test's clock makes due comes at once.
    public ClassesClockApp() : base("vape_tests_classes_clock", "Development", new() { ["Vape:Classes:ReminderSweepSeconds"] = "1", ["Vape:Classes:ReminderSweepBatch"] = "2" }) { }

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new ClassesClock(Clock));
}

public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

[CollectionDefinition(Name)]
public sealed class ClassesClockCollection : ICollectionFixture<ClassesClockApp>
{
    public const string Name = "classes-clock";
}

[Collection(ClassesClockCollection.Name)]
public sealed class AttendanceTests(ClassesClockApp app) : ClassroomTestsBase<ClassesClockApp>(app)
{
    [Fact]
    public async Task Ending_a_session_sends_one_attendance_per_learner_who_met_the_rule_through_the_outbox_and_Records_adds_each_once()
    {
        var c = await Api.Schedule("Lớp điểm danh");
        var classId = ClassesApi.Id(c);
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var stays = await Api.Org.Token("learner");
        var late = await Api.Org.Token("learner2");
        var comesBack = (await Api.NewLearners(1))[0];
        foreach (var token in new[] { stays, late, comesBack.Token }) (await Api.Enrol(classId, token)).HasErrors.ShouldBeFalse();

        var host = await Device("commune");
        await host.Join(session);
        await (await Connect(stays)).Join(session);
        var back = await Connect(comesBack.Token);
        await back.Join(session);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await back.Hub.InvokeAsync("Leave");
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await back.Join(session);
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await (await Connect(late)).Join(session);
        App.Clock.Advance(TimeSpan.FromMinutes(10));

        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => await host.Do("End")));

        var sent = tracked.Sent.MessagesOf<RecordClassAttendance>().OrderBy(m => m.MinutesPresent).ToList();
        var stayer = Guid.Parse(await Api.Org.PersonId("learner"));
        sent.Select(m => m.PersonId).ShouldBe([comesBack.PersonId, stayer]);
        sent.Select(m => m.MinutesPresent).ShouldBe([50, 60]);
        sent.ShouldAllBe(m => m.ClassId == Guid.Parse(classId) && m.SessionId == Guid.Parse(session) && m.Domain == LearningDomain.DigitalSkills
            && m.ClassTitle == "Lớp điểm danh");
        sent.Single(m => m.PersonId == stayer).AttendanceId.ShouldBe(AttendanceIds.For(Guid.Parse(session), stayer));
        // Their envelopes' ids are version-7 GUIDs, unique without the machine's identity: two hosts on one machine
        // once made the same id, and the shared inbox refused the class end (docs/adr/0060).
        var envelopes = tracked.Sent.Envelopes().Where(e => e.Message is RecordClassAttendance).ToList();
        envelopes.Count.ShouldBe(2);
        envelopes.ShouldAllBe(e => e.Id.Version == 7);

        // Records took each message: the learner's own record shows the class once, from the system; delivering
        // the same message again (the outbox after a crash) adds nothing.
        static async Task<JsonArray> Activities(ClassesClockApp App, string token) =>
            (await App.GraphQL("{ myRecord { activities(first: 100) { nodes { title hours provenance status } } } }", token: token)).Data["myRecord"]!["activities"]!["nodes"]!.AsArray();
        var fromClass = (await Activities(App, stays)).Where(a => a!["title"]!.GetValue<string>() == "Lớp điểm danh").ToList();
        fromClass.ShouldHaveSingleItem()!["provenance"]!.GetValue<string>().ShouldBe("SYSTEM");
        fromClass[0]!["hours"]!.GetValue<decimal>().ShouldBe(1m);
        await App.Host.InvokeMessageAndWaitAsync(sent.Single(m => m.PersonId == stayer));
        (await Activities(App, stays)).Count(a => a!["title"]!.GetValue<string>() == "Lớp điểm danh").ShouldBe(1);
        (await Activities(App, late)).ShouldNotContain(a => a!["title"]!.GetValue<string>() == "Lớp điểm danh");

        var report = await App.GraphQL("query($s: ID!) { attendance(sessionId: $s) { ended completedCount attendees { name minutesPresent completed attendanceId } polls { question } } }",
            new { s = session }, await Api.Org.Token("commune"));
        var attendance = report.Data["attendance"]!;
        attendance["ended"]!.GetValue<bool>().ShouldBeTrue();
        attendance["completedCount"]!.GetValue<int>().ShouldBe(2);
        var rows = attendance["attendees"]!.AsArray();
        rows.Count.ShouldBe(3);
        rows.Single(r => r!["name"]!.GetValue<string>() == "Trần Văn Phúc")!["completed"]!.GetValue<bool>().ShouldBeFalse();
        rows.Single(r => r!["name"]!.GetValue<string>() == "Trần Văn Phúc")!["minutesPresent"]!.GetValue<int>().ShouldBe(10);

        var own = await App.GraphQL("query($s: ID!) { attendance(sessionId: $s) { attendees { name } } }", new { s = session }, late);
        own.Data["attendance"]!["attendees"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("Trần Văn Phúc");
    }

    [Fact]
    public void The_attendance_id_is_the_same_every_time_for_the_same_learner_and_session_and_differs_otherwise()
    {
        var (session, person) = (Guid.NewGuid(), Guid.NewGuid());
        AttendanceIds.For(session, person).ShouldBe(AttendanceIds.For(session, person));
        AttendanceIds.For(session, person).ShouldNotBe(AttendanceIds.For(person, session));
        AttendanceIds.For(session, person).Version.ShouldBe(5);
    }

    [Fact]
    public async Task The_attendance_exports_as_CSV_in_UTF8_with_a_BOM_for_hosts_only()
    {
        var c = await Api.Schedule("Lớp xuất CSV");
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var learner = await Api.Org.Token("learner");
        await Api.Enrol(ClassesApi.Id(c), learner);
        var host = await Device("commune");
        await host.Join(session);
        await (await Connect(learner)).Join(session);
        App.Clock.Advance(TimeSpan.FromMinutes(45));
        await host.Do("End");

        async Task<HttpResponseMessage> Get(string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/classes/sessions/{session}/attendance.csv");
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await App.Host.Server.CreateClient().SendAsync(request);
        }
        var response = await Get(await Api.Org.Token("commune"));
        ((int)response.StatusCode).ShouldBe(200);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        text.ShouldStartWith("ho_ten,vai_tro,vao_luc,roi_luc,so_phut,hoan_thanh");
        text.ShouldContain("Hoàng Thị Em,Học viên,");
        text.ShouldContain(",45,có");
        ((int)(await Get(learner)).StatusCode).ShouldBe(403);
        ((int)(await Get(null)).StatusCode).ShouldBe(401);
    }
}
