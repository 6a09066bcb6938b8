using Microsoft.AspNetCore.WebUtilities;
using System.Text.Json;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using JasperFx;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Observability;
using Vape.BuildingBlocks.Realtime;
using Vape.BuildingBlocks.ScaleOut;
using Vape.BuildingBlocks.Storage;

namespace Vape.BuildingBlocks.Hosting;

/// <summary>The shared plumbing every module stands on. Program.cs calls these three and lists the modules.</summary>
public static class VapePlatform
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddVapePlatform(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey))
            && string.IsNullOrWhiteSpace(builder.WebHost.GetSetting(WebHostDefaults.HttpPortsKey)))
            builder.WebHost.UseUrls(DefaultUrl);

        // Every key read before the container exists, checked before anything starts (ADR 0176).
        var configuration = builder.Configuration;
        var startup = configuration.Bound<StartupOptions>(StartupOptions.Section);
        var connections = configuration.Bound<ConnectionStringOptions>(ConnectionStringOptions.Section);
        var cors = configuration.Bound<CorsOptions>(CorsOptions.Section);
        var entraId = configuration.Bound<EntraIdOptions>(EntraIdOptions.Section);
        var citizens = configuration.Bound<CitizenIssuerOptions>(CitizenIssuerOptions.Section);
        var officials = configuration.Bound<OfficialsSignInOptions>(OfficialsSignInOptions.Section);
        var paths = VapePaths.Resolve(startup, builder.Environment);
        builder.Services.AddSingleton(paths);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.Keys, "data-protection")));
        builder.AddVapeObservability();

        // Marks connections of this host, so that the embedded cluster is stopped only when no other host uses it.
        var applicationName = $"vape:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        string connectionString;
        try
        {
            connectionString = builder.ResolvePostgres(paths, startup, connections, applicationName);
        }
        catch (EmbeddedPostgresUnavailableException e) when (!startup.ThrowOnStartupFailure)
        {
            Console.Error.WriteLine(e.Message);
            Environment.Exit(78); // EX_CONFIG
            throw;
        }
        builder.AddVapeStorage(connectionString);
        builder.Services.AddSingleton<StartupState>();

        builder.Services.Configure<JsonOptions>(o => VapeJson.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["correlationId"] = c.HttpContext.TraceIdentifier;
            // A status without a Vape message (sign-in missing, no such address) gets a Vietnamese title, not "Unauthorized".
            if (c.ProblemDetails.Title is null || c.ProblemDetails.Title == ReasonPhrases.GetReasonPhrase(c.ProblemDetails.Status ?? 500))
                c.ProblemDetails.Title = c.ProblemDetails.Status switch
                {
                    401 => "Cần đăng nhập: hãy đăng nhập rồi gửi lại yêu cầu kèm mã đăng nhập.",
                    403 => "Bạn không có quyền xem hoặc làm việc này.",
                    404 => "Không tìm thấy địa chỉ này.",
                    405 => "Địa chỉ này không nhận phương thức HTTP đó.",
                    429 => "Quá nhiều yêu cầu: hãy đợi một lát rồi thử lại.",
                    >= 500 => "Lỗi nội bộ: hãy thử lại sau giây lát.",
                    _ => "Yêu cầu không hợp lệ: hãy kiểm tra lại địa chỉ và nội dung gửi.",
                };
            c.ProblemDetails.Extensions.TryAdd("code", c.ProblemDetails.Status switch
            {
                401 => ErrorCodes.NotAuthenticated,
                403 => ErrorCodes.NotAllowed,
                404 => ErrorCodes.NotFound,
                429 => ErrorCodes.RateLimited,
                >= 500 => ErrorCodes.Internal,
                _ => ErrorCodes.InvalidInput,
            });
        });
        builder.Services.AddExceptionHandler<VapeExceptionHandler>();
        PlatformOptions.AddTo(builder.Services);
        builder.Services.AddVapeFiles();
        var redis = builder.Services.AddSharedRedis(connections);
        builder.AddVapeAuth(paths, entraId, citizens);
        builder.Services.AddSingleton(SignInProviders.From(entraId, officials, citizens));
        builder.AddVapeGraphQL();
        builder.AddVapeRealtime(redis);
        builder.AddVapeRateLimits(redis);

        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (cors.Origins.Length > 0) p.WithOrigins(cors.Origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
        }));

        builder.Services.AddHealthChecks().AddCheck<PostgresReadyCheck>("postgres", tags: ["ready"]);
        return builder;
    }

    private static void AddVapeGraphQL(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.Bound<GraphQLLimitsOptions>(GraphQLLimitsOptions.Section);
        builder.Services.AddScoped<BatchLoaders>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CostBudget>();
        builder.Services.AddSingleton<ClientGate>();
        builder.Services.AddTransient(typeof(ConnectionGraphType<,>));
        builder.Services.AddTransient(typeof(EdgeGraphType<,>));
        builder.Services.AddTransient<PageInfoGraphType>();
        builder.Services.AddTransient<CalendarDateGraphType>();
        builder.Services.AddTransient(typeof(SharedEnumGraphType<>));
        builder.Services.AddTransient(typeof(InputOf<>));
        builder.Services.AddGraphQL(b => b
            .AddSchema<VapeSchema>()
            .AddSystemTextJson(o => VapeJson.Apply(o))
            .AddErrorInfoProvider<VapeErrorInfoProvider>()
            .AddValidationRule<AuthorizationRule>()
            // Depth of data fields only: introspection is left to the standard tools (ADR 0070).
            .AddValidationRule(new DepthRule(limits.MaxDepth))
            .AddComplexityAnalyzer(o =>
            {
                o.MaxComplexity = limits.MaxComplexity;
                // Introspection reads the schema, never data: it costs one, whatever the tool's standard query asks (ADR 0070).
                // A search costs more than a field (CostBudget.Impact); each client's minute has a budget (ADR 0109).
                var standard = o.DefaultComplexityImpactDelegate;
                o.DefaultComplexityImpactDelegate = c => CostBudget.Impact(c, standard);
                o.ValidateComplexityDelegate = c => c.ValidationContext.RequestServices?.GetService<CostBudget>()?.ChargeAsync(c) ?? Task.CompletedTask;
            })
            .ConfigureExecutionOptions(o => o.ThrowOnUnhandledException = false));
    }

    private static void AddVapeRateLimits(this WebApplicationBuilder builder, SharedRedis? redis)
    {
        var perMinute = builder.Configuration.Bound<AnonymousRateLimitOptions>(AnonymousRateLimitOptions.Section).AnonymousGraphQLPerMinute;
        builder.Services.AddRateLimiter(o =>
        {
            // With several hosts (Redis configured) the count is shared, so a client meets one limit, not one per host.
            o.AddPolicy(GraphQLEndpoint.RateLimitPolicy, http => http.User.IsSignedIn()
                ? RateLimitPartition.GetNoLimiter("signed-in")
                : redis is not null
                    ? RateLimitPartition.Get(http.Connection.RemoteIpAddress?.ToString() ?? "local", address =>
                        new RedisWindowLimiter(redis, "graphql:" + address, perMinute, TimeSpan.FromMinutes(1), TimeProvider.System))
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(response.Body, new
                {
                    errors = new[] { new { message = "Quá nhiều yêu cầu khi chưa đăng nhập; hãy thử lại sau một phút hoặc đăng nhập.", extensions = new { code = ErrorCodes.RateLimited } } },
                }, VapeJson.Options, ct);
            };
        });
    }

    public static WebApplication UseVapePlatform(this WebApplication app)
    {
        var startup = app.Services.GetRequiredService<StartupState>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Build the schema now (every module's types), not inside the first request and its timeout.
            app.Services.GetRequiredService<VapeSchema>().Initialize();
            startup.MarkReady();
        });
        // Draining: from the first moment of a shutdown the load balancer sees "not ready" and sends no one new here.
        app.Lifetime.ApplicationStopping.Register(startup.MarkStopping);
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseVapeRequestLogging();
        // Starting is not a failure: until the schema and start-up data are in, readiness answers 503 without running
        // the checks, which would log each poll as an error (issue #20: a clean start logs no warning or error).
        app.UseWhen(http => http.Request.Path == "/health/ready" && !startup.Ready && !startup.Stopping,
            starting => starting.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return http.Response.WriteAsync("Unhealthy");
            }));
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWebSockets();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapVapeGraphQL();
        app.MapHub<NotificationsHub>(NotificationsHub.Path);
        app.MapFileUploads();
        if (app.Configuration.Bound<LoadTestOptions>(LoadTestOptions.Section).BaselineHub) app.MapHub<BaselineHub>(BaselineHub.Path);
        app.MapSignInProviders();
        if (app.Environment.DevTokensEnabled(app.Services)) app.MapDevTokenEndpoint();
        return app;
    }

    /// <summary>Runs the host, or a JasperFx command (`codegen`, `db-apply`, `describe`, ...) when the first argument names one.</summary>
    public static Task<int> RunVapeAsync(this WebApplication app, string[] args)
    {
        return args.Length > 0 && !args[0].StartsWith('-')
            ? app.RunJasperFxCommands(args)
            : RunAsync(app);

        static async Task<int> RunAsync(WebApplication app)
        {
            await app.RunAsync();
            return 0;
        }
    }
}
