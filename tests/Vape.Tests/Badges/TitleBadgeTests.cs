using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Vape.Records.Badges;
using Vape.Records.Contracts;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Badges;

/// <summary>
/// A credential made from a title, end to end (issue #23): the title confirmed by an official, the credential issued
/// by the person from it, downloaded (its public copy), and accepted by the independent node verifier and by
/// `POST /badges/verify`. A Learning Family / Clan title is on every member's record: each member makes their own
/// credential of it, which says the title was given to a family (or a clan) and names no one.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class TitleBadgeTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<GraphQLResponse> SetRules() =>
        _api.Org.Mutate("setTitleRules", new { year = 2026, minHours = 3, minDomains = 2, familyShare = 0.6m, groupShare = 0.6m, minGroupMembers = 3 }, "central", "configured");

    private async Task<JsonArray> Proposals(string code, string login)
    {
        var response = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 100) { nodes { id kind subjectId } } }",
            new { u = await _api.Org.UnitId(code) }, await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["titleProposals"]!["nodes"]!.AsArray();
    }

    [Fact]
    public async Task A_confirmed_Learning_Citizen_title_becomes_a_credential_the_independent_verifier_accepts()
    {
        (await SetRules()).HasErrors.ShouldBeFalse();
        foreach (var entry in new[]
                 {
                     await _api.DeclareOk("learner", RecordsApi.Activity(hours: 2)),
                     await _api.DeclareOk("learner", RecordsApi.Activity(title: "Tìm hiểu Luật Đất đai 2024", domain: "LEGAL_AWARENESS", hours: 1.5m, date: "2026-07-07")),
                 })
            (await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune", "recordVersion")).HasErrors.ShouldBeFalse();
        var learner = await _api.Org.PersonId("learner");
        var proposal = (await Proposals("T01-X001", "commune")).Single(p => p!["subjectId"]!.GetValue<string>() == learner)!["id"]!.GetValue<string>();
        (await _api.Org.Mutate("confirmTitle", new { unitId = await _api.Org.UnitId("T01-X001"), year = 2026, proposalId = proposal }, "commune", "status"))
            .HasErrors.ShouldBeFalse();
        var title = (await _api.MyRecord("learner"))["titles"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>();

        var issued = await _api.Org.Mutate("issueBadge", new { source = "TITLE", sourceId = title }, "learner", "id name issuerName credential verifyUrl");
        issued.HasErrors.ShouldBeFalse(issued.Body);
        var badge = issued.Data["issueBadge"]!;
        badge["name"]!.GetValue<string>().ShouldBe("Công dân học tập năm 2026");
        badge["issuerName"]!.GetValue<string>().ShouldBe("Phường Ba Đình");
        // Another learner cannot make a credential of it: not in their record.
        (await _api.Org.Mutate("issueBadge", new { source = "TITLE", sourceId = title }, "learner2", "id")).FirstErrorCode.ShouldBe("NOT_FOUND");

        // Downloaded as anyone would (the QR code's page loads the public copy), then verified without Vape's API.
        var jwt = await app.Host.Server.CreateClient().GetStringAsync($"/badges/{badge["id"]!.GetValue<string>()}/credential");
        jwt.ShouldBe(badge["credential"]!.GetValue<string>());
        var payload = Part(jwt, 1);
        payload["credentialSubject"]!["achievement"]!["achievementType"]!.GetValue<string>().ShouldBe("Award");
        payload.ToJsonString().ShouldNotContain(learner);
        var verdict = (await VerifyIndependentlyAsync(jwt)).ShouldHaveSingleItem();
        verdict["valid"]!.GetValue<bool>().ShouldBeTrue(verdict.ToJsonString());
        verdict["achievement"]!.GetValue<string>().ShouldBe("Công dân học tập năm 2026");
        (await VerifyAsync(jwt))["code"]!.GetValue<string>().ShouldBe("VALID");
    }

    [Fact]
    public async Task Each_member_of_a_family_and_a_clan_with_a_title_makes_their_own_credential_of_it_and_it_verifies()
    {
        (await SetRules()).HasErrors.ShouldBeFalse();
        var socSon = Guid.Parse(await _api.Org.UnitId("T01-X003"));
        var family = (await _api.Organization.MembersAsync(socSon, false, default)).Where(m => m.HouseholdId is not null).Select(m => m.PersonId).Order().ToList();
        foreach (var person in family)
        {
            await _api.Attend(RecordsApi.Attendance(person, socSon, LearningDomain.DigitalSkills, 120));
            await _api.Attend(RecordsApi.Attendance(person, socSon, LearningDomain.Science, 120, "Khoa học nhà nông", new DateOnly(2026, 6, 1)));
        }
        var proposals = await Proposals("T01-X003", "province");
        foreach (var kind in new[] { "LEARNING_FAMILY", "LEARNING_CLAN" })
        {
            var id = proposals.Single(p => p!["kind"]!.GetValue<string>() == kind)!["id"]!.GetValue<string>();
            (await _api.Org.Mutate("confirmTitle", new { unitId = socSon.ToString(), year = 2026, proposalId = id }, "province", "status")).HasErrors.ShouldBeFalse();
        }

        // These members have no sign-in in the demo data: the person's own call, as `issueBadge` makes it for its caller.
        var badges = app.Host.Services.GetRequiredService<BadgeService>();
        var credentials = new List<string>();
        foreach (var person in family.Take(2))
        {
            var titles = (await _api.Record("province", person.ToString(), "EVALUATION")).Data["record"]!["titles"]!.AsArray();
            foreach (var (kind, name) in new[] { ("LEARNING_FAMILY", "Gia đình học tập năm 2026"), ("LEARNING_CLAN", "Dòng họ học tập năm 2026") })
            {
                var title = Guid.Parse(titles.Single(t => t!["kind"]!.GetValue<string>() == kind)!["id"]!.GetValue<string>());
                var badge = await badges.IssueAsync(new IssueBadge(person, BadgeSource.Title, title), "http://localhost", default);
                badge.Name.ShouldBe(name);
                badge.IssuerName.ShouldBe("Xã Sóc Sơn");
                Part(badge.Credential, 1)["credentialSubject"]!["achievement"]!["description"]!.GetValue<string>()
                    .ShouldContain(kind == "LEARNING_FAMILY" ? "cho một gia đình" : "cho một dòng họ");
                (await badges.IssueAsync(new IssueBadge(person, BadgeSource.Title, title), "http://localhost", default)).Id.ShouldBe(badge.Id);
                credentials.Add(badge.Credential);
            }
        }
        // Four credentials (two members, two titles), each its own, none naming its holder; all valid for the independent verifier.
        credentials.Distinct().Count().ShouldBe(4);
        foreach (var person in family) credentials.ShouldAllBe(c => !Part(c, 1).ToJsonString().Contains(person.ToString()));
        var verdicts = await VerifyIndependentlyAsync([.. credentials]);
        verdicts.ShouldAllBe(v => v["valid"]!.GetValue<bool>());
    }

    /// <summary>The node verifier (jose, the OB 3.0.3 context, no network) over credentials of one issuer, with what the host publishes.</summary>
    private async Task<List<JsonNode>> VerifyIndependentlyAsync(params string[] jwts)
    {
        var client = app.Host.Server.CreateClient();
        var dids = new JsonObject();
        var lists = new JsonObject();
        foreach (var jwt in jwts)
        {
            var payload = Part(jwt, 1);
            var did = payload["issuer"]!["id"]!.GetValue<string>();
            if (!dids.ContainsKey(did)) dids[did] = JsonNode.Parse(await client.GetStringAsync($"/units/{did.Split(":units:")[1]}/did.json"));
            var listUrl = payload["credentialStatus"]!["statusListCredential"]!.GetValue<string>();
            if (!lists.ContainsKey(listUrl)) lists[listUrl] = await client.GetStringAsync(new Uri(listUrl).PathAndQuery);
        }
        return await BadgeVerifier.RunAsync(jwts, dids, lists);
    }

    private async Task<JsonNode> VerifyAsync(string jwt)
    {
        var response = await app.Host.Server.CreateClient().PostAsJsonAsync("/badges/verify", new { credential = jwt });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonNode Part(string jwt, int index) => JsonNode.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[index]))!;
}
