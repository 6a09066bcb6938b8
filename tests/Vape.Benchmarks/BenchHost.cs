using Alba;

namespace Vape.Benchmarks;

/// <summary>What every benchmark's host shares: where the host's content is, and how it is stopped.</summary>
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
