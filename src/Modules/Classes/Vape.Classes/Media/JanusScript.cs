using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Vape.Classes.Media;

/// <summary>
/// `GET /classes/media/janus.js`: Debian's janus.js (`libjs-janus-gateway`, minified, with its `.gz` and `.brotli`
/// siblings), loaded by the web app's live class only when the class has media, so it is never in the first-load
/// budget and never copied into the repository (docs/adr/0141). 404 when the package is not installed.
/// </summary>
internal static class JanusScript
{
    public const string Path = "/classes/media/janus.js";

    public static void MapJanusScript(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext http, IOptions<MediaOptions> options) =>
        {
            var file = options.Value.JanusScript;
            if (!File.Exists(file))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var accept = http.Request.Headers.AcceptEncoding.ToString();
            foreach (var (encoding, suffix) in new[] { ("br", ".brotli"), ("gzip", ".gz") })
            {
                if (!accept.Contains(encoding, StringComparison.Ordinal) || !File.Exists(file + suffix)) continue;
                http.Response.Headers.ContentEncoding = encoding;
                file += suffix;
                break;
            }
            http.Response.Headers.Vary = "Accept-Encoding";
            // The package changes with the machine's upgrades, not with the app's build: revalidated daily.
            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.ContentType = "text/javascript; charset=utf-8";
            await http.Response.SendFileAsync(file, http.RequestAborted);
        }).AllowAnonymous();
}
