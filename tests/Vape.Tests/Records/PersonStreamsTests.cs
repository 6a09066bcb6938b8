using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Records.Contracts;
using Vape.Tests.Support;
using Wolverine;

namespace Vape.Tests.Records;

/// <summary>
/// A person changed in Organization keeps a working learning record: each module writes only its own stream of the
/// person (docs/adr/0062). Before, Organization's events and the record shared the stream whose id was the person's,
/// and every record write after an Organization change failed with VERSION_CONFLICT.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PersonStreamsTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> OrganizationChanges() => ["add", "update", "move", "role", "link", "import"];

    [Theory]
    [MemberData(nameof(OrganizationChanges))]
    public async Task After_an_Organization_change_the_person_declares_is_verified_attends_earns_a_title_exports_and_is_erased(string change)
    {
        var (person, token) = await ChangedPerson(change);
        var home = Guid.Parse((await PersonRow(token))["homeUnit"]!["id"]!.GetValue<string>());

        // Declares an activity, and the commune's official verifies it.
        var declared = await _api.Org.MutateAs(token, "declareActivity", RecordsApi.Activity(hours: 2.5m), "entry { id }");
        declared.HasErrors.ShouldBeFalse(declared.Body);
        var entry = declared.Data["declareActivity"]!["entry"]!["id"]!.GetValue<string>();
        var verified = await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "province", "entry { status }");
        verified.HasErrors.ShouldBeFalse(verified.Body);

        // A class's attendance reaches the record once, however often it is delivered.
        var attendance = RecordsApi.Attendance(person, home, LearningDomain.Science, 90, "Khoa học nhà nông");
        await _api.Attend(attendance);
        await _api.Attend(attendance);

        // The year's title is proposed and confirmed onto the record.
        (await _api.Org.Mutate("setTitleRules", new { year = 2026, minHours = 3, minDomains = 2, familyShare = 0.5m, groupShare = 0.6m, minGroupMembers = 3 },
            "central")).HasErrors.ShouldBeFalse();
        var proposals = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 100) { nodes { id kind subjectId } } }",
            new { u = home.ToString() }, await _api.Org.Token("province"));
        proposals.HasErrors.ShouldBeFalse(proposals.Body);
        var mine = proposals.Data["titleProposals"]!["nodes"]!.AsArray()
            .Single(p => p!["subjectId"]!.GetValue<string>() == person.ToString() && p["kind"]!.GetValue<string>() == "LEARNING_CITIZEN")!;
        var confirmed = await _api.Org.Mutate("confirmTitle", new { unitId = home.ToString(), year = 2026, proposalId = mine["id"]!.GetValue<string>() }, "province");
        confirmed.HasErrors.ShouldBeFalse(confirmed.Body);

        var record = await RecordOf(token);
        record["activities"]!["nodes"]!.AsArray().Select(a => (a!["title"]!.GetValue<string>(), a["status"]!.GetValue<string>())).Order()
            .ShouldBe([("Khoa học nhà nông", "ACCEPTED"), ("Lớp tin học cơ bản cho người cao tuổi", "ACCEPTED")]);
        record["titles"]!.AsArray().ShouldHaveSingleItem()!["kind"]!.GetValue<string>().ShouldBe("LEARNING_CITIZEN");

        // Exports, then asks for erasure.
        var export = await Get("/records/me/export.json", token);
        export.IsSuccessStatusCode.ShouldBeTrue();
        JsonNode.Parse(await export.Content.ReadAsStringAsync()).ShouldNotBeNull();
        var erased = await _api.Org.MutateAs(token, "requestRecordErasure", new { personId = person.ToString() }, "erasedAt");
        erased.HasErrors.ShouldBeFalse(erased.Body);
        (await RecordOf(token))["activities"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_hundred_people_changed_in_Organization_while_their_records_are_written_lose_nothing()
    {
        var unit = await _api.Org.UnitId("T01-X001");
        var people = await Import(200);
        var province = await _api.Org.Token("province");
        var before = await Versions(people);

        // Each person: a role granted and a detail changed in Organization, and two attendances in Records, all at once.
        var work = people.SelectMany(p => new Func<Task>[]
        {
            async () => (await _api.Org.MutateAs(province, "assignRole", new { personId = p.ToString(), unitId = unit, role = "STAFF" }, "id"))
                .HasErrors.ShouldBeFalse(),
            async () =>
            {
                var updated = await _api.Org.MutateAs(province, "updateMember", new { personId = p.ToString(), expectedVersion = before[p],
                    fullName = $"Hội viên Đổi {p:N}"[..30], birthYear = 1985, homeUnitId = unit }, "version");
                updated.HasErrors.ShouldBeFalse(updated.Body);
            },
            () => Invoke(RecordsApi.Attendance(p, Guid.Parse(unit), minutes: 60)),
            () => Invoke(RecordsApi.Attendance(p, Guid.Parse(unit), LearningDomain.Health, 30, "Sơ cứu ban đầu")),
        }).OrderBy(_ => Random.Shared.Next()).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, _) => await w());

        var entries = await Scalars("select person_id, count(*) from records.entries where person_id = any(@p) group by person_id", people);
        entries.Count.ShouldBe(200);
        entries.Values.ShouldAllBe(c => c == 2);
        var roles = await Scalars("select person_id, count(*) from organization.roles where person_id = any(@p) group by person_id", people);
        roles.Values.Where(c => c == 1).Count().ShouldBe(200);
        (await Versions(people)).ShouldAllBe(v => v.Value == before[v.Key] + 1);
    }

    [Fact]
    public async Task The_log_of_a_person_changed_and_recorded_holds_none_of_their_details()
    {
        var (person, token) = await ChangedPerson("import");
        await _api.Org.MutateAs(token, "declareActivity", RecordsApi.Activity(title: "Lớp đan lát truyền thống Phú Vinh"), "entry { id }");
        await _api.Attend(RecordsApi.Attendance(person, Guid.Parse(await _api.Org.UnitId("T01-X001")), title: "Nghề gốm Bát Tràng"));

        var lines = app.Logs.Lines;
        foreach (var secret in new[] { "Phan Văn Nhập", "001190009999", "Lớp đan lát truyền thống Phú Vinh", "Nghề gốm Bát Tràng", "Hoàng Thị Em", "Trần Văn Phúc" })
            lines.Where(l => l.Contains(secret)).ShouldBeEmpty(secret);
    }

    [Fact]
    public async Task A_command_that_fails_is_logged_by_its_type_and_correlation_id_never_its_fields()
    {
        var learner2 = await _api.Org.Me("learner2");
        await Sql("alter table organization.member_periods rename to member_periods_away");
        GraphQLResponse failed;
        try
        {
            failed = await _api.Org.Mutate("updateMember", new
            {
                personId = learner2["person"]!["id"]!.GetValue<string>(),
                expectedVersion = learner2["person"]!["version"]!.GetValue<int>(), fullName = "Trần Văn Phúc Bí Mật", birthYear = 1977,
                homeUnitId = await _api.Org.UnitId("T01-X002")
            }, "province");
        }
        finally
        {
            await Sql("alter table organization.member_periods_away rename to member_periods");
        }

        failed.FirstErrorCode.ShouldBe("INTERNAL");
        var correlation = failed.Json!["errors"]![0]!["extensions"]!["correlationId"]!.GetValue<string>();
        var lines = app.Logs.Lines;
        lines.ShouldContain(l => l.Contains("UpdateMember") && l.Contains(correlation));
        lines.Where(l => l.Contains("Bí Mật")).ShouldBeEmpty();
    }

    private async Task Sql(string sql)
    {
        await using var cmd = app.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A person right after one kind of Organization change, with a token of their own.</summary>
    private async Task<(Guid Person, string Token)> ChangedPerson(string change)
    {
        var learner2 = Guid.Parse(await _api.Org.PersonId("learner2"));
        switch (change)
        {
            case "add":
            {
                var added = await _api.Org.Mutate("addMember", new { homeUnitId = await _api.Org.UnitId("T01-X001"), fullName = "Đinh Thị Mới", birthYear = 1995 },
                    "commune", "id");
                added.HasErrors.ShouldBeFalse(added.Body);
                return Issue(Guid.Parse(added.Data["addMember"]!["id"]!.GetValue<string>()));
            }
            case "update":
            case "move":
            {
                var row = await PersonRow(await _api.Org.Token("learner2"));
                var home = change == "move" ? await _api.Org.UnitId("T01-X002") : row["homeUnit"]!["id"]!.GetValue<string>();
                var updated = await _api.Org.Mutate("updateMember", new
                {
                    personId = learner2.ToString(), expectedVersion = row["version"]!.GetValue<int>(),
                    fullName = "Trần Văn Phúc", birthYear = 1988, homeUnitId = home
                }, "province", "version");
                updated.HasErrors.ShouldBeFalse(updated.Body);
                return (learner2, await _api.Org.Token("learner2"));
            }
            case "role":
            {
                var granted = await _api.Org.Mutate("assignRole", new { personId = learner2.ToString(), unitId = await _api.Org.UnitId("T01-X001"), role = "STAFF" },
                    "province", "id");
                granted.HasErrors.ShouldBeFalse(granted.Body);
                (await _api.Org.Mutate("endRole", new { roleId = granted.Data["assignRole"]!["id"]!.GetValue<string>() }, "province")).HasErrors.ShouldBeFalse();
                return (learner2, await _api.Org.Token("learner2"));
            }
            case "link":
            {
                var linked = await _api.Org.Mutate("linkAccount", new { personId = learner2.ToString(), externalId = Guid.NewGuid().ToString() }, "commune");
                linked.HasErrors.ShouldBeFalse(linked.Body);
                return (learner2, await _api.Org.Token("learner2"));
            }
            case "import":
            {
                var csv = "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\r\nPhan Văn Nhập,1990,Nam,,001190009999,\r\n";
                var imported = await _api.Org.Mutate("importMembers", new { unitId = await _api.Org.UnitId("T01-X001"), csvBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)) },
                    "commune", "imported");
                imported.HasErrors.ShouldBeFalse(imported.Body);
                var found = await app.GraphQL("query($u: ID!) { searchPeople(text: \"Phan Văn Nhập\", unitId: $u) { nodes { id } } }",
                    new { u = await _api.Org.UnitId("T01-X001") }, await _api.Org.Token("commune"));
                return Issue(Guid.Parse(found.Data["searchPeople"]!["nodes"]![0]!["id"]!.GetValue<string>()));
            }
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }
    }

    /// <summary>Handles a message as Records' queue would, each in a scope of its own (several at once).</summary>
    private async Task Invoke(object message)
    {
        using var scope = app.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    private (Guid, string) Issue(Guid person) =>
        (person, app.Host.Services.GetRequiredService<LocalTokenIssuer>().Issue(new LoginIdentity(person, $"p-{person:N}", "Hội viên"), TimeSpan.FromHours(1)));

    private async Task<JsonNode> PersonRow(string token)
    {
        var response = await app.GraphQL("{ me { person { id version homeUnit { id } } } }", token: token);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["me"]!["person"]!;
    }

    private async Task<JsonNode> RecordOf(string token)
    {
        var response = await app.GraphQL($"{{ myRecord {{ {RecordsApi.RecordFields} }} }}", token: token);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["myRecord"]!;
    }

    private async Task<HttpResponseMessage> Get(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<List<Guid>> Import(int count)
    {
        var csv = new StringBuilder("ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\r\n");
        for (var i = 0; i < count; i++) csv.Append(CultureInfo.InvariantCulture, $"Hội viên Nhập {i:D3},1990,Nữ,,,\r\n");
        var imported = await _api.Org.Mutate("importMembers", new { unitId = await _api.Org.UnitId("T01-X001"), csvBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ToString())) },
            "province", "imported");
        imported.HasErrors.ShouldBeFalse(imported.Body);
        return (await Scalars("select id, 0 from organization.people where full_name like 'Hội viên Nhập %'", [])).Keys.ToList();
    }

    private Task<Dictionary<Guid, long>> Versions(IEnumerable<Guid> people) =>
        Scalars("select id, version from organization.people where id = any(@p)", people);

    private async Task<Dictionary<Guid, long>> Scalars(string sql, IEnumerable<Guid> people)
    {
        await using var cmd = app.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(sql);
        cmd.Parameters.AddWithValue("p", people.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        var result = new Dictionary<Guid, long>();
        while (await reader.ReadAsync()) result[reader.GetGuid(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        return result;
    }
}
