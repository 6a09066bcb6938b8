using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>Directives down the tree: issuing, who receives them, acknowledgements, guidance, the roll-up.</summary>
[Collection(VapeCollection.Name)]
public sealed class DirectiveTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static int Count(JsonNode counts, string name) => counts[name]!.GetValue<int>();

    [Fact]
    public async Task A_directive_to_the_whole_subtree_reaches_every_unit_below_the_issuer()
    {
        var response = await _api.Issue("province", "T01");
        response.HasErrors.ShouldBeFalse(response.Body);
        var id = response.Data["issueDirective"]!["id"]!.GetValue<string>();
        var below = await _api.UnitsBelow("T01");
        response.Data["issueDirective"]!["targetCount"]!.GetValue<int>().ShouldBe(below);

        var rollup = await _api.Rollup("province", id);
        Count(rollup["total"]!, "units").ShouldBe(below);
        Count(rollup["total"]!, "received").ShouldBe(0);
        // Ba Đình and its four units below are one branch of Hà Nội.
        Count(ContentApi.Subtree(rollup, "T01-X001")!, "units").ShouldBe(5);
        rollup["levels"]!.AsArray().Select(l => l!["level"]!.GetValue<int>()).ShouldContain(2);

        // Ba Đình's official finds it in the unit's list and in their own unread list.
        var baDinh = await _api.Org.UnitId("T01-X001");
        var list = await app.GraphQL("query($u: ID!) { directives(unitId: $u) { nodes { status unit { code } directive { id title issuer { code } } } } }",
            new { u = baDinh }, await _api.Org.Token("commune"));
        list.Data["directives"]!["nodes"]!.AsArray().Single()!["directive"]!["id"]!.GetValue<string>().ShouldBe(id);
        var mine = await app.GraphQL("{ myDirectives(unread: true) { nodes { status unit { code } directive { id } } } }", token: await _api.Org.Token("commune"));
        var item = mine.Data["myDirectives"]!["nodes"]!.AsArray().Single()!;
        item["unit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        item["status"]!.GetValue<string>().ShouldBe("PENDING");
    }

    [Fact]
    public async Task A_directive_down_to_one_level_reaches_only_the_units_directly_below()
    {
        var id = await _api.IssueOk("province", "T01", "LEVELS", levels: 1);
        var rollup = await _api.Rollup("province", id);
        rollup["levels"]!.AsArray().Select(l => l!["level"]!.GetValue<int>()).ShouldBe([1]);
        Count(ContentApi.Subtree(rollup, "T01-X001")!, "units").ShouldBe(1);
        var village = await app.GraphQL("query($u: ID!) { directives(unitId: $u) { nodes { directive { id } } } }",
            new { u = await _api.Org.UnitId("T01-X001-01") }, await _api.Org.Token("commune"));
        village.Data["directives"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_directive_to_chosen_units_reaches_only_them()
    {
        var id = await _api.IssueOk("province", "T01", "UNITS", unitCodes: ["T01-X001", "T01-X003-01"]);
        var units = await _api.Directive("province", id, "targetCount units { nodes { unit { code } status } }");
        units.Data["directive"]!["units"]!["nodes"]!.AsArray().Select(n => n!["unit"]!["code"]!.GetValue<string>())
            .OrderBy(c => c).ShouldBe(["T01-X001", "T01-X003-01"]);
    }

    [Fact]
    public async Task A_target_outside_the_issuers_subtree_is_refused_and_nothing_is_issued()
    {
        var refused = await _api.Issue("central", "T01", "UNITS", unitCodes: ["T01-X001", "T18-X001"]);
        refused.FirstErrorCode.ShouldBe("INVALID_INPUT");
        refused.FirstErrorMessage!.ShouldContain("Phường Lê Chân");
        var itself = await _api.Issue("province", "T01", "UNITS", unitCodes: ["T01"]);
        itself.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await IssuedBy("T01")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_deadline_before_the_issue_date_is_refused()
    {
        var ack = await _api.Issue("province", "T01", acknowledgeBy: ContentApi.Day(-1));
        ack.FirstErrorCode.ShouldBe("INVALID_INPUT");
        ack.FirstErrorMessage!.ShouldContain("Hạn xác nhận");
        var report = await _api.Issue("province", "T01", reportBy: ContentApi.Day(-3));
        report.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await IssuedBy("T01")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("LEVELS", 0)]
    [InlineData("LEVELS", 11)]
    [InlineData("UNITS", null)]
    public async Task A_target_with_no_units_or_bad_levels_is_refused(string kind, int? levels)
    {
        var response = await _api.Issue("province", "T01", kind, levels);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await IssuedBy("T01")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_number_is_unique_within_the_issuing_unit()
    {
        (await _api.Issue("province", "T01", number: "12/CT-KH")).HasErrors.ShouldBeFalse();
        var again = await _api.Issue("province", "T01", number: "12/ct-kh");
        again.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await IssuedBy("T01")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Only_officials_of_the_unit_or_above_issue_from_it()
    {
        (await _api.Issue(null!, "T01")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await _api.Issue("learner", "T01-X001")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Issue("sibling-province", "T01")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Issue("commune", "T01")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await IssuedBy("T01")).ShouldBeEmpty();
        (await _api.Issue("central", "T01")).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public async Task Marking_received_or_read_twice_changes_nothing_the_second_time()
    {
        var id = await _api.IssueOk("province", "T01");
        var first = await _api.Acknowledge("commune", id, "T01-X001", "RECEIVED");
        first.HasErrors.ShouldBeFalse(first.Body);
        var again = await _api.Acknowledge("commune", id, "T01-X001", "RECEIVED");
        again.Data["acknowledgeDirective"]!["version"]!.GetValue<int>().ShouldBe(first.Data["acknowledgeDirective"]!["version"]!.GetValue<int>());
        again.Data["acknowledgeDirective"]!["receivedAt"]!.GetValue<string>().ShouldBe(first.Data["acknowledgeDirective"]!["receivedAt"]!.GetValue<string>());

        var read = await _api.Acknowledge("commune", id, "T01-X001", "READ");
        read.Data["acknowledgeDirective"]!["status"]!.GetValue<string>().ShouldBe("READ");
        var readAgain = await _api.Acknowledge("commune", id, "T01-X001", "READ");
        readAgain.Data["acknowledgeDirective"]!["version"]!.GetValue<int>().ShouldBe(read.Data["acknowledgeDirective"]!["version"]!.GetValue<int>());
        // Received after read does not step back.
        (await _api.Acknowledge("commune", id, "T01-X001", "RECEIVED")).Data["acknowledgeDirective"]!["status"]!.GetValue<string>().ShouldBe("READ");

        var total = (await _api.Rollup("province", id))["total"]!;
        Count(total, "received").ShouldBe(1);
        Count(total, "read").ShouldBe(1);
    }

    [Fact]
    public async Task Reading_marks_received_too_and_reporting_marks_all_three()
    {
        var id = await _api.IssueOk("province", "T01");
        var read = await _api.Acknowledge("commune", id, "T01-X001-01", "READ");
        read.Data["acknowledgeDirective"]!["receivedAt"].ShouldNotBeNull();
        var report = await _api.Report("commune", id, "T01-X001-02");
        report.HasErrors.ShouldBeFalse(report.Body);
        report.Data["reportDirective"]!["status"]!.GetValue<string>().ShouldBe("IMPLEMENTED");
        var twice = await _api.Report("commune", id, "T01-X001-02", "Một báo cáo khác");
        twice.Data["reportDirective"]!["report"]!.GetValue<string>().ShouldBe("Đã tổ chức hội nghị quán triệt.");

        var branch = ContentApi.Subtree(await _api.Rollup("province", id), "T01-X001")!;
        Count(branch, "received").ShouldBe(2);
        Count(branch, "read").ShouldBe(2);
        Count(branch, "implemented").ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_or_overlong_report_is_refused_and_changes_nothing()
    {
        var id = await _api.IssueOk("province", "T01");
        (await _api.Report("commune", id, "T01-X001", "   ")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Report("commune", id, "T01-X001", new string('a', 4001))).FirstErrorCode.ShouldBe("INVALID_INPUT");
        Count((await _api.Rollup("province", id))["total"]!, "received").ShouldBe(0);
    }

    [Fact]
    public async Task A_non_official_or_an_official_of_another_unit_cannot_acknowledge()
    {
        var id = await _api.IssueOk("central", "TW");
        (await _api.Acknowledge("learner", id, "T01-X001")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Acknowledge("sibling-province", id, "T01-X001")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Acknowledge("commune", id, "T01-X002")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Acknowledge("commune", id, "T01")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Report("learner", id, "T01-X001")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        Count((await _api.Rollup("central", id))["total"]!, "received").ShouldBe(0);
    }

    [Fact]
    public async Task Acknowledging_a_directive_not_sent_to_the_unit_is_NOT_FOUND()
    {
        var id = await _api.IssueOk("province", "T01", "UNITS", unitCodes: ["T01-X002"]);
        (await _api.Acknowledge("commune", id, "T01-X001")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Acknowledge("commune", Guid.NewGuid().ToString(), "T01-X001")).FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Intermediate_units_attach_guidance_that_the_units_below_them_see_top_down()
    {
        var id = await _api.IssueOk("central", "TW");
        Ok(await _api.Guidance("province", id, "T01", "Hà Nội: hoàn thành trước ngày 30."));
        Ok(await _api.Guidance("commune", id, "T01-X001", "Ba Đình: họp tổ dân phố trong tuần."));
        Ok(await _api.Guidance("sibling-province", id, "T18", "Hải Phòng: triển khai ngay."));

        var village = await _api.Org.UnitId("T01-X001-01");
        var seen = await _api.Directive("commune", id, $"guidance(unitId: \"{village}\") {{ text unit {{ code }} }}");
        seen.Data["directive"]!["guidance"]!.AsArray().Select(g => g!["unit"]!["code"]!.GetValue<string>()).ShouldBe(["T01", "T01-X001"]);
        var all = await _api.Directive("central", id, "guidance { text }");
        all.Data["directive"]!["guidance"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Guidance_needs_an_official_of_an_intermediate_unit()
    {
        var id = await _api.IssueOk("central", "TW");
        (await _api.Guidance("learner", id, "T01-X001", "Không được")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Guidance("sibling-province", id, "T01", "Không được")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        // A unit with no targeted unit below it has nobody to guide; the issuer writes the directive itself.
        (await _api.Guidance("commune", id, "T01-X001-01", "Không ai bên dưới")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Guidance("central", id, "TW", "Đơn vị ban hành")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Guidance("province", id, "T01", "")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Directive("central", id, "guidance { text }")).Data["directive"]!["guidance"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_roll_up_counts_per_level_and_per_branch_and_drills_down_to_the_units_that_have_not()
    {
        var id = await _api.IssueOk("central", "TW");
        await _api.Acknowledge("commune", id, "T01-X001", "READ");
        await _api.Acknowledge("commune", id, "T01-X001-01", "RECEIVED");
        await _api.Acknowledge("province", id, "T01", "READ");

        var rollup = await _api.Rollup("central", id);
        var haNoi = ContentApi.Subtree(rollup, "T01")!;
        Count(haNoi, "units").ShouldBe(await _api.UnitsBelow("T01") + 1);
        Count(haNoi, "received").ShouldBe(3);
        Count(haNoi, "read").ShouldBe(2);
        Count(ContentApi.Subtree(rollup, "T18")!, "received").ShouldBe(0);
        var levels = rollup["levels"]!.AsArray();
        Count(levels.Single(l => l!["level"]!.GetValue<int>() == 1)!["counts"]!, "units").ShouldBe(34);
        Count(levels.Single(l => l!["level"]!.GetValue<int>() == 1)!["counts"]!, "read").ShouldBe(1);
        Count(levels.Single(l => l!["level"]!.GetValue<int>() == 2)!["counts"]!, "read").ShouldBe(1);
        Count(levels.Single(l => l!["level"]!.GetValue<int>() == 3)!["counts"]!, "received").ShouldBe(1);

        // The province sees its own part; drill down to Ba Đình's units that have not read it.
        var province = await _api.Rollup("province", id, "T01");
        Count(province["total"]!, "units").ShouldBe(await _api.UnitsBelow("T01"));
        var baDinh = await _api.Org.UnitId("T01-X001");
        var notRead = await _api.Directive("province", id, $"units(status: NOT_READ, unitId: \"{baDinh}\") {{ nodes {{ unit {{ code }} status }} }}");
        notRead.Data["directive"]!["units"]!["nodes"]!.AsArray().Select(n => n!["unit"]!["code"]!.GetValue<string>()).Order()
            .ShouldBe(["T01-X001-01", "T01-X001-02", "T01-X001-03", "T01-X001-04"]);
        // Paging through the units, two at a time, sees each once.
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await app.GraphQL("query($id: ID!, $u: ID, $after: String) { directive(id: $id) { units(unitId: $u, first: 2, after: $after) { nodes { unit { code } } pageInfo { hasNextPage endCursor } } } }",
                new { id, u = baDinh, after }, await _api.Org.Token("commune"));
            var units = page.Data["directive"]!["units"]!;
            seen.AddRange(units["nodes"]!.AsArray().Select(n => n!["unit"]!["code"]!.GetValue<string>()));
            after = units["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? units["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after is not null);
        seen.Order().ShouldBe(["T01-X001-01", "T01-X001-02", "T01-X001-03", "T01-X001-04"]);
    }

    [Fact]
    public async Task Only_officials_on_the_way_see_a_directive_and_only_officials_of_the_root_see_its_roll_up()
    {
        var id = await _api.IssueOk("province", "T01", "UNITS", unitCodes: ["T01-X001"]);
        (await _api.Directive("commune", id, "title")).Data["directive"]!["title"].ShouldNotBeNull();
        (await _api.Directive("learner", id, "title")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Directive("sibling-province", id, "title")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await app.GraphQL("query($id: ID!) { directive(id: $id) { title } }", new { id })).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await _api.Directive("commune", id, "rollup { total { units } }")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Directive("central", id, "rollup { total { units } }")).Data["directive"]!["rollup"]!["total"]!["units"]!.GetValue<int>().ShouldBe(1);
        (await _api.Directive("commune", id, "myUnits { unit { code } status }")).Data["directive"]!["myUnits"]!.AsArray().Single()!["unit"]!["code"]!
            .GetValue<string>().ShouldBe("T01-X001");
        (await _api.Directive("central", Guid.NewGuid().ToString(), "title")).Data["directive"].ShouldBeNull();
    }

    [Fact]
    public async Task Unread_directives_leave_the_unread_list_once_read()
    {
        var first = await _api.IssueOk("province", "T01");
        var second = await _api.IssueOk("central", "TW", "LEVELS", levels: 2);
        var token = await _api.Org.Token("commune");
        async Task<string[]> Unread() =>
            (await app.GraphQL("{ myDirectives(unread: true) { nodes { directive { id } } } }", token: token))
            .Data["myDirectives"]!["nodes"]!.AsArray().Select(n => n!["directive"]!["id"]!.GetValue<string>()).ToArray();
        (await Unread()).ShouldBe([second, first]);
        await _api.Acknowledge("commune", first, "T01-X001", "READ");
        (await Unread()).ShouldBe([second]);
        (await app.GraphQL("{ myDirectives { nodes { status } } }", token: token)).Data["myDirectives"]!["nodes"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_unit_lists_the_directives_it_issued_and_those_sent_to_it_by_status()
    {
        var id = await _api.IssueOk("province", "T01");
        (await IssuedBy("T01")).ShouldBe([id]);
        await _api.Acknowledge("commune", id, "T01-X001", "READ");
        var baDinh = await _api.Org.UnitId("T01-X001");
        var token = await _api.Org.Token("commune");
        (await app.GraphQL("query($u: ID!) { directives(unitId: $u, status: NOT_READ) { nodes { status } } }", new { u = baDinh }, token))
            .Data["directives"]!["nodes"]!.AsArray().ShouldBeEmpty();
        (await app.GraphQL("query($u: ID!) { directives(unitId: $u, status: READ) { nodes { status } } }", new { u = baDinh }, token))
            .Data["directives"]!["nodes"]!.AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("READ");
        (await app.GraphQL("query($u: ID!) { directives(unitId: $u) { nodes { status } } }", new { u = baDinh }, await _api.Org.Token("sibling-province")))
            .FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    private static void Ok(GraphQLResponse response) => response.HasErrors.ShouldBeFalse(response.Body);

    private async Task<List<string>> IssuedBy(string code)
    {
        var response = await app.GraphQL("query($u: ID!) { issuedDirectives(unitId: $u) { nodes { id } } }",
            new { u = await _api.Org.UnitId(code) }, await _api.Org.Token("central"));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["issuedDirectives"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
    }
}
