using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>Creating, moving, merging and dissolving units, with their history and the roll-up that follows.</summary>
[Collection(VapeCollection.Name)]
public sealed class TreeChangeTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonNode> Statistics(string code, string? asOf = null)
    {
        var response = await app.GraphQL("query($c: String!, $d: Date) { unitByCode(code: $c) { statistics(asOf: $d) { members units unitsByKind { kind count } } } }",
            new { c = code, d = asOf });
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["unitByCode"]!["statistics"]!;
    }

    private async Task<string> AddMember(string unitCode, string name)
    {
        var added = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId(unitCode), fullName = name }, "province", "id");
        added.HasErrors.ShouldBeFalse(added.Body);
        return added.Data["addMember"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_commune_official_creates_a_village_that_the_public_tree_shows_at_once()
    {
        var created = await _org.Mutate("createUnit",
            new { parentId = await _org.UnitId("T01-X001"), code = "t01-x001-05", name = "Tổ dân phố số 5 Ba Đình", kind = "VILLAGE" },
            "commune", "code version depth ancestors { code }");

        created.HasErrors.ShouldBeFalse(created.Body);
        var unit = created.Data["createUnit"]!;
        unit["code"]!.GetValue<string>().ShouldBe("T01-X001-05");
        unit["version"]!.GetValue<int>().ShouldBe(1);
        unit["depth"]!.GetValue<int>().ShouldBe(3);
        unit["ancestors"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ShouldBe(["TW", "T01", "T01-X001"]);
        var children = await app.GraphQL("query($c: String!) { unitByCode(code: $c) { children(kind: VILLAGE) { nodes { code } } } }", new { c = "T01-X001" });
        children.Body.ShouldContain("T01-X001-05");
    }

    [Theory]
    [InlineData("T01", "VILLAGE", "T01-X001-98", null, "không thể trực thuộc")]
    [InlineData("T01-X001", "PROVINCE", "T01-X001-98", null, "không thể trực thuộc")]
    [InlineData("T01-X001", "VILLAGE", "T01-X001-01", null, "đã được dùng")]
    [InlineData("T01-X001", "VILLAGE", "mã có dấu", null, "Mã đơn vị")]
    [InlineData("T01-X001", "VILLAGE", "T01-X001-98", "2020-01-01", "trước ngày đơn vị cấp trên")]
    [InlineData("T01-X001", "VILLAGE", "T01-X001-98", "2999-01-01", "tương lai")]
    public async Task A_unit_that_cannot_be_created_gets_INVALID_INPUT_and_nothing_is_created(string parent, string kind, string code, string? from, string reason)
    {
        var response = await _org.Mutate("createUnit",
            new { parentId = await _org.UnitId(parent), code, name = "Đơn vị thử", kind, effectiveFrom = from }, "central");
        response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
        response.FirstErrorMessage.ShouldNotBeNull().ShouldContain(reason);
        var search = await app.GraphQL("{ searchUnits(text: \"Đơn vị thử\") { nodes { code } } }");
        search.Data["searchUnits"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_moved_unit_takes_its_subtree_along_and_keeps_its_history()
    {
        var clan = await _org.Unit("T01-X001-04");
        var village = await _org.Mutate("createUnit", new { parentId = clan["id"]!.GetValue<string>(), code = "T01-X001-04-X", name = "Chi họ thử", kind = "VILLAGE" }, "province");
        village.FirstErrorCode.ShouldBe("INVALID_INPUT"); // a village cannot stand under a clan
        var hoanKiem = await _org.UnitId("T01-X002");

        var moved = await _org.Mutate("moveUnit",
            new { unitId = clan["id"]!.GetValue<string>(), newParentId = hoanKiem, expectedVersion = clan["version"]!.GetValue<int>(), effectiveFrom = "2026-03-01" },
            "province", "version parent { code } ancestors { code } history { from to parent { code } }");

        moved.HasErrors.ShouldBeFalse(moved.Body);
        var unit = moved.Data["moveUnit"]!;
        unit["ancestors"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ShouldBe(["TW", "T01", "T01-X002"]);
        var history = (await app.GraphQL("query($c: String!) { unitByCode(code: $c) { history { from to parent { code } } } }", new { c = "T01-X001-04" }))
            .Data["unitByCode"]!["history"]!.AsArray();
        history.Count.ShouldBe(2);
        history[0]!["parent"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        history[0]!["to"]!.GetValue<string>().ShouldBe("2026-03-01");
        history[1]!["parent"]!["code"]!.GetValue<string>().ShouldBe("T01-X002");
        (await Statistics("T01-X001", "2026-02-28"))["unitsByKind"]!.ToJsonString().ShouldContain("LEARNING_CLAN");
        (await Statistics("T01-X001"))["unitsByKind"]!.ToJsonString().ShouldNotContain("LEARNING_CLAN");
        (await Statistics("T01-X002"))["unitsByKind"]!.ToJsonString().ShouldContain("LEARNING_CLAN");
    }

    [Theory]
    [InlineData("T01-X001", "T01-X001-01", "chính nó hoặc đơn vị cấp dưới")]
    [InlineData("T01-X001", "T01-X001", "chính nó hoặc đơn vị cấp dưới")]
    [InlineData("T01-X001", "TW", "không thể trực thuộc")]
    [InlineData("T01-X001-04", "T01-X001", "đã trực thuộc")]
    public async Task A_move_that_would_break_the_tree_gets_INVALID_INPUT(string unitCode, string parentCode, string reason)
    {
        var unit = await _org.Unit(unitCode);
        var response = await _org.Mutate("moveUnit", new { unitId = unit["id"]!.GetValue<string>(), newParentId = await _org.UnitId(parentCode), expectedVersion = unit["version"]!.GetValue<int>() }, "central");
        response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
        response.FirstErrorMessage.ShouldNotBeNull().ShouldContain(reason);
        (await _org.Unit(unitCode))["version"]!.GetValue<int>().ShouldBe(unit["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_commune_official_cannot_move_a_unit_out_of_their_subtree()
    {
        var clan = await _org.Unit("T01-X001-04");
        var response = await _org.Mutate("moveUnit", new { unitId = clan["id"]!.GetValue<string>(), newParentId = await _org.UnitId("T01-X002"), expectedVersion = clan["version"]!.GetValue<int>() }, "commune");
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_merged_commune_passes_its_units_and_members_to_its_successor_and_statistics_follow()
    {
        var baDinhBefore = await Statistics("T01-X001");
        var socSonBefore = await Statistics("T01-X003");
        var haNoiBefore = await Statistics("T01");
        var socSon = await _org.Unit("T01-X003");

        var merged = await _org.Mutate("mergeUnit",
            new { unitId = socSon["id"]!.GetValue<string>(), successorId = await _org.UnitId("T01-X001"), expectedVersion = socSon["version"]!.GetValue<int>(), effectiveFrom = "2026-01-01" },
            "province", "status successor { code } effectiveTo");

        merged.HasErrors.ShouldBeFalse(merged.Body);
        merged.Data["mergeUnit"]!["status"]!.GetValue<string>().ShouldBe("MERGED");
        merged.Data["mergeUnit"]!["successor"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        (await _org.Unit("T01-X003-02"))["parent"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        var after = await Statistics("T01-X001");
        after["members"]!.GetValue<long>().ShouldBe(baDinhBefore["members"]!.GetValue<long>() + socSonBefore["members"]!.GetValue<long>());
        after["units"]!.GetValue<long>().ShouldBe(baDinhBefore["units"]!.GetValue<long>() + socSonBefore["units"]!.GetValue<long>());
        (await Statistics("T01"))["members"]!.GetValue<long>().ShouldBe(haNoiBefore["members"]!.GetValue<long>());
        (await Statistics("T01"))["units"]!.GetValue<long>().ShouldBe(haNoiBefore["units"]!.GetValue<long>() - 1);
        // As of the day before, the tree was as it had been.
        (await Statistics("T01-X003", "2025-12-31"))["members"]!.GetValue<long>().ShouldBe(socSonBefore["members"]!.GetValue<long>());
        (await Statistics("T01-X001", "2025-12-31"))["members"]!.GetValue<long>().ShouldBe(baDinhBefore["members"]!.GetValue<long>());
        var haNoiThen = await app.GraphQL("{ unitByCode(code: \"T01\") { childrenAsOf(date: \"2025-12-31\", first: 100) { nodes { name unit { code status } } } } }");
        haNoiThen.Data["unitByCode"]!["childrenAsOf"]!["nodes"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldContain("Xã Sóc Sơn");
        var haNoiNow = await app.GraphQL("{ unitByCode(code: \"T01\") { childrenAsOf(date: \"2026-11-01\", first: 100) { nodes { name } } } }");
        haNoiNow.Data["unitByCode"]!["childrenAsOf"]!["nodes"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldNotContain("Xã Sóc Sơn");
        var gone = await app.GraphQL("{ unitByCode(code: \"T01-X003\") { statistics { members } } }");
        gone.Data["unitByCode"]!["statistics"].ShouldBeNull();
        var children = await app.GraphQL("{ unitByCode(code: \"T01\") { children(first: 50) { nodes { code } } } }");
        children.Body.ShouldNotContain("\"T01-X003\"");
        var clanMember = await app.GraphQL("query($t: String!, $u: ID!) { searchPeople(text: $t, unitId: $u) { nodes { homeUnit { code } } } }",
            new { t = "Nguyễn Đình Hùng", u = await _org.UnitId("T01-X001") }, await _org.Token("province"));
        clanMember.Data["searchPeople"]!["nodes"]![0]!["homeUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
    }

    [Fact]
    public async Task A_merge_dated_before_something_recorded_below_it_gets_INVALID_INPUT()
    {
        await AddMember("T01-X002", "Đinh Văn Hoàn");
        var hoanKiem = await _org.Unit("T01-X002");
        var response = await _org.Mutate("mergeUnit",
            new { unitId = hoanKiem["id"]!.GetValue<string>(), successorId = await _org.UnitId("T01-X001"), expectedVersion = hoanKiem["version"]!.GetValue<int>(), effectiveFrom = "2026-01-01" },
            "province");
        response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
        (await _org.Unit("T01-X002"))["status"]!.GetValue<string>().ShouldBe("ACTIVE");
    }

    [Theory]
    [InlineData("T01-X001", "T01-X001", "chính nó")]
    [InlineData("T01-X001-01", "T01-X002", "cùng loại")]
    [InlineData("T01", "T01-X001", "cấp dưới")]
    public async Task A_merge_that_cannot_be_gets_INVALID_INPUT(string unitCode, string successorCode, string reason)
    {
        var unit = await _org.Unit(unitCode);
        var response = await _org.Mutate("mergeUnit", new { unitId = unit["id"]!.GetValue<string>(), successorId = await _org.UnitId(successorCode), expectedVersion = unit["version"]!.GetValue<int>() }, "central");
        response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
        response.FirstErrorMessage.ShouldNotBeNull().ShouldContain(reason);
        (await _org.Unit(unitCode))["status"]!.GetValue<string>().ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task A_change_dated_before_the_unit_existed_or_its_last_change_gets_INVALID_INPUT()
    {
        var commune = await _org.Unit("T01-X001");
        var early = await _org.Mutate("renameUnit", new { unitId = commune["id"]!.GetValue<string>(), name = "Tên cũ hơn", expectedVersion = commune["version"]!.GetValue<int>(), effectiveFrom = "2025-06-30" }, "province");
        early.FirstErrorCode.ShouldBe("INVALID_INPUT");
        early.FirstErrorMessage.ShouldNotBeNull().ShouldContain("thành lập");

        var renamed = await _org.Mutate("renameUnit", new { unitId = commune["id"]!.GetValue<string>(), name = "Phường Ba Đình (2026)", expectedVersion = commune["version"]!.GetValue<int>(), effectiveFrom = "2026-02-01" }, "province", "version");
        var beforeLast = await _org.Mutate("renameUnit", new { unitId = commune["id"]!.GetValue<string>(), name = "Chen vào giữa", expectedVersion = renamed.Data["renameUnit"]!["version"]!.GetValue<int>(), effectiveFrom = "2026-01-01" }, "province");
        beforeLast.FirstErrorCode.ShouldBe("INVALID_INPUT");
        beforeLast.FirstErrorMessage.ShouldNotBeNull().ShouldContain("thay đổi gần nhất");
    }

    [Fact]
    public async Task A_stale_version_on_a_move_gets_VERSION_CONFLICT()
    {
        var clan = await _org.Unit("T01-X001-04");
        var id = clan["id"]!.GetValue<string>();
        (await _org.Mutate("renameUnit", new { unitId = id, name = "Dòng họ Lê (Ba Đình)", expectedVersion = clan["version"]!.GetValue<int>() }, "commune")).HasErrors.ShouldBeFalse();
        var stale = await _org.Mutate("moveUnit", new { unitId = id, newParentId = await _org.UnitId("T01-X001-01"), expectedVersion = clan["version"]!.GetValue<int>() }, "commune");
        stale.FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (await _org.Unit("T01-X001-04"))["parent"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
    }

    [Fact]
    public async Task Only_an_empty_unit_can_be_dissolved()
    {
        var commune = await _org.Unit("T01-X001");
        var busy = await _org.Mutate("dissolveUnit", new { unitId = commune["id"]!.GetValue<string>(), expectedVersion = commune["version"]!.GetValue<int>() }, "province");
        busy.FirstErrorCode.ShouldBe("INVALID_INPUT");
        busy.FirstErrorMessage.ShouldNotBeNull().ShouldContain("còn đơn vị trực thuộc hoặc hội viên");

        var village = await _org.Unit("T01-X001-03");
        var dissolved = await _org.Mutate("dissolveUnit", new { unitId = village["id"]!.GetValue<string>(), expectedVersion = village["version"]!.GetValue<int>() }, "commune", "status effectiveTo");
        dissolved.Data["dissolveUnit"]!["status"]!.GetValue<string>().ShouldBe("DISSOLVED");
        var again = await _org.Mutate("dissolveUnit", new { unitId = village["id"]!.GetValue<string>(), expectedVersion = village["version"]!.GetValue<int>() + 1 }, "commune");
        again.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Ancestors_come_in_one_query_root_first()
    {
        var response = await app.GraphQL("{ unitByCode(code: \"T01-X003-02\") { name ancestors { code name } } }");
        response.Data["unitByCode"]!["ancestors"]!.AsArray().Select(a => a!["name"]!.GetValue<string>())
            .ShouldBe(["Hội Khuyến học Việt Nam", "Hà Nội", "Xã Sóc Sơn"]);
    }
}
