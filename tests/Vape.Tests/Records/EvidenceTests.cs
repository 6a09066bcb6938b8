using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Files;
using Vape.Records.Privacy;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Records;

/// <summary>Evidence files: uploaded through `POST /files` (checked there), named in a declaration, served only to who may see them.</summary>
[Collection(VapeCollection.Name)]
public sealed class EvidenceTests(VapeApp app) : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> Upload(string login, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _api.Org.Token(login));
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<string> UploadOk(string login)
    {
        var response = await Upload(login, "Giấy chứng nhận.pdf", Pdf);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> Download(string entry, string? login)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/records/entries/{entry}/evidence");
        if (login is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _api.Org.Token(login));
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();

    [Fact]
    public async Task An_evidence_file_over_the_limit_is_refused_with_FILE_TOO_LARGE()
    {
        var response = await Upload("learner", "Bằng tốt nghiệp.pdf", [.. Pdf, .. new byte[25 * 1024 * 1024]]);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Code(response)).ShouldBe("FILE_TOO_LARGE");
    }

    [Fact]
    public async Task An_evidence_file_whose_content_does_not_match_its_type_is_refused_with_FILE_TYPE_MISMATCH()
    {
        var response = await Upload("learner", "Bằng tốt nghiệp.pdf", Encoding.UTF8.GetBytes("MZ chương trình giả làm PDF"));

        (await Code(response)).ShouldBe("FILE_TYPE_MISMATCH");
    }

    [Fact]
    public async Task A_declaration_names_its_own_uploaded_file_and_the_learner_downloads_it()
    {
        var file = await UploadOk("learner");

        var entry = await _api.DeclareOk("learner", new { title = "Lớp sơ cứu", domain = "HEALTH", date = "2026-05-05", hours = 3, evidenceFileId = file });
        var download = await Download(entry, "learner");

        (await _api.MyRecord("learner"))["activities"]!["nodes"]![0]!.ToJsonString().ShouldContain(file);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task A_declaration_cannot_name_someone_elses_file_or_an_unknown_one()
    {
        var other = await UploadOk("learner2");

        var foreign = await _api.Declare("learner", new { title = "Lớp sơ cứu", domain = "HEALTH", date = "2026-05-05", hours = 3, evidenceFileId = other });
        var unknown = await _api.Declare("learner", new { title = "Lớp sơ cứu", domain = "HEALTH", date = "2026-05-05", hours = 3, evidenceFileId = Guid.NewGuid() });

        foreign.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        unknown.FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Erasure_deletes_the_records_evidence_files_after_the_commit()
    {
        var file = await UploadOk("learner");
        await _api.DeclareOk("learner", new { title = "Lớp sơ cứu", domain = "HEALTH", date = "2026-05-05", hours = 3, evidenceFileId = file });
        var files = app.Host.Services.GetRequiredService<IFileStore>();
        (await files.FindAsync(Guid.Parse(file), default)).ShouldNotBeNull();

        var tracked = await app.Host.ExecuteAndWaitAsync(async (Wolverine.IMessageContext _) =>
            (await _api.Org.Mutate("requestRecordErasure", new { personId = await _api.Org.PersonId("learner") }, "learner")).HasErrors.ShouldBeFalse());

        tracked.Executed.SingleMessage<DeleteEvidenceFiles>().FileIds.ShouldBe([Guid.Parse(file)]);
        (await files.FindAsync(Guid.Parse(file), default)).ShouldBeNull();
        await Should.ThrowAsync<FileNotFoundException>(() => files.OpenReadAsync(Guid.Parse(file), default));
    }

    [Fact]
    public async Task An_official_opens_the_evidence_of_an_entry_waiting_for_a_decision_and_of_a_decided_one_only_with_consent_each_look_logged()
    {
        var file = await UploadOk("learner");
        var entry = await _api.DeclareOk("learner", new { title = "Lớp sơ cứu", domain = "HEALTH", date = "2026-05-05", hours = 3, evidenceFileId = file });

        // The learner shares totals only; declaring the entry asked an official to check it (ADR 0073).
        var pending = await Download(entry, "commune");
        var sibling = await Download(entry, "sibling-province");
        var otherLearner = await Download(entry, "learner2");
        var anonymous = await Download(entry, null);
        (await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune")).HasErrors.ShouldBeFalse();
        var decidedWithoutConsent = await Download(entry, "commune");
        (await _api.SetConsent("learner", "DETAILS")).HasErrors.ShouldBeFalse();
        var decidedWithConsent = await Download(entry, "commune");

        pending.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pending.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        sibling.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherLearner.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Code(decidedWithoutConsent)).ShouldBe("NOT_ALLOWED");
        decidedWithConsent.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Newest first: every download by the official is a look the learner sees, with what it showed.
        var log = await app.GraphQL("{ myRecordAccessLog { nodes { purpose shown } } }", token: await _api.Org.Token("learner"));
        log.Data["myRecordAccessLog"]!["nodes"]!.AsArray().Select(n => $"{n!["purpose"]} {n["shown"]}")
            .ShouldBe(["VERIFICATION DETAILS", "VERIFICATION TOTALS", "VERIFICATION DETAILS"]);
    }
}
