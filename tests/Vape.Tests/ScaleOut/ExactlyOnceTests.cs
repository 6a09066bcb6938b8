using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Xunit.Abstractions;

namespace Vape.Tests.ScaleOut;

/// <summary>
/// A host killed with work in flight of three kinds: the attendance of a class that has just ended (durable
/// messages from Classes to Records, committed but not yet handled), directive acknowledgements and coordination
/// messages (requests on their way when the host dies, sent again by their clients). After the host comes back,
/// PostgreSQL holds each one's effect exactly once. The size is 2,000 of each (VAPE_INFLIGHT sets another).
/// </summary>
[Collection(TopologyCollection.Name)]
[Trait("Category", "Topology")]
public sealed class ExactlyOnceTests(Topology topology, ITestOutputHelper output)
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("VAPE_INFLIGHT"), out var n) && n > 0 ? n : 2000;

    /// <summary>Requests spread over about 20 seconds, so that the kill lands while they flow.</summary>
    private static readonly int PerSecond = Math.Max(10, Count / 20);

    private static async Task<long> Scalar(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task After_kill_9_of_a_host_with_attendance_acknowledgements_and_messages_in_flight_each_has_its_effect_exactly_once()
    {
        await topology.SeedLoadPeople(Count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var central = await topology.Client.Token("central");
        var commune = await topology.Client.Token("commune");
        string UnitId(JsonNode answer) => answer["data"]!["unitByCode"]!["id"]!.GetValue<string>();

        // A class of `Count` learners, every one present from joining to the end (any presence completes it).
        var (sessionId, tokens) = await topology.Client.ClassWithLearners(Count, "Lớp học kết thúc khi máy chủ gặp sự cố", completionPercent: 1);

        // Directives from the centre to the whole tree, enough of them for `Count` acknowledgements.
        var db = await topology.OpenDatabaseAsync();
        await using var _ = db;
        var centre = UnitId(await topology.Client.UntilAnswered("{ unitByCode(code: \"TW\") { id } }", new { }, central));
        var acknowledgements = new List<(string Directive, string Unit)>();
        var directives = new List<Guid>();
        var run = Guid.NewGuid().ToString("N")[..6]; // numbers are unique per issuer; the topology outlives a test run
        while (acknowledgements.Count < Count)
        {
            var issued = await topology.Client.UntilAnswered("mutation($i: IssueDirectiveInput!) { issueDirective(input: $i) { id } }", new
            {
                i = new { issuerUnitId = centre, number = $"{directives.Count + 1}-{run}/CT-TW", title = "Về việc tổng kết năm học tập suốt đời", issuedOn = today, acknowledgeBy = today.AddDays(14), targetKind = "SUBTREE" },
            }, central);
            issued["errors"].ShouldBeNull(issued.ToJsonString());
            var directive = issued["data"]!["issueDirective"]!["id"]!.GetValue<string>();
            directives.Add(Guid.Parse(directive));
            await using var targets = new NpgsqlCommand("select unit_id from content.directive_targets where directive_id = @d and active", db);
            targets.Parameters.AddWithValue("d", Guid.Parse(directive));
            await using var reader = await targets.ExecuteReaderAsync();
            while (await reader.ReadAsync() && acknowledgements.Count < Count) acknowledgements.Add((directive, reader.GetGuid(0).ToString()));
        }

        // The coordination channel of Phường Ba Đình's officials; each message carries the id its sender gave it.
        var channels = (await topology.Client.UntilAnswered("{ channels(first: 100) { nodes { id kind unitId } } }", new { }, commune))["data"]!["channels"]!["nodes"]!.AsArray();
        var wardUnit = UnitId(await topology.Client.UntilAnswered("{ unitByCode(code: \"T01-X001\") { id } }", new { }, commune));
        var channelId = Guid.Parse(channels.Single(c => c!["kind"]!.GetValue<string>() == "UNIT" && c["unitId"]!.GetValue<string>() == wardUnit)!["id"]!.GetValue<string>());
        var channelVersionBefore = await Scalar(db, "select version from coordination.channels where id = @c", ("c", channelId));
        var messageIds = Enumerable.Range(0, Count).Select(_ => Guid.CreateVersion7()).ToArray();

        // The teacher is on host 1, the host that will die; the learners come through nginx, onto both hosts.
        await using var teacher = Topology.Hub(topology.HostUri(0), "/hubs/classroom", commune);
        await teacher.StartAsync();
        await teacher.InvokeAsync<JsonElement>("Join", sessionId);
        var learners = new HubConnection[Count];
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await TopologyClient.Flood(Count, 32, int.MaxValue, async i =>
            {
                learners[i] = Topology.Hub(topology.Nginx, "/hubs/classroom", tokens[i]);
                await learners[i].StartAsync();
                await learners[i].InvokeAsync<JsonElement>("Join", sessionId);
            }, () => { });

            // The second half of each kind waits for the kill, so that however fast the machine, the kill lands with
            // work of each kind still to do; requests of the first half are on their way when it comes.
            async Task AfterKillFor(int i) { if (i >= Count / 2) await killed.Task; }
            var acknowledged = 0;
            var posted = 0;
            var acks = TopologyClient.Flood(Count, 8, PerSecond, async i =>
            {
                await AfterKillFor(i);
                var answer = await topology.Client.UntilAnswered(
                    "mutation($i: AcknowledgeDirectiveInput!) { acknowledgeDirective(input: $i) { status } }",
                    new { i = new { directiveId = acknowledgements[i].Directive, unitId = acknowledgements[i].Unit, step = "READ" } }, central);
                answer["errors"].ShouldBeNull(answer.ToJsonString());
            }, () => Interlocked.Increment(ref acknowledged));
            var messages = TopologyClient.Flood(Count, 8, PerSecond, async i =>
            {
                await AfterKillFor(i);
                var answer = await topology.Client.UntilAnswered(
                    "mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }",
                    new { i = new { channelId, messageId = messageIds[i], body = $"Báo cáo số {i + 1}: phường đã triển khai xong." } }, commune);
                answer["errors"].ShouldBeNull(answer.ToJsonString());
            }, () => Interlocked.Increment(ref posted));

            // The class ends on host 1 (its attendance messages are committed with the end), and host 1 dies at once.
            while (Volatile.Read(ref acknowledged) < Count / 10 || Volatile.Read(ref posted) < Count / 10) await Task.Delay(50);
            await teacher.InvokeAsync<long>("End");
            await topology.Stop(0, "KILL");
            var atKill = (Acknowledged: Volatile.Read(ref acknowledged), Posted: Volatile.Read(ref posted),
                Recorded: await Scalar(db, "select count(*) from records.entries e join classes.attendance a on a.attendance_id = e.attendance_id where a.session_id = @s", ("s", sessionId)));
            killed.SetResult();

            output.WriteLine($"at the kill: {atKill}");
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(acks, messages);
            output.WriteLine($"requests answered {clock.Elapsed} after the kill");
            await topology.Script("start"); // host 1 comes back

            // Each learner's attendance reaches their record, whichever host picks up what host 1 left.
            long recorded = 0;
            for (var wait = 0; wait < 600; wait++)
            {
                recorded = await Scalar(db, "select count(*) from records.entries e join classes.attendance a on a.attendance_id = e.attendance_id where a.session_id = @s", ("s", sessionId));
                if (recorded >= Count) break;
                await Task.Delay(500);
            }

            output.WriteLine($"attendance recorded {clock.Elapsed} after the kill: {recorded}");

            // The kill came with each kind of work in flight.
            atKill.Acknowledged.ShouldBeLessThan(Count);
            atKill.Posted.ShouldBeLessThan(Count);
            atKill.Recorded.ShouldBeLessThan(Count);

            // Attendance: every learner completed; one record entry and one event per learner, none twice.
            (await Scalar(db, "select count(*) from classes.attendance where session_id = @s and completed", ("s", sessionId))).ShouldBe(Count);
            recorded.ShouldBe(Count);
            (await Scalar(db, """
                select count(*) from events.mt_events ev join classes.attendance a on (ev.data ->> 'attendanceId')::uuid = a.attendance_id
                 where a.session_id = @s
                """, ("s", sessionId))).ShouldBe(Count);

            // Acknowledgements: every targeted unit read, each row changed once (a repeat changes nothing).
            var targetRows = await Scalar(db, "select count(*) from content.directive_targets where directive_id = any(@d) and active", ("d", directives.ToArray()));
            (await Scalar(db, "select count(*) from content.directive_targets where directive_id = any(@d) and active and read_at is not null and version = 2", ("d", directives.ToArray())))
                .ShouldBe(Count);
            (await Scalar(db, "select count(*) from content.directive_targets where directive_id = any(@d) and active and read_at is null", ("d", directives.ToArray())))
                .ShouldBe(targetRows - Count);

            // Messages: each id once, and the channel's stream grew by exactly that many, with no gap.
            (await Scalar(db, "select count(*) from coordination.messages where id = any(@m)", ("m", messageIds))).ShouldBe(Count);
            (await Scalar(db, "select count(distinct posted_version) from coordination.messages where id = any(@m)", ("m", messageIds))).ShouldBe(Count);
            (await Scalar(db, "select version from coordination.channels where id = @c", ("c", channelId))).ShouldBe(channelVersionBefore + Count);
            // And every change was pushed: what host 1 committed but had not pushed, or not marked as pushed, when it died,
            // a living host pushed (docs/adr/0052).
            long unpushed = -1;
            for (var wait = 0; wait < 120 && unpushed != 0; wait++)
            {
                unpushed = await Scalar(db, "select version - pushed_version from coordination.channels where id = @c", ("c", channelId));
                if (unpushed != 0) await Task.Delay(500);
            }
            unpushed.ShouldBe(0);
        }
        finally
        {
            killed.TrySetResult();
            await Task.WhenAll(learners.Where(l => l is not null).Select(l => l.DisposeAsync().AsTask()));
            await topology.Script("start");
        }
    }
}
