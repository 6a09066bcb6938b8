using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Host;

/// <summary>
/// The web app (src/Web, built into the host's output `wwwroot` by the project's WebBuild target): its files at `/`,
/// `index.html` for any other page path (deep links), never for the API's own paths. Hashed assets are cached for a
/// year, the shell and service worker revalidated; `.br`/`.gz` siblings made at build time are sent to browsers that
/// accept them. See docs/adr/0081.
/// </summary>
internal static class WebApp
{
    /// <summary>Paths the host answers itself: an unknown one there is a 404, not the app.</summary>
    private static readonly string[] ServerPaths = ["/graphql", "/hubs", "/health", "/dev", "/files", "/records", "/content", "/classes/sessions", "/coordination", "/assets"];

    public static WebApplication UseVapeWebApp(this WebApplication app)
    {
        // `Vape:WebRoot` points elsewhere (the browser tests serve src/Web/dist from a host started out of their own bin).
        var root = StartupOptions.From(app.Configuration).WebRoot is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!File.Exists(Path.Combine(root, "index.html"))) return app;
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";

        app.Use(async (http, next) =>
        {
            // Precompressed siblings: the same file, smaller.
            var path = http.Request.Path.Value;
            if (HttpMethods.IsGet(http.Request.Method) && path is not null && path.StartsWith("/assets/", StringComparison.Ordinal))
            {
                var accept = http.Request.Headers.AcceptEncoding.ToString();
                foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
                {
                    if (!accept.Contains(encoding, StringComparison.Ordinal) || !files.GetFileInfo(path + suffix).Exists) continue;
                    types.TryGetContentType(path, out var type);
                    http.Response.Headers.ContentEncoding = encoding;
                    http.Response.Headers.Vary = "Accept-Encoding";
                    http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                    http.Response.ContentType = type ?? "application/octet-stream";
                    await http.Response.SendFileAsync(files.GetFileInfo(path + suffix), http.RequestAborted);
                    return;
                }
            }
            await next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = c.Context.Request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable"
                : "no-cache",
        });

        var index = files.GetFileInfo("index.html");
        app.MapFallback(async http =>
        {
            var path = http.Request.Path;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                || ServerPaths.Any(p => path.StartsWithSegments(p)) || Path.HasExtension(path.Value))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.SendFileAsync(index, http.RequestAborted);
        }).AllowAnonymous();
        return app;
    }
}
