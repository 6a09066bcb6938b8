using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Hosting;
using Vape.Records.Badges;

namespace Vape.Records.Histories;

/// <summary>
/// The certified learning history (docs/adr/0238): the person downloads it as a PDF (`/records/me/history.pdf`), the
/// QR code's page reads it back checked (`/histories/{id}`), and anyone checks a statement they hold (`POST /histories/verify`).
/// </summary>
internal static class HistoryEndpoints
{
    public const string PdfPath = "/records/me/history.pdf";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PdfPath, async (HttpContext http, HistoryService histories, BadgeService badges, IOptions<HistoryOptions> fonts,
            CancellationToken ct) =>
        {
            var person = http.User.PersonId() ?? throw VapeException.NotAuthenticated();
            var origin = badges.Origin(http);
            var issued = await histories.IssueAsync(person, origin, ct);
            HistoryFonts.Install(fonts);
            var payload = issued.Payload;
            var pdf = HistoryPdf.Render(new HistoryPrint(issued.Id, payload["credentialSubject"]!["name"]!.ToString(), payload["issuer"]!["name"]!.ToString(),
                origin, DateTimeOffset.Parse(payload["validFrom"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture), LearningHistory.Lines(payload),
                LearningHistory.VerifyUrl(origin, issued.Id)));
            return Results.File(pdf, "application/pdf", "qua-trinh-hoc-tap.pdf");
        }).RequireAuthorization(VapePolicies.Person);

        endpoints.MapGet("/histories/{historyId:guid}", async (Guid historyId, HttpContext http, HistoryService histories, BadgeService badges,
            CancellationToken ct) =>
            await histories.LookAsync(historyId, badges.Origin(http), ct) is { } look
                ? Results.Json(Body(look.Verification, look.Statement), VapeJson.Options)
                : Results.Json(new { code = "NOT_FOUND", message = "Không tìm thấy bản quá trình học tập này." }, VapeJson.Options, statusCode: 404))
            .AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/histories/verify", async (HttpContext http, HistoryService histories, BadgeService badges, CancellationToken ct) =>
            Results.Json(await histories.VerifyAsync(await PostedJwt.ReadAsync(http.Request, "statement", ct), badges.Origin(http), ct), VapeJson.Options))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static JsonObject Body(HistoryVerification verification, string statement)
    {
        var body = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(verification, VapeJson.Options)!;
        body["statement"] = statement;
        return body;
    }
}
