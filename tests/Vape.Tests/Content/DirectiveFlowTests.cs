using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Content.Directives;
using Vape.Organization.Contracts;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Content;

/// <summary>What happens after a directive is committed: real-time notices, deadlines, and the tree changing under it.</summary>
[Collection(VapeCollection.Name)]
public sealed class DirectiveFlowTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static int Count(JsonNode counts, string name) => counts[name]!.GetValue<int>();

    /// <summary>A signed-in hub connection that keeps what it hears of one event.</summary>
    private async Task<(HubConnection Hub, ChannelReader<T> Heard)> Listen<T>(string login, string method)
    {
        var heard = Channel.CreateUnbounded<T>();
        var hub = app.Hub("/hubs/notifications", await _api.Org.Token(login));
        hub.On<T>(method, m => heard.Writer.TryWrite(m));
        await hub.StartAsync();
        return (hub, heard.Reader);
    }

    private static async Task<T> Next<T>(ChannelReader<T> reader)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await reader.ReadAsync(wait.Token);
    }

    [Fact]
    public async Task Officials_of_a_targeted_unit_hear_of_a_new_directive_after_it_is_committed()
    {
        var (hub, heard) = await Listen<DirectiveNotice>("commune", DirectiveNotificationsHandler.Issued);
        await using var listening = hub;
        var (siblingHub, siblingHeard) = await Listen<DirectiveNotice>("sibling-province", DirectiveNotificationsHandler.Issued);
        await using var sibling = siblingHub;

        var id = await _api.IssueOk("province", "T01", "LEVELS", levels: 1);

        var notice = await Next(heard);
        notice.DirectiveId.ShouldBe(Guid.Parse(id));
        notice.UnitId.ShouldBe(Guid.Parse(await _api.Org.UnitId("T01-X001")));
        notice.Title.ShouldBe("Về việc đẩy mạnh xây dựng xã hội học tập");
        // What was heard is what PostgreSQL holds.
        (await _api.Directive("commune", id, "id")).Data["directive"]!["id"]!.GetValue<string>().ShouldBe(id);
        // Hải Phòng is not targeted: a later directive to it is the first thing its official hears.
        await _api.IssueOk("central", "TW", "UNITS", unitCodes: ["T18"]);
        (await Next(siblingHeard)).UnitId.ShouldBe(Guid.Parse(await _api.Org.UnitId("T18")));
    }

    [Fact]
    public async Task A_directive_to_the_whole_tree_reaches_every_targeted_units_officials_exactly_once_per_unit()
    {
        // The learner becomes staff of two targeted units; the commune official gets a second role on the unit they already lead.
        var learnerId = await _api.Org.PersonId("learner");
        foreach (var (person, unit) in new[] { (learnerId, "T01-X001-02"), (learnerId, "T01-X003-01"), (await _api.Org.PersonId("commune"), "T01-X001") })
        {
            var granted = await _api.Org.Mutate("assignRole", new { personId = person, unitId = await _api.Org.UnitId(unit), role = "STAFF" }, "province");
            granted.HasErrors.ShouldBeFalse(granted.Body);
        }
        var expected = new Dictionary<string, string[]>
        {
            ["learner"] = ["T01-X001-02", "T01-X003-01"], ["commune"] = ["T01-X001"], ["province"] = ["T01"], ["sibling-province"] = ["T18"],
        };
        var listeners = new Dictionary<string, (HubConnection Hub, ChannelReader<DirectiveNotice> Heard)>();
        foreach (var login in expected.Keys) listeners[login] = await Listen<DirectiveNotice>(login, DirectiveNotificationsHandler.Issued);
        try
        {
            var issued = await app.Host.ExecuteAndWaitAsync(async () => await _api.IssueOk("central", "TW"));
            issued.Executed.MessagesOf<DirectiveIssued>().ShouldHaveSingleItem();
            var national = issued.Executed.SingleMessage<DirectiveIssued>().DirectiveId;
            // A second directive to every listener's units: once its notice arrives, everything about the first has arrived before it.
            var marker = Guid.Parse(await _api.IssueOk("central", "TW", "UNITS", unitCodes: expected.Values.SelectMany(u => u).ToArray()));

            var units = new Dictionary<Guid, string>();
            foreach (var code in expected.Values.SelectMany(u => u)) units[Guid.Parse(await _api.Org.UnitId(code))] = code;
            foreach (var (login, codes) in expected)
            {
                var heard = new List<string>();
                for (var notice = await Next(listeners[login].Heard); notice.DirectiveId != marker; notice = await Next(listeners[login].Heard))
                {
                    notice.DirectiveId.ShouldBe(national);
                    heard.Add(units.GetValueOrDefault(notice.UnitId, notice.UnitId.ToString()));
                }
                heard.Order().ShouldBe(codes.Order(), $"{login} heard {string.Join(", ", heard)}");
            }
        }
        finally
        {
            foreach (var (hub, _) in listeners.Values) await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_issuing_units_officials_see_the_roll_up_move_with_the_rows_version_and_a_repeat_sends_nothing()
    {
        var id = await _api.IssueOk("province", "T01");
        var (hub, heard) = await Listen<DirectiveProgress>("province", DirectiveNotificationsHandler.Progressed);
        await using var listening = hub;

        var read = await _api.Acknowledge("commune", id, "T01-X001", "READ");
        var progress = await Next(heard);
        progress.Status.ShouldBe("READ");
        progress.Version.ShouldBe(read.Data["acknowledgeDirective"]!["version"]!.GetValue<int>());

        await _api.Acknowledge("commune", id, "T01-X001", "READ");
        await _api.Report("commune", id, "T01-X001");
        // The repeat sent nothing: the next thing heard is the report.
        (await Next(heard)).Status.ShouldBe("IMPLEMENTED");
    }

    [Fact]
    public async Task A_future_deadline_is_scheduled_durably_for_the_moment_it_passes()
    {
        var province = await app.Host.Services.GetRequiredService<ILoginDirectory>().FindAsync("province", default);
        var haNoi = Guid.Parse(await _api.Org.UnitId("T01"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var tracked = await app.Host.InvokeMessageAndWaitAsync(new IssueDirective(haNoi, "05/CT-KH", "Về việc tổng kết năm học", "", today, today,
            today.AddDays(5), today.AddDays(20), DirectiveTargetKind.Subtree, null, [], province!.PersonId));

        var scheduled = tracked.Scheduled.Envelopes().Where(e => e.Message is DirectiveDeadlineReached).ToList();
        scheduled.Count.ShouldBe(2);
        var acknowledge = scheduled.Single(e => ((DirectiveDeadlineReached)e.Message!).Kind == DeadlineKind.Acknowledge);
        acknowledge.ScheduledTime.ShouldBe(new DateTimeOffset(today.AddDays(6).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)));
        tracked.Executed.MessagesOf<RemindOverdueUnits>().ShouldBeEmpty();
    }

    [Fact]
    public async Task At_the_deadline_overdue_units_are_reminded_and_their_parents_told_exactly_once()
    {
        var (communeHub, communeHeard) = await Listen<OverdueNotice>("commune", DirectiveNotificationsHandler.Overdue);
        await using var commune = communeHub;
        var (provinceHub, provinceHeard) = await Listen<EscalationNotice>("province", DirectiveNotificationsHandler.Escalated);
        await using var province = provinceHub;
        var (centralHub, centralHeard) = await Listen<EscalationNotice>("central", DirectiveNotificationsHandler.Escalated);
        await using var central = centralHub;

        // Entered late: issued ten days ago, to be read three days ago. Hải Phòng had read it in time.
        var issuer = (await app.Host.Services.GetRequiredService<ILoginDirectory>().FindAsync("central", default))!.PersonId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var targets = new[] { "T01", "T01-X001", "T18" };
        var ids = new List<Guid>();
        foreach (var code in targets) ids.Add(Guid.Parse(await _api.Org.UnitId(code)));
        var tracked = await app.Host.InvokeMessageAndWaitAsync(new IssueDirective(Guid.Parse(await _api.Org.UnitId("TW")), "01/CT-TW",
            "Về việc phát động năm học tập suốt đời", "", today.AddDays(-10), today.AddDays(-10), today.AddDays(-3), null,
            DirectiveTargetKind.Units, null, ids, issuer));
        tracked.Executed.SingleMessage<RemindOverdueUnits>().Kind.ShouldBe(DeadlineKind.Acknowledge);

        var reminded = await Next(communeHeard);
        reminded.UnitId.ShouldBe(ids[1]);
        reminded.Kind.ShouldBe("ACKNOWLEDGE");
        // Hà Nội's officials hear that Ba Đình is late; the centre hears that Hà Nội and Hải Phòng are.
        (await Next(provinceHeard)).OverdueUnitIds.ShouldBe([ids[1]]);
        (await Next(centralHeard)).OverdueUnitIds.Order().ShouldBe(new[] { ids[0], ids[2] }.Order());

        // The deadline message delivered again decides nothing new.
        var directiveId = tracked.Executed.SingleMessage<RemindOverdueUnits>().DirectiveId;
        var again = await app.Host.InvokeMessageAndWaitAsync(new DirectiveDeadlineReached(directiveId, DeadlineKind.Acknowledge));
        again.Executed.MessagesOf<RemindOverdueUnits>().ShouldBeEmpty();
        var rollup = await _api.Rollup("central", directiveId.ToString());
        Count(rollup["total"]!, "overdue").ShouldBe(3);
    }

    [Fact]
    public async Task An_escalation_is_stored_once_per_unit_and_read_back_in_the_overdue_list_however_often_the_reminder_runs()
    {
        var (centralHub, recorded) = await Listen<EscalationsRecorded>("central", DirectiveNotificationsHandler.EscalationsRecorded);
        await using var central = centralHub;
        var (provinceHub, provinceHeard) = await Listen<EscalationNotice>("province", DirectiveNotificationsHandler.Escalated);
        await using var province = provinceHub;
        var issuer = (await app.Host.Services.GetRequiredService<ILoginDirectory>().FindAsync("central", default))!.PersonId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var haNoi = Guid.Parse(await _api.Org.UnitId("T01"));
        var baDinh = Guid.Parse(await _api.Org.UnitId("T01-X001"));
        var tracked = await app.Host.InvokeMessageAndWaitAsync(new IssueDirective(Guid.Parse(await _api.Org.UnitId("TW")), "02/CT-TW",
            "Về việc báo cáo quá hạn", "", today.AddDays(-10), today.AddDays(-10), today.AddDays(-3), null,
            DirectiveTargetKind.Units, null, [haNoi, baDinh], issuer));
        var directiveId = tracked.Executed.SingleMessage<RemindOverdueUnits>().DirectiveId;
        (await Next(recorded)).ShouldBe(new EscalationsRecorded(directiveId, 2));
        (await Next(provinceHeard)).OverdueUnitIds.ShouldBe([baDinh]);

        // The reminder run again (a retry, a second host): nothing recorded, nobody told twice.
        var retry = await app.Host.InvokeMessageAndWaitAsync(new RemindOverdueUnits(directiveId, DeadlineKind.Acknowledge));
        retry.Executed.MessagesOf<RemindOverdueUnits>().Count().ShouldBe(1);
        await using (var count = app.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "select count(*) from content.directive_escalations where directive_id = @d"))
        {
            count.Parameters.AddWithValue("d", directiveId);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(2);
        }
        recorded.TryRead(out _).ShouldBeFalse();
        provinceHeard.TryRead(out _).ShouldBeFalse();

        var units = (await _api.Directive("central", directiveId.ToString(),
            "units(status: OVERDUE, first: 10) { nodes { unit { id } escalation { escalatedAt deadline escalatedTo { id name } } } }"))
            .Data["directive"]!["units"]!["nodes"]!.AsArray();
        units.Count.ShouldBe(2);
        var baDinhRow = units.Single(u => u!["unit"]!["id"]!.GetValue<string>() == baDinh.ToString())!["escalation"]!;
        baDinhRow["escalatedTo"]!["id"]!.GetValue<string>().ShouldBe(haNoi.ToString());
        baDinhRow["deadline"]!.GetValue<string>().ShouldBe("ACKNOWLEDGE");
        baDinhRow["escalatedAt"]!.GetValue<DateTimeOffset>().ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow);
        var haNoiRow = units.Single(u => u!["unit"]!["id"]!.GetValue<string>() == haNoi.ToString())!["escalation"]!;
        haNoiRow["escalatedTo"]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_merged_units_successor_sees_what_its_predecessor_had_and_the_roll_up_stays_right()
    {
        var subtree = await _api.IssueOk("province", "T01");
        var chosen = await _api.IssueOk("province", "T01", "UNITS", unitCodes: ["T01-X003"]);
        await _api.Acknowledge("province", chosen, "T01-X003", "READ");
        var before = await _api.Rollup("province", subtree);

        var socSon = await _api.Org.Unit("T01-X003");
        var merged = await app.Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await _api.Org.Mutate("mergeUnit", new
            {
                unitId = socSon["id"]!.GetValue<string>(), successorId = await _api.Org.UnitId("T01-X001"), expectedVersion = socSon["version"]!.GetValue<int>(),
            }, "province");
            response.HasErrors.ShouldBeFalse(response.Body);
        });
        // One event, handled by each module's handler on its own (ADR 0175): one envelope each, the same message.
        merged.Executed.MessagesOf<UnitMerged>().Distinct().Single();

        // Ba Đình now has the directive Sóc Sơn had, as Sóc Sơn left it.
        var mine = await app.GraphQL("{ myDirectives { nodes { directive { id } status mergedFrom unit { code } } } }", token: await _api.Org.Token("commune"));
        var inherited = mine.Data["myDirectives"]!["nodes"]!.AsArray().Single(n => n!["directive"]!["id"]!.GetValue<string>() == chosen)!;
        inherited["status"]!.GetValue<string>().ShouldBe("READ");
        inherited["unit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        inherited["mergedFrom"]!.AsArray().Single()!.GetValue<string>().ShouldBe(socSon["id"]!.GetValue<string>());

        // One unit fewer; Sóc Sơn's three units now count in Ba Đình's branch.
        var after = await _api.Rollup("province", subtree);
        Count(after["total"]!, "units").ShouldBe(Count(before["total"]!, "units") - 1);
        ContentApi.Subtree(after, "T01-X003").ShouldBeNull();
        Count(ContentApi.Subtree(after, "T01-X001")!, "units").ShouldBe(Count(ContentApi.Subtree(before, "T01-X001")!, "units") + 3);
        Count(after["total"]!, "units").ShouldBe(await _api.UnitsBelow("T01"));
        // Sóc Sơn's village is still reachable and answerable, now under Ba Đình.
        (await _api.Acknowledge("commune", subtree, "T01-X003-01", "READ")).HasErrors.ShouldBeFalse();
        Count(ContentApi.Subtree(await _api.Rollup("province", subtree), "T01-X001")!, "read").ShouldBe(1);
    }

    [Fact]
    public async Task A_moved_unit_counts_in_its_new_branch()
    {
        var id = await _api.IssueOk("province", "T01");
        await _api.Acknowledge("province", id, "T01-X003-01", "READ");
        var village = await _api.Org.Unit("T01-X003-01");
        await app.Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await _api.Org.Mutate("moveUnit", new
            {
                unitId = village["id"]!.GetValue<string>(), newParentId = await _api.Org.UnitId("T01-X001"), expectedVersion = village["version"]!.GetValue<int>(),
            }, "province");
            response.HasErrors.ShouldBeFalse(response.Body);
        });

        var rollup = await _api.Rollup("province", id);
        Count(ContentApi.Subtree(rollup, "T01-X001")!, "units").ShouldBe(6);
        Count(ContentApi.Subtree(rollup, "T01-X001")!, "read").ShouldBe(1);
        Count(ContentApi.Subtree(rollup, "T01-X003")!, "units").ShouldBe(3);
        // Ba Đình's own roll-up now includes it.
        var baDinh = await _api.Rollup("commune", id, "T01-X001");
        Count(baDinh["total"]!, "units").ShouldBe(5);
    }
}
