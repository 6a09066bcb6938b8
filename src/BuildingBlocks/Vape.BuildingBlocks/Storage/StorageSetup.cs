using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Weasel.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Storage;

internal static class StorageSetup
{
    /// <summary>`ConnectionStrings:Postgres` when configured; otherwise the embedded cluster under the data folder.</summary>
    public static string ResolvePostgres(this WebApplicationBuilder builder, VapePaths paths, string applicationName)
    {
        var configured = builder.Configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(configured) { ApplicationName = applicationName }.ConnectionString;
        }

        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggers.CreateLogger("Vape.EmbeddedPostgres");
        var cluster = EmbeddedPostgres.Create(paths.PostgresData, builder.Configuration["Vape:PostgresBin"], logger);
        var database = builder.Configuration["Vape:Database"] ?? "vape";
        cluster.EnsureRunningAsync(database, CancellationToken.None).GetAwaiter().GetResult();
        // Registered before Marten and Wolverine, so it stops after them.
        builder.Services.AddHostedService(sp => new EmbeddedPostgresLifetime(cluster, applicationName));
        builder.Services.AddSingleton(cluster);
        return cluster.ConnectionString(database, applicationName);
    }

    public static void AddVapeStorage(this WebApplicationBuilder builder, string connectionString)
    {
        // For the modules' own SQL (ltree, search, COPY); Marten keeps its own pool.
        builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = "vape";
                options.Events.DatabaseSchemaName = "events";
                options.UseSystemTextJsonForSerialization(enumStorage: EnumStorage.AsString, casing: Casing.CamelCase, configure: VapeJson.Apply);
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            // Async projections run on one host at a time (a PostgreSQL advisory lock elects it), never twice.
            .AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = "wolverine");
        // Before any module's start-up data: the modules' own tables must exist first.
        builder.Services.InitializeMartenWith<ModuleMigrations>();

        builder.UseWolverine(options =>
        {
            options.ServiceName = "vape";
            options.UseRuntimeCompilation();
            // Pre-generated code (`codegen write`) in Production avoids Roslyn at start-up; see README.
            options.CodeGeneration.TypeLoadMode = builder.Environment.IsProduction() ? TypeLoadMode.Auto : TypeLoadMode.Dynamic;
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Policies.UseDurableInboxOnAllListeners();
            options.Policies.UseDurableOutboxOnAllSendingEndpoints();
        });
    }

    private sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster, string applicationName) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopIfOwnedAsync(applicationName);
    }
}
