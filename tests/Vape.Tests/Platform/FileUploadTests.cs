using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Files;
using Vape.BuildingBlocks.Hosting;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>`POST /files`: the one way files reach Vape, checked on their content before any module uses them.</summary>
[Collection(VapeCollection.Name)]
public sealed class FileUploadTests(VapeApp app) : IAsyncLifetime
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> Upload(string? login, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/files") { Content = form };
        if (login is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(login));
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<int> StoredFileCount()
    {
        await using var session = app.Store.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Query<StoredFile>());
    }

    private string FilesFolder => Path.Combine(app.Host.Services.GetRequiredService<VapePaths>().DataPath, "files");

    private int FilesOnDisk => Directory.Exists(FilesFolder) ? Directory.GetFiles(FilesFolder, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task A_signed_in_user_uploads_a_PDF_with_a_Vietnamese_name_and_reads_it_back_in_ranges()
    {
        var response = await Upload("commune", "Chỉ thị số 01 về khuyến học.pdf", Pdf);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadAsStringAsync();
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        json["name"]!.GetValue<string>().ShouldBe("Chỉ thị số 01 về khuyến học.pdf");
        body.ShouldContain("Chỉ thị"); // not \u-escaped
        json["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        json["length"]!.GetValue<long>().ShouldBe(Pdf.Length);
        json["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        var id = json["id"]!.GetValue<string>();

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}");
        range.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor("commune"));
        range.Headers.Range = new RangeHeaderValue(0, 7);
        var part = await app.Host.Server.CreateClient().SendAsync(range);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        part.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf[..8]);
    }

    [Fact]
    public async Task Someone_else_cannot_read_an_upload_through_the_upload_endpoint()
    {
        var uploaded = System.Text.Json.Nodes.JsonNode.Parse(await (await Upload("commune", "a.pdf", Pdf)).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{uploaded}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor("learner"));
        var response = await app.Host.Server.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"NOT_FOUND\"");
    }

    public static TheoryData<string, string, int, string> BadUploads() => new()
    {
        // name, content kind, status, code
        { "ảnh.png", "pdf", 400, FileErrors.TypeMismatch },
        { "chỉ thị.pdf", "png", 400, FileErrors.TypeMismatch },
        { "chỉ thị.pdf", "empty", 400, FileErrors.TypeMismatch },
        { "ghi chú.txt", "png", 400, FileErrors.TypeMismatch },
        { "cài đặt.exe", "pdf", 400, FileErrors.TypeNotAllowed },
        { "không có đuôi", "pdf", 400, FileErrors.NameInvalid },
        { "../../etc/chỉ thị.pdf", "pdf", 400, FileErrors.NameInvalid },
        { "thư mục\\chỉ thị.pdf", "pdf", 400, FileErrors.NameInvalid },
        { ".pdf", "pdf", 400, FileErrors.NameInvalid },
        { "lớn.pdf", "too large", 413, FileErrors.TooLarge },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_gets_its_code_and_keeps_nothing(string name, string content, int status, string code)
    {
        var bytes = content switch
        {
            "pdf" => Pdf,
            "png" => Png,
            "empty" => [],
            _ => [.. Pdf, .. new byte[FileSystemFileStore.DefaultMaxBytes]],
        };
        var (filesBefore, diskBefore) = (await StoredFileCount(), FilesOnDisk);

        var response = await Upload("commune", name, bytes);

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"code\":\"{code}\"");
        (await StoredFileCount()).ShouldBe(filesBefore);
        FilesOnDisk.ShouldBe(diskBefore);
    }

    [Fact]
    public async Task Uploading_needs_a_sign_in_and_a_multipart_body()
    {
        (await Upload(null, "a.pdf", Pdf)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/files") { Content = new ByteArrayContent(Pdf) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor("commune"));
        var response = await app.Host.Server.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"INVALID_INPUT\"");
    }
}
