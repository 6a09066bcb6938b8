using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

[Collection(HardeningDevelopmentCollection.Name)]
public sealed class RefusedCallerInDevelopmentTests(HardeningDevelopmentApp app) : RefusedCallerTests(app);

[Collection(HardeningProductionCollection.Name)]
public sealed class RefusedCallerInProductionTests(HardeningProductionApp app) : RefusedCallerTests(app);

/// <summary>Callers that must be refused (issue #28): a genuine token of no one, of someone who left; anonymous classroom clients.</summary>
public abstract class RefusedCallerTests(VapeApp app)
{
    private readonly DemoTokens _tokens = new(app);

    private const string Declare = "mutation($i: DeclareActivityInput!) { declareActivity(input: $i) { personId } }";
    private static object Activity(string title) => new { i = new { title, domain = "DIGITAL_SKILLS", date = "2026-03-14", hours = 1.5m } };

    [Fact]
    public async Task A_validly_signed_token_for_a_person_who_does_not_exist_cannot_write_or_connect()
    {
        var ghost = _tokens.ForPerson(Guid.CreateVersion7());

        var response = await app.GraphQL(Declare, Activity("Học bơi"), ghost);
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED", response.Body);
        var me = await app.GraphQL("{ me { person { id } } }", token: ghost);
        me.FirstErrorCode.ShouldBe("NOT_ALLOWED", me.Body);

        await using var hub = app.Hub("/hubs/coordination", ghost);
        await Should.ThrowAsync<Exception>(() => hub.StartAsync());
    }

    [Fact]
    public async Task A_token_of_a_member_who_left_stops_working_at_once()
    {
        var unit = (await app.GraphQL("{ unitByCode(code: \"T01-X001\") { id } }")).Data["unitByCode"]!["id"]!.GetValue<string>();
        var added = await app.GraphQL("mutation($i: AddMemberInput!) { addMember(input: $i) { id } }",
            new { i = new { homeUnitId = unit, fullName = "Đinh Thị Rời Hội" } }, await _tokens.For("commune"));
        var person = Guid.Parse(added.Data["addMember"]!["id"]!.GetValue<string>());
        var token = _tokens.ForPerson(person, "roi-hoi");
        const string submit = "mutation($i: SubmitResourceInput!) { submitResource(input: $i) { id } }";
        object Resource(string title) => new { i = new { title, domain = "SCIENCE", audience = "EVERYONE", language = "vi", format = "LINK", licence = "CC_BY", externalUrl = "https://example.org/tai-lieu" } };
        var before = await app.GraphQL(submit, Resource("Tài liệu trước khi rời hội"), token);
        before.HasErrors.ShouldBeFalse(before.Body);

        // No mutation ends a membership yet: the member leaves the way the tree's own SQL marks it.
        await using (var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("update organization.people set left_on = current_date where id = @id"))
        {
            cmd.Parameters.AddWithValue("id", person);
            await cmd.ExecuteNonQueryAsync();
        }

        var refused = await app.GraphQL(submit, Resource("Tài liệu sau khi rời hội"), token);
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED", refused.Body);
    }

    [Fact]
    public async Task The_classroom_hub_refuses_an_anonymous_client_at_negotiate()
    {
        var client = app.Host.Server.CreateClient();
        var anonymous = await client.PostAsync("/hubs/classroom/negotiate?negotiateVersion=1", null);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var signedIn = new HttpRequestMessage(HttpMethod.Post, "/hubs/classroom/negotiate?negotiateVersion=1");
        signedIn.Headers.Authorization = new("Bearer", await _tokens.For("learner"));
        (await client.SendAsync(signedIn)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var hub = app.Hub("/hubs/classroom");
        await Should.ThrowAsync<Exception>(() => hub.StartAsync());
        hub.State.ShouldBe(HubConnectionState.Disconnected);
    }

    private async Task<GraphQLResponse> Import(string login, string unitCode, string csv) =>
        await app.GraphQL("mutation($i: ImportMembersInput!) { importMembers(input: $i) { ok imported problems { line message } } }",
            new
            {
                i = new
                {
                    unitId = (await app.GraphQL("query($c: String!) { unitByCode(code: $c) { id } }", new { c = unitCode })).Data["unitByCode"]!["id"]!.GetValue<string>(),
                    csvBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(csv))
                }
            }, await _tokens.For(login));

    private static string NewCitizenId() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_member_import_outside_the_officials_subtree_does_not_tell_a_known_citizen_id_from_a_new_one()
    {
        const string header = "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\n";
        var inHaNoi = NewCitizenId();
        var name = "Phan Văn Trùng " + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26));
        (await Import("province", "T01", header + $"Phan Văn Hà Nội,1970,Nam,,{inHaNoi},\n")).Data["importMembers"]!["imported"]!.GetValue<int>().ShouldBe(1);

        // Hải Phòng imports the Hà Nội id and a new one: both lines read the same, both are imported.
        var known = await Import("sibling-province", "T18", header + $"{name},1970,Nam,,{inHaNoi},\n");
        var fresh = await Import("sibling-province", "T18", header + $"Phan Văn Mới,1970,Nam,,{NewCitizenId()},\n");
        known.Answer.ShouldBe(fresh.Answer);
        known.Data["importMembers"]!["imported"]!.GetValue<int>().ShouldBe(1);

        // The pair waits for the holder's officials (ADR 0108; PendingMergeTests resolves pairs): read where it is kept.
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            select count(*)::int from organization.pending_merges m join organization.people n on n.id = m.new_person_id
             where n.full_name = @name and n.citizen_id_hash is null
            """);
        cmd.Parameters.AddWithValue("name", name);
        ((int)(await cmd.ExecuteScalarAsync())!).ShouldBe(1);

        // Inside the official's own subtree a duplicate is still named on its line.
        var inside = await Import("province", "T01", header + $"Phan Văn Lặp,1970,Nam,,{inHaNoi},\n");
        inside.Data["importMembers"]!["problems"]![0]!["message"]!.GetValue<string>().ShouldBe("Số định danh này đã có trong danh sách hội viên.");
    }

    [Fact]
    public async Task Adding_a_member_outside_the_officials_subtree_does_not_tell_a_known_citizen_id_from_a_new_one()
    {
        var inHaNoi = NewCitizenId();
        async Task<GraphQLResponse> Add(string login, string unitCode, string fullName, string citizenId) =>
            await app.GraphQL("mutation($i: AddMemberInput!) { addMember(input: $i) { fullName birthYear version } }",
                new
                {
                    i = new
                    {
                        homeUnitId = (await app.GraphQL("query($c: String!) { unitByCode(code: $c) { id } }", new { c = unitCode })).Data["unitByCode"]!["id"]!.GetValue<string>(),
                        fullName, birthYear = 1970, citizenId
                    }
                }, await _tokens.For(login));
        (await Add("province", "T01", "Trần Văn Hà Nội", inHaNoi)).HasErrors.ShouldBeFalse();

        // Hải Phòng adds the Hà Nội id and a new one: the answers are the same, both members are added.
        var name = "Trần Văn Trùng " + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26));
        var known = await Add("sibling-province", "T18", name, inHaNoi);
        var fresh = await Add("sibling-province", "T18", name, NewCitizenId());
        known.HasErrors.ShouldBeFalse(known.Body);
        known.Answer.ShouldBe(fresh.Answer);

        // The new member has no citizen id; the pair waits for the two units' officials.
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            select count(*)::int from organization.pending_merges m join organization.people n on n.id = m.new_person_id
             where n.full_name = @name and n.citizen_id_hash is null
            """);
        cmd.Parameters.AddWithValue("name", name);
        ((int)(await cmd.ExecuteScalarAsync())!).ShouldBe(1);

        // Inside the official's own subtree the duplicate is still named.
        var inside = await Add("province", "T01", "Trần Văn Lặp", inHaNoi);
        inside.FirstErrorCode.ShouldBe("INVALID_INPUT");
        inside.FirstErrorMessage.ShouldBe("Số định danh này đã có trong danh sách hội viên.");
    }

    [Fact]
    public async Task An_official_may_start_20_member_imports_an_hour_then_RATE_LIMITED()
    {
        const string bad = "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\n,1970,Nam,,,\n";
        var commune = (await app.GraphQL("{ me { person { id } } }", token: await _tokens.For("commune"))).Data["me"]!["person"]!["id"]!.GetValue<Guid>();
        await using (var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("delete from organization.import_attempts where actor_id = @a"))
        {
            cmd.Parameters.AddWithValue("a", commune); // this host's database outlives a test run: start the hour afresh
            await cmd.ExecuteNonQueryAsync();
        }
        for (var i = 0; i < 20; i++)
            (await Import("commune", "T01-X001", bad)).Data["importMembers"]!["ok"]!.GetValue<bool>().ShouldBeFalse();

        var refused = await Import("commune", "T01-X001", bad);
        refused.FirstErrorCode.ShouldBe("RATE_LIMITED", refused.Body);
        refused.FirstErrorMessage!.ShouldContain("tối đa 20 lần mỗi giờ");
    }
}
