using Alba;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Benchmarks;

/// <summary>What every benchmark's host shares: where the host's content is, its database made fresh, and how it is stopped.</summary>
internal static class BenchHost
{
    /// <summary>The host project's folder (its appsettings and its built web app), found from the benchmark's binaries.</summary>
    public static string ContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return Path.Combine(dir.FullName, "src", "Host", "Vape.Host");
        throw new InvalidOperationException("run the benchmarks from the repository");
    }

    /// <summary>
    /// Drops the benchmark's own database in the embedded cluster the host is about to use (the same folder:
    /// `Vape:DataPath` from the host's appsettings or the environment, else `data/` beside Vape.sln), so that the host
    /// creates it fresh: its schema, the demo data and nothing any earlier run left. A database kept from run to run
    /// grew with every run (its tables, indexes and dead rows, Wolverine's and Marten's tables), and two runs a week
    /// apart measured two databases, not Vape (issue #20). With `ConnectionStrings:Postgres` set the host does not
    /// use the embedded cluster: nothing is dropped there. Not for the national-scale database, which is seeded once by
    /// hand and whose benchmarks delete what they write.
    /// </summary>
    public static async Task FreshDatabaseAsync(string database)
    {
        var contentRoot = ContentRoot();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(contentRoot, "appsettings.Development.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        if (!string.IsNullOrWhiteSpace(configuration["ConnectionStrings:Postgres"])) return;
        var startup = StartupOptions.From(configuration);
        var paths = VapePaths.Resolve(startup, new HostingEnvironment { ContentRootPath = contentRoot });
        var cluster = EmbeddedPostgres.Create(paths.PostgresData, startup.PostgresBin, NullLogger.Instance);
        await cluster.EnsureRunningAsync("postgres", CancellationToken.None);
        try
        {
            // Not pooled: a connection left in a pool would count as a Vape host's when the host decides to stop the cluster.
            var connection = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres", "vape-bench-setup")) { Pooling = false };
            await using var conn = new NpgsqlConnection(connection.ConnectionString);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", conn);
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            await cluster.SignOutAsync();
        }
    }

    /// <summary>
    /// Stops and disposes the host. Marten's projection coordinator can be paused twice at once while a host stops
    /// (Wolverine's shutdown and the host's own stop of the coordinator), and the second pause then cancels the
    /// cancellation source the first has just disposed (JasperFx.Events 2.100, `ProjectionCoordinatorBase`). The
    /// host has stopped by then; the benchmark's figures are taken. That one exception is written and not thrown,
    /// so a benchmark does not fail at its very end for a race in a library's shutdown; anything else is thrown.
    /// </summary>
    public static async Task StopAsync(IAlbaHost host)
    {
        try
        {
            await host.DisposeAsync();
        }
        catch (ObjectDisposedException e) when (e.StackTrace?.Contains("JasperFx.Events.Daemon.ProjectionCoordinatorBase", StringComparison.Ordinal) == true)
        {
            Console.WriteLine("// the projection coordinator was paused twice while the host stopped (JasperFx.Events); the host is stopped");
        }
    }
}
