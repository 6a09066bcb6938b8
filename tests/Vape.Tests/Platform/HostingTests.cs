using System.Diagnostics;
using System.Globalization;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Hosting;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>How the host finds its database, survives a restart, and runs its command line.</summary>
[Collection(VapeCollection.Name)]
public sealed class HostingTests(VapeApp app)
{
    private static readonly string HostDll = typeof(Program).Assembly.Location;

    [Fact]
    public async Task A_second_start_on_the_same_data_folder_reuses_the_running_cluster()
    {
        var running = app.Host.Services.GetService<EmbeddedPostgres>();
        running.ShouldNotBeNull("the shared test host runs on the embedded cluster");
        var paths = app.Host.Services.GetRequiredService<VapePaths>();

        var second = EmbeddedPostgres.Create(paths.PostgresData, null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await second.EnsureRunningAsync("vape_tests", CancellationToken.None);

        second.StartedHere.ShouldBeFalse();
        second.Port.ShouldBe(running.Port);
        await second.StopIfOwnedAsync("vape:test"); // not its cluster: must leave it running
        (await app.GraphQL("{ units { nodes { id } } }")).Status.ShouldBe(200);
    }

    [Fact]
    public void Hot_statements_are_prepared_unless_the_connection_string_says_otherwise_and_the_modules_pool_does_not_reset()
    {
        var modules = new NpgsqlConnectionStringBuilder(app.Host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        modules.MaxAutoPrepare.ShouldBe(64);
        modules.AutoPrepareMinUsages.ShouldBe(2);
        modules.NoResetOnClose.ShouldBeTrue();

        string Prepared(string given) => Vape.BuildingBlocks.Storage.StorageSetup.PrepareHotStatements(given);
        new NpgsqlConnectionStringBuilder(Prepared("Host=db;Username=vape")).MaxAutoPrepare.ShouldBe(64);
        new NpgsqlConnectionStringBuilder(Prepared("Host=db;Max Auto Prepare=0")).MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(Prepared("Host=db;MaxAutoPrepare=5")).MaxAutoPrepare.ShouldBe(5);
    }

    [Fact]
    public async Task With_a_connection_string_no_cluster_is_started_and_data_survives_a_restart()
    {
        var cluster = app.Host.Services.GetRequiredService<EmbeddedPostgres>();
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres", "vape-test")))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("drop database if exists vape_tests_external with (force)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("create database vape_tests_external", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = cluster.ConnectionString("vape_tests_external", "vape-test");

        async Task<IAlbaHost> Start() => await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:Postgres", connectionString);
        });

        string unitId;
        await using (var first = await Start())
        {
            first.Services.GetService<EmbeddedPostgres>().ShouldBeNull();
            var token = (await (await first.Scenario(s => s.Post.Json(new { login = "central" }).ToUrl("/dev/token")))
                .ReadAsJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
            var root = await first.Scenario(s => s.Post.Json(new { query = "{ units { nodes { id version } } }" }).ToUrl("/graphql"));
            var centre = (await root.ReadAsJsonAsync<System.Text.Json.JsonElement>()).GetProperty("data").GetProperty("units").GetProperty("nodes")[0];
            unitId = centre.GetProperty("id").GetString()!;
            await first.Scenario(s =>
            {
                s.Post.Json(new
                {
                    query = "mutation($i: RenameUnitInput!) { renameUnit(input: $i) { name } }",
                    variables = new { i = new { unitId, name = "Hội Khuyến học Việt Nam — sau khởi động lại", expectedVersion = centre.GetProperty("version").GetInt32() } },
                }).ToUrl("/graphql");
                s.WithBearerToken(token!);
                s.ContentShouldContain("sau khởi động lại");
            });
        }

        await using var second = await Start();
        await second.Scenario(s =>
        {
            s.Post.Json(new { query = $"{{ unit(id: \"{unitId}\") {{ name }} }}" }).ToUrl("/graphql");
            s.ContentShouldContain("Hội Khuyến học Việt Nam — sau khởi động lại");
        });
    }

    [Fact]
    public async Task Without_PostgreSQL_binaries_the_host_stops_with_one_line_naming_the_package()
    {
        var (code, stdout, stderr) = await RunHost(["--Vape:PostgresBin=/nonexistent", "--Vape:DataPath=" + Path.Combine(Path.GetTempPath(), "vape-nobin")]);
        code.ShouldBe(78);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, stderr + stdout);
        lines[0].ShouldContain("apt-get install -y postgresql");
    }

    [Fact]
    public async Task A_bad_start_up_value_stops_the_host_before_anything_starts_naming_its_key()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "vape-badkey-" + Guid.NewGuid().ToString("N")[..8]);
        var (code, stdout, stderr) = await RunHost(["--Vape:Cors:Origins:0=app.vape.test", "--Vape:DataPath=" + dataPath]);
        code.ShouldNotBe(0);
        stderr.ShouldContain("Vape:Cors:Origins:0 must be an origin", customMessage: stdout);
        Directory.Exists(Path.Combine(dataPath, "postgres")).ShouldBeFalse(); // no cluster was created for a host that cannot start
    }

    [Fact]
    public async Task The_JasperFx_command_line_describes_the_host()
    {
        var paths = app.Host.Services.GetRequiredService<VapePaths>();
        var (code, stdout, stderr) = await RunHost(["describe"], paths.DataPath);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("Wolverine");
        stdout.ShouldContain("Vape.Organization");
    }

    [Fact]
    public async Task The_JasperFx_command_line_applies_the_database_schema()
    {
        var paths = app.Host.Services.GetRequiredService<VapePaths>();
        var (code, _, stderr) = await RunHost(["db-apply"], paths.DataPath);
        code.ShouldBe(0, stderr);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_host_serves_where_urls_or_ASPNETCORE_URLS_say_and_stops_cleanly(bool viaArgument)
    {
        var port = Ports.Free();
        var url = $"http://127.0.0.1:{port}";
        var paths = app.Host.Services.GetRequiredService<VapePaths>();
        var psi = HostStart(viaArgument ? ["--urls", url] : [], paths.DataPath);
        if (!viaArgument) psi.Environment["ASPNETCORE_URLS"] = url;
        using var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            string? ready = null;
            for (var i = 0; i < 120 && ready != "Healthy"; i++)
            {
                try { ready = await http.GetStringAsync("/health/ready"); }
                catch (HttpRequestException) { await Task.Delay(500); }
            }
            ready.ShouldBe("Healthy");
            var graphql = await http.PostAsync("/graphql", new StringContent("{\"query\":\"{ units { nodes { name } } }\"}", System.Text.Encoding.UTF8, "application/json"));
            graphql.IsSuccessStatusCode.ShouldBeTrue(await graphql.Content.ReadAsStringAsync());
        }
        finally
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0);
        (await app.GraphQL("{ units { nodes { id } } }")).Status.ShouldBe(200); // the cluster it reused is still up
    }

    private static ProcessStartInfo HostStart(string[] args, string? dataPath)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(HostDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Vape__Database"] = "vape_tests_process";
        if (dataPath is not null) psi.Environment["Vape__DataPath"] = dataPath;
        return psi;
    }

    private static async Task<(int, string, string)> RunHost(string[] args, string? dataPath = null)
    {
        using var process = Process.Start(HostStart(args, dataPath))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
