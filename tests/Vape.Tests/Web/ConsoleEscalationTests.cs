using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Vape.Content.Directives;
using Vape.Tests.Support;
using Wolverine.Tracking;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Escalations in the roll-up (issue #21, ADR 0296): the centre issues a directive already past its deadline and lands
/// on its roll-up; "Đã báo lên Hà Nội lúc …" appears without a reload when the served host records the escalation,
/// is read back through GraphQL, and the messages run again record nothing more.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleEscalationTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    [Fact]
    public async Task The_escalation_appears_in_the_open_rollup_when_the_server_records_it_and_is_stored_once()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var title = $"Về việc báo cáo quá hạn {n}";
        var an = await web.SignedIn("central");
        await an.GotoAsync("/console/directives/new");
        await an.GetByLabel("Số hiệu").FillAsync($"{n}/CT-TW");
        await an.GetByLabel("Tiêu đề").FillAsync(title);
        // To be read by yesterday: the served host escalates every unit at once, from its outbox, after the commit.
        await an.GetByLabel("Ngày ban hành").FillAsync(Day(-10));
        await an.GetByLabel("Hạn xác nhận đã đọc").FillAsync(Day(-1));
        await an.GetByLabel("Chỉ các đơn vị được chọn").CheckAsync();
        await an.GetByLabel("Tìm đơn vị để chọn").FillAsync("ba dinh");
        await an.GetByRole(AriaRole.Button, new() { Name = "Tìm đơn vị nhận" }).ClickAsync();
        await an.GetByRole(AriaRole.Button, new() { Name = "Chọn Phường Ba Đình", Exact = true }).ClickAsync();
        await an.EvaluateAsync("() => { window.__sameDocument = true; }");
        await an.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();

        await Expect(an.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var baDinhLine = an.GetByTestId("overdue-unit").Filter(new() { Has = an.GetByRole(AriaRole.Link, new() { Name = "Phường Ba Đình", Exact = true }) });
        await Expect(baDinhLine.GetByTestId("escalated")).ToContainTextAsync("Đã báo lên Hà Nội lúc");
        (await an.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the escalation appeared without a reload");
        await WebHost.Screenshot(an, "console-rollup-escalated");
        var id = Guid.Parse(an.Url.Split('/').Last().Split('?')[0]);

        var first = await Escalations(id);
        first.ShouldBe([$"{await _org.UnitId("T01-X001")}>{await _org.UnitId("T01")}@{first[0].Split('@')[1]}"]);
        // Delivered again (a retry, a second host): the same row, nothing new.
        await web.App.Host.InvokeMessageAndWaitAsync(new DirectiveDeadlineReached(id, DeadlineKind.Acknowledge));
        await web.App.Host.InvokeMessageAndWaitAsync(new RemindOverdueUnits(id, DeadlineKind.Acknowledge));
        (await Escalations(id)).ShouldBe(first);
        (await Count(id)).ShouldBe(1);
        await an.Context.CloseAsync();
    }

    private static string Day(int offset) =>
        DateTime.UtcNow.AddHours(7).Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Each overdue unit's escalation as the roll-up reads it: "unit>parent@when".</summary>
    private async Task<List<string>> Escalations(Guid id)
    {
        var r = await web.App.GraphQL("query($id: ID!) { directive(id: $id) { units(status: OVERDUE, first: 10) { nodes { unit { id } escalation { escalatedAt escalatedTo { id } } } } } }",
            new { id }, await _org.Token("central"));
        r.HasErrors.ShouldBeFalse(r.Body);
        return [.. r.Data["directive"]!["units"]!["nodes"]!.AsArray().Select(u =>
            $"{u!["unit"]!["id"]}>{u["escalation"]?["escalatedTo"]?["id"]}@{u["escalation"]?["escalatedAt"]}").Order()];
    }

    private async Task<long> Count(Guid id)
    {
        await using var cmd = web.App.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("select count(*) from content.directive_escalations where directive_id = @d");
        cmd.Parameters.AddWithValue("d", id);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
