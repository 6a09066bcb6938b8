using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Records.Contracts;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>Titles: rules per year, proposals with reasons, confirmation or rejection by an official, titles on the members' records.</summary>
[Collection(VapeCollection.Name)]
public sealed class TitleTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string ProposalFields = "id kind year subjectId subjectName reason memberCount qualifiedCount hours domains status decisionReason";

    private Task<GraphQLResponse> SetRules(string login, int year = 2026, decimal minHours = 3, int minDomains = 2, decimal familyShare = 0.6m,
        decimal groupShare = 0.6m, int minGroupMembers = 3) =>
        _api.Org.Mutate("setTitleRules", new { year, minHours, minDomains, familyShare, groupShare, minGroupMembers }, login, "year minHours configured");

    private async Task<JsonArray> Proposals(string code, string login = "province", int year = 2026)
    {
        var response = await app.GraphQL($"query($u: ID!, $y: Int!) {{ titleProposals(unitId: $u, year: $y, purpose: EVALUATION, first: 100) {{ nodes {{ {ProposalFields} }} }} }}",
            new { u = await _api.Org.UnitId(code), y = year }, await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["titleProposals"]!["nodes"]!.AsArray();
    }

    /// <summary>The Nguyễn Đình family of Sóc Sơn (one household, also the clan's three members): two learn 4 hours in two domains, one learns 1 hour.</summary>
    private async Task<List<Guid>> SocSonFamilyLearns()
    {
        var socSon = Guid.Parse(await _api.Org.UnitId("T01-X003"));
        var family = (await _api.Organization.MembersAsync(socSon, false, default)).Where(m => m.HouseholdId is not null).Select(m => m.PersonId).Order().ToList();
        family.Count.ShouldBe(3);
        foreach (var person in family.Take(2))
        {
            await _api.Attend(RecordsApi.Attendance(person, socSon, LearningDomain.DigitalSkills, 120));
            await _api.Attend(RecordsApi.Attendance(person, socSon, LearningDomain.Science, 120, "Khoa học nhà nông", new DateOnly(2026, 6, 1)));
        }
        await _api.Attend(RecordsApi.Attendance(family[2], socSon, LearningDomain.Health, 60, "Sơ cứu ban đầu"));
        return family;
    }

    [Fact]
    public async Task The_system_proposes_citizens_the_family_and_the_clan_with_their_reasons()
    {
        (await SetRules("central")).HasErrors.ShouldBeFalse();
        var family = await SocSonFamilyLearns();

        var proposals = await Proposals("T01-X003");

        proposals.Select(p => p!["kind"]!.GetValue<string>()).Order().ShouldBe(["LEARNING_CITIZEN", "LEARNING_CITIZEN", "LEARNING_CLAN", "LEARNING_FAMILY"]);
        var citizen = proposals.First(p => p!["kind"]!.GetValue<string>() == "LEARNING_CITIZEN")!;
        family.Take(2).Select(p => p.ToString()).ShouldContain(citizen["subjectId"]!.GetValue<string>());
        citizen["reason"]!.GetValue<string>().ShouldBe("4 giờ học ở 2 lĩnh vực trong năm 2026 (tiêu chí: ít nhất 3 giờ, 2 lĩnh vực).");
        citizen["subjectName"]!.GetValue<string>().ShouldBeOneOf("Nguyễn Đình Hùng", "Nguyễn Đình Hải Nam", "Đỗ Thị Hà Nam");
        var clan = proposals.Single(p => p!["kind"]!.GetValue<string>() == "LEARNING_CLAN")!;
        clan["subjectName"]!.GetValue<string>().ShouldBe("Dòng họ Nguyễn Đình");
        clan["reason"]!.GetValue<string>().ShouldBe("2/3 thành viên (66,7%) đạt tiêu chí Công dân học tập năm 2026 (tiêu chí: ít nhất 60%, tối thiểu 3 thành viên).");
        proposals.ShouldAllBe(p => p!["status"]!.GetValue<string>() == "PROPOSED");
    }

    /// <summary>Only verified (and system) hours count toward titles: an official verifies the entries.</summary>
    private async Task VerifiedBy(string official, params string[] entries)
    {
        foreach (var entry in entries)
        {
            var verified = await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, official, "recordVersion");
            verified.HasErrors.ShouldBeFalse(verified.Body);
        }
    }

    [Fact]
    public async Task Self_declared_hours_count_toward_a_title_only_once_an_official_verified_them()
    {
        (await SetRules("central")).HasErrors.ShouldBeFalse();
        var learner = await _api.Org.PersonId("learner");
        var entries = new List<string>();
        foreach (var (title, domain) in new[] { ("Lớp tin học buổi tối", "DIGITAL_SKILLS"), ("Câu lạc bộ khoa học", "SCIENCE") })
        {
            var declared = await _api.Org.Mutate("declareActivity", new { title, domain, date = "2026-03-02", hours = 2 }, "learner", "entry { id status }");
            declared.HasErrors.ShouldBeFalse(declared.Body);
            entries.Add(declared.Data["declareActivity"]!["entry"]!["id"]!.GetValue<string>());
        }
        bool Proposed(JsonArray proposals) => proposals.Any(p => p!["kind"]!.GetValue<string>() == "LEARNING_CITIZEN" && p["subjectId"]!.GetValue<string>() == learner);

        Proposed(await Proposals("T01-X001")).ShouldBeFalse("4 hours still PENDING count for nothing");

        await VerifiedBy("commune", [.. entries]);
        Proposed(await Proposals("T01-X001")).ShouldBeTrue("verified, the same hours make a Learning Citizen");
    }

    [Fact]
    public async Task Stricter_rules_of_the_year_propose_nothing()
    {
        (await SetRules("central", minHours: 10)).HasErrors.ShouldBeFalse();
        await SocSonFamilyLearns();

        (await Proposals("T01-X003")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_confirmed_group_title_appears_on_every_members_record_and_cannot_be_confirmed_twice()
    {
        (await SetRules("central")).HasErrors.ShouldBeFalse();
        var family = await SocSonFamilyLearns();
        var unit = await _api.Org.UnitId("T01-X003");
        var clan = (await Proposals("T01-X003")).Single(p => p!["kind"]!.GetValue<string>() == "LEARNING_CLAN")!["id"]!.GetValue<string>();

        var confirmed = await _api.Org.Mutate("confirmTitle", new { unitId = unit, year = 2026, proposalId = clan }, "province", "status");
        var again = await _api.Org.Mutate("confirmTitle", new { unitId = unit, year = 2026, proposalId = clan }, "central");

        confirmed.Data["confirmTitle"]!["status"]!.GetValue<string>().ShouldBe("CONFIRMED");
        again.FirstErrorCode.ShouldBe("INVALID_INPUT");
        foreach (var person in family)
        {
            var record = (await _api.Record("province", person.ToString(), "EVALUATION")).Data["record"]!;
            var title = record["titles"]!.AsArray().ShouldHaveSingleItem()!;
            title["kind"]!.GetValue<string>().ShouldBe("LEARNING_CLAN");
            title["year"]!.GetValue<int>().ShouldBe(2026);
        }
        (await Proposals("T01-X003")).Single(p => p!["id"]!.GetValue<string>() == clan)!["status"]!.GetValue<string>().ShouldBe("CONFIRMED");
    }

    [Fact]
    public async Task A_rejected_proposal_keeps_its_reason_and_awards_nothing()
    {
        (await SetRules("central")).HasErrors.ShouldBeFalse();
        var family = await SocSonFamilyLearns();
        var unit = await _api.Org.UnitId("T01-X003");
        var household = (await Proposals("T01-X003")).Single(p => p!["kind"]!.GetValue<string>() == "LEARNING_FAMILY")!["id"]!.GetValue<string>();

        var noReason = await _api.Org.Mutate("rejectTitle", new { unitId = unit, year = 2026, proposalId = household, reason = "" }, "province");
        var rejected = await _api.Org.Mutate("rejectTitle", new { unitId = unit, year = 2026, proposalId = household, reason = "Hộ chưa đăng ký thi đua" },
            "province", "status decisionReason");

        noReason.FirstErrorCode.ShouldBe("INVALID_INPUT");
        rejected.Data["rejectTitle"]!["decisionReason"]!.GetValue<string>().ShouldBe("Hộ chưa đăng ký thi đua");
        var listed = (await Proposals("T01-X003")).Single(p => p!["id"]!.GetValue<string>() == household)!;
        listed["status"]!.GetValue<string>().ShouldBe("REJECTED");
        (await _api.Record("province", family[0].ToString())).Data["record"]!["titles"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_learner_sees_their_confirmed_Learning_Citizen_title()
    {
        (await SetRules("central")).HasErrors.ShouldBeFalse();
        await VerifiedBy("commune", await _api.DeclareOk("learner", RecordsApi.Activity(hours: 2)),
            await _api.DeclareOk("learner", RecordsApi.Activity(title: "Tìm hiểu Luật Đất đai 2024", domain: "LEGAL_AWARENESS", hours: 1.5m, date: "2026-07-07")));
        var learner = await _api.Org.PersonId("learner");
        var proposal = (await Proposals("T01-X001", "commune")).Single(p => p!["subjectId"]!.GetValue<string>() == learner)!;
        proposal["hours"]!.GetValue<decimal>().ShouldBe(3.5m);

        var confirmed = await _api.Org.Mutate("confirmTitle",
            new { unitId = await _api.Org.UnitId("T01-X001"), year = 2026, proposalId = proposal["id"]!.GetValue<string>() }, "commune");

        confirmed.HasErrors.ShouldBeFalse(confirmed.Body);
        var title = (await _api.MyRecord("learner"))["titles"]!.AsArray().ShouldHaveSingleItem()!;
        title["kind"]!.GetValue<string>().ShouldBe("LEARNING_CITIZEN");
        title["subjectId"]!.GetValue<string>().ShouldBe(learner);
        // The export names it in Vietnamese, as the notification does (one table: LearningTitleDecided.KindName).
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _api.Org.Token("learner"));
        var csv = await client.GetStringAsync("/records/me/export.csv");
        csv.Split("\r\n").ShouldContain(line => line.StartsWith("Danh hiệu,Công dân học tập,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_official_confirms_their_own_Learning_Citizen_title()
    {
        (await SetRules("central")).HasErrors.ShouldBeFalse();
        await VerifiedBy("province", await _api.DeclareOk("commune", RecordsApi.Activity(hours: 2)),
            await _api.DeclareOk("commune", RecordsApi.Activity(title: "Sinh hoạt pháp luật", domain: "LEGAL_AWARENESS", hours: 2, date: "2026-07-07")));
        var commune = await _api.Org.PersonId("commune");
        var own = (await Proposals("T01-X001", "commune")).Single(p => p!["subjectId"]!.GetValue<string>() == commune)!;
        var input = new { unitId = await _api.Org.UnitId("T01-X001"), year = 2026, proposalId = own["id"]!.GetValue<string>() };

        (await _api.Org.Mutate("confirmTitle", input, "commune")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Org.Mutate("confirmTitle", input, "province")).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public async Task Looking_at_proposals_needs_a_purpose_and_each_person_shown_sees_the_look_in_their_log()
    {
        (await SetRules("central")).HasErrors.ShouldBeFalse();
        var family = await SocSonFamilyLearns();
        var socSon = await _api.Org.UnitId("T01-X003");

        var withoutPurpose = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026) { nodes { id } } }", new { u = socSon }, await _api.Org.Token("province"));
        withoutPurpose.FirstErrorCode.ShouldBe("INVALID_INPUT");

        (await Proposals("T01-X003")).Count.ShouldBe(4);

        // The two citizens (hours and domains shown) and the third member of the family of three (who qualified shows).
        var issuer = app.Host.Services.GetRequiredService<LocalTokenIssuer>();
        var province = await _api.Org.PersonId("province");
        foreach (var person in family)
        {
            var token = issuer.Issue(new LoginIdentity(person, "soc-son", "Hội viên"), TimeSpan.FromMinutes(5));
            var log = await app.GraphQL("{ myRecordAccessLog { nodes { officialId unitName purpose shown } } }", token: token);
            var look = log.Data["myRecordAccessLog"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!;
            look["officialId"]!.GetValue<string>().ShouldBe(province);
            look["purpose"]!.GetValue<string>().ShouldBe("EVALUATION");
            look["shown"]!.GetValue<string>().ShouldBe("TOTALS");
        }
        var learnerLog = await app.GraphQL("{ myRecordAccessLog { nodes { purpose } } }", token: await _api.Org.Token("learner"));
        learnerLog.Data["myRecordAccessLog"]!["nodes"]!.AsArray().ShouldBeEmpty("not in Sóc Sơn's proposals");
    }

    [Fact]
    public async Task An_unknown_proposal_is_NOT_FOUND()
    {
        var response = await _api.Org.Mutate("confirmTitle", new { unitId = await _api.Org.UnitId("T01-X003"), year = 2026, proposalId = Guid.NewGuid() }, "province");

        response.FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Rules_are_set_by_the_centre_only_and_bad_rules_are_refused()
    {
        (await SetRules("province")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await SetRules("central", familyShare: 1.5m)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await SetRules("central", minDomains: 0)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await SetRules("central", minHours: -1)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await SetRules("central", year: 1999)).FirstErrorCode.ShouldBe("INVALID_INPUT");

        var rules = await app.GraphQL("{ titleRules(year: 2026) { minHours minDomains configured } }", token: await _api.Org.Token("learner"));
        rules.Data["titleRules"]!["configured"]!.GetValue<bool>().ShouldBeFalse();
        rules.Data["titleRules"]!["minHours"]!.GetValue<decimal>().ShouldBe(40m);
        (await SetRules("central")).Data["setTitleRules"]!["configured"]!.GetValue<bool>().ShouldBeTrue();
    }
}
