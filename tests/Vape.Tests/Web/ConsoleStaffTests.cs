using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A STAFF official (issue #21: "what a chair … or staff member may do, shown only where they may do it"): on their own
/// unit they see its members but no rename, no unit changes and no "Ban hành"; the API calls behind those buttons
/// refuse them with NOT_ALLOWED and change nothing.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleStaffTests(WebHost web)
{
    private const string Village = "T01-X001-01";
    private readonly OrganizationApi _org = new(web.App);

    private static string Today() => DateTime.UtcNow.AddHours(7).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string NotOfficialHere = "Bạn không có quyền này ở đơn vị đó: chỉ cán bộ của đơn vị hoặc của một đơn vị cấp trên nó mới làm được; hãy nhờ họ.";
    private const string NotLeaderHere = "Chỉ cán bộ lãnh đạo của đơn vị (hoặc cấp trên) mới ban hành văn bản chỉ đạo từ đơn vị đó.";

    private static void ShouldBeRefused(GraphQLResponse response, string sentence = NotOfficialHere)
    {
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED", response.Body);
        response.Json!["errors"]![0]!["message"]!.GetValue<string>().ShouldBe(sentence);
    }

    [Fact]
    public async Task A_staff_official_sees_no_rename_unit_changes_or_issue_and_the_api_refuses_each()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var village = await _org.Unit(Village);
        var villageId = village["id"]!.GetValue<string>();
        var role = await _org.Mutate("assignRole", new { personId = await _org.PersonId("learner2"), unitId = villageId, role = "STAFF" }, "commune", "id");
        role.HasErrors.ShouldBeFalse(role.Body);
        var roleId = role.Data["assignRole"]!["id"]!.GetValue<string>();
        try
        {
            var staff = await web.SignedIn("learner2");
            await staff.GotoAsync($"/console/units/{villageId}");
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(village["name"]!.GetValue<string>());
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Hội viên sinh hoạt tại đơn vị" })).ToBeVisibleAsync();
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Đổi tên đơn vị" })).ToHaveCountAsync(0);
            await Expect(staff.GetByTestId("unit-changes")).ToHaveCountAsync(0);
            await ConsoleChecks.PhoneFriendly(staff, "console-staff-unit");
            await staff.GotoAsync("/console/directives");
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Ban hành văn bản" })).ToHaveCountAsync(0);
            await staff.Context.CloseAsync();

            // The same calls the buttons make, sent with the staff official's session: refused, nothing changed.
            var version = village["version"]!.GetValue<int>();
            ShouldBeRefused(await _org.Mutate("renameUnit", new { unitId = villageId, name = $"Thôn đổi trộm {n}", expectedVersion = version }, "learner2"));
            ShouldBeRefused(await _org.Mutate("createUnit", new { parentId = villageId, code = $"STAFF-{n}", name = $"Chi hội {n}", kind = "MEMBER_CHAPTER", effectiveFrom = Today() }, "learner2"));
            ShouldBeRefused(await _org.Mutate("dissolveUnit", new { unitId = villageId, expectedVersion = version, effectiveFrom = Today() }, "learner2"));
            ShouldBeRefused(await _org.Mutate("issueDirective", new
            {
                issuerUnitId = villageId, number = $"{n}/TB-THON", title = $"Thông báo {n}", issuedOn = Today(), acknowledgeBy = Today(), targetKind = "SUBTREE",
            }, "learner2"), NotLeaderHere);
            var after = await _org.Unit(Village);
            after["name"]!.GetValue<string>().ShouldBe(village["name"]!.GetValue<string>());
            after["version"]!.GetValue<int>().ShouldBe(version);
            after["status"]!.GetValue<string>().ShouldBe("ACTIVE");
            (await web.App.GraphQL("query($c: String!) { unitByCode(code: $c) { id } }", new { c = $"STAFF-{n}" })).Data["unitByCode"].ShouldBeNull();
            var issued = await web.App.GraphQL("query($u: ID!) { issuedDirectives(unitId: $u, first: 100) { nodes { number } } }", new { u = villageId }, await _org.Token("commune"));
            issued.Body.ShouldNotContain($"{n}/TB-THON");
        }
        finally
        {
            var ended = await _org.Mutate("endRole", new { roleId }, "commune", "id");
            ended.HasErrors.ShouldBeFalse(ended.Body);
        }
    }
}
