using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Vape.BuildingBlocks.Storage;

namespace Vape.Records.Badges;

/// <summary>
/// What anyone needs to check a credential without asking Vape's API (docs/adr/0192, 0193): each unit's DID document
/// (`did:web:host:units:{id}` resolves to `/units/{id}/did.json`), the same keys as a JWKS, its status lists; and
/// Vape's own check, `POST /badges/verify`, and a credential's public copy (what the QR code's page loads).
/// </summary>
internal static class BadgeEndpoints
{
    public const string JwtMediaType = "application/vc+jwt";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/units/{unitId:guid}/did.json", async (Guid unitId, HttpContext http, BadgeService badges, CancellationToken ct) =>
            await badges.DidDocumentAsync(unitId, badges.Origin(http), ct) is { } doc ? Json(doc, "application/did+json") : NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/units/{unitId:guid}/jwks.json", async (Guid unitId, HttpContext http, BadgeService badges, CancellationToken ct) =>
            await badges.JwksAsync(unitId, badges.Origin(http), ct) is { } jwks ? Json(jwks, "application/jwk-set+json") : NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/units/{unitId:guid}/status/{list:int}", async (Guid unitId, int list, HttpContext http, BadgeService badges, CancellationToken ct) =>
            await badges.StatusListAsync(unitId, list, badges.Origin(http), ct) is { } jwt ? Results.Text(jwt, JwtMediaType) : NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/badges/{badgeId:guid}/credential", async (Guid badgeId, NpgsqlDataSource database, CancellationToken ct) =>
            (await database.ListAsync("select credential from records.badges where id = @id and credential <> ''", r => r.GetString(0), ct, ("id", badgeId)))
                .SingleOrDefault() is { } jwt ? Results.Text(jwt, JwtMediaType) : NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/badges/verify", async (HttpContext http, BadgeService badges, CancellationToken ct) =>
            Results.Json(await badges.VerifyAsync(await PostedJwt.ReadAsync(http.Request, "credential", ct), badges.Origin(http), ct)))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static IResult Json(JsonObject body, string type) => Results.Text(body.ToJsonString(), type);

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "Không tìm thấy.");
}
