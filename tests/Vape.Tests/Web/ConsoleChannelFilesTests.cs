using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vape.Tests.Coordination;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// A channel's attachment downloaded by the other official (issue #21): Cường (commune) posts a file in Hà Nội's
/// cross-level channel; Bình (province) saves it from the channel on her phone and gets his bytes; Hải Phòng's
/// official, no member, asking the same address with her own session gets the code and the sentence, no bytes.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleChannelFilesTests(WebHost web)
{
    private const string CrossLevel = "Hà Nội và các đơn vị trực thuộc";
    private readonly CoordinationApi _api = new(web.App);

    private async Task<string> Upload(string login, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _api.Token(login));
        var response = await web.App.Host.Server.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_other_official_downloads_the_bytes_posted_and_an_outsider_is_refused()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var cross = (await _api.Channels("commune")).AsArray().Single(c => c!["name"]!.GetValue<string>() == CrossLevel)!["id"]!.GetValue<string>();
        var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% ke hoach {n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var name = $"ke-hoach-{n}.pdf";
        var fileId = await Upload("commune", name, pdf);
        var posted = await _api.Mutate("postMessage", new { channelId = cross, messageId = Guid.CreateVersion7(), body = $"Kế hoạch {n} đính kèm", attachmentIds = new[] { fileId } },
            "commune", "id attachments { url }");
        posted.HasErrors.ShouldBeFalse(posted.Body);
        var url = posted.Data["postMessage"]!["attachments"]![0]!["url"]!.GetValue<string>();

        var binh = await web.SignedIn("province");
        await binh.GotoAsync($"/console/channels/{cross}");
        var message = binh.GetByTestId("message").Filter(new() { HasText = $"Kế hoạch {n}" });
        var file = message.GetByTestId("attachments").GetByRole(AriaRole.Button, new() { Name = name });
        await Expect(file).ToBeVisibleAsync();
        var download = await binh.RunAndWaitForDownloadAsync(() => file.ClickAsync());
        download.SuggestedFilename.ShouldBe(name);
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(pdf);
        await ConsoleChecks.PhoneFriendly(binh, "channel-attachment-downloaded");
        await binh.Context.CloseAsync();

        // Hải Phòng's official asks the file's address straight, with her own session: not found, nothing sent.
        var dung = await web.Phone();
        await ConsoleChecks.SignInWithoutTheButton(dung, "sibling-province");
        var refused = JsonNode.Parse(await dung.EvaluateAsync<string>("""
            async url => {
              const token = JSON.parse(sessionStorage.getItem('vape.session')).token;
              const r = await fetch(url + '?download', { headers: { authorization: 'Bearer ' + token } });
              const body = await r.text();
              let problem = {};
              try { problem = JSON.parse(body); } catch { }
              return JSON.stringify({ status: r.status, code: problem.code ?? '', title: problem.title ?? '', body });
            }
            """, url))!;
        refused["status"]!.GetValue<int>().ShouldBe(404);
        refused["code"]!.GetValue<string>().ShouldBe("NOT_FOUND");
        refused["title"]!.GetValue<string>().ShouldBe("Không tìm thấy tệp.");
        refused["body"]!.GetValue<string>().ShouldNotContain($"ke hoach {n}");
        await dung.Context.CloseAsync();
    }
}
