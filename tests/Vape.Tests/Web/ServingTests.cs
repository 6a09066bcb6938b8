using System.Net;
using System.Text.RegularExpressions;

namespace Vape.Tests.Web;

/// <summary>The host serves the built web app at `/`: deep links get index.html, the API's own paths never do.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ServingTests(WebHost web)
{
    [Fact]
    public async Task Pages_get_the_app_the_apis_paths_do_not_and_hashed_assets_are_cached_and_sent_compressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(web.BaseUrl) };
        var index = await http.GetStringAsync("/");
        index.ShouldContain("<div id=\"app\">");
        foreach (var deep in new[] { "/classes/0193a8f0-0000-7000-8000-000000000001", "/record", "/live/abc" })
        {
            var page = await http.GetAsync(deep);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, deep);
            (await page.Content.ReadAsStringAsync()).ShouldBe(index, deep);
            page.Headers.CacheControl!.NoCache.ShouldBeTrue();
        }
        foreach (var server in new[] { "/graphql/nothing", "/hubs/nothing", "/records/nothing", "/health/nothing", "/assets/missing.js", "/missing.png" })
            (await http.GetAsync(server)).StatusCode.ShouldBe(HttpStatusCode.NotFound, server);
        (await http.PostAsync("/classes", new StringContent(""))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var graphiql = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        graphiql.Headers.Accept.ParseAdd("text/html");
        (await (await http.SendAsync(graphiql)).Content.ReadAsStringAsync()).ShouldContain("GraphiQL");

        var script = ScriptPath().Match(index).Groups[1].Value;
        script.ShouldStartWith("/assets/");
        var plain = await http.GetByteArrayAsync(script);
        foreach (var encoding in new[] { "br", "gzip" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, script);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            var response = await http.SendAsync(request);
            response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
            response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
            var sent = await response.Content.ReadAsByteArrayAsync();
            sent.Length.ShouldBeLessThan(plain.Length / 2);
            await using var unpacked = encoding == "br"
                ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(sent), System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(new MemoryStream(sent), System.IO.Compression.CompressionMode.Decompress);
            var copy = new MemoryStream();
            await unpacked.CopyToAsync(copy);
            copy.ToArray().ShouldBe(plain);
        }
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"([^\"]+)\"")]
    private static partial Regex ScriptPath();
}
