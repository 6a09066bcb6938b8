using System.Security.Claims;
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
    public static void AddVapeAuth(this WebApplicationBuilder builder, VapePaths paths, EntraIdOptions entraId, CitizenIssuerOptions citizens)
    {
        var services = builder.Services;
        if (entraId.Enabled)
        {
            // Production: Microsoft Entra ID. The Organization module links the token's user to a person.
            var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
            authentication.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection(EntraIdOptions.Section), subscribeToJwtBearerMiddlewareDiagnosticsEvents: false);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, ReadHubTokenFromQuery);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, KeepHubUsersSmall);
            CitizenIssuer.Add(authentication, citizens, JwtBearerDefaults.AuthenticationScheme, HubEvents);
        }
        else
        {
            var issuer = new LocalTokenIssuer(paths.Keys, TimeProvider.System);
            services.AddSingleton(issuer);
            var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
            authentication.AddJwtBearer(o =>
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
                HubEvents(o);
            });
            CitizenIssuer.Add(authentication, citizens, JwtBearerDefaults.AuthenticationScheme, HubEvents);
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(VapePolicies.Person, p => p.RequireAuthenticatedUser().RequireClaim(VapeClaims.Person));
    }

    private static void HubEvents(JwtBearerOptions options)
    {
        ReadHubTokenFromQuery(options);
        KeepHubUsersSmall(options);
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

    /// <summary>
    /// A hub connection keeps its request, and so its user, for as long as it is open (hours, for thousands of
    /// learners). The validated identity holds the parsed token (its text, header, payload and a second set of
    /// claims); the connection needs only the claims that say who the user is, not those that served the
    /// validation (issuer, audience, times, token id). So, for hub requests, the user becomes a plain identity
    /// with those claims, after any other validation step (Microsoft.Identity.Web's) has run.
    /// </summary>
    private static void KeepHubUsersSmall(JwtBearerOptions options)
    {
        var previous = options.Events?.OnTokenValidated;
        options.Events ??= new JwtBearerEvents();
        options.Events.OnTokenValidated = async context =>
        {
            if (previous is not null) await previous(context);
            if (context.Principal?.Identity is ClaimsIdentity identity && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                context.Principal = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims.Where(c => !ValidationOnlyClaims.Contains(c.Type)),
                    identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
        };
    }

    /// <summary>JWT's registered claims used only while validating, and Entra ID's opaque ones.</summary>
    private static readonly HashSet<string> ValidationOnlyClaims = ["iss", "aud", "exp", "nbf", "iat", "jti", "uti", "rh", "aio"];

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

internal sealed record DevTokenRequest(string? Login);

internal sealed record DevTokenResponse(string AccessToken, Guid PersonId, string Name);
