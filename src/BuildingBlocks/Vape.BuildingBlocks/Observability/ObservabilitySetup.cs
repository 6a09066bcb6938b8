using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ILoggerFactory = Microsoft.Extensions.Logging.ILoggerFactory;
using ILoggerProvider = Microsoft.Extensions.Logging.ILoggerProvider;
using MsLogger = Microsoft.Extensions.Logging.ILogger;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Context;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Observability;

internal static class ObservabilitySetup
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static void AddVapeObservability(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddSerilog((services, log) =>
        {
            log.MinimumLevel.Information()
                // ASP.NET's own request lines carry the query string, where SignalR puts access tokens: keep them out.
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Error)
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
                .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Warning)
                .MinimumLevel.Override("Wolverine", LogEventLevel.Warning)
                .MinimumLevel.Override("Marten", LogEventLevel.Warning)
                .MinimumLevel.Override("JasperFx", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<PersonalDataScrubber>()
                .Filter.ByExcluding(PersonalDataScrubber.IsClientError);
            if (production) log.WriteTo.Console(new RenderedCompactJsonFormatter());
            else log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
        }, preserveStaticLogger: true); // each host its own logger: never the process-wide static one
        CacheLoggers(builder.Services);

        var endpoint = builder.Configuration.Bound<TelemetryOptions>(TelemetryOptions.Section).Endpoint is { Length: > 0 } configured
            ? configured
            : builder.Configuration.Bound<OtlpVariableOptions>(OtlpVariableOptions.Section).Endpoint;
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("vape"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddSource("Wolverine")
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter("Wolverine*")
                .AddMeter("Vape.*")
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
    }

    /// <summary>
    /// Serilog's logger factory makes a new logger on every call, and ASP.NET asks for some per request (each
    /// authentication handler) and per SignalR connection: thousands of learners held thousands of identical
    /// loggers. Loggers are kept per category, as Microsoft.Extensions.Logging's own factory does.
    /// </summary>
    private static void CacheLoggers(IServiceCollection services)
    {
        var serilog = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(serilog);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory((ILoggerFactory)(serilog.ImplementationFactory?.Invoke(provider)
            ?? serilog.ImplementationInstance ?? ActivatorUtilities.CreateInstance(provider, serilog.ImplementationType!))));
    }

    private sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        private readonly ConcurrentDictionary<string, MsLogger> _loggers = new(StringComparer.Ordinal);

        public MsLogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    /// <summary>Every request gets a correlation id (the caller's, when it is sane), echoed back and on every log line.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var given = http.Request.Headers[CorrelationHeader].ToString();
        var id = given.Length is > 0 and <= 64 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? given
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.CreateVersion7().ToString("N");
        http.TraceIdentifier = id;
        http.Response.Headers[CorrelationHeader] = id;
        using (LogContext.PushProperty("CorrelationId", id))
            await next(http);
    });

    public static IApplicationBuilder UseVapeRequestLogging(this IApplicationBuilder app) =>
        // RequestPath is the path alone: no query string, so no token, ever.
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // A health endpoint's 503 is its answer, not a failure of the request: the failing check logs its reason.
            o.GetLevel = (http, _, ex) => ex is not null ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        });
}
