using System.Text.Json.Nodes;
using Vape.Tests.Classes;
using Vape.Tests.Content;
using Vape.Tests.Funds;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// The second order-of-checks walk (ADR 0072, issue #25): an official of ANOTHER unit (Hải Phòng, a sibling province)
/// sends every mutation the REAL ids of Phường Ba Đình's objects (its unit, a member, a class, a fund, a programme, a
/// nomination, an award, a directive, news, a resource, a record entry), with every other field bad. Holding a role,
/// but not there, they hear NOT_ALLOWED (or NOT_FOUND for an id outside their view, ADR 0070), never INVALID_INPUT
/// about the fields of a form they may not use, never a success, and nothing of Ba Đình's changes.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class SiblingOrderOfChecksTests(VapeApp app) : IAsyncLifetime
{
    private readonly Dictionary<string, string> _ids = [];

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        var org = new OrganizationApi(app);
        var funds = new FundsApi(app);
        var baDinh = await org.UnitId("T01-X001");
        var learner = await org.PersonId("learner");
        foreach (var name in new[] { "unitId", "homeUnitId", "parentId", "newParentId", "issuerUnitId", "reviewUnitId", "audienceUnitId", "successorId",
                     "targetUnitIds", "otherUnitIds" })
            _ids[name] = baDinh;
        foreach (var name in new[] { "personId", "officialId", "memberIds", "personIds", "hostIds", "coHostIds", "authorId", "subjectId" })
            _ids[name] = learner;
        _ids["classId"] = (await new ClassesApi(app).Schedule())["id"]!.GetValue<string>();
        var fund = await funds.FundOk("commune", "T01-X001");
        FundsApi.Ok(await funds.Donate("commune", fund, 50_000_000));
        _ids["fundId"] = _ids["fundIds"] = fund;
        var programme = await funds.Programme("province", "T01", [fund], budget: 12_000_000);
        _ids["programmeId"] = programme;
        var nomination = FundsApi.Ok(await funds.Nominate("commune", programme, "T01-X001", "learner")).Data["nominate"]!["id"]!.GetValue<string>();
        _ids["nominationId"] = nomination;
        _ids["awardId"] = FundsApi.Ok(await funds.Decide("province", nomination, 1_000_000, fund)).Data["decideNomination"]!["awardId"]!.GetValue<string>();
        _ids["directiveId"] = await new ContentApi(app).IssueOk("province", "T01");
        var news = await org.Mutate("publishNews", new { unitId = baDinh, title = "Khai giảng lớp tin học", body = "Thứ Bảy này." }, "commune", "id");
        _ids["newsId"] = news.Data["publishNews"]!["id"]!.GetValue<string>();
        var resource = await org.Mutate("submitResource", new
        {
            title = "Kỹ năng số", description = "Hướng dẫn", domain = "DIGITAL_SKILLS", audience = "ELDERLY", language = "vi", format = "VIDEO",
            licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1",
        }, "learner", "id");
        _ids["resourceId"] = resource.Data["submitResource"]!["id"]!.GetValue<string>();
        _ids["entryId"] = await new RecordsApi(app).DeclareOk("learner");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What the walk could change of Ba Đình's, as its own official and the centre see it.</summary>
    private async Task<string> Fingerprint()
    {
        var central = await new OrganizationApi(app).Token("central");
        var response = await app.GraphQL("""
            query($u: ID!, $f: ID!, $r: ID!, $d: ID!, $c: ID!) {
              unit(id: $u) { name version }
              news(unitId: $u, first: 100) { nodes { id title version } }
              fund(id: $f) { name rules accounts { account balance } }
              resource(id: $r) { title status version }
              directive(id: $d) { title }
              entriesToVerify(unitId: $u, purpose: SUPPORT, first: 100) { nodes { entry { id status } } }
              class(id: $c) { title capacity status version }
            }
            """, new { u = _ids["unitId"], f = _ids["fundId"], r = _ids["resourceId"], d = _ids["directiveId"], c = _ids["classId"] }, central);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Answer;
    }

    [Fact]
    public async Task An_official_of_a_sibling_province_with_real_ids_hears_NOT_ALLOWED_and_changes_nothing()
    {
        var introspection = await app.GraphQL(ApiConventionTests.StandardIntrospectionQuery);
        introspection.HasErrors.ShouldBeFalse(introspection.Body);
        var types = introspection.Data["__schema"]!["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        var mutations = types["Mutation"]["fields"]!.AsArray().Select(f => f!).ToList();
        var before = await Fingerprint();

        var token = await new DemoTokens(app).For("sibling-province");
        var problems = new List<string>();
        foreach (var mutation in mutations)
        {
            var name = mutation["name"]!.GetValue<string>();
            // What anyone signed in does for themself is walked by OrderOfChecksTests and each module's own tests.
            if (OrderOfChecksTests.LearnersOwn.Contains(name)) continue;
            var inputType = OrderOfChecksTests.Named(mutation["args"]![0]!["type"]!);
            var input = OrderOfChecksTests.BadValue(types, mutation["args"]![0]!["type"]!, field => _ids.GetValueOrDefault(field));
            var response = await app.GraphQL($"mutation($i: {inputType}!) {{ {name}(input: $i) {{ __typename }} }}",
                new Dictionary<string, object?> { ["i"] = input }, token);
            var code = response.FirstErrorCode;
            if (code is null) problems.Add($"{name}: accepted from a sibling province's official ({response.Body})");
            else if (code is not ("NOT_ALLOWED" or "NOT_FOUND")) problems.Add($"{name}: {code} where NOT_ALLOWED comes first: {response.FirstErrorMessage} (input {input?.ToJsonString()})");
            if (response.Json?["data"] is JsonObject data && data.Any(p => p.Value is not null)) problems.Add($"{name}: answered data with {code}");
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
        (await Fingerprint()).ShouldBe(before);
    }
}
