using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Organization.Contracts;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>The query interface other modules use, answered from PostgreSQL by the running host.</summary>
[Collection(VapeCollection.Name)]
public sealed class OrganizationQueriesTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private IOrganizationQueries Queries => app.Host.Services.GetRequiredService<IOrganizationQueries>();

    private async Task<Guid> Person(string login) => (await app.Host.Services.GetRequiredService<ILoginDirectory>().FindAsync(login, default))!.PersonId;

    [Fact]
    public async Task An_official_manages_the_units_of_their_roles_and_everything_below_them()
    {
        var province = await Person("province");
        var haNoi = Guid.Parse(await _org.UnitId("T01"));
        (await Queries.ManagedUnitsAsync(province, default)).ShouldBe([haNoi]);
        (await Queries.MayAsync(province, Permission.ManageUnits, Guid.Parse(await _org.UnitId("T01-X003-02")), default)).ShouldBeTrue();
        (await Queries.MayAsync(province, Permission.ManageUnits, Guid.Parse(await _org.UnitId("T18")), default)).ShouldBeFalse();
        (await Queries.MayAsync(province, Permission.ManageUnits, Guid.Parse(await _org.UnitId("TW")), default)).ShouldBeFalse();
        (await Queries.IsWithinAsync(Guid.Parse(await _org.UnitId("T01-X003-02")), haNoi, default)).ShouldBeTrue();
        (await Queries.IsWithinAsync(haNoi, Guid.Parse(await _org.UnitId("T01-X003-02")), default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Other_modules_see_members_officials_names_and_the_shape_of_the_tree()
    {
        var learner = await Person("learner");
        var baDinh = Guid.Parse(await _org.UnitId("T01-X001"));
        var haNoi = Guid.Parse(await _org.UnitId("T01"));
        var haiPhong = Guid.Parse(await _org.UnitId("T18"));

        (await Queries.MemberUnitsAsync(learner, default)).ShouldBe([baDinh]);
        (await Queries.IsMemberWithinAsync(learner, haNoi, default)).ShouldBeTrue();
        (await Queries.IsMemberWithinAsync(learner, haiPhong, default)).ShouldBeFalse();

        var socSon = await Queries.MembersAsync(Guid.Parse(await _org.UnitId("T01-X003")), subtree: true, default);
        socSon.Count.ShouldBe(6); // three people at home in the commune, the same three in their clan
        socSon.Select(m => m.HouseholdId).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        (await Queries.MembersAsync(Guid.Parse(await _org.UnitId("T01-X003-02")), subtree: false, default)).Count.ShouldBe(3);
        (await Queries.MembersAsync(baDinh, subtree: false, default)).Select(m => m.PersonId).ShouldContain(learner);

        var officials = await Queries.OfficialsAsync(haNoi, default);
        officials.ShouldHaveSingleItem().PersonId.ShouldBe(await Person("province"));
        officials[0].Role.ShouldBe("ViceChair");

        (await Queries.DisplayNamesAsync([learner, Guid.NewGuid()], default)).ShouldBe(new Dictionary<Guid, string> { [learner] = "Hoàng Thị Em" });

        var subtree = await Queries.SubtreeAsync(baDinh, 1, default);
        subtree[0].Code.ShouldBe("T01-X001");
        subtree.Skip(1).Select(u => u.Code).ShouldBe(["T01-X001-01", "T01-X001-02", "T01-X001-03", "T01-X001-04"]);
        (await Queries.SubtreeAsync(haNoi, 1, default)).Select(u => u.Code).ShouldBe(["T01", "T01-X001", "T01-X002", "T01-X003"]);
        (await Queries.SubtreeAsync(haNoi, null, default)).Count.ShouldBe(1 + 3 + 4 + 3);

        (await Queries.AncestorsAsync(Guid.Parse(await _org.UnitId("T01-X001-02")), default)).Select(u => u.Code).ShouldBe(["TW", "T01", "T01-X001"]);
        (await Queries.UnitsAsync([haNoi, Guid.NewGuid()], default)).ShouldHaveSingleItem().Name.ShouldBe("Hà Nội");
    }

    [Fact]
    public async Task Officials_of_many_units_come_back_per_unit_in_one_call_without_ended_roles_or_units_without_officials()
    {
        var haNoi = Guid.Parse(await _org.UnitId("T01"));
        var baDinh = Guid.Parse(await _org.UnitId("T01-X001"));
        var haiPhong = Guid.Parse(await _org.UnitId("T18"));
        var village = Guid.Parse(await _org.UnitId("T01-X003-01"));
        var learner = await Person("learner");
        // The learner becomes staff of Ba Đình and of a village; the village role then ends.
        (await _org.Mutate("assignRole", new { personId = learner, unitId = baDinh, role = "STAFF" }, "province")).HasErrors.ShouldBeFalse();
        var villageRole = await _org.Mutate("assignRole", new { personId = learner, unitId = village, role = "STAFF" }, "province", "id");
        villageRole.HasErrors.ShouldBeFalse(villageRole.Body);
        var ended = await _org.Mutate("endRole", new { roleId = villageRole.Data["assignRole"]!["id"]!.GetValue<string>() }, "province", "to");
        ended.HasErrors.ShouldBeFalse(ended.Body);
        var emptyUnit = Guid.Parse(await _org.UnitId("T01-X002"));

        var officials = await Queries.OfficialsAsync([haNoi, baDinh, haiPhong, village, emptyUnit, Guid.NewGuid()], default);

        officials.Keys.Order().ShouldBe(new[] { haNoi, baDinh, haiPhong }.Order());
        officials[haNoi].ShouldHaveSingleItem().PersonId.ShouldBe(await Person("province"));
        officials[haiPhong].ShouldHaveSingleItem().PersonId.ShouldBe(await Person("sibling-province"));
        officials[baDinh].Select(o => o.PersonId).Order().ShouldBe(new[] { await Person("commune"), learner }.Order());
        officials[baDinh].ShouldAllBe(o => o.UnitId == baDinh);
        // The same answer as asking unit by unit.
        foreach (var (unit, list) in officials)
            list.ShouldBe(await Queries.OfficialsAsync(unit, default), ignoreOrder: true);
        (await Queries.OfficialsAsync(Array.Empty<Guid>(), default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_learner_manages_nothing()
    {
        var learner = await Person("learner");
        (await Queries.ManagedUnitsAsync(learner, default)).ShouldBeEmpty();
        (await Queries.MayAsync(learner, Permission.ViewMembers, Guid.Parse(await _org.UnitId("T01-X001")), default)).ShouldBeFalse();
    }
}

[Collection(VapeCollection.Name)]
public sealed class MemberListTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Members_are_listed_in_Vietnamese_alphabetical_order_page_by_page()
    {
        var token = await _org.Token("province");
        var names = new List<string>();
        string? after = null;
        for (var i = 0; i < 5; i++)
        {
            var page = await app.GraphQL("query($after: String) { unitByCode(code: \"T01-X003\") { members(first: 2, after: $after) { nodes { fullName } pageInfo { hasNextPage endCursor } } } }",
                new { after }, token);
            var members = page.Data["unitByCode"]!["members"]!;
            names.AddRange(members["nodes"]!.AsArray().Select(n => n!["fullName"]!.GetValue<string>()));
            if (!members["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = members["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        // Đ sorts after D and before E, as in a Vietnamese dictionary.
        names.ShouldBe(["Đỗ Thị Hà Nam", "Nguyễn Đình Hải Nam", "Nguyễn Đình Hùng"]);
    }

    [Fact]
    public async Task A_garbled_member_cursor_gets_INVALID_INPUT()
    {
        var response = await app.GraphQL("{ unitByCode(code: \"T01-X003\") { members(after: \"bm90LWEtY3Vyc29y\") { nodes { fullName } } } }", token: await _org.Token("province"));
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }
}
