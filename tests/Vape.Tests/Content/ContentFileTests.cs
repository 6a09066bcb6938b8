using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Vape.Tests.Platform;
using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>Files that directives, reports, news and resources name: checked when named, served with ranges to those who may see them.</summary>
[Collection(VapeCollection.Name)]
public sealed class ContentFileTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Upload(string login, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _api.Org.Token(login));
        var response = await app.Host.Server.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> Get(string url, string? login, RangeHeaderValue? range = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (login is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _api.Org.Token(login));
        request.Headers.Range = range;
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<GraphQLResponse> IssueWith(string[] documents) =>
        await _api.Org.Mutate("issueDirective", new
        {
            issuerUnitId = await _api.Org.UnitId("T01"), number = "07/CT-KH", title = "Về việc tổ chức tuần lễ học tập suốt đời", issuedOn = ContentApi.Today,
            acknowledgeBy = ContentApi.Day(7), targetKind = "UNITS", targetUnitIds = new[] { await _api.Org.UnitId("T01-X001") }, documentFileIds = documents,
        }, "province", "id documents { id name contentType length url }");

    [Fact]
    public async Task A_directives_PDF_reaches_its_units_officials_in_ranges_with_its_content_type_and_nobody_else()
    {
        var pdf = await Upload("province", "Chỉ thị 07.pdf", FileUploadTests.Pdf);
        var issued = await IssueWith([pdf]);
        issued.HasErrors.ShouldBeFalse(issued.Body);
        var document = issued.Data["issueDirective"]!["documents"]![0]!;
        document["name"]!.GetValue<string>().ShouldBe("Chỉ thị 07.pdf");
        var url = document["url"]!.GetValue<string>();

        var part = await Get(url, "commune", new RangeHeaderValue(0, 3));
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(FileUploadTests.Pdf[..4]);
        (await Get(url, "province")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(url, "sibling-province")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(url, "learner")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(url, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // A file of the uploader's that the directive does not name is not served through it.
        var other = await Upload("province", "khác.pdf", FileUploadTests.Pdf);
        (await Get(url.Replace(pdf, other), "commune")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_directive_document_must_be_a_PDF_of_your_own_uploads()
    {
        var png = await Upload("province", "ảnh.png", FileUploadTests.Png);
        var notPdf = await IssueWith([png]);
        notPdf.FirstErrorCode.ShouldBe("INVALID_INPUT");
        var someoneElses = await Upload("commune", "của người khác.pdf", FileUploadTests.Pdf);
        (await IssueWith([someoneElses])).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await IssueWith([Guid.NewGuid().ToString()])).FirstErrorCode.ShouldBe("NOT_FOUND");
        var issued = await app.GraphQL("query($u: ID!) { issuedDirectives(unitId: $u) { nodes { id } } }", new { u = await _api.Org.UnitId("T01") },
            await _api.Org.Token("province"));
        issued.Data["issuedDirectives"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_report_carries_files_that_the_issuer_reads()
    {
        var id = await _api.IssueOk("province", "T01", "UNITS", unitCodes: ["T01-X001"]);
        var file = await Upload("commune", "Báo cáo.pdf", FileUploadTests.Pdf);
        var report = await _api.Org.Mutate("reportDirective", new { directiveId = id, unitId = await _api.Org.UnitId("T01-X001"), report = "Đã triển khai.", fileIds = new[] { file } },
            "commune", "reportFiles { url contentType }");
        report.HasErrors.ShouldBeFalse(report.Body);
        var url = report.Data["reportDirective"]!["reportFiles"]![0]!["url"]!.GetValue<string>();
        (await Get(url, "province")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(url, "sibling-province")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task News_images_are_images_and_follow_the_news_visibility()
    {
        var pdf = await Upload("commune", "không phải ảnh.pdf", FileUploadTests.Pdf);
        var refused = await _api.Org.Mutate("publishNews", new { unitId = await _api.Org.UnitId("T01-X001"), title = "Tin", body = "Nội dung", imageFileIds = new[] { pdf } },
            "commune", "id");
        refused.FirstErrorCode.ShouldBe("INVALID_INPUT");
        var png = await Upload("commune", "lễ trao học bổng.png", FileUploadTests.Png);
        var news = await _api.Org.Mutate("publishNews", new { unitId = await _api.Org.UnitId("T01-X001"), title = "Tin nội bộ", body = "Nội dung", @public = false, imageFileIds = new[] { png } },
            "commune", "images { url contentType }");
        var url = news.Data["publishNews"]!["images"]![0]!["url"]!.GetValue<string>();
        var image = await Get(url, "learner");
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await Get(url, null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(url, "learner-hp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_resource_file_and_cover_are_public_once_approved()
    {
        var epub = await Upload("learner", "sách.pdf", FileUploadTests.Pdf);
        var cover = await Upload("learner", "bìa.png", FileUploadTests.Png);
        var submitted = await _api.Org.Mutate("submitResource", new
        {
            title = "Sổ tay khuyến học", domain = "GENERAL_KNOWLEDGE", audience = "EVERYONE", language = "vi", format = "DOCUMENT", licence = "CC_BY_SA",
            fileId = epub, coverFileId = cover,
        }, "learner", "id file { url contentType } cover { url }");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        var id = submitted.Data["submitResource"]!["id"]!.GetValue<string>();
        var fileUrl = submitted.Data["submitResource"]!["file"]!["url"]!.GetValue<string>();
        (await Get(fileUrl, null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(fileUrl, "learner")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _api.Org.Mutate("approveResource", new { resourceId = id }, "commune", "status");
        var part = await Get(fileUrl, null, new RangeHeaderValue(1, 3));
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await Get(submitted.Data["submitResource"]!["cover"]!["url"]!.GetValue<string>(), null)).Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        // A cover must be an image; a resource needs a file or an address.
        var badCover = await _api.Org.Mutate("submitResource", new
        {
            title = "Bìa sai", domain = "HEALTH", audience = "EVERYONE", language = "vi", format = "DOCUMENT", licence = "OTHER", fileId = epub, coverFileId = epub,
        }, "learner", "id");
        badCover.FirstErrorCode.ShouldBe("INVALID_INPUT");
        var nothing = await _api.Org.Mutate("submitResource", new { title = "Trống", domain = "HEALTH", audience = "EVERYONE", language = "vi", format = "DOCUMENT", licence = "OTHER" },
            "learner", "id");
        nothing.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task An_official_edits_news_and_a_resource_keeping_files_others_uploaded_but_adds_none_of_theirs()
    {
        // News a commune official wrote with an image; the province's official edits it and keeps the image.
        var png = await Upload("commune", "lễ khai giảng.png", FileUploadTests.Png);
        var published = await _api.Org.Mutate("publishNews", new { unitId = await _api.Org.UnitId("T01-X001"), title = "Khai giảng", body = "Nội dung", imageFileIds = new[] { png } },
            "commune", "id version");
        published.HasErrors.ShouldBeFalse(published.Body);
        var newsId = published.Data["publishNews"]!["id"]!.GetValue<string>();
        var another = await Upload("commune", "ảnh khác.png", FileUploadTests.Png);
        var added = await _api.Org.Mutate("editNews", new { newsId, title = "Khai giảng năm học mới", body = "Nội dung", imageFileIds = new[] { png, another }, expectedVersion = 1 },
            "province", "version");
        added.FirstErrorCode.ShouldBe("NOT_FOUND", "a file of someone else's that the news does not name yet");
        var edited = await _api.Org.Mutate("editNews", new { newsId, title = "Khai giảng năm học mới", body = "Nội dung", imageFileIds = new[] { png }, expectedVersion = 1 },
            "province", "version title images { contentType }");
        edited.HasErrors.ShouldBeFalse(edited.Body);
        edited.Data["editNews"]!["version"]!.GetValue<int>().ShouldBe(2);
        edited.Data["editNews"]!["images"]!.AsArray().Count.ShouldBe(1);

        // A learner's resource with a file and a cover; the reviewing official corrects its title and keeps both.
        var file = await Upload("learner", "sổ tay.pdf", FileUploadTests.Pdf);
        var cover = await Upload("learner", "bìa.png", FileUploadTests.Png);
        var input = new
        {
            title = "Sổ tay khuyến học", domain = "GENERAL_KNOWLEDGE", audience = "EVERYONE", language = "vi", format = "DOCUMENT", licence = "CC_BY_SA",
            fileId = file, coverFileId = cover,
        };
        var submitted = await _api.Org.Mutate("submitResource", input, "learner", "id version");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        var resourceId = submitted.Data["submitResource"]!["id"]!.GetValue<string>();
        var corrected = await _api.Org.Mutate("editResource", new
        {
            resourceId, title = "Sổ tay khuyến học (bản 2026)", input.domain, input.audience, input.language, input.format, input.licence, fileId = file, coverFileId = cover,
            expectedVersion = 1,
        }, "commune", "version title status file { contentType } cover { contentType }");
        corrected.HasErrors.ShouldBeFalse(corrected.Body);
        corrected.Data["editResource"]!["title"]!.GetValue<string>().ShouldBe("Sổ tay khuyến học (bản 2026)");
        corrected.Data["editResource"]!["file"]!["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        corrected.Data["editResource"]!["cover"]!["contentType"]!.GetValue<string>().ShouldBe("image/png");
    }
}
