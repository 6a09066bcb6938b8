using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Vape.BuildingBlocks.Hosting;

/// <summary>
/// The default database: a private PostgreSQL cluster under the data folder, on loopback, on a port derived
/// from its path (another free one, remembered in `postgres.port`, when that one is taken). A host that finds it
/// running reuses it; the last Vape host on the folder stops it, whoever started it: none other connected, and none
/// signed in under `postgres.hosts` (a host that is still starting has no connection yet). See docs/adr/0004 and 0104.
/// </summary>
internal sealed class EmbeddedPostgres
{
    public const string MissingBinariesMessage =
        "Vape: the PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with: apt-get install -y postgresql";

    private const string SuperUser = "vape";
    private readonly string _pgData;
    private readonly string _binDir;
    private readonly string? _runAs;
    private readonly ILogger _logger;

    public int Port { get; private set; }
    public bool StartedHere { get; private set; }

    /// <summary>This host's entry under `postgres.hosts`, from start-up until it stops: "{process id}-{random}".</summary>
    private readonly string _hostEntry = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    private string HostsDir => _pgData + ".hosts";

    private EmbeddedPostgres(string pgData, string binDir, string? runAs, ILogger logger)
    {
        _pgData = pgData;
        _binDir = binDir;
        _runAs = runAs;
        _logger = logger;
    }

    public static EmbeddedPostgres Create(string pgData, string? configuredBinDir, ILogger logger)
    {
        var binDir = FindBinaries(configuredBinDir) ?? throw new EmbeddedPostgresUnavailableException(MissingBinariesMessage);
        // initdb and postgres refuse to run as root; as root, the cluster belongs to the `postgres` system user.
        string? runAs = Environment.IsPrivilegedProcess ? "postgres" : null;
        return new EmbeddedPostgres(Path.GetFullPath(pgData), binDir, runAs, logger);
    }

    public string ConnectionString(string database, string applicationName) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        ApplicationName = applicationName,
        MaxPoolSize = 60,
    }.ConnectionString;

    /// <summary>Initialises the cluster when new, starts it unless it runs already, and creates the database.</summary>
    public async Task EnsureRunningAsync(string database, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_pgData)!);
        // Two hosts starting at once on a new folder must not both run initdb.
        await using (var gate = await AcquireLockAsync(_pgData + ".lock", ct))
        {
            if (!File.Exists(Path.Combine(_pgData, "PG_VERSION")))
                await InitAsync(ct);

            Directory.CreateDirectory(HostsDir);
            await File.WriteAllTextAsync(Path.Combine(HostsDir, _hostEntry), "", ct);
            var running = ReadRunningPort();
            if (running is int port)
            {
                Port = port;
                _logger.LogInformation("Reusing the embedded PostgreSQL cluster already running on port {Port}", Port);
            }
            else
            {
                await StartOnAFreePortAsync(ct);
                StartedHere = true;
            }
        }
        await CreateDatabaseAsync(database, ct);
    }

    /// <summary>
    /// Signs this process out of the folder without stopping the cluster: for a benchmark's set-up that dropped its
    /// database just before its host starts on the same folder (that host stops the cluster as usual).
    /// </summary>
    public async Task SignOutAsync()
    {
        await using var gate = await AcquireLockAsync(_pgData + ".lock", CancellationToken.None);
        File.Delete(Path.Combine(HostsDir, _hostEntry));
    }

    /// <summary>
    /// Stops the cluster when this host is the last Vape host on the folder, whoever started it: a starter that died
    /// (SIGKILL, a benchmark that threw) must not leave the cluster running for ever (ADR 0104).
    /// </summary>
    public async Task StopIfOwnedAsync(string ownApplicationName)
    {
        // Under the gate of start-up: a host cannot decide to reuse the cluster while this one decides to stop it.
        await using var gate = await AcquireLockAsync(_pgData + ".lock", CancellationToken.None);
        var seen = Entries().ToList();
        File.Delete(Path.Combine(HostsDir, _hostEntry));
        if (ReadRunningPort() is not int running) return;
        var signedIn = OtherLiveHosts();
        if (signedIn > 0)
        {
            _logger.LogInformation("Leaving the embedded PostgreSQL cluster running: {Others} other Vape hosts use it", signedIn);
            return;
        }
        try
        {
            // The cluster that runs on this folder now: one restarted since this host started may be on another port.
            var ask = new NpgsqlConnectionStringBuilder(ConnectionString("postgres", "vape-stop")) { Port = running, Pooling = false };
            await using var conn = new NpgsqlConnection(ask.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where application_name like 'vape:%' and application_name <> @own", conn);
            cmd.Parameters.AddWithValue("own", ownApplicationName);
            var others = (long)(await cmd.ExecuteScalarAsync() ?? 0L);
            if (others > 0)
            {
                _logger.LogInformation("Leaving the embedded PostgreSQL cluster running: {Others} connections of other Vape hosts", others);
                return;
            }
        }
        catch (NpgsqlException)
        {
            // Already down: nothing to stop.
            return;
        }
        NpgsqlConnection.ClearAllPools();
        // What the decision rested on, for a stop that comes under a running host (CI, 2026-12-08: one did, unexplained).
        Remember($"stopping the cluster as the last host ({ownApplicationName}); entries seen: [{string.Join(", ", seen)}], " +
            $"left: [{string.Join(", ", Entries())}]; started on port {Port}, running on {running}");
        await RunAsync("pg_ctl", ["stop", "-D", _pgData, "-m", "fast", "-w", "-t", "60"], CancellationToken.None);
        _logger.LogInformation("Stopped the embedded PostgreSQL cluster");
    }

    private async Task InitAsync(CancellationToken ct)
    {
        _logger.LogInformation("Creating the embedded PostgreSQL cluster in {PgData}", _pgData);
        Directory.CreateDirectory(_pgData);
        await GiveToClusterUserAsync(_pgData, ct);
        await RunAsync("initdb", ["-D", _pgData, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"], ct);
    }

    /// <summary>Where a fallback port is remembered, for the next host that starts the cluster on this folder.</summary>
    private string PortFile => _pgData + ".port";

    /// <summary>
    /// Starts on the port derived from the folder's path, or the one remembered after an earlier fallback; when that
    /// port is taken (another program's ephemeral port), on the next free one, which is then remembered.
    /// </summary>
    private async Task StartOnAFreePortAsync(CancellationToken ct)
    {
        var preferred = File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), out var remembered) && remembered is >= MinPort and <= MaxPort
            ? remembered : DerivePort(_pgData);
        var candidates = Enumerable.Range(0, MaxPort - MinPort + 1).Select(i => MinPort + (preferred - MinPort + i) % (MaxPort - MinPort + 1));
        var tries = 0;
        foreach (var port in candidates.Where(IsFree))
        {
            Port = port;
            if (await StartAsync(ct, lastTry: ++tries == 5)) break;
            _logger.LogWarning("Port {Port} was taken while the embedded PostgreSQL cluster started; trying another", port);
        }
        if (Port != preferred)
        {
            _logger.LogWarning("Port {Preferred} is taken: the embedded PostgreSQL cluster runs on {Port}, remembered in {File}", preferred, Port, PortFile);
            await File.WriteAllTextAsync(PortFile, Port.ToString(CultureInfo.InvariantCulture), ct);
        }
    }

    private const int MinPort = 41000;
    private const int MaxPort = 49999;

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>Starts the cluster on <see cref="Port"/>; false when the port was taken meanwhile (and this is not the last try).</summary>
    private async Task<bool> StartAsync(CancellationToken ct, bool lastTry)
    {
        var socketDir = Path.Combine(_pgData, "sockets");
        Directory.CreateDirectory(socketDir);
        await GiveToClusterUserAsync(socketDir, ct);
        var log = Path.Combine(_pgData, "server.log");
        var options = $"-p {Port} -k {socketDir} -c listen_addresses=127.0.0.1 -c max_connections=300";
        _logger.LogInformation("Starting the embedded PostgreSQL cluster on 127.0.0.1:{Port}", Port);
        var (code, output) = await RunAsync("pg_ctl", ["start", "-D", _pgData, "-w", "-t", "60", "-l", log, "-o", options], ct, throwOnError: false);
        if (code != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(10)) : "";
            if (!lastTry && tail.Contains("could not bind", StringComparison.Ordinal)) return false;
            throw new EmbeddedPostgresUnavailableException($"Vape: the embedded PostgreSQL cluster in {_pgData} did not start ({output.Trim()}). {tail}");
        }
        return true;
    }

    private async Task CreateDatabaseAsync(string database, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres", "vape-setup"));
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", conn);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "")}\" encoding 'UTF8'", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another host created it between the check and here.
        }
    }

    /// <summary>The port of the postmaster that runs on this folder, or null when none does.</summary>
    private int? ReadRunningPort()
    {
        var pidFile = Path.Combine(_pgData, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        string[] lines;
        try { lines = File.ReadAllLines(pidFile); }
        catch (IOException) { return null; }
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null; // stale pid file: pg_ctl start cleans it up
        }
    }

    internal static int DerivePort(string pgData)
    {
        // FNV-1a over the path: stable per folder, so two checkouts on one machine get different ports.
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(pgData)) hash = (hash ^ b) * 16777619;
        return MinPort + (int)(hash % 9000);
    }

    private static string? FindBinaries(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
        if (fromPath is not null) return fromPath;
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private async Task GiveToClusterUserAsync(string path, CancellationToken ct)
    {
        if (_runAs is null) return;
        await RunRawAsync("chown", ["-R", $"{_runAs}:", path], ct);
        await RunRawAsync("chmod", ["700", path], ct);
    }

    private Task<(int, string)> RunAsync(string tool, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var exe = Path.Combine(_binDir, tool);
        return _runAs is null
            ? RunRawAsync(exe, args, ct, throwOnError)
            : RunRawAsync("runuser", ["-u", _runAs, "--", exe, .. args], ct, throwOnError);
    }

    private static async Task<(int, string)> RunRawAsync(string file, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        // pg_ctl -l sends the postmaster's output to the log file, so these pipes close when pg_ctl exits.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        if (throwOnError && process.ExitCode != 0)
            throw new EmbeddedPostgresUnavailableException($"Vape: `{file} {string.Join(' ', args)}` failed ({process.ExitCode}): {output.Trim()}");
        return (process.ExitCode, output);
    }

    /// <summary>Other hosts signed in under `postgres.hosts` whose process lives; entries of dead processes are removed.</summary>
    private IEnumerable<string> Entries() =>
        Directory.Exists(HostsDir) ? Directory.GetFiles(HostsDir).Select(Path.GetFileName).OfType<string>() : [];

    /// <summary>
    /// Who stopped the cluster and which host entries it removed, in `postgres.stops` beside the cluster (no personal
    /// data: process ids and application names). A cluster stopped under running hosts is then explained by the file,
    /// whatever the hosts' log levels were.
    /// </summary>
    private void Remember(string what)
    {
        try
        {
            File.AppendAllText(_pgData + ".stops", $"{DateTimeOffset.UtcNow:O} process {Environment.ProcessId} ({_hostEntry}): {what}\n");
        }
        catch (IOException)
        {
            // A note for diagnosis only: never a reason to fail a stop.
        }
    }

    private int OtherLiveHosts()
    {
        if (!Directory.Exists(HostsDir)) return 0;
        var live = 0;
        foreach (var entry in Directory.GetFiles(HostsDir))
        {
            var name = Path.GetFileName(entry);
            if (int.TryParse(name.Split('-')[0], out var pid) && Alive(pid)) live++;
            else
            {
                Remember($"removed the entry {name}: no such live process seen from here");
                File.Delete(entry);
            }
        }
        return live;
    }

    internal static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(100, ct);
            }
        }
    }
}

internal sealed class EmbeddedPostgresUnavailableException(string message) : Exception(message);
