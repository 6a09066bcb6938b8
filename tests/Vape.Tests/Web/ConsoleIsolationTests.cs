using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A sibling province's official (Hải Phòng) in the console (issue #21, scenario 6): Hà Nội's members, directives and
/// record-bearing people are neither on the screen nor in any answer the app receives, and the calls the app would
/// make for them are refused by the server.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleIsolationTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    [Fact]
    public async Task A_sibling_province_sees_none_of_Ha_Nois_members_or_directives_in_the_UI_or_in_the_answers_it_receives()
    {
        var haNoi = await _org.UnitId("T01");
        var baDinh = await _org.UnitId("T01-X001");
        var n = Random.Shared.Next(100_000, 999_999);
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var issued = await _org.Mutate("issueDirective", new
        {
            issuerUnitId = haNoi, number = $"{n}/CT-HN", title = $"Về việc khuyến học Hà Nội {n}", issuedOn = today, acknowledgeBy = today, targetKind = "SUBTREE",
        }, "province", "id");
        issued.HasErrors.ShouldBeFalse(issued.Body);
        var directiveId = issued.Data["issueDirective"]!["id"]!.GetValue<string>();

        var dung = await web.Phone();
        await ConsoleChecks.SignInWithoutTheButton(dung, "sibling-province");
        var answers = new ConcurrentBag<string>();
        dung.Response += async (_, r) =>
        {
            if (!r.Url.EndsWith("/graphql", StringComparison.Ordinal)) return;
            try { answers.Add(await r.TextAsync()); }
            catch (PlaywrightException) { /* the page moved on before the body was read */ }
        };

        await dung.GotoAsync("/console");
        await Expect(dung.GetByTestId("my-roles")).ToContainTextAsync("Hải Phòng");
        await dung.GetByRole(AriaRole.Link, new() { Name = "Văn bản chỉ đạo" }).ClickAsync();
        await Expect(dung.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Văn bản chỉ đạo");
        await Expect(dung.GetByText("Chưa có văn bản nào gửi đến đơn vị của bạn.")).ToBeVisibleAsync();
        await Expect(dung.GetByText($"Về việc khuyến học Hà Nội {n}")).ToHaveCountAsync(0);

        // Hà Nội's page: the public tree, but no members, no import, no rename.
        await dung.GotoAsync($"/console/units/{baDinh}");
        await Expect(dung.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phường Ba Đình");
        await Expect(dung.GetByTestId("history")).ToBeVisibleAsync();
        await Expect(dung.GetByRole(AriaRole.Heading, new() { Name = "Hội viên sinh hoạt tại đơn vị" })).ToHaveCountAsync(0);
        await Expect(dung.GetByTestId("members")).ToHaveCountAsync(0);
        await Expect(dung.GetByTestId("import")).ToHaveCountAsync(0);
        await Expect(dung.GetByTestId("rename")).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(dung, "console-sibling-ba-dinh");

        // Hà Nội's directive by its address: refused, nothing of it shown.
        await dung.GotoAsync($"/console/directives/{directiveId}");
        await Expect(dung.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bạn không có quyền làm việc này.");
        await Expect(dung.GetByText($"Về việc khuyến học Hà Nội {n}")).ToHaveCountAsync(0);
        await WebHost.ShouldPassAxe(dung);

        // The calls the app makes for an official of the unit, made with her token: refused, no data.
        var token = await _org.Token("sibling-province");
        foreach (var (query, variables) in new (string, object)[]
        {
            ("query($id: ID!) { unit(id: $id) { id members(first: 20) { nodes { id fullName } } } }", new { id = baDinh }),
            ("query($t: String!, $u: ID!) { searchPeople(text: $t, unitId: $u, first: 20) { nodes { id fullName } } }", new { t = "hoang thi em", u = baDinh }),
            ("query($u: ID!) { issuedDirectives(unitId: $u, first: 20) { nodes { id title } } }", new { u = haNoi }),
            ("query($u: ID!) { directives(unitId: $u, first: 20) { nodes { directive { id title } } } }", new { u = baDinh }),
            ("query($p: ID!) { record(personId: $p, purpose: SUPPORT) { personId activities(first: 20) { nodes { title } } } }", new { p = await _org.PersonId("learner") }),
        })
        {
            var r = await web.App.GraphQL(query, variables, token);
            r.FirstErrorCode.ShouldBe("NOT_ALLOWED", r.Body);
            r.Body.ShouldNotContain("Hoàng Thị Em");
            r.Body.ShouldNotContain($"Hà Nội {n}");
        }
        var directive = await web.App.GraphQL("query($id: ID!) { directive(id: $id) { id title rollup { total { units } } } }", new { id = directiveId }, token);
        directive.FirstErrorCode.ShouldBe("NOT_ALLOWED", directive.Body);
        directive.Body.ShouldNotContain($"Hà Nội {n}");

        answers.ShouldNotBeEmpty();
        foreach (var body in answers)
        {
            body.ShouldNotContain("Hoàng Thị Em");
            body.ShouldNotContain("Trần Văn Phúc");
            body.ShouldNotContain($"Hà Nội {n}");
        }
        await dung.Context.CloseAsync();
    }
}
