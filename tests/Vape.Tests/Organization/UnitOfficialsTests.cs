using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>`Unit.officials`: a unit's roles with their terms and holders, so that `endRole(roleId)` has ids to use.</summary>
[Collection(VapeCollection.Name)]
public sealed class UnitOfficialsTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Query = """
        query($code: String!, $first: Int, $after: String, $ended: Boolean) {
          unitByCode(code: $code) { name officials(first: $first, after: $after, includeEnded: $ended) {
            nodes { id role from to person { fullName } unit { code } } pageInfo { hasNextPage endCursor } } } }
        """;

    private async Task<GraphQLResponse> Officials(string? login, string code = "T01-X001", int? first = null, string? after = null, bool? ended = null) =>
        await app.GraphQL(Query, new { code, first, after, ended }, login is null ? null : await _org.Token(login));

    private static JsonNode Page(GraphQLResponse response)
    {
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["unitByCode"]!["officials"]!;
    }

    [Fact]
    public async Task An_official_of_the_unit_or_above_lists_its_officials_page_by_page_and_ends_a_role_by_its_id()
    {
        var learner = await _org.PersonId("learner");
        var learner2 = await _org.PersonId("learner2");
        var baDinh = await _org.UnitId("T01-X001");
        (await _org.Mutate("assignRole", new { personId = learner, unitId = baDinh, role = "STAFF" }, "province")).HasErrors.ShouldBeFalse();
        (await _org.Mutate("assignRole", new { personId = learner2, unitId = baDinh, role = "SECRETARY" }, "province")).HasErrors.ShouldBeFalse();

        var first = Page(await Officials("province", first: 2));
        first["nodes"]!.AsArray().Select(n => (n!["person"]!["fullName"]!.GetValue<string>(), n["role"]!.GetValue<string>()))
            .ShouldBe([("Lê Văn Cường", "STANDING_MEMBER"), ("Hoàng Thị Em", "STAFF")], "in the order the roles were given");
        first["nodes"]![0]!["unit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        first["nodes"]![0]!["to"].ShouldBeNull();
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var second = Page(await Officials("commune", first: 2, after: first["pageInfo"]!["endCursor"]!.GetValue<string>()));
        var secretary = second["nodes"]!.AsArray().ShouldHaveSingleItem()!;
        secretary["person"]!["fullName"]!.GetValue<string>().ShouldBe("Trần Văn Phúc");
        second["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        var ended = await _org.Mutate("endRole", new { roleId = secretary["id"]!.GetValue<string>() }, "province", "id to");
        ended.HasErrors.ShouldBeFalse(ended.Body);
        Page(await Officials("province")).AsObject()["nodes"]!.AsArray().Select(n => n!["role"]!.GetValue<string>())
            .ShouldBe(["STANDING_MEMBER", "STAFF"], "an ended term leaves the list");
        var all = Page(await Officials("central", ended: true))["nodes"]!.AsArray();
        all.Count.ShouldBe(3, "with includeEnded, every term");
        all[2]!["to"]!.GetValue<string>().ShouldBe(ended.Data["endRole"]!["to"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("learner")]
    [InlineData("sibling-province")]
    public async Task A_caller_who_may_not_see_the_members_gets_null_officials_and_NOT_ALLOWED_and_the_unit_keeps_its_data(string login)
    {
        var response = await Officials(login);
        response.Data["unitByCode"]!["name"]!.GetValue<string>().ShouldBe("Phường Ba Đình");
        response.Data["unitByCode"]!["officials"].ShouldBeNull();
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        response.Json!["errors"]![0]!["path"]!.AsArray().Select(p => p!.ToString()).ShouldBe(["unitByCode", "officials"]);
    }

    [Fact]
    public async Task A_signed_out_caller_hears_NOT_AUTHENTICATED()
    {
        var response = await Officials(null);
        response.Data["unitByCode"]!["officials"].ShouldBeNull();
        response.FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(101, null)]
    [InlineData(5, "not-a-cursor")]
    [InlineData(5, "Yzpub3QtYS1ndWlk")] // "c:not-a-guid": a well-formed cursor that names no role
    public async Task A_bad_page_is_INVALID_INPUT_in_Vietnamese(int first, string? after)
    {
        var response = await Officials("province", first: first, after: after);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldMatch("[à-ỹ]", "the message is Vietnamese");
    }
}
