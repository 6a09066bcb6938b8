using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Vape.Tests.Support;

/// <summary>What a backup of the test database would hold: where crypto-shredding and keyed hashes are checked.</summary>
public static class DatabaseDump
{
    /// <summary>A plain-text dump of the test database, by the pg_dump of the binaries the embedded cluster runs on.</summary>
    public static async Task<string> Of(VapeApp app, params string[] options)
    {
        var connection = new NpgsqlConnectionStringBuilder(app.Host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        var psi = new ProcessStartInfo(Path.Combine(PostgresBinaries(), "pg_dump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database!, "--no-owner" }.Concat(options))
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error);
        return await output;
    }

    /// <summary>Found the way EmbeddedPostgres finds them: on PATH next to initdb, else the newest under /usr/lib/postgresql.</summary>
    private static string PostgresBinaries()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_dump")));
        return fromPath ?? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_dump")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .First();
    }
}
