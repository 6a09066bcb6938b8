using System.Text.Json.Nodes;
using Vape.Records.Contracts;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>Statistics per unit subtree and year: counts and hours by domain, no person, cells under 5 people hidden, kept after erasure.</summary>
[Collection(VapeCollection.Name)]
public sealed class StatisticsTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Fields = "unitId year total { people activities hours hidden } domains { domain people activities hours hidden }";

    private async Task<JsonNode> Statistics(string code, int year, string login = "province")
    {
        var response = await app.GraphQL($"query($u: ID!, $y: Int!) {{ recordStatistics(unitId: $u, year: $y) {{ {Fields} }} }}",
            new { u = await _api.Org.UnitId(code), y = year }, await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["recordStatistics"]!;
    }

    /// <summary>Six members of Hà Nội (the learner among them) attend a digital skills class; two of them a science class too.</summary>
    private async Task<List<Guid>> SixLearnersOfHaNoi()
    {
        var haNoi = Guid.Parse(await _api.Org.UnitId("T01"));
        var learner = await _api.PersonGuid("learner");
        var members = (await _api.Organization.MembersAsync(haNoi, true, default)).Select(m => m.PersonId).Distinct().Where(p => p != learner).ToList();
        members.Count.ShouldBeGreaterThanOrEqualTo(5);
        var six = new[] { learner }.Concat(members.Take(5)).ToList();
        foreach (var person in six) await _api.Attend(RecordsApi.Attendance(person, haNoi, LearningDomain.DigitalSkills, 90));
        foreach (var person in six.Take(2)) await _api.Attend(RecordsApi.Attendance(person, haNoi, LearningDomain.Science, 90, "Khoa học thường thức"));
        return six;
    }

    [Fact]
    public async Task A_province_sees_counts_and_hours_by_domain_with_cells_under_five_people_hidden()
    {
        await SixLearnersOfHaNoi();

        var statistics = await Statistics("T01", 2026);

        statistics["total"]!["people"]!.GetValue<int>().ShouldBe(6);
        statistics["total"]!["activities"]!.GetValue<int>().ShouldBe(8);
        statistics["total"]!["hours"]!.GetValue<decimal>().ShouldBe(12m);
        var digital = statistics["domains"]!.AsArray().Single(d => d!["domain"]!.GetValue<string>() == "DIGITAL_SKILLS")!;
        digital["people"]!.GetValue<int>().ShouldBe(6);
        digital["hours"]!.GetValue<decimal>().ShouldBe(9m);
        var science = statistics["domains"]!.AsArray().Single(d => d!["domain"]!.GetValue<string>() == "SCIENCE")!;
        science["hidden"]!.GetValue<bool>().ShouldBeTrue();
        science["people"].ShouldBeNull();
        science["hours"].ShouldBeNull();
        statistics.ToJsonString().ShouldNotContain((await _api.PersonGuid("learner")).ToString());
    }

    [Fact]
    public async Task A_small_unit_sees_only_hidden_cells()
    {
        await SixLearnersOfHaNoi();

        var baDinh = await Statistics("T01-X001", 2026, "commune");

        baDinh["total"]!["hidden"]!.GetValue<bool>().ShouldBeTrue();
        baDinh["domains"]!.AsArray().ShouldAllBe(d => d!["hidden"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Another_year_is_empty()
    {
        await SixLearnersOfHaNoi();

        var statistics = await Statistics("T01", 2025);

        statistics["total"]!["hidden"]!.GetValue<bool>().ShouldBeTrue();
        statistics["domains"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Statistics_keep_their_counts_after_a_learner_erases_their_record()
    {
        await SixLearnersOfHaNoi();
        var before = (await Statistics("T01", 2026)).ToJsonString();

        var erased = await _api.Org.Mutate("requestRecordErasure", new { personId = await _api.Org.PersonId("learner") }, "learner");

        erased.HasErrors.ShouldBeFalse(erased.Body);
        (await _api.MyRecord("learner"))["years"]!.AsArray().ShouldBeEmpty();
        (await Statistics("T01", 2026)).ToJsonString().ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_year_is_INVALID_INPUT()
    {
        var response = await app.GraphQL("query($u: ID!) { recordStatistics(unitId: $u, year: 99999) { year } }",
            new { u = await _api.Org.UnitId("T01") }, await _api.Org.Token("province"));

        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }
}
