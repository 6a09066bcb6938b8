using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Weasel.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Storage;

internal static class StorageSetup
{
    /// <summary>
    /// `ConnectionStrings:Postgres` when configured; otherwise the embedded cluster under the data folder. Either way
    /// with the hot statements prepared (<see cref="PrepareHotStatements"/>).
    /// </summary>
    public static string ResolvePostgres(this WebApplicationBuilder builder, VapePaths paths, StartupOptions startup,
        ConnectionStringOptions connections, string applicationName)
    {
        var configured = connections.Postgres;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return PrepareHotStatements(new Npgsql.NpgsqlConnectionStringBuilder(configured) { ApplicationName = applicationName }.ConnectionString);
        }

        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggers.CreateLogger("Vape.EmbeddedPostgres");
        var cluster = EmbeddedPostgres.Create(paths.PostgresData, startup.PostgresBin, logger);
        var database = startup.Database;
        cluster.EnsureRunningAsync(database, CancellationToken.None).GetAwaiter().GetResult();
        // Registered before Marten and Wolverine, so it stops after them.
        builder.Services.AddHostedService(sp => new EmbeddedPostgresLifetime(cluster, applicationName));
        builder.Services.AddSingleton(cluster);
        return PrepareHotStatements(cluster.ConnectionString(database, applicationName));
    }

    /// <summary>
    /// Npgsql prepares a statement on a connection once it has run there twice (up to 64 per connection), unless the
    /// connection string says otherwise (`Max Auto Prepare=0` behind a pooler that cannot keep prepared statements).
    /// A connection with prepared statements is also not reset with `DISCARD ALL` when it goes back to the pool, which
    /// threw away the plans PostgreSQL keeps for PL/pgSQL functions (a post, an event append) and made every call plan
    /// its statements again (docs/adr/0054).
    /// </summary>
    internal static string PrepareHotStatements(string connectionString)
    {
        // Npgsql's builder knows every keyword whether set or not; the plain one holds only those written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    public static void AddVapeStorage(this WebApplicationBuilder builder, string connectionString)
    {
        // For the modules' own SQL (ltree, search, COPY, a post); Marten keeps its own pool. The modules leave nothing on
        // a connection beyond its transaction (`set local`, `on commit drop`, `pg_advisory_xact_lock`), so a connection
        // goes back to this pool without being reset: a reset makes the next call plan its statements again
        // (docs/adr/0054). Marten and Wolverine hold session locks on theirs, which keep the reset.
        builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(
            new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString));
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
            // Envelope ids from version-7 GUIDs (random bits), not NewId's machine identity and clock: hosts on one
            // machine, or containers sharing a network identity, made the same id, and an insert into the shared
            // inbox failed (docs/adr/0060).
            options.EnvelopeIdGeneration = EnvelopeIdGeneration.GuidV7;
            // Each module's handler of an integration event is a chain of its own, with its own transaction and retries
            // (the 6.x default combined them, and warned at every start; docs/adr/0175).
            options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
        });
    }

    private sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster, string applicationName) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopIfOwnedAsync(applicationName);
    }
}
