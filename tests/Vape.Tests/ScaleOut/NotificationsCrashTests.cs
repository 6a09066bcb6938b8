using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vape.Tests.Notifications;
using Xunit.Abstractions;

namespace Vape.Tests.ScaleOut;

/// <summary>
/// A class change reaching 2,000 learners, each with a browser subscribed to the push service stand-in, and the host
/// delivering them killed with kill -9 halfway. After it comes back each learner has the notification once in their
/// inbox, and their browser would take it once from the push service: a push sent again because the host died
/// between the push service's 2xx and its own record of it carries the same RFC 8030 `Topic` and replaces the first
/// (ADR 0234). VAPE_INFLIGHT sets another size.
/// </summary>
[Collection(TopologyCollection.Name)]
[Trait("Category", "Topology")]
public sealed class NotificationsCrashTests(Topology topology, ITestOutputHelper output)
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("VAPE_INFLIGHT"), out var n) && n > 0 ? n : 2000;

    private static async Task<long> Scalar(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task After_kill_9_of_the_host_delivering_2000_notifications_each_reaches_its_inbox_and_its_browser_exactly_once()
    {
        await using var pushService = await PushServiceStandIn.StartAsync(topology.PushPort);
        await topology.SeedLoadPeople(Count);
        var clock = Stopwatch.StartNew();
        // Three days ahead: no class reminder reaches the browsers while the test runs, only the change.
        var (sessionId, tokens) = await topology.Client.ClassWithLearners(Count, "Lớp học đổi lịch khi máy chủ gặp sự cố", startsIn: TimeSpan.FromDays(3));
        var db = await topology.OpenDatabaseAsync();
        await using var _ = db;
        Guid classId;
        await using (var find = new NpgsqlCommand("select class_id from classes.sessions where id = @s", db))
        {
            find.Parameters.AddWithValue("s", sessionId);
            classId = (Guid)(await find.ExecuteScalarAsync())!;
        }

        var browsers = Enumerable.Range(0, Count).Select(i => new BrowserSubscription($"{topology.PushOrigin}/push/{classId:N}-{i}")).ToArray();
        try
        {
            await TopologyClient.Flood(Count, 16, int.MaxValue, async i =>
            {
                var subscribed = await topology.Client.UntilAnswered("mutation($i: SubscribeWebPushInput!) { subscribeWebPush(input: $i) { endpoint } }", new { i = browsers[i].Input }, tokens[i]);
                subscribed["errors"].ShouldBeNull(subscribed.ToJsonString());
            }, () => { });
            output.WriteLine($"{Count} learners enrolled and subscribed in {clock.Elapsed}");

            // The change goes to host 1, which commits it with its event and so writes the inboxes and delivers them.
            var version = await Scalar(db, "select version from classes.classes where id = @c", ("c", classId));
            var commune = await topology.Client.Token("commune");
            var changed = await topology.GraphQL(topology.HostUri(0), "mutation($i: ChangeClassInput!) { changeClass(input: $i) { version } }",
                new { i = new { classId, expectedVersion = version, description = "Buổi học chuyển sang hội trường lớn của phường." } }, commune);
            changed["errors"].ShouldBeNull(changed.ToJsonString());
            var subject = $"{classId}:{changed["data"]!["changeClass"]!["version"]!.GetValue<int>()}";

            for (var wait = 0; wait < 6000 && pushService.Accepted < Count / 10; wait++) await Task.Delay(20);
            await topology.Stop(0, "KILL");
            var atKill = pushService.Accepted;
            output.WriteLine($"pushes accepted at the kill: {atKill}");
            clock.Restart();
            await topology.Script("start"); // host 1 comes back

            // Every browser's message held by the push service, whichever host picks up what host 1 left.
            bool AllHeld() => browsers.All(b => pushService.Held(new Uri(b.Endpoint).AbsolutePath).Count > 0);
            for (var wait = 0; wait < 600 && !AllHeld(); wait++) await Task.Delay(500);
            output.WriteLine($"all held {clock.Elapsed} after the kill: {pushService.Accepted} accepted, {pushService.Replaced} replaced by topic");
            long recorded = 0;
            for (var wait = 0; wait < 120 && recorded < Count; wait++)
            {
                recorded = await Scalar(db, "select count(*) from notifications.push_deliveries where endpoint like @e", ("e", $"{topology.PushOrigin}/push/{classId:N}-%"));
                if (recorded < Count) await Task.Delay(500);
            }

            // The kill came with deliveries still to do.
            atKill.ShouldBeLessThan(Count);

            // The inbox: one item per learner, none twice.
            (await Scalar(db, "select count(*) from notifications.inbox where kind = 'ClassChanged' and subject = @s", ("s", subject))).ShouldBe(Count);
            (await Scalar(db, "select count(distinct person_id) from notifications.inbox where kind = 'ClassChanged' and subject = @s", ("s", subject))).ShouldBe(Count);

            // The push service: after topic replacement, one message per browser, decrypted with its keys (RFC 8291),
            // and it is that learner's inbox item.
            var inboxOf = new Dictionary<string, string>();
            await using (var ids = new NpgsqlCommand("""
                select s.endpoint, i.id::text from notifications.inbox i join notifications.push_subscriptions s on s.person_id = i.person_id
                 where i.kind = 'ClassChanged' and i.subject = @s
                """, db))
            {
                ids.Parameters.AddWithValue("s", subject);
                await using var reader = await ids.ExecuteReaderAsync();
                while (await reader.ReadAsync()) inboxOf[reader.GetString(0)] = reader.GetString(1);
            }
            var delivered = new HashSet<string>();
            foreach (var browser in browsers)
            {
                var held = pushService.Held(new Uri(browser.Endpoint).AbsolutePath);
                held.Count.ShouldBe(1, browser.Endpoint);
                var payload = browser.Decrypt(held[0].Body);
                payload.GetProperty("kind").GetString().ShouldBe("CLASS_CHANGED");
                var id = payload.GetProperty("id").GetString()!;
                id.ShouldBe(inboxOf[browser.Endpoint]);
                held[0].Topic.ShouldNotBeNull();
                delivered.Add(id).ShouldBeTrue($"{id} reached two browsers");
            }
            recorded.ShouldBe(Count);
            (pushService.Accepted - pushService.Replaced).ShouldBe(Count);
        }
        finally
        {
            foreach (var browser in browsers) browser.Dispose();
            await topology.Script("start");
        }
    }
}
