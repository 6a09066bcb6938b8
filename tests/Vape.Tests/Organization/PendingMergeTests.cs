using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>
/// Pending merges (issue #28, ADRs 0103 and 0108): a member added in Hải Phòng with a citizen id a Hà Nội member holds
/// waits for Hà Nội's officials, who see what Hải Phòng entered and resolve it. Hải Phòng sees no pending merge (that
/// would tell it the id is someone's), and no one else may list or resolve it.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PendingMergeTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string List = "query($u: ID!) { pendingMerges(unitId: $u, first: 10) { nodes { id fullName birthYear gender unit { code } existingMember { id fullName } } } }";
    private const string Resolve = "mutation($i: ResolvePendingMergeInput!) { resolvePendingMerge(input: $i) { id merged person { id fullName } } }";

    private static string NewCitizenId() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<string> Add(string login, string unitCode, string fullName, string citizenId)
    {
        var added = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId(unitCode), fullName, birthYear = 1968, gender = "FEMALE", citizenId }, login, "id");
        added.HasErrors.ShouldBeFalse(added.Body);
        return added.Data["addMember"]!["id"]!.GetValue<string>();
    }

    /// <summary>A Hà Nội member and a Hải Phòng one added with the same citizen id: the pair, as Hà Nội's official lists it.</summary>
    private async Task<(string Existing, string New, string MergeId)> Pair(string name)
    {
        var id = NewCitizenId();
        var existing = await Add("province", "T01", "Nguyễn Thị Hà Nội", id);
        var added = await Add("sibling-province", "T18", name, id);
        var listed = await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("province"));
        listed.HasErrors.ShouldBeFalse(listed.Body);
        var merge = listed.Data["pendingMerges"]!["nodes"]!.AsArray().Single(n => n!["fullName"]!.GetValue<string>() == name)!;
        return (existing, added, merge["id"]!.GetValue<string>());
    }

    private async Task<(bool Left, bool MemberOfT18)> State(string newPerson, string existing)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            select (select left_on is not null from organization.people where id = @new),
                   exists (select 1 from organization.memberships m join organization.units u on u.id = m.unit_id where m.person_id = @existing and u.code = 'T18')
            """);
        cmd.Parameters.AddWithValue("new", Guid.Parse(newPerson));
        cmd.Parameters.AddWithValue("existing", Guid.Parse(existing));
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    [Fact]
    public async Task The_holders_official_sees_what_the_other_unit_entered_and_the_adding_unit_sees_nothing()
    {
        var (existing, _, _) = await Pair("Trần Thị Hải Phòng");

        var listed = await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("province"));
        var node = listed.Data["pendingMerges"]!["nodes"]![0]!;
        node["fullName"]!.GetValue<string>().ShouldBe("Trần Thị Hải Phòng");
        node["birthYear"]!.GetValue<int>().ShouldBe(1968);
        node["gender"]!.GetValue<string>().ShouldBe("FEMALE");
        node["unit"]!["code"]!.GetValue<string>().ShouldBe("T18");
        node["existingMember"]!["id"]!.GetValue<string>().ShouldBe(existing);

        // The adding unit's official: nothing, neither for their own unit nor for Hà Nội.
        var own = await app.GraphQL(List, new { u = await _org.UnitId("T18") }, await _org.Token("sibling-province"));
        own.Data["pendingMerges"]!["nodes"]!.AsArray().ShouldBeEmpty();
        (await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("sibling-province"))).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        // A commune official below Hà Nội does not manage the holder's unit; a learner and an anonymous caller see nothing.
        (await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("commune"))).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("learner"))).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await app.GraphQL(List, new { u = await _org.UnitId("T01") })).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Theory]
    [InlineData("sibling-province", "NOT_ALLOWED")]
    [InlineData("commune", "NOT_ALLOWED")]
    [InlineData("learner", "NOT_ALLOWED")]
    [InlineData(null, "NOT_AUTHENTICATED")]
    public async Task Only_the_holders_official_resolves_and_a_refusal_changes_nothing(string? login, string expected)
    {
        var (existing, added, merge) = await Pair("Lê Thị Từ Chối");
        var refused = await app.GraphQL(Resolve, new { i = new { mergeId = merge, merge = true } }, login is null ? null : await _org.Token(login));
        refused.FirstErrorCode.ShouldBe(expected, refused.Body);

        (await State(added, existing)).ShouldBe((false, false));
        var listed = await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("province"));
        listed.Data["pendingMerges"]!["nodes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Merging_makes_the_holder_a_member_of_the_adding_unit_and_ends_the_record_without_the_id()
    {
        var (existing, added, merge) = await Pair("Phạm Thị Cùng Người");
        var resolved = await app.GraphQL(Resolve, new { i = new { mergeId = merge, merge = true } }, await _org.Token("province"));
        resolved.HasErrors.ShouldBeFalse(resolved.Body);
        resolved.Data["resolvePendingMerge"]!["merged"]!.GetValue<bool>().ShouldBeTrue();
        resolved.Data["resolvePendingMerge"]!["person"]!["id"]!.GetValue<string>().ShouldBe(existing);

        (await State(added, existing)).ShouldBe((true, true));
        (await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("province"))).Data["pendingMerges"]!["nodes"]!.AsArray().ShouldBeEmpty();
        (await app.GraphQL(Resolve, new { i = new { mergeId = merge, merge = true } }, await _org.Token("province"))).FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Keeping_apart_leaves_both_members_as_they_are()
    {
        var (existing, added, merge) = await Pair("Võ Thị Người Khác");
        var resolved = await app.GraphQL(Resolve, new { i = new { mergeId = merge, merge = false } }, await _org.Token("province"));
        resolved.HasErrors.ShouldBeFalse(resolved.Body);
        resolved.Data["resolvePendingMerge"]!["merged"]!.GetValue<bool>().ShouldBeFalse();
        resolved.Data["resolvePendingMerge"]!["person"]!["id"]!.GetValue<string>().ShouldBe(added);

        (await State(added, existing)).ShouldBe((false, false));
        (await app.GraphQL(List, new { u = await _org.UnitId("T01") }, await _org.Token("province"))).Data["pendingMerges"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not-a-guid", "INVALID_INPUT")]
    [InlineData("0190b2f4-0000-7000-8000-000000000000", "NOT_FOUND")]
    public async Task A_merge_id_that_names_nothing_is_refused(string mergeId, string expected) =>
        (await app.GraphQL(Resolve, new { i = new { mergeId, merge = true } }, await _org.Token("province"))).FirstErrorCode.ShouldBe(expected);
}
