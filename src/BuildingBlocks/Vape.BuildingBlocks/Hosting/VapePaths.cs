using Microsoft.Extensions.Hosting;

namespace Vape.BuildingBlocks.Hosting;

/// <summary>Where Vape keeps what it writes: the embedded PostgreSQL cluster, signing keys, files.</summary>
public sealed record VapePaths(string DataPath)
{
    public string PostgresData => Path.Combine(DataPath, "postgres");
    public string Keys => Path.Combine(DataPath, "keys");

    /// <summary>`Vape:DataPath` if set; otherwise `data/` beside Vape.sln, found from the content root upwards.</summary>
    public static VapePaths Resolve(StartupOptions options, IHostEnvironment environment)
    {
        var configured = options.DataPath;
        if (!string.IsNullOrWhiteSpace(configured))
            return new VapePaths(Path.GetFullPath(configured, environment.ContentRootPath));

        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln")))
                return new VapePaths(Path.Combine(dir.FullName, "data"));
        }
        return new VapePaths(Path.Combine(environment.ContentRootPath, "data"));
    }
}
