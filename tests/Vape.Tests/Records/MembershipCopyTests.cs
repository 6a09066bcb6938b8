using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Records.Contracts;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Records;

/// <summary>
/// Records' own copy of the tree and the memberships (ADR 0167): a change in Organization reaches statistics, title
/// proposals and the verification queue through the events, and the centre's rebuild refills a copy emptied by hand.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class MembershipCopyTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);
    private readonly RecordsJobsApi _jobs = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string StatisticsQuery = "query($u: ID!, $y: Int!) { recordStatistics(unitId: $u, year: $y) { total { people activities hidden } } }";

    private async Task<JsonNode> Total(string code, string login)
    {
        var response = await app.GraphQL(StatisticsQuery, new { u = await _api.Org.UnitId(code), y = 2026 }, await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["recordStatistics"]!["total"]!;
    }

    /// <summary>A mutation, and every message it caused handled (the copy is written by Organization's events).</summary>
    private async Task<JsonNode> Changed(string name, object input, string login, string selection = "__typename")
    {
        GraphQLResponse? response = null;
        await app.Host.ExecuteAndWaitAsync(async () => response = await _api.Org.Mutate(name, input, login, selection));
        response!.HasErrors.ShouldBeFalse(response.Body);
        return response.Data[name]!;
    }

    /// <summary>A member as `updateMember` needs them back.</summary>
    private sealed record Member(Guid Id, string FullName, int? BirthYear, int Version)
    {
        public static implicit operator Guid(Member m) => m.Id;

        public override string ToString() => Id.ToString();
    }

    private async Task<Member> Add(string unitCode, string fullName, string login)
    {
        var added = await Changed("addMember", new { homeUnitId = await _api.Org.UnitId(unitCode), fullName, birthYear = 1980 }, login, "id version");
        return new Member(Guid.Parse(added["id"]!.GetValue<string>()), fullName, 1980, added["version"]!.GetValue<int>());
    }

    private async Task Learns(Guid person, string unitCode) =>
        await _api.Attend(RecordsApi.Attendance(person, Guid.Parse(await _api.Org.UnitId(unitCode)), LearningDomain.DigitalSkills, 90));

    private async Task<JsonArray> Proposals(string code, string login = "province")
    {
        var response = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 100) { nodes { kind subjectId memberCount } } }",
            new { u = await _api.Org.UnitId(code) }, await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["titleProposals"]!["nodes"]!.AsArray();
    }

    private static List<string> Subjects(JsonArray proposals, string kind) =>
        proposals.Where(p => p!["kind"]!.GetValue<string>() == kind).Select(p => p!["subjectId"]!.GetValue<string>()).ToList();

    /// <summary>`updateMember` by the centre's chair: another home unit, or the same one with a household.</summary>
    private async Task Move(Member member, string toCode, string? householdId = null) =>
        await Changed("updateMember", new
        {
            personId = member.Id.ToString(), expectedVersion = member.Version, fullName = member.FullName, birthYear = member.BirthYear, householdId,
            homeUnitId = await _api.Org.UnitId(toCode),
        }, "central");

    private async Task SetRules() =>
        (await _api.Org.Mutate("setTitleRules", new { year = 2026, minHours = 1, minDomains = 1, familyShare = 0.5, groupShare = 0.5, minGroupMembers = 3 }, "central"))
            .HasErrors.ShouldBeFalse();

    [Fact]
    public async Task Members_added_and_moved_in_Organization_count_where_they_are_now()
    {
        await SetRules();
        var five = new List<Member>();
        for (var i = 1; i <= 5; i++) five.Add(await Add("T18-X001", $"Hội viên Lê Chân {i}", "sibling-province"));
        foreach (var person in five) await Learns(person, "T18-X001");

        var haiPhong = await Total("T18", "sibling-province");
        haiPhong["hidden"]!.GetValue<bool>().ShouldBeFalse();
        haiPhong["people"]!.GetValue<int>().ShouldBe(5);
        Subjects(await Proposals("T18-X001", "sibling-province"), "LEARNING_CITIZEN").ShouldBe(five.Select(p => p.ToString()), ignoreOrder: true);

        await Move(five[0], "T01-X001");

        (await Total("T18", "sibling-province"))["hidden"]!.GetValue<bool>().ShouldBeTrue();
        Subjects(await Proposals("T18-X001", "sibling-province"), "LEARNING_CITIZEN").ShouldNotContain(five[0].ToString());
        Subjects(await Proposals("T01-X001"), "LEARNING_CITIZEN").ShouldContain(five[0].ToString());
    }

    [Fact]
    public async Task A_household_set_in_Organization_becomes_a_Learning_Family()
    {
        await SetRules();
        var parent = await Add("T01-X002", "Trần Văn Cha", "province");
        var child = await Add("T01-X002", "Trần Thị Con", "province");
        await Learns(parent, "T01-X002");
        await Learns(child, "T01-X002");
        Subjects(await Proposals("T01-X002"), "LEARNING_FAMILY").ShouldBeEmpty();

        var household = Guid.CreateVersion7().ToString();
        await Move(parent, "T01-X002", household);
        await Move(child, "T01-X002", household);

        Subjects(await Proposals("T01-X002"), "LEARNING_FAMILY").ShouldBe([household]);
    }

    [Fact]
    public async Task A_member_who_leaves_by_a_merge_of_two_records_no_longer_counts()
    {
        var four = new List<Member>();
        for (var i = 1; i <= 4; i++) four.Add(await Add("T18", $"Hội viên Hải Phòng {i}", "sibling-province"));
        var citizenId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        (await _api.Org.Mutate("addMember", new { homeUnitId = await _api.Org.UnitId("T01"), fullName = "Nguyễn Thị Hai Nơi", birthYear = 1968, citizenId }, "province"))
            .HasErrors.ShouldBeFalse();
        var added = Guid.Parse((await Changed("addMember", new { homeUnitId = await _api.Org.UnitId("T18"), fullName = "Nguyễn Thị Hai Nơi", birthYear = 1968, citizenId },
            "sibling-province", "id"))["id"]!.GetValue<string>());
        foreach (var person in four.Select(m => m.Id).Append(added)) await Learns(person, "T18");
        (await Total("T18", "sibling-province"))["people"]!.GetValue<int>().ShouldBe(5);

        var listed = await app.GraphQL("query($u: ID!) { pendingMerges(unitId: $u, first: 10) { nodes { id } } }", new { u = await _api.Org.UnitId("T01") },
            await _api.Org.Token("province"));
        var merge = listed.Data["pendingMerges"]!["nodes"]![0]!["id"]!.GetValue<string>();
        GraphQLResponse? resolved = null;
        await app.Host.ExecuteAndWaitAsync(async () => resolved = await app.GraphQL(
            "mutation($i: ResolvePendingMergeInput!) { resolvePendingMerge(input: $i) { merged } }", new { i = new { mergeId = merge, merge = true } },
            await _api.Org.Token("province")));
        resolved!.HasErrors.ShouldBeFalse(resolved.Body);

        // The one added twice left; the holder belongs to Hải Phòng now too, but learned nothing there: four people.
        (await Total("T18", "sibling-province"))["hidden"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_pending_entry_follows_its_learner_to_the_verification_queue_of_the_unit_they_moved_to()
    {
        var entry = await _api.DeclareOk("learner-hp");
        const string Queue = "query { entriesToVerify(purpose: VERIFICATION, first: 50) { nodes { personId unit { code } entry { id } } } }";
        async Task<List<string>> QueueOf(string login)
        {
            var response = await app.GraphQL(Queue, token: await _api.Org.Token(login));
            response.HasErrors.ShouldBeFalse(response.Body);
            return response.Data["entriesToVerify"]!["nodes"]!.AsArray().Select(n => n!["entry"]!["id"]!.GetValue<string>()).ToList();
        }
        (await QueueOf("sibling-province")).ShouldContain(entry);
        (await QueueOf("commune")).ShouldNotContain(entry);

        var me = (await _api.Org.Me("learner-hp"))["person"]!;
        await Move(new Member(Guid.Parse(me["id"]!.GetValue<string>()), me["fullName"]!.GetValue<string>(), null, me["version"]!.GetValue<int>()), "T01-X001");

        (await QueueOf("sibling-province")).ShouldNotContain(entry);
        (await QueueOf("commune")).ShouldContain(entry);
    }

    [Fact]
    public async Task A_merged_communes_members_and_their_statistics_pass_to_its_successor()
    {
        var five = new List<Member>();
        for (var i = 1; i <= 5; i++) five.Add(await Add("T01-X002", $"Hội viên Hoàn Kiếm {i}", "province"));
        foreach (var person in five) await Learns(person, "T01-X002");
        (await Total("T01-X002", "province"))["people"]!.GetValue<int>().ShouldBe(5);
        (await Total("T01-X001", "province"))["hidden"]!.GetValue<bool>().ShouldBeTrue();

        var hoanKiem = await _api.Org.Unit("T01-X002");
        await Changed("mergeUnit", new
        {
            unitId = hoanKiem["id"]!.GetValue<string>(), successorId = await _api.Org.UnitId("T01-X001"), expectedVersion = hoanKiem["version"]!.GetValue<int>(),
        }, "province", "status");

        var baDinh = await Total("T01-X001", "province");
        baDinh["hidden"]!.GetValue<bool>().ShouldBeFalse();
        baDinh["people"]!.GetValue<int>().ShouldBe(5);
        (await Total("T01-X002", "province"))["hidden"]!.GetValue<bool>().ShouldBeTrue();
    }

    private async Task<long> CopyRows()
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select (select count(*) from records.unit_paths) + (select count(*) from records.memberships)");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task EmptyTheCopy()
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("delete from records.unit_paths; delete from records.memberships");
        await cmd.ExecuteNonQueryAsync();
    }

    private Task<GraphQLResponse> Rebuild(string? login, bool confirm = true) => _jobs.Start("rebuildRecordsCopy", login, confirm);

    [Fact]
    public async Task The_centres_rebuild_restores_a_copy_emptied_by_hand()
    {
        var five = new List<Member>();
        for (var i = 1; i <= 5; i++) five.Add(await Add("T01-X003", $"Hội viên Sóc Sơn {i}", "province"));
        foreach (var person in five) await Learns(person, "T01-X003");
        (await Total("T01", "province"))["people"]!.GetValue<int>().ShouldBe(5);
        var rows = await CopyRows();

        await EmptyTheCopy();
        (await Total("T01", "province"))["hidden"]!.GetValue<bool>().ShouldBeTrue();

        var started = await Rebuild("central");

        // The answer is the job, at once; the copy is refilled in the background.
        started.HasErrors.ShouldBeFalse(started.Body);
        var answer = started.Data["rebuildRecordsCopy"]!;
        answer["kind"]!.GetValue<string>().ShouldBe("REBUILD_RECORDS_COPY");
        answer["status"]!.GetValue<string>().ShouldBe("QUEUED");
        answer["startedBy"]!.GetValue<string>().ShouldBe(await _api.Org.PersonId("central"));
        answer["added"].ShouldBeNull();
        var job = await _jobs.Until(answer["id"]!.GetValue<string>(), "DONE", "FAILED");
        job["status"]!.GetValue<string>().ShouldBe("DONE", job.ToJsonString());
        job["done"]!.GetValue<int>().ShouldBe((int)rows);
        job["total"]!.GetValue<int>().ShouldBe((int)rows);
        job["finishedAt"].ShouldNotBeNull();
        job["errorCode"].ShouldBeNull();
        (await CopyRows()).ShouldBe(rows);
        (await Total("T01", "province"))["people"]!.GetValue<int>().ShouldBe(5);
    }

    private async Task NoJobStarted()
    {
        var latest = await _jobs.Latest("REBUILD_RECORDS_COPY");
        latest.HasErrors.ShouldBeFalse(latest.Body);
        latest.Data["latestRecordsJob"].ShouldBeNull();
    }

    [Theory]
    [InlineData("province", "NOT_ALLOWED")]
    [InlineData("learner", "NOT_ALLOWED")]
    [InlineData(null, "NOT_AUTHENTICATED")]
    public async Task Only_the_centre_rebuilds_and_a_refusal_changes_nothing(string? login, string expected)
    {
        await EmptyTheCopy();

        var refused = await Rebuild(login);

        refused.FirstErrorCode.ShouldBe(expected, refused.Body);
        refused.FirstErrorMessage.ShouldNotBeNull().ShouldNotContain("Exception");
        await NoJobStarted();
        (await CopyRows()).ShouldBe(0);
    }

    [Fact]
    public async Task A_rebuild_not_confirmed_is_INVALID_INPUT_in_Vietnamese_and_changes_nothing()
    {
        await EmptyTheCopy();

        var refused = await Rebuild("central", confirm: false);

        refused.FirstErrorCode.ShouldBe("INVALID_INPUT", refused.Body);
        refused.FirstErrorMessage.ShouldNotBeNull().ShouldContain("xác nhận");
        await NoJobStarted();
        (await CopyRows()).ShouldBe(0);
    }
}
