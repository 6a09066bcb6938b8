using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Records;

/// <summary>What the records tests keep doing: declare, read a record, send attendance, as a given login.</summary>
public sealed class RecordsApi(VapeApp app)
{
    public OrganizationApi Org { get; } = new(app);

    public const string EntryFields = "id kind title domain date hours provider issuer evidenceUrl evidenceFileId provenance status rejectionReason decidedBy";

    public const string RecordFields = $$"""
        personId version consent detailsShown erasedAt
        years { year hours activities credentials domains { domain hours activities } }
        activities(first: 100) { nodes { {{EntryFields}} } } credentials { {{EntryFields}} } titles { id kind year subjectId }
        """;

    public IOrganizationQueries Organization => app.Host.Services.GetRequiredService<IOrganizationQueries>();

    public async Task<JsonNode> MyRecord(string login)
    {
        var response = await app.GraphQL($"{{ myRecord {{ {RecordFields} }} }}", token: await Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["myRecord"]!;
    }

    public async Task<GraphQLResponse> Record(string? login, string personId, string purpose = "VERIFICATION") =>
        await app.GraphQL($"query($p: ID!, $purpose: RecordPurpose!) {{ record(personId: $p, purpose: $purpose) {{ {RecordFields} }} }}",
            new { p = personId, purpose }, login is null ? null : await Org.Token(login));

    public Task<GraphQLResponse> Declare(string? login, object input) =>
        Org.Mutate("declareActivity", input, login, $"personId recordVersion entry {{ {EntryFields} }}");

    public static object Activity(string title = "Lớp tin học cơ bản cho người cao tuổi", string domain = "DIGITAL_SKILLS", string date = "2026-03-14",
        decimal hours = 2.5m, int? expectedVersion = null, string? provider = "Trung tâm học tập cộng đồng phường Ba Đình", string? evidenceUrl = null) =>
        new { title, domain, date, hours, provider, evidenceUrl, expectedVersion };

    /// <summary>Declares and returns the new entry's id.</summary>
    public async Task<string> DeclareOk(string login, object? input = null)
    {
        var response = await Declare(login, input ?? Activity());
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["declareActivity"]!["entry"]!["id"]!.GetValue<string>();
    }

    public async Task<GraphQLResponse> SetConsent(string login, string consent) =>
        await Org.Mutate("setRecordConsent", new { consent }, login, "recordVersion consent");

    public async Task<Guid> PersonGuid(string login) => Guid.Parse(await Org.PersonId(login));

    public static RecordClassAttendance Attendance(Guid person, Guid unit, LearningDomain domain = LearningDomain.DigitalSkills, int minutes = 90,
        string title = "Kỹ năng số cho mọi người", DateOnly? date = null, Guid? attendanceId = null) =>
        new(attendanceId ?? Guid.CreateVersion7(), person, Guid.CreateVersion7(), Guid.CreateVersion7(), unit, title, domain, date ?? new DateOnly(2026, 5, 10), minutes);

    public Task<ITrackedSession> Attend(RecordClassAttendance message) => app.Host.InvokeMessageAndWaitAsync(message);
}
