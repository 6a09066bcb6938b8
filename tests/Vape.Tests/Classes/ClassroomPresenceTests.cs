using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Storage;
using Vape.Classes;
using Vape.Classes.Classroom;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>Presence at scale: many learners leaving at once, a paged participant list, a crashed host's lease, the lobby, relay roll-up.</summary>
[Collection(VapeCollection.Name)]
public sealed class ClassroomPresenceTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    private async Task<T> Scalar<T>(string sql, params (string, object)[] args)
    {
        await using var cmd = App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A public class of Phường Ba Đình hosted by `commune`, with `count` new learners enrolled (tokens of their own).</summary>
    private async Task<(string ClassId, string SessionId, List<(Guid Person, string Token)> Learners)> Class(int count, object? extra = null)
    {
        var c = await Api.Schedule("Lớp đông người", capacity: 1000, extra: extra);
        var id = ClassesApi.Id(c);
        var issuer = App.Host.Services.GetRequiredService<LocalTokenIssuer>();
        var learners = Enumerable.Range(0, count).Select(i => Guid.CreateVersion7())
            .Select(p => (p, issuer.Issue(new LoginIdentity(p, "hoc-vien", "Học viên"), TimeSpan.FromHours(1)))).ToList();
        // Members of Phường Ba Đình (a token works only for a person who exists), enrolled.
        await using var cmd = App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            insert into organization.people (id, full_name, home_unit_id, joined_on) select unnest(@p), 'Học viên', @u, current_date;
            insert into classes.enrolments (class_id, person_id, status, since) select @c, unnest(@p), 'ENROLLED', now();
            """);
        cmd.Parameters.AddWithValue("u", Guid.Parse(await Api.Org.UnitId("T01-X001")));
        cmd.Parameters.AddWithValue("c", Guid.Parse(id));
        cmd.Parameters.AddWithValue("p", learners.Select(l => l.p).ToArray());
        await cmd.ExecuteNonQueryAsync();
        return (id, c["sessions"]![0]!["id"]!.GetValue<string>(), learners);
    }

    [Fact]
    public async Task Two_hundred_learners_disconnecting_at_once_all_leave_and_each_leave_is_recorded_and_broadcast_once()
    {
        var (classId, session, learners) = await Class(200);
        var host = await Device("commune");
        await host.Join(session);
        var devices = new List<ClassroomClient>();
        foreach (var (_, token) in learners)
        {
            var device = await ClassroomClient.Connect(App, token);
            devices.Add(device);
            await device.Join(session);
        }

        // The snapshot is paged: hosts first, 100 at a time; the hub gives the rest.
        var late = await Device("learner");
        await Api.Enrol(classId, await Api.Org.Token("learner"));
        var snapshot = await late.Join(session);
        snapshot.Headcount.ShouldBe(202);
        snapshot.Participants.Count.ShouldBe(100);
        snapshot.Participants[0].Role.ShouldBe("HOST");
        var everyone = snapshot.Participants.Select(p => p.PersonId).ToList();
        for (var after = snapshot.ParticipantsAfter; after is Guid cursor;)
        {
            var page = await late.Call<ParticipantPage>("Participants", cursor);
            everyone.AddRange(page.Participants.Select(p => p.PersonId));
            after = page.After;
        }
        everyone.Count.ShouldBe(202);
        everyone.Distinct().Count().ShouldBe(202);

        host.Drain();
        var before = await host.Do("RaiseHand");
        await Task.WhenAll(devices.Select(d => d.DisposeAsync().AsTask()));

        var left = new List<HeardEvent>();
        while (left.Count < 200) left.Add(await host.Next("participantLeft"));
        left.Select(e => e.Data.GetProperty("personId").GetGuid()).Order().ShouldBe(learners.Select(l => l.Person).Order());
        left.Select(e => e.Version).ShouldBeInOrder(SortDirection.Ascending);

        // Nothing more comes: the next event after the 200 leaves is the host's own chat line, and catching up agrees.
        var chat = await host.Do("SendChat", "Cảm ơn các bạn");
        (await host.Next("chatPosted")).Version.ShouldBe(chat);
        host.Drain().ShouldNotContain(e => e.Type == "participantLeft");
        var missed = await host.Call<ClassroomCatchUp>("CatchUp", before);
        missed.Events.Count(e => e.Type == "participantLeft").ShouldBe(200);
        missed.Events.Select(e => e.Version).ShouldBe(Enumerable.Range((int)before + 1, (int)(chat - before)).Select(v => (long)v));
        (await Scalar<long>("select count(*) from classes.connections where session_id = @s", ("s", Guid.Parse(session)))).ShouldBe(2);
        (await Scalar<long>("select count(*) from classes.participants where session_id = @s and present", ("s", Guid.Parse(session)))).ShouldBe(2);
    }

    [Fact]
    public async Task The_connections_of_a_host_whose_lease_expired_are_left_by_another_host_with_versions()
    {
        var (_, session, learners) = await Class(1);
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Connect(learners[0].Token);
        await learner.Join(session);
        await host.Next("participantJoined");

        // The learner's host crashed a day ago: its lease row is stale and no one refreshes it.
        var crashed = Guid.CreateVersion7();
        await Scalar<int>("""
            with h as (insert into classes.hosts (host_id, seen_at) values (@h, now() - interval '1 day') returning 1)
            update classes.connections set host_id = @h where person_id = @p returning 1
            """, ("h", crashed), ("p", learners[0].Person));
        var presence = App.Host.Services.GetRequiredService<ClassroomPresence>();
        await presence.SweepAsync(CancellationToken.None);

        var left = await host.Next("participantLeft");
        left.Data.GetProperty("personId").GetGuid().ShouldBe(learners[0].Person);
        (await host.Call<ClassroomCatchUp>("CatchUp", left.Version - 1)).Events.Single().Type.ShouldBe("participantLeft");
        (await Scalar<long>("select count(*) from classes.connections where host_id = @h", ("h", crashed))).ShouldBe(0);
        (await Scalar<long>("select count(*) from classes.hosts where host_id = @h", ("h", crashed))).ShouldBe(0);
        (await Scalar<long>("select count(*) from classes.hosts where host_id = @h", ("h", presence.HostId))).ShouldBe(1, "the live host keeps its lease");
        (await Scalar<long>("select count(*) from classes.participants where session_id = @s and present", ("s", Guid.Parse(session)))).ShouldBe(1);

        // Sweeping again changes nothing.
        var version = await host.Do("RaiseHand");
        await presence.SweepAsync(CancellationToken.None);
        (await host.Call<ClassroomCatchUp>("CatchUp", version)).Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_learner_who_leaves_the_lobby_is_no_longer_listed_there()
    {
        var (_, session, learners) = await Class(2, new { lobby = true });
        var host = await Device("commune");
        await host.Join(session);
        var first = await Connect(learners[0].Token);
        (await first.Join(session)).Me.InLobby.ShouldBeTrue();
        var second = await Connect(learners[1].Token);
        (await second.Join(session)).Me.InLobby.ShouldBeTrue();
        await host.Next("learnerWaiting");
        await host.Next("learnerWaiting");

        await first.Hub.InvokeAsync("Leave");
        (await host.Next("learnerLeftLobby")).Data.GetProperty("personId").GetGuid().ShouldBe(learners[0].Person);
        await second.Hub.StopAsync();
        (await host.Next("learnerLeftLobby")).Data.GetProperty("personId").GetGuid().ShouldBe(learners[1].Person);

        (await (await Device("commune")).Join(session)).Lobby.ShouldBeEmpty();
        var version = await host.Do("AdmitAll");
        (await host.Call<ClassroomCatchUp>("CatchUp", version)).Events.ShouldBeEmpty();
        (await host.Fails("Admit", learners[0].Person)).ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task A_relay_rooms_headcount_is_rolled_up_in_the_same_transaction_as_the_relays_change()
    {
        var parent = await Api.Schedule("Bài giảng của Hà Nội", unitCode: "T01", login: "province");
        var parentSession = parent["sessions"]![0]!["id"]!.GetValue<string>();
        var relay = await Api.Schedule("Tiếp sóng tại Ba Đình", unitCode: "T01-X001", login: "commune",
            extra: new { relayOfSessionId = parentSession, startsAt = (string?)null, durationMinutes = (int?)null });
        var relaySession = relay["sessions"]![0]!["id"]!.GetValue<string>();
        await Api.Enrol(ClassesApi.Id(relay), await Api.Org.Token("learner"));
        var centre = await Device("province");
        await centre.Join(parentSession);
        await (await Device("commune")).Join(relaySession);
        await centre.Next("relayHeadcountChanged");
        var learner = await Device("learner");
        await learner.Join(relaySession);
        await learner.Hub.StopAsync();
        (await centre.Next("relayHeadcountChanged")).Data.GetProperty("headcount").GetInt32().ShouldBe(2);
        (await centre.Next("relayHeadcountChanged")).Data.GetProperty("headcount").GetInt32().ShouldBe(1);

        // Each roll-up was written by the very transaction that changed the relay's presence (same xmin), never after it.
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        foreach (var type in new[] { "participant_joined", "participant_left" })
        {
            var same = await Scalar<bool>($"""
                select exists (select 1 from events.mt_events r join events.mt_events p on p.xmin = r.xmin
                    where r.stream_id = @relay and r.type = '{type}' and coalesce(r.data->>'personId', r.data->>'PersonId') = @person and p.stream_id = @parent and p.type = 'relay_headcount_changed')
                """, ("relay", ModuleStreams<ClassesModule>.Id(Guid.Parse(relaySession))), ("parent", ModuleStreams<ClassesModule>.Id(Guid.Parse(parentSession))), ("person", learnerId.ToString()));
            same.ShouldBeTrue(type);
        }
    }
}
