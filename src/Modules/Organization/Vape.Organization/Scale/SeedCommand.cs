using System.Globalization;
using JasperFx;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Vape.Organization.Contracts;

// JasperFx finds commands in the entry assembly and in assemblies carrying this attribute.
[assembly: JasperFxAssembly]

namespace Vape.Organization.Scale;

public sealed class SeedInput : NetCoreInput
{
    [Description("national: the 34 provinces, ~3,300 communes, ~35,000 lower units, 1,000,000 members; small: 2 provinces × 10 communes × ~10 lower units, 5,000 members")]
    public string ScaleFlag { get; set; } = "";

    [Description("Replace an earlier scale seed, or seed a database that holds more than the start-up data")]
    public bool ForceFlag { get; set; }

    [Description("Also (or only) write this many learners with logins hv0001… in Phường Ba Đình, for the load client")]
    public int LoadFlag { get; set; }

    [Description("With --load: this many officials with logins cb001… (staff of Phường Ba Đình)")]
    public int OfficialsFlag { get; set; }
}

/// <summary>
/// `dotnet run --project src/Host/Vape.Host -- seed --scale national`: starts the host (schema and start-up data
/// as usual, in the database of `Vape:Database` or `ConnectionStrings:Postgres`), then writes a generated tree
/// below the provinces with <see cref="ScaleSeed"/>. For benchmark and load-test databases only.
/// </summary>
[Description("Fills the database with a generated tree and members at national scale, for benchmarks and load tests", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input)
    {
        var shape = ScaleShape.Named(input.ScaleFlag);
        if (shape is null && !(input.LoadFlag > 0 && input.ScaleFlag.Length == 0))
        {
            await Console.Error.WriteLineAsync($"Say which scale: --scale national or --scale small (not '{input.ScaleFlag}').");
            return false;
        }

        using var host = input.BuildHost();
        // A running Vape host may hold the usual port: this one listens on a free loopback port while it seeds.
        host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Add("http://127.0.0.1:0");
        await host.StartAsync();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            var database = host.Services.GetRequiredService<NpgsqlDataSource>();
            if (shape is not null)
            {
                var seed = new ScaleSeed(database, host.Services.GetRequiredService<TimeProvider>(), Console.Out);
                var result = await seed.RunAsync(shape, input.ForceFlag, stopping);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Seeded '{shape.Name}' in {result.Elapsed.TotalSeconds:F1} s: {result.Communes:N0} communes and wards, {result.LowerUnits:N0} lower units, {result.Members:N0} members ({result.Memberships:N0} clan memberships, {result.Roles:N0} chairs)."));
            }
            if (input.LoadFlag > 0)
            {
                var (learners, officials) = await LoadPeople.WriteAsync(database, input.LoadFlag, input.OfficialsFlag, stopping);
                Console.WriteLine($"Load people: {learners} learners and {officials} officials written (hv0001… and cb001…; those already there kept).");
            }
            // Written without an event per change: the modules that keep a copy of the tree rebuild it now (docs/adr/0167).
            using (var scope = host.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(new TreeBulkLoaded(DateTimeOffset.UtcNow), stopping, TimeSpan.FromHours(1));
            return true;
        }
        catch (ScaleSeedRefusedException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped: the members written so far stay; run again with --force to start over.");
            return false;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
