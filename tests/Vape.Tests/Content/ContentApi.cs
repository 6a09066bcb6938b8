using System.Globalization;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>What the content tests keep asking: issue a directive, read its roll-up, mark it.</summary>
public sealed class ContentApi(VapeApp app)
{
    public OrganizationApi Org { get; } = new(app);

    // Each directive a test issues without a number gets one of its own (a random one met another of the same issuer
    // once in a thousand pairs); the numbers tests choose themselves are below 1000.
    private static int _nextNumber = 1000;

    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Issues a directive as the login from the unit with this code; the response's `issueDirective` holds `id targetCount`.</summary>
    public async Task<GraphQLResponse> Issue(string login, string issuerCode, string targetKind = "SUBTREE", int? levels = null,
        string[]? unitCodes = null, string? number = null, string? issuedOn = null, string? acknowledgeBy = null, string? reportBy = null)
    {
        var units = new List<string>();
        foreach (var code in unitCodes ?? []) units.Add(await Org.UnitId(code));
        return await Org.Mutate("issueDirective", new
        {
            issuerUnitId = await Org.UnitId(issuerCode),
            number = number ?? $"{Interlocked.Increment(ref _nextNumber)}/CT-KH",
            title = "Về việc đẩy mạnh xây dựng xã hội học tập",
            summary = "Các cấp hội tổ chức quán triệt và triển khai thực hiện.",
            issuedOn = issuedOn ?? Today,
            acknowledgeBy = acknowledgeBy ?? Day(7),
            reportBy,
            targetKind,
            targetLevels = levels,
            targetUnitIds = unitCodes is null ? null : units.ToArray(),
        }, login, "id number targetCount issuer { code }");
    }

    public async Task<string> IssueOk(string login, string issuerCode, string targetKind = "SUBTREE", int? levels = null, string[]? unitCodes = null,
        string? issuedOn = null, string? acknowledgeBy = null, string? reportBy = null)
    {
        var response = await Issue(login, issuerCode, targetKind, levels, unitCodes, issuedOn: issuedOn, acknowledgeBy: acknowledgeBy, reportBy: reportBy);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["issueDirective"]!["id"]!.GetValue<string>();
    }

    public async Task<GraphQLResponse> Acknowledge(string? login, string directiveId, string unitCode, string step = "READ") =>
        await Org.Mutate("acknowledgeDirective", new { directiveId, unitId = await Org.UnitId(unitCode), step }, login, "status version readAt receivedAt unit { code }");

    public async Task<GraphQLResponse> Report(string? login, string directiveId, string unitCode, string report = "Đã tổ chức hội nghị quán triệt.") =>
        await Org.Mutate("reportDirective", new { directiveId, unitId = await Org.UnitId(unitCode), report }, login, "status version report");

    public async Task<GraphQLResponse> Guidance(string? login, string directiveId, string unitCode, string text) =>
        await Org.Mutate("attachDirectiveGuidance", new { directiveId, unitId = await Org.UnitId(unitCode), text }, login, "id text unit { code }");

    /// <summary>`directive(id)` with the given selection, as the login.</summary>
    public async Task<GraphQLResponse> Directive(string login, string id, string selection) =>
        await app.GraphQL($"query($id: ID!) {{ directive(id: $id) {{ {selection} }} }}", new { id }, await Org.Token(login));

    public async Task<JsonNode> Rollup(string login, string id, string? rootCode = null)
    {
        var root = rootCode is null ? null : await Org.UnitId(rootCode);
        var response = await app.GraphQL("""
            query($id: ID!, $root: ID) { directive(id: $id) { rollup(unitId: $root) {
              total { units received read implemented overdue }
              levels { level counts { units received read implemented overdue } }
              subtrees { unit { code } counts { units received read implemented overdue } } } } }
            """, new { id, root }, await Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["directive"]!["rollup"]!;
    }

    public static JsonNode? Subtree(JsonNode rollup, string code) =>
        rollup["subtrees"]!.AsArray().SingleOrDefault(s => s!["unit"]!["code"]!.GetValue<string>() == code)?["counts"];

    public async Task<int> UnitsBelow(string code) =>
        (await app.GraphQL("query($c: String!) { unitByCode(code: $c) { statistics { units } } }", new { c = code }))
        .Data["unitByCode"]!["statistics"]!["units"]!.GetValue<int>();
}
