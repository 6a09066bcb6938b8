using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Auth;

internal static class AuthSetup
{
    public static void AddVapeAuth(this WebApplicationBuilder builder, VapePaths paths)
    {
        var services = builder.Services;
        var azureAd = builder.Configuration.GetSection("AzureAd");
        if (!string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            // Production: Microsoft Entra ID. The Organization module links the token's user to a person.
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(azureAd, subscribeToJwtBearerMiddlewareDiagnosticsEvents: false);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, ReadHubTokenFromQuery);
        }
        else
        {
            var issuer = new LocalTokenIssuer(paths.Keys, TimeProvider.System);
            services.AddSingleton(issuer);
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = LocalTokenIssuer.Issuer,
                    ValidAudience = LocalTokenIssuer.Audience,
                    IssuerSigningKey = issuer.SigningKey,
                    NameClaimType = VapeClaims.Name,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                ReadHubTokenFromQuery(o);
            });
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(VapePolicies.Person, p => p.RequireAuthenticatedUser().RequireClaim(VapeClaims.Person));
    }

    /// <summary>Browsers cannot set headers on WebSockets: SignalR sends the token in the query string, on hub paths only.</summary>
    private static void ReadHubTokenFromQuery(JwtBearerOptions options)
    {
        var previous = options.Events?.OnMessageReceived;
        options.Events ??= new JwtBearerEvents();
        options.Events.OnMessageReceived = async context =>
        {
            if (previous is not null) await previous(context);
            if (context.Token is null && context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                && context.Request.Query.TryGetValue("access_token", out var token))
            {
                context.Token = token;
            }
        };
    }

    /// <summary>`POST /dev/token {"login": "central"}`: a token for a demo login. Mapped in Development only.</summary>
    public static void MapDevTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/dev/token", async (DevTokenRequest? request, ILoginDirectory logins, LocalTokenIssuer issuer, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request?.Login) || request.Login.Length > 100)
                return Results.Problem(statusCode: 400, title: "Thiếu tên đăng nhập (login).", extensions: Code(ErrorCodes.InvalidInput));
            var identity = await logins.FindAsync(request.Login.Trim(), ct);
            if (identity is null)
                return Results.Problem(statusCode: 404, title: $"Không có tài khoản demo '{request.Login}'.", extensions: Code(ErrorCodes.NotFound));
            return Results.Ok(new DevTokenResponse(issuer.Issue(identity, TimeSpan.FromHours(12)), identity.PersonId, identity.DisplayName));
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };

    public static bool DevTokensEnabled(this IHostEnvironment env, IServiceProvider services) =>
        env.IsDevelopment() && services.GetService<LocalTokenIssuer>() is not null;
}

public sealed record DevTokenRequest(string? Login);

public sealed record DevTokenResponse(string AccessToken, Guid PersonId, string Name);
