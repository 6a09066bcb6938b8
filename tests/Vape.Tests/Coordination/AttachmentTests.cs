using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>Files attached to messages: one's own uploads only, served to the channel's members only.</summary>
[Collection(VapeCollection.Name)]
public sealed class AttachmentTests(VapeApp app) : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Upload(string login, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Pdf), "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _api.Token(login));
        var response = await app.Host.Server.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> Download(string url, string login)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _api.Token(login));
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_member_downloads_what_was_attached_and_anyone_else_finds_nothing()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var fileId = await Upload("central", "Kế hoạch năm học 2026.pdf");
        var posted = await _api.Mutate("postMessage", new { channelId = channel, messageId = Guid.CreateVersion7(), body = "Kế hoạch đính kèm.", attachmentIds = new[] { fileId } },
            "central", "id attachments { fileId name contentType length url }");
        posted.HasErrors.ShouldBeFalse(posted.Body);
        var attachment = posted.Data["postMessage"]!["attachments"]![0]!;
        attachment["name"]!.GetValue<string>().ShouldBe("Kế hoạch năm học 2026.pdf");
        attachment["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        var url = attachment["url"]!.GetValue<string>();

        var ok = await Download(url, "province");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        (await Download(url, "commune")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var messageId = posted.Data["postMessage"]!["id"]!.GetValue<string>();
        (await _api.Mutate("deleteMessage", new { messageId }, "central")).HasErrors.ShouldBeFalse();
        (await Download(url, "province")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Attaching_someone_else_s_upload_or_an_unknown_file_is_refused_and_nothing_is_posted()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var theirs = await Upload("province", "Báo cáo.pdf");
        (await _api.Mutate("postMessage", new { channelId = channel, messageId = Guid.CreateVersion7(), body = "Của người khác", attachmentIds = new[] { theirs } }, "central"))
            .FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Mutate("postMessage", new { channelId = channel, messageId = Guid.CreateVersion7(), body = "Không có", attachmentIds = new[] { Guid.NewGuid().ToString() } }, "central"))
            .FirstErrorCode.ShouldBe("NOT_FOUND");
        var version = await _api.Query("query($id: ID!) { channel(id: $id) { version } }", new { id = channel }, "central");
        version.Data["channel"]!["version"]!.GetValue<long>().ShouldBe(0);
    }
}
