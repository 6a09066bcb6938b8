using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>What the classes tests keep doing: schedule a class, enrol, read it back, make more learners.</summary>
public sealed class ClassesApi(VapeApp app)
{
    public OrganizationApi Org { get; } = new(app);

    public const string ClassFields = "id title description topic audience capacity enrolledCount waitingCount status version lobby completionPercent mediaUrl recording " +
        "unit { code } audienceUnit { code } hosts { personId role name } sessions { id number startsAt endsAt status } enrolment { status position }";

    public static DateTimeOffset Tomorrow => DateTimeOffset.UtcNow.AddDays(1);

    /// <summary>Schedules a class as `login` (default: `commune` for Phường Ba Đình) and returns it; fails the test on an error.</summary>
    public async Task<JsonNode> Schedule(string title = "Kỹ năng số cho mọi nhà", string unitCode = "T01-X001", string login = "commune",
        int capacity = 30, string audience = "PUBLIC", object? extra = null)
    {
        var response = await ScheduleRaw(title, unitCode, login, capacity, audience, extra);
        if (response.HasErrors) throw new InvalidOperationException(response.Body);
        return response.Data["scheduleClass"]!;
    }

    public async Task<GraphQLResponse> ScheduleRaw(string title = "Kỹ năng số cho mọi nhà", string unitCode = "T01-X001", string? login = "commune",
        int capacity = 30, string audience = "PUBLIC", object? extra = null)
    {
        var input = new Dictionary<string, object?>
        {
            ["unitId"] = await Org.UnitId(unitCode),
            ["title"] = title,
            ["description"] = "Lớp học cộng đồng",
            ["topic"] = "DIGITAL_SKILLS",
            ["audience"] = audience,
            ["capacity"] = capacity,
            ["startsAt"] = Tomorrow.ToString("O"),
            ["durationMinutes"] = 60,
        };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) input[p.Name] = p.GetValue(extra);
        return await Org.Mutate("scheduleClass", input, login, ClassFields);
    }

    public async Task<GraphQLResponse> Enrol(string classId, string token) =>
        await app.GraphQL("mutation($i: EnrolInClassInput!) { enrolInClass(input: $i) { status position } }", new { i = new { classId } }, token);

    public async Task<GraphQLResponse> Leave(string classId, string token) =>
        await app.GraphQL("mutation($i: LeaveClassInput!) { leaveClass(input: $i) { id enrolledCount waitingCount } }", new { i = new { classId } }, token);

    public async Task<JsonNode?> Class(string id, string? token) =>
        (await app.GraphQL($"query($id: ID!) {{ class(id: $id) {{ {ClassFields} }} }}", new { id }, token)).Data["class"];

    public async Task<JsonArray> Browse(object? filter, string? token, int first = 20)
    {
        var response = await app.GraphQL("query($f: ClassFilterInput, $n: Int) { classes(filter: $f, first: $n) { nodes { id title } pageInfo { hasNextPage endCursor } } }",
            new { f = filter, n = first }, token);
        if (response.HasErrors) throw new InvalidOperationException(response.Body);
        return response.Data["classes"]!["nodes"]!.AsArray();
    }

    public async Task<IReadOnlyList<string>> Titles(object? filter, string? token) =>
        (await Browse(filter, token, 100)).Select(n => n!["title"]!.GetValue<string>()).ToList();

    /// <summary>New members of Phường Ba Đình, each with a token of their own.</summary>
    public async Task<IReadOnlyList<(Guid PersonId, string Token)>> NewLearners(int count, string unitCode = "T01-X001")
    {
        var unitId = await Org.UnitId(unitCode);
        var issuer = app.Host.Services.GetRequiredService<LocalTokenIssuer>();
        var learners = new List<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var added = await Org.Mutate("addMember", new { homeUnitId = unitId, fullName = $"Học viên Số {i + 1}", birthYear = 1990, gender = "FEMALE" }, "commune", "id");
            var id = Guid.Parse(added.Data["addMember"]!["id"]!.GetValue<string>());
            learners.Add((id, issuer.Issue(new LoginIdentity(id, $"hoc-vien-{i}", $"Học viên Số {i + 1}"), TimeSpan.FromHours(1))));
        }
        return learners;
    }

    public static string Id(JsonNode node) => node["id"]!.GetValue<string>();
}
